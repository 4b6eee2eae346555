import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Tx } from "@/lib/db/scoped";
import { seesWholeWorkspace } from "@/lib/policy";
import { visibleTeamIds } from "./teams";

// Resources the viewer may see (lib/policy visibleResourceIds): everything for admins; for anyone else a
// resource whose materialized path (self and ancestors) meets a resource assigned to a team it can see.

/** The resources assigned to a team the viewer can see; a resource is visible when its path meets them. */
export async function resourceRootIds(tx: Tx, viewer: Viewer, visibleTeams?: string[]): Promise<string[]> {
  const teamIds = visibleTeams ?? (await visibleTeamIds(tx, viewer));
  if (!teamIds.length) return [];
  const rows = await tx.teamResource.findMany({
    where: { workspaceId: viewer.workspaceId, teamId: { in: teamIds } },
    select: { resourceId: true },
    distinct: ["resourceId"],
  });
  return rows.map((r) => r.resourceId);
}

export type ResourceScope = { workspaceId: string; where: Prisma.ResourceWhereInput; roots: string[] | null };

/** null roots means everything (admins). */
export async function resourceScope(tx: Tx, viewer: Viewer): Promise<ResourceScope> {
  const workspaceId = viewer.workspaceId;
  if (seesWholeWorkspace(viewer.role)) return { workspaceId, where: { workspaceId }, roots: null };
  const roots = await resourceRootIds(tx, viewer);
  return { workspaceId, where: { workspaceId, path: { hasSome: roots } }, roots };
}

/** The same scope as an SQL condition on the Resource row aliased `r` (or another alias). */
export function resourceScopeSql(scope: ResourceScope, alias = "r"): Prisma.Sql {
  const r = Prisma.raw(`"${alias}"`);
  const ws = Prisma.sql`${r}."workspaceId" = ${scope.workspaceId}::uuid`;
  return scope.roots === null ? ws : Prisma.sql`(${ws} AND ${r}.path && ${scope.roots}::uuid[])`;
}
