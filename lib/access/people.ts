import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Tx } from "@/lib/db/scoped";
import { seesWholeWorkspace } from "@/lib/policy";
import { teamMembersWhere, teamMemberSql, type TeamLinks } from "./team-members";

// People the viewer may see (lib/policy visibleUserIds): everyone for admins, the non-deactivated for other
// internal people, and for a guest itself and the (non-deactivated) members of its own teams.

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
  const ws = viewer.workspaceId;
  if (!(viewer.role === "GUEST" && viewer.memberTeamIds.length > 0)) {
    const general = await tx.team.findFirst({ where: { workspaceId: ws, isDefault: true }, select: { id: true } });
    return { generalTeamId: general?.id ?? null, teamGroupIds: [], candidateIds: null };
  }
  // A guest's: General, the groups linked to its teams and, outside General, everyone it could see, in one
  // statement (four round trips before; this runs on every search and people read of a guest).
  const teams = viewer.memberTeamIds;
  const [row] = await tx.$queryRaw<{ general: string | null; groups: string[]; candidates: string[] | null }[]>(Prisma.sql`
    WITH g AS (SELECT t.id FROM "Team" t WHERE t."workspaceId" = ${ws}::uuid AND t."isDefault" LIMIT 1),
         links AS (SELECT DISTINCT tg."groupId" FROM "TeamGroup" tg WHERE tg."workspaceId" = ${ws}::uuid AND tg."teamId" = ANY(${teams}::uuid[]))
    SELECT (SELECT g.id::text FROM g) AS general,
           ARRAY(SELECT links."groupId"::text FROM links) AS groups,
           CASE WHEN EXISTS (SELECT 1 FROM g WHERE g.id = ANY(${teams}::uuid[])) THEN NULL ELSE ARRAY(
             SELECT ${viewer.userId}::uuid
             UNION SELECT tm."userId" FROM "TeamMember" tm WHERE tm."workspaceId" = ${ws}::uuid AND tm."teamId" = ANY(${teams}::uuid[])
             UNION SELECT gm."userId" FROM "GroupMember" gm WHERE gm."workspaceId" = ${ws}::uuid AND gm."groupId" IN (SELECT links."groupId" FROM links)
           )::text[] END AS candidates`);
  return { generalTeamId: row?.general ?? null, teamGroupIds: row?.groups ?? [], candidateIds: row?.candidates ?? null };
}

/** A guest's teams as the membership rule takes them. */
function guestTeams(viewer: Viewer, ctx: UserScopeContext): TeamLinks {
  const teamIds = viewer.memberTeamIds;
  return { teamIds, groupIds: ctx.teamGroupIds, general: !!ctx.generalTeamId && teamIds.includes(ctx.generalTeamId) };
}

/** People the viewer may list: everyone for admins, the non-deactivated for internal people, a guest's team-mates. */
export function userScope(viewer: Viewer, ctx: UserScopeContext): Prisma.UserWhereInput {
  const inWorkspace: Prisma.UserWhereInput = { memberships: { some: { workspaceId: viewer.workspaceId } } };
  if (seesWholeWorkspace(viewer.role)) return inWorkspace;
  if (viewer.role === "EDITOR" || viewer.role === "VIEWER") return { AND: [inWorkspace, notDeactivatedIn(viewer.workspaceId)] };
  if (viewer.role !== "GUEST") return { id: { in: [] } };
  return {
    AND: [
      inWorkspace,
      ...(ctx.candidateIds ? [{ id: { in: ctx.candidateIds } }] : []),
      { OR: [{ id: viewer.userId }, { AND: [notDeactivatedIn(viewer.workspaceId), teamMembersWhere(viewer.workspaceId, guestTeams(viewer, ctx))] }] },
    ],
  };
}

/** The same scope as an SQL condition on the User row aliased `u` (or another alias). */
export function userScopeSql(viewer: Viewer, ctx: UserScopeContext, alias = "u"): Prisma.Sql {
  const u = Prisma.raw(`"${alias}"`);
  const ws = viewer.workspaceId;
  const inWorkspace = Prisma.sql`EXISTS (SELECT 1 FROM "Membership" m WHERE m."workspaceId" = ${ws}::uuid AND m."userId" = ${u}.id)`;
  if (seesWholeWorkspace(viewer.role)) return inWorkspace;
  const listable = Prisma.sql`EXISTS (SELECT 1 FROM "Membership" ml WHERE ml."workspaceId" = ${ws}::uuid AND ml."userId" = ${u}.id AND ml.status <> 'DEACTIVATED') AND ${u}.status <> 'DEACTIVATED'`;
  if (viewer.role === "EDITOR" || viewer.role === "VIEWER") return Prisma.sql`(${inWorkspace} AND ${listable})`;
  if (viewer.role !== "GUEST") return Prisma.sql`false`;
  const candidates = ctx.candidateIds ? Prisma.sql` AND ${u}.id = ANY(${ctx.candidateIds}::uuid[])` : Prisma.empty;
  const mates = teamMemberSql(ws, guestTeams(viewer, ctx), Prisma.sql`${u}.id`);
  return Prisma.sql`(${inWorkspace}${candidates} AND (${u}.id = ${viewer.userId}::uuid OR (${listable} AND ${mates})))`;
}

// ---- what a workspace shows of a person ---------------------------------------------------------------------
// An account is global; what a workspace shows of it is that workspace's membership: the standing there, and the
// name it gave (an invitation's, a provider's) until the account joins there itself. Never the account's life in
// another workspace (#15 item 8).

/** Select this with `memberships: { where: { workspaceId }, select: memberView }` on a User. */
export const memberView = { role: true, status: true, shownName: true } as const;

type Viewed = { name: string; status?: string; memberships: { role: string; status: "ACTIVE" | "INVITED" | "DEACTIVATED"; shownName: string | null }[] };

export function shownName(u: Viewed): string {
  return u.memberships[0]?.shownName ?? u.name;
}

/** Deactivated here, or the account as a whole (an operator's or legacy deactivation, which holds everywhere). */
export function shownStatus(u: Viewed): "ACTIVE" | "INVITED" | "DEACTIVATED" {
  if (u.status === "DEACTIVATED") return "DEACTIVATED";
  return u.memberships[0]?.status ?? "DEACTIVATED";
}

/** A text filter on the name this workspace shows, or the e-mail. */
export function shownNameOrEmailContains(ws: string, contains: Prisma.StringFilter): Prisma.UserWhereInput {
  return {
    OR: [{ memberships: { some: { workspaceId: ws, sortName: contains } } }, { email: contains }],
  };
}

/** Not deactivated in this workspace (the "listable" people of non-admins). */
export function notDeactivatedIn(ws: string): Prisma.UserWhereInput {
  return { status: { not: "DEACTIVATED" }, memberships: { some: { workspaceId: ws, status: { not: "DEACTIVATED" } } } };
}
