import { z } from "zod";
import { tableParams, tableUrl } from "@/lib/table-params";

export const AUDIT_SORTS = ["createdAt", "action", "actorEmail", "targetType"] as const;

export const auditParams = tableParams(AUDIT_SORTS, { sort: "createdAt", dir: "desc", maxPage: 1_000_000 }).extend({
  action: z.string().trim().max(100).regex(/^[a-z0-9_.-]*$/).catch(""),
  targetType: z.string().trim().max(50).regex(/^[a-z0-9_.-]*$/).catch(""),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
});

export type AuditParams = z.infer<typeof auditParams>;

export const auditUrl = tableUrl(auditParams, ["action", "targetType", "from", "to"] as const);
