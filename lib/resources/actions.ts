"use server";
import { authorizedAction } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer } from "@/lib/db/scoped";
import { previewWrite } from "@/lib/isolation/preview";
import { NO_EXPOSURE } from "@/lib/isolation/guard";
import { bulkAssignInput, moveInput, previewInput } from "./schemas";
import { assignToTeams, countDescendants, loadResources, loadTeams, moveBetweenTeams, remainingInherited, reviewAssignment, reviewMove } from "./assign";

const PATHS = ["/settings/resources", "/catalog"];

/**
 * Says beforehand what a bulk add or remove will do: how many resources, how many descendants come along, and
 * (for an add) every cross-client exposure it would add, with the confirmation the add must carry.
 */
export const previewAssignment = authorizedAction({ input: previewInput, permission: "assignments.manage" }, async ({ viewer, input }) => {
  const exposures = input.mode === "add" ? await previewWrite(viewer, (tx) => reviewAssignment(tx, viewer, input)) : NO_EXPOSURE;
  return withViewer(viewer, async (tx) => {
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
      exposures,
    };
  });
});

/** What a move would expose, with the confirmation the move must carry. */
export const previewMove = authorizedAction({ input: moveInput, permission: "assignments.manage" }, async ({ viewer, input }) =>
  previewWrite(viewer, (tx) => reviewMove(tx, viewer, input)),
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

/** Moves direct assignments from one team to another; authorized against both teams, checked like an add to the destination. */
export const moveAssignments = authorizedAction({ input: moveInput, permission: "assignments.manage" }, async ({ viewer, input }) => {
  const out = await withViewer(viewer, (tx) => moveBetweenTeams(tx, viewer, input));
  refresh(...PATHS);
  return { moved: out.moved, skipped: out.skipped, remaining: out.remaining, exposures: out.exposures };
});
