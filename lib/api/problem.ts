// Errors of the REST API as application/problem+json (RFC 9457). Each says only what the caller may know: a
// 404 is the same body for a foreign id and a random one; a 400 names the offending field of the request.
import type { ActionOutcome } from "@/lib/actions/authorized";

export type Problem = { type: string; title: string; status: number; detail: string; field?: string; exposures?: string[]; confirmation?: string | null };

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export function problemBody(status: number, detail: string, field?: string): Problem {
  return { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, ...(field ? { field } : {}) };
}

export function problem(status: number, detail: string, opts: { field?: string; headers?: HeadersInit; extra?: Partial<Problem> } = {}): Response {
  const headers = new Headers(opts.headers);
  headers.set("content-type", "application/problem+json");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify({ ...problemBody(status, detail, opts.field), ...(opts.extra ?? {}) }), { status, headers });
}

/** The one 404 of the API: it never says which part was not found, nor why. */
export const NOT_FOUND_DETAIL = "Not found.";
export const notFound = () => problem(404, NOT_FOUND_DETAIL);

/** A console action's refusal as a status: out of scope and not allowed are both a 404 that names nothing. */
export function outcomeProblem(out: Exclude<ActionOutcome<unknown>, { ok: true }>): Response {
  switch (out.reason) {
    case "invalid":
      return problem(400, out.error, { field: out.field });
    case "not-found":
    case "forbidden":
      return notFound();
    case "unauthenticated":
      return problem(401, "A valid API token is required.");
    case "refused":
    case "conflict":
      // A cross-client exposure names only what the admin making the change may see; its confirmation goes back as confirmExposures.
      return problem(409, out.error, out.exposures ? { extra: { exposures: out.exposures.lines.map((l) => l.text), confirmation: out.exposures.blocked ? null : out.exposures.confirmation } } : {});
    default:
      return problem(500, "Something went wrong. Nothing was changed.");
  }
}

/** Thrown by a handler for bad input found after parsing (a cursor that does not decode): a 400 on that field. */
export class BadRequest extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
  }
}
