"use server";
// Manual lineage edges ("this dashboard is built from that view"): admins, and editors between resources they can
// see. An edge grants no visibility (a viewer sees it only when both ends are visible to them already), so the
// cross-client exposure rule has nothing to check here.
import { authorizedAction, NotFoundError, UserError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { resourceScope } from "@/lib/access/scope";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { manualEdgeInput } from "./schemas";

/** Both ends, as the viewer may see them; either one out of sight is "Not found." (nothing says which). */
async function ends(tx: Tx, viewer: Viewer, fromId: string, toId: string) {
  const scope = await resourceScope(tx, viewer);
  const rows = await tx.resource.findMany({ where: { AND: [scope.where, { id: { in: [fromId, toId] } }] }, select: { id: true, name: true } });
  const from = rows.find((r) => r.id === fromId);
  const to = rows.find((r) => r.id === toId);
  if (!from || !to) throw new NotFoundError();
  return { from, to };
}

export const addManualLineageEdge = authorizedAction({ input: manualEdgeInput, permission: "resources.edit" }, async ({ viewer, input }) => {
  const out = await withViewer(viewer, async (tx) => {
    const { from, to } = await ends(tx, viewer, input.fromId, input.toId);
    const exists = await tx.lineageEdge.findFirst({ where: { workspaceId: viewer.workspaceId, fromId: from.id, toId: to.id, kind: "manual" }, select: { id: true } });
    if (exists) throw new UserError(`${from.name} already feeds ${to.name}.`);
    await tx.lineageEdge.createMany({ data: [{ workspaceId: viewer.workspaceId, fromId: from.id, toId: to.id, kind: "manual", source: "manual", createdById: viewer.userId }] });
    await recordAudit(tx, viewer, { action: "lineage.edge.added", targetType: "resource", targetId: to.id, targetName: to.name, after: { from: from.name, to: to.name, kind: "manual" } });
    return { fromId: from.id, toId: to.id };
  });
  refresh(`/resources/${input.fromId}`, `/resources/${input.toId}`);
  return out;
});

export const removeManualLineageEdge = authorizedAction({ input: manualEdgeInput, permission: "resources.edit" }, async ({ viewer, input }) => {
  await withViewer(viewer, async (tx) => {
    const { from, to } = await ends(tx, viewer, input.fromId, input.toId);
    const { count } = await tx.lineageEdge.deleteMany({ where: { workspaceId: viewer.workspaceId, fromId: from.id, toId: to.id, kind: "manual" } });
    if (!count) throw new NotFoundError();
    await recordAudit(tx, viewer, { action: "lineage.edge.removed", targetType: "resource", targetId: to.id, targetName: to.name, before: { from: from.name, to: to.name, kind: "manual" } });
  });
  refresh(`/resources/${input.fromId}`, `/resources/${input.toId}`);
  return { removed: true };
});
