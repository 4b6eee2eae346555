import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Tx } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/actions/authorized";
import { resourceScope, teamScope } from "@/lib/access/scope";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { recordAudit } from "@/lib/audit/record";

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
 * The core of the assignResources action (also timed by bench/run.ts): adds each resource to each team inside the
 * caller's transaction, with an audit event per resource. Descendants are covered through the ancestor path.
 */
export async function assignToTeams(tx: Tx, viewer: Viewer, input: { resourceIds: string[]; teamIds: string[] }): Promise<{ added: number; descendants: number }> {
  const resources = await loadResources(tx, viewer, input.resourceIds);
  const teams = await loadTeams(tx, viewer, input.teamIds);
  const ids = resources.map((r) => r.id);
  const existing = await tx.teamResource.findMany({ where: { workspaceId: viewer.workspaceId, teamId: { in: teams.map((t) => t.id) }, resourceId: { in: ids } }, select: { teamId: true, resourceId: true } });
  const have = new Set(existing.map((e) => `${e.teamId}:${e.resourceId}`));
  let added = 0;
  for (const r of resources) {
    const newTeams = teams.filter((t) => !have.has(`${t.id}:${r.id}`));
    if (!newTeams.length) continue;
    await tx.teamResource.createMany({ data: newTeams.map((t) => ({ workspaceId: viewer.workspaceId, teamId: t.id, resourceId: r.id, source: "MANUAL" as const, createdById: viewer.userId })) });
    added += newTeams.length;
    await recordAudit(tx, viewer, { action: "resource.assigned", targetType: "resource", targetId: r.id, targetName: r.name, after: { teams: newTeams.map((t) => t.name) } });
  }
  return { added, descendants: await countDescendants(tx, viewer, ids) };
}
