"use server";
import { authorizedAction } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer } from "@/lib/db/scoped";
import { bulkAssignInput, moveInput, previewInput } from "./schemas";
import { assignToTeams, countDescendants, loadResources, loadTeams, remainingInherited } from "./assign";

const PATHS = ["/settings/resources", "/catalog"];

/** Says beforehand what a bulk add or remove will do: how many resources, how many descendants come along. */
export const previewAssignment = authorizedAction({ input: previewInput, permission: "assignments.manage" }, async ({ viewer, input }) =>
  withViewer(viewer, async (tx) => {
    const resources = await loadResources(tx, viewer, input.resourceIds);
    const teams = await loadTeams(tx, viewer, input.teamIds);
    const ids = resources.map((r) => r.id);
    const descendants = await countDescendants(tx, viewer, ids);
    const direct = await tx.teamResource.count({ where: { workspaceId: viewer.workspaceId, teamId: { in: teams.map((t) => t.id) }, resourceId: { in: ids } } });
    return {
      mode: input.mode,
      resources: resources.length,
      descendants,
      teams: teams.map((t) => t.name),
      /** add: pairs already assigned (left as they are); remove: pairs that will actually be removed */
      existing: direct,
      remaining: input.mode === "remove" ? await remainingInherited(tx, viewer, resources, teams) : [],
    };
  }),
);

/** Adds each resource to each team. Descendants are covered through the ancestor path, now and later. */
export const assignResources = authorizedAction({ input: bulkAssignInput, permission: "assignments.manage" }, async ({ viewer, input }) => {
  const out = await withViewer(viewer, (tx) => assignToTeams(tx, viewer, input));
  refresh(...PATHS);
  return out;
});

/** Removes each resource from each team (direct assignments only) and explains what stays through an ancestor. */
export const unassignResources = authorizedAction({ input: bulkAssignInput, permission: "assignments.manage" }, async ({ viewer, input }) => {
  const out = await withViewer(viewer, async (tx) => {
    const resources = await loadResources(tx, viewer, input.resourceIds);
    const teams = await loadTeams(tx, viewer, input.teamIds);
    const existing = await tx.teamResource.findMany({
      where: { workspaceId: viewer.workspaceId, teamId: { in: teams.map((t) => t.id) }, resourceId: { in: resources.map((r) => r.id) } },
      select: { teamId: true, resourceId: true, team: { select: { name: true } } },
    });
    for (const r of resources) {
      const mine = existing.filter((e) => e.resourceId === r.id);
      if (!mine.length) continue;
      await tx.teamResource.deleteMany({ where: { workspaceId: viewer.workspaceId, resourceId: r.id, teamId: { in: mine.map((e) => e.teamId) } } });
      await recordAudit(tx, viewer, { action: "resource.unassigned", targetType: "resource", targetId: r.id, targetName: r.name, before: { teams: mine.map((e) => e.team.name) } });
    }
    return { removed: existing.length, remaining: await remainingInherited(tx, viewer, resources, teams) };
  });
  refresh(...PATHS);
  return out;
});

/** Moves direct assignments from one team to another; authorized against both teams. */
export const moveAssignments = authorizedAction({ input: moveInput, permission: "assignments.manage" }, async ({ viewer, input }) => {
  const out = await withViewer(viewer, async (tx) => {
    const resources = await loadResources(tx, viewer, input.resourceIds);
    const teams = await loadTeams(tx, viewer, [input.fromTeamId, input.toTeamId]);
    const from = teams.find((t) => t.id === input.fromTeamId)!;
    const to = teams.find((t) => t.id === input.toTeamId)!;
    const ids = resources.map((r) => r.id);
    const moving = await tx.teamResource.findMany({ where: { workspaceId: viewer.workspaceId, teamId: from.id, resourceId: { in: ids } }, select: { resourceId: true } });
    const movingIds = new Set(moving.map((m) => m.resourceId));
    let moved = 0;
    for (const r of resources.filter((x) => movingIds.has(x.id))) {
      await tx.teamResource.delete({ where: { workspaceId_teamId_resourceId: { workspaceId: viewer.workspaceId, teamId: from.id, resourceId: r.id } } });
      await tx.teamResource.upsert({
        where: { workspaceId_teamId_resourceId: { workspaceId: viewer.workspaceId, teamId: to.id, resourceId: r.id } },
        create: { workspaceId: viewer.workspaceId, teamId: to.id, resourceId: r.id, source: "MANUAL", createdById: viewer.userId },
        update: {},
      });
      await recordAudit(tx, viewer, { action: "resource.moved", targetType: "resource", targetId: r.id, targetName: r.name, before: { teams: [from.name] }, after: { teams: [to.name] } });
      moved++;
    }
    return { moved, skipped: resources.length - moved, remaining: await remainingInherited(tx, viewer, resources, [from]) };
  });
  refresh(...PATHS);
  return out;
});
