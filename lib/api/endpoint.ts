import type { z } from "zod";
import type { Permission } from "@/lib/policy";

// What an endpoint of /api/v1 is: the one description that validates its requests (lib/api/route.ts), documents
// it (lib/api/openapi.ts) and puts it into the cross-client probes (e2e/routes.ts, tests of the registry).

export type Method = "GET" | "POST" | "PATCH" | "DELETE";

export type Endpoint<P extends z.ZodObject = z.ZodObject, Q extends z.ZodObject = z.ZodObject, B extends z.ZodType = z.ZodType> = {
  operationId: string;
  method: Method;
  /** OpenAPI path below /api/v1, `{id}` style. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** "token" (Authorization: Bearer), "session" (a signed-in browser, same origin only) or "none". */
  auth: "token" | "session" | "none";
  /** A write: refused (403) for a read-scope token. */
  write?: boolean;
  /** The right it needs (admins' endpoints): everyone else gets the 404, as for the console's admin pages. */
  permission?: Permission;
  params?: P;
  query?: Q;
  body?: B;
  response: z.ZodType | null;
  status: 200 | 201 | 202 | 204;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function endpoint<const T extends Endpoint<any, any, any>>(e: T): T {
  return e;
}
