import { z } from "zod";
import { queryText } from "@/lib/validation/text";

export const AUDIT_SORTS = ["createdAt", "action", "actorEmail", "targetType"] as const;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const auditParams = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  size: z.coerce.number().int().refine((n) => [10, 25, 50, 100].includes(n)).catch(25),
  sort: z.enum(AUDIT_SORTS).catch("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  q: queryText(200),
  action: z.string().trim().max(100).regex(/^[a-z0-9_.-]*$/).catch(""),
  targetType: z.string().trim().max(50).regex(/^[a-z0-9_.-]*$/).catch(""),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
});

export type AuditParams = z.infer<typeof auditParams>;

export function parseAuditParams(sp: Record<string, unknown>): AuditParams {
  return auditParams.parse(Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, one(v)])));
}
