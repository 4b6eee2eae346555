import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Tx } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/actions/authorized";
import { resourceScope, teamScope } from "@/lib/access/scope";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { recordAudit } from "@/lib/audit/record";
import { actorOf, checkExposure, reviewExposure, type ExposureReview } from "@/lib/isolation/guard";

export type Target = { id: string; name: string; type: keyof typeof TYPE_LABELS; path: string[] };

/** The resources, every one in the viewer's scope, or NotFound (never says which id failed). */
export async function loadResources(tx: Tx, viewer: Viewer, ids: string[]): Promise<Target[]> {
  const unique = [...new Set(ids)];
  const scope = await resourceScope(tx, viewer);
  const rows = await tx.resource.findMany({ where: { AND: [scope.where, { id: { in: unique } }] }, select: { id: true, name: true, type: true, path: true } });
  if (rows.length !== unique.length) throw new NotFoundError();
  return rows;
}

/** The teams, every one visible to the viewer, or NotFound. An assignment is checked against every team it touches. */
export async function loadTeams(tx: Tx, viewer: Viewer, ids: string[]): Promise<{ id: string; name: string }[]> {
  const unique = [...new Set(ids)];
  const rows = await tx.team.findMany({ where: { AND: [teamScope(viewer), { id: { in: unique } }] }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  if (rows.length !== unique.length) throw new NotFoundError();
  return rows;
}

/** How many resources below the given ones (not counting the given ones themselves) come along. */
export async function countDescendants(tx: Tx, viewer: Viewer, ids: string[]): Promise<number> {
  return tx.resource.count({ where: { workspaceId: viewer.workspaceId, path: { hasSome: ids }, id: { notIn: ids } } });
}

/**
 * After removing (resource, team) pairs: the ones that stay in the team through an ancestor's assignment, said
 * plainly ("orders stays in Northwind through schema northwind").
 */
export async function remainingInherited(tx: Tx, viewer: Viewer, resources: Target[], teams: { id: string; name: string }[]): Promise<string[]> {
  const ancestorIds = [...new Set(resources.flatMap((r) => r.path.slice(0, -1)))];
  if (!ancestorIds.length) return [];
  const links = await tx.teamResource.findMany({
    where: { workspaceId: viewer.workspaceId, teamId: { in: teams.map((t) => t.id) }, resourceId: { in: ancestorIds } },
    select: { teamId: true, resourceId: true, resource: { select: { name: true, type: true } } },
  });
  const out: string[] = [];
  for (const r of resources) {
    for (const t of teams) {
      const nearest = [...r.path.slice(0, -1)].reverse().map((aid) => links.find((l) => l.teamId === t.id && l.resourceId === aid)).find(Boolean);
      if (nearest) out.push(`${r.name} stays in ${t.name} through ${TYPE_LABELS[nearest.resource.type].toLowerCase()} ${nearest.resource.name}`);
    }
  }
  return out;
}

/**
 * The writes of an assignment: each resource to each team it is not in yet, with an audit event per resource.
 * Returns the (team, resource) rows it inserted, exactly: the exposure check reads what those rows add.
 */
async function writeAssignments(tx: Tx, viewer: Viewer, resources: Target[], teams: { id: string; name: string }[]): Promise<{ teamId: string; resourceId: string }[]> {
  const ids = resources.map((r) => r.id);
  const existing = await tx.teamResource.findMany({ where: { workspaceId: viewer.workspaceId, teamId: { in: teams.map((t) => t.id) }, resourceId: { in: ids } }, select: { teamId: true, resourceId: true } });
  const have = new Set(existing.map((e) => `${e.teamId}:${e.resourceId}`));
  const added: { teamId: string; resourceId: string }[] = [];
  for (const r of resources) {
    const newTeams = teams.filter((t) => !have.has(`${t.id}:${r.id}`));
    if (!newTeams.length) continue;
    await tx.teamResource.createMany({ data: newTeams.map((t) => ({ workspaceId: viewer.workspaceId, teamId: t.id, resourceId: r.id, source: "MANUAL" as const, createdById: viewer.userId })) });
    added.push(...newTeams.map((t) => ({ teamId: t.id, resourceId: r.id })));
    await recordAudit(tx, viewer, { action: "resource.assigned", targetType: "resource", targetId: r.id, targetName: r.name, after: { teams: newTeams.map((t) => t.name) } });
  }
  return added;
}

/** What an assignment's write inserted, for the exposure check. */
const assigned = (rows: { teamId: string; resourceId: string }[]) => ({ assignments: rows });

function assignTarget(resources: Target[], action: string) {
  return { type: "resource", id: resources.length === 1 ? resources[0].id : null, name: resources.length === 1 ? resources[0].name : `${resources.length} resources`, action };
}

/** What an assignment would expose (made and rolled back by the caller's preview transaction). */
export async function reviewAssignment(tx: Tx, viewer: Viewer, input: { resourceIds: string[]; teamIds: string[] }): Promise<ExposureReview> {
  const resources = await loadResources(tx, viewer, input.resourceIds);
  const teams = await loadTeams(tx, viewer, input.teamIds);
  return (await reviewExposure(tx, actorOf(viewer), { teams: teams.map((t) => t.id) }, () => writeAssignments(tx, viewer, resources, teams), assigned)).review;
}

/**
 * The core of the assignResources action (also timed by bench/run.ts, and called by the REST API): adds each
 * resource to each team inside the caller's transaction, with an audit event per resource, through the exposure
 * check of lib/isolation (refused, and rolled back, unless `confirmExposures` confirms what it adds; refused with
 * the lock on unless it only shares resources between client teams). Descendants come through the ancestor path.
 */
export async function assignToTeams(
  tx: Tx,
  viewer: Viewer,
  input: { resourceIds: string[]; teamIds: string[]; confirmExposures?: string | null },
): Promise<{ added: number; descendants: number; exposures: ExposureReview }> {
  const resources = await loadResources(tx, viewer, input.resourceIds);
  const teams = await loadTeams(tx, viewer, input.teamIds);
  const { result: added, review } = await checkExposure(
    tx,
    actorOf(viewer),
    { focus: { teams: teams.map((t) => t.id) }, written: assigned, confirm: input.confirmExposures, target: assignTarget(resources, "resource.assigned") },
    () => writeAssignments(tx, viewer, resources, teams),
  );
  return { added: added.length, descendants: await countDescendants(tx, viewer, resources.map((r) => r.id)), exposures: review };
}

/**
 * Moves direct assignments from one team to another (authorized against both), through the same exposure check
 * as an assignment to the destination team.
 */
export async function moveBetweenTeams(
  tx: Tx,
  viewer: Viewer,
  input: { resourceIds: string[]; fromTeamId: string; toTeamId: string; confirmExposures?: string | null },
) {
  const resources = await loadResources(tx, viewer, input.resourceIds);
  const teams = await loadTeams(tx, viewer, [input.fromTeamId, input.toTeamId]);
  const from = teams.find((t) => t.id === input.fromTeamId)!;
  const to = teams.find((t) => t.id === input.toTeamId)!;
  const ids = resources.map((r) => r.id);
  const write = async () => {
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
    return moved;
  };
  const focus = { teams: [to.id] };
  const { result: moved, review } = await checkExposure(tx, actorOf(viewer), { focus, confirm: input.confirmExposures, target: assignTarget(resources, "resource.moved") }, write);
  return { moved, skipped: resources.length - moved, remaining: await remainingInherited(tx, viewer, resources, [from]), exposures: review, from, to };
}

/** What a move would expose (made and rolled back by the caller's preview transaction). */
export async function reviewMove(tx: Tx, viewer: Viewer, input: { resourceIds: string[]; fromTeamId: string; toTeamId: string }): Promise<ExposureReview> {
  const teams = await loadTeams(tx, viewer, [input.fromTeamId, input.toTeamId]);
  const resources = await loadResources(tx, viewer, input.resourceIds);
  const to = teams.find((t) => t.id === input.toTeamId)!;
  const moving = await tx.teamResource.findMany({ where: { workspaceId: viewer.workspaceId, teamId: input.fromTeamId, resourceId: { in: resources.map((r) => r.id) } }, select: { resourceId: true } });
  return (await reviewExposure(tx, actorOf(viewer), { teams: [to.id] }, () => writeAssignments(tx, viewer, resources.filter((r) => moving.some((m) => m.resourceId === r.id)), [to]))).review;
}
