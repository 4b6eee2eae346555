import { authorizedRoute } from "@/lib/actions/authorized-route";
import { auditParams } from "@/lib/audit/schemas";
import { exportAuditEvents } from "@/lib/audit/queries";
import { csvRow } from "@/lib/csv";

export const GET = authorizedRoute({ query: auditParams, permission: "audit.read" }, async ({ viewer, query }) => {
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      controller.enqueue(encoder.encode(csvRow(["time", "actor", "action", "target type", "target", "target id", "before", "after"])));
      for await (const batch of exportAuditEvents(viewer, query)) {
        for (const e of batch) controller.enqueue(encoder.encode(csvRow([e.createdAt, e.actorEmail, e.action, e.targetType, e.targetName, e.targetId, e.before, e.after])));
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
