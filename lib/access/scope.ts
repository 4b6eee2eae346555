import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Tx } from "@/lib/db/scoped";

// The policy of lib/policy expressed as Prisma `where` clauses. Every scoped read starts from these, so
// authorization happens inside the query and nothing is filtered after fetching.

export function teamScope(viewer: Viewer): Prisma.TeamWhereInput {
  switch (viewer.role) {
    case "ADMIN":
      return { workspaceId: viewer.workspaceId };
    case "EDITOR":
    case "VIEWER":
      return { workspaceId: viewer.workspaceId, OR: [{ id: { in: viewer.memberTeamIds } }, { visibility: "PUBLIC" }] };
    case "GUEST":
      return { workspaceId: viewer.workspaceId, id: { in: viewer.memberTeamIds } };
    default:
      return { id: { in: [] } };
  }
}

export async function visibleTeamIds(tx: Tx, viewer: Viewer): Promise<string[]> {
  if (viewer.role === "GUEST") return viewer.memberTeamIds;
  const teams = await tx.team.findMany({ where: teamScope(viewer), select: { id: true } });
  return teams.map((t) => t.id);
}

/** The resources assigned to a team the viewer can see; a resource is visible when its path meets them. */
export async function resourceRootIds(tx: Tx, viewer: Viewer): Promise<string[]> {
  const teamIds = await visibleTeamIds(tx, viewer);
  if (!teamIds.length) return [];
  const rows = await tx.teamResource.findMany({
    where: { workspaceId: viewer.workspaceId, teamId: { in: teamIds } },
    select: { resourceId: true },
    distinct: ["resourceId"],
  });
  return rows.map((r) => r.resourceId);
}

export type ResourceScope = { where: Prisma.ResourceWhereInput; roots: string[] | null };

/** null roots means everything (admins). */
export async function resourceScope(tx: Tx, viewer: Viewer): Promise<ResourceScope> {
  if (viewer.role === "ADMIN") return { where: { workspaceId: viewer.workspaceId }, roots: null };
  const roots = await resourceRootIds(tx, viewer);
  return { where: { workspaceId: viewer.workspaceId, path: { hasSome: roots } }, roots };
}

export type UserScopeContext = {
  generalTeamId: string | null;
  teamGroupIds: string[];
  /**
   * For a guest outside General: everyone it could possibly see (itself, its teams' direct members, the members
   * of groups linked to its teams). userScope adds `id IN (these)` to the rules, which changes nothing about who
   * is visible but gives PostgreSQL an indexable condition under row-level security (bench/README.md).
   */
  candidateIds?: string[] | null;
};

/** What a guest's user scope needs beyond the viewer: General's id and the groups linked to its teams. */
export async function userScopeContext(tx: Tx, viewer: Viewer): Promise<UserScopeContext> {
  const general = await tx.team.findFirst({ where: { workspaceId: viewer.workspaceId, isDefault: true }, select: { id: true } });
  const guest = viewer.role === "GUEST" && viewer.memberTeamIds.length > 0;
  const links = guest
    ? await tx.teamGroup.findMany({ where: { workspaceId: viewer.workspaceId, teamId: { in: viewer.memberTeamIds } }, select: { groupId: true } })
    : [];
  const teamGroupIds = [...new Set(links.map((l) => l.groupId))];
  let candidateIds: string[] | null = null;
  if (guest && !(general && viewer.memberTeamIds.includes(general.id))) {
    const direct = await tx.teamMember.findMany({ where: { workspaceId: viewer.workspaceId, teamId: { in: viewer.memberTeamIds } }, select: { userId: true } });
    const viaGroups = teamGroupIds.length
      ? await tx.groupMember.findMany({ where: { workspaceId: viewer.workspaceId, groupId: { in: teamGroupIds } }, select: { userId: true } })
      : [];
    candidateIds = [...new Set([viewer.userId, ...direct.map((d) => d.userId), ...viaGroups.map((g) => g.userId)])];
  }
  return { generalTeamId: general?.id ?? null, teamGroupIds, candidateIds };
}

/** People the viewer may list: everyone for admins, the non-deactivated for internal people, a guest's team-mates. */
export function userScope(viewer: Viewer, ctx: UserScopeContext): Prisma.UserWhereInput {
  const inWorkspace: Prisma.UserWhereInput = { memberships: { some: { workspaceId: viewer.workspaceId } } };
  if (viewer.role === "ADMIN") return inWorkspace;
  if (viewer.role === "EDITOR" || viewer.role === "VIEWER") return { AND: [inWorkspace, { status: { not: "DEACTIVATED" } }] };
  if (viewer.role !== "GUEST") return { id: { in: [] } };
  const teams = viewer.memberTeamIds;
  const ws = viewer.workspaceId;
  const shared: Prisma.UserWhereInput[] = [
    { teamMembers: { some: { workspaceId: ws, teamId: { in: teams } } } },
    { groupMembers: { some: { workspaceId: ws, groupId: { in: ctx.teamGroupIds } } } },
  ];
  if (ctx.generalTeamId && teams.includes(ctx.generalTeamId)) {
    shared.push({ memberships: { some: { workspaceId: ws, role: { not: "GUEST" } } } });
  }
  return {
    AND: [
      inWorkspace,
      ...(ctx.candidateIds ? [{ id: { in: ctx.candidateIds } }] : []),
      { OR: [{ id: viewer.userId }, { AND: [{ status: { not: "DEACTIVATED" } }, { OR: shared }] }] },
    ],
  };
}
