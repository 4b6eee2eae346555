import "server-only";
import { memberView, notDeactivatedIn, shownName, shownNameOrEmailContains, shownStatus } from "@/lib/access/people";
import { likeContains, textContains } from "@/lib/db/like";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/scoped";
import { resourceScope, teamLinks, teamMembersWhere, teamMemberSql, teamScope, teamScopeSql, userScope, userScopeContext } from "@/lib/access/scope";
import { can, isInternal, type Role } from "@/lib/policy";
import type { ResourceType } from "@/lib/generated/prisma/enums";
import type { MembersParams, TeamsParams } from "./schemas";
import { tableOrder } from "@/lib/db/order";
import { descendantsOf } from "@/lib/resources/queries";

/** What every listing of a team shows of it. */
type TeamFields = { id: string; name: string; slug: string; description: string; visibility: "PUBLIC" | "PRIVATE"; isDefault: boolean };

export type TeamSummary = TeamFields & { isMember: boolean };

/** Teams the viewer can see; `mine` keeps only the ones it belongs to (the sidebar, "My team"). */
export async function listVisibleTeams(viewer: Viewer, opts: { mine?: boolean } = {}): Promise<TeamSummary[]> {
  return withViewer(viewer, async (tx) => {
    const where = opts.mine ? { AND: [teamScope(viewer), { id: { in: viewer.memberTeamIds } }] } : teamScope(viewer);
    const teams = await tx.team.findMany({
      where,
      select: { id: true, name: true, slug: true, description: true, visibility: true, isDefault: true },
      orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    });
    return teams.map((t) => ({ ...t, isMember: viewer.memberTeamIds.includes(t.id) }));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Teams settings and the team page.


export type Paged<T> = { rows: T[]; total: number; page: number; size: number; pageCount: number };

export type TeamRow = TeamFields & {
  members: number;
  groups: number;
  resources: number;
};

const likePattern = likeContains;

const TEAM_ORDER: Record<TeamsParams["sort"], string> = {
  name: `lower(name)`,
  visibility: `visibility`,
  members: `members`,
  groups: `groups`,
  resources: `resources`,
};

/**
 * The teams table of the settings (admins): every team with its members, groups and resources. The member count is
 * the team's own column, exact and kept by the database (Team."memberCount", 20261208010000_team_member_count), so a
 * sort by members sorts the teams' integers rather than counting every team's members (287 ms at 2,000 teams and
 * 100,000 members, bench/README.md, #20). Groups and resources are counted for the page's teams only (25, not
 * 2,000); a sort by one of them counts that one figure for every team.
 */
export async function listTeamsTable(viewer: Viewer, p: TeamsParams): Promise<Paged<TeamRow>> {
  if (!can(viewer.role, "teams.manage")) return { rows: [], total: 0, page: 1, size: p.size, pageCount: 1 };
  return withViewer(viewer, async (tx) => {
    const q = p.q ? likePattern(p.q) : null;
    const order = Prisma.raw(`${TEAM_ORDER[p.sort]} ${p.dir === "desc" ? "DESC" : "ASC"}, name ASC, id ASC`);
    const teams = Prisma.sql`
      SELECT t.id, t.name, t.slug, t.description, t.visibility::text AS visibility, t."isDefault", t."workspaceId", t."memberCount" AS members
        FROM "Team" t
       WHERE ${teamScopeSql(viewer, "t")}
         AND (${q}::text IS NULL OR t.name ILIKE ${q}::text OR t.description ILIKE ${q}::text)`;
    const [{ total }] = await tx.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total FROM (${teams}) f`);
    const pageCount = Math.max(1, Math.ceil(total / p.size));
    const page = Math.min(p.page, pageCount);
    const groups = Prisma.sql`(SELECT count(*) FROM "TeamGroup" tg WHERE tg."workspaceId" = f."workspaceId" AND tg."teamId" = f.id)`;
    const resources = Prisma.sql`(SELECT count(*) FROM "TeamResource" tr WHERE tr."workspaceId" = f."workspaceId" AND tr."teamId" = f.id)`;
    const sortKey =
      p.sort === "groups"
        ? Prisma.sql`, ${groups} AS groups`
        : p.sort === "resources"
          ? Prisma.sql`, ${resources} AS resources`
          : Prisma.empty;
    const rows = await tx.$queryRaw<TeamRow[]>(Prisma.sql`
      WITH page AS (
        SELECT f.* ${sortKey} FROM (${teams}) f
         ORDER BY ${order} LIMIT ${p.size} OFFSET ${(page - 1) * p.size}
      )
      SELECT f.id, f.name, f.slug, f.description, f.visibility, f."isDefault",
             f.members::int AS members,
             ${p.sort === "groups" ? Prisma.sql`f.groups` : groups}::int AS groups,
             ${p.sort === "resources" ? Prisma.sql`f.resources` : resources}::int AS resources
        FROM page f
       ORDER BY ${order}`);
    return { rows: rows.map((r) => ({ ...r, members: Number(r.members), groups: Number(r.groups), resources: Number(r.resources) })), total, page, size: p.size, pageCount };
  });
}

export type TeamGroupDTO = { id: string; name: string; members: number; guests: number };
export type TeamResourceDTO = { id: string; name: string; type: ResourceType; descendants: number };
/** A team's page: its summary (`isMember`: through any path, direct, group or General) and what the viewer may do. */
export type TeamDetail = TeamSummary & {
  isDirectMember: boolean;
  canManage: boolean;
  canJoin: boolean;
  canLeave: boolean;
  /** null for guests: group names are never shown to them. */
  groups: TeamGroupDTO[] | null;
  resources: TeamResourceDTO[];
  resourceCount: number;
};

async function findTeam(tx: Tx, viewer: Viewer, where: Prisma.TeamWhereInput) {
  return tx.team.findFirst({
    where: { AND: [teamScope(viewer), where] },
    select: { id: true, name: true, slug: true, description: true, visibility: true, isDefault: true },
  });
}

/** One team as the viewer may see it, or null (a private team it is not in looks like no team at all). */
export async function getTeamBySlug(viewer: Viewer, slug: string): Promise<TeamDetail | null> {
  return withViewer(viewer, async (tx) => {
    const team = await findTeam(tx, viewer, { slug });
    if (!team) return null;
    const ws = viewer.workspaceId;
    const isMember = viewer.memberTeamIds.includes(team.id);
    const isDirectMember = !!(await tx.teamMember.findFirst({ where: { workspaceId: ws, teamId: team.id, userId: viewer.userId }, select: { userId: true } }));
    let groups: TeamGroupDTO[] | null = null;
    if (isInternal(viewer.role)) {
      const links = await tx.teamGroup.findMany({
        where: { workspaceId: ws, teamId: team.id },
        select: { group: { select: { id: true, name: true, members: { select: { user: { select: { memberships: { where: { workspaceId: ws }, select: memberView } } } } } } } },
      });
      groups = links
        .map(({ group: g }) => ({
          id: g.id,
          name: g.name,
          members: g.members.length,
          guests: g.members.filter((m) => m.user.memberships[0]?.role === "GUEST").length,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    }
    const scope = await resourceScope(tx, viewer);
    const assignedWhere: Prisma.ResourceWhereInput = { AND: [scope.where, { teams: { some: { workspaceId: ws, teamId: team.id } } }] };
    const resourceCount = await tx.resource.count({ where: assignedWhere });
    const assigned = await tx.resource.findMany({ where: assignedWhere, select: { id: true, name: true, type: true }, orderBy: [{ type: "asc" }, { name: "asc" }], take: 100 });
    const counts = await descendantsOf(tx, scope, assigned.map((r) => r.id), { live: true });
    const resources: TeamResourceDTO[] = assigned.map((r) => ({ ...r, descendants: counts.get(r.id) ?? 0 }));
    const internal = isInternal(viewer.role);
    return {
      ...team,
      isMember,
      isDirectMember,
      canManage: can(viewer.role, "teams.manage"),
      canJoin: internal && can(viewer.role, "teams.join-public") && team.visibility === "PUBLIC" && !team.isDefault && !isDirectMember,
      canLeave: internal && !team.isDefault && isDirectMember,
      groups,
      resources,
      resourceCount,
    };
  });
}

export type TeamMemberRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: "ACTIVE" | "INVITED" | "DEACTIVATED";
  direct: boolean;
  /** Group names for internal viewers; for guests always empty (see `throughGroup`). */
  groups: { id: string; name: string }[];
  throughGroup: boolean;
  /** Every non-guest is in General whatever else. */
  everyone: boolean;
};

/** A page of a team's members as the viewer may see them, each with how it belongs. */
export async function listTeamMembers(viewer: Viewer, teamId: string, p: MembersParams): Promise<Paged<TeamMemberRow>> {
  return withViewer(viewer, async (tx) => {
    const empty = { rows: [], total: 0, page: 1, size: p.size, pageCount: 1 };
    const team = await findTeam(tx, viewer, { id: teamId });
    if (!team) return empty;
    const ws = viewer.workspaceId;
    const links = await teamLinks(tx, ws, [team]);
    const groupIds = links.groupIds;
    const where: Prisma.UserWhereInput = {
      AND: [
        userScope(viewer, await userScopeContext(tx, viewer)),
        teamMembersWhere(ws, links),
        p.q ? shownNameOrEmailContains(ws, textContains(p.q)) : {},
      ],
    };
    const total = await tx.user.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / p.size));
    const page = Math.min(p.page, pageCount);
    const users = await tx.user.findMany({
      where,
      select: { id: true, name: true, email: true, status: true, memberships: { where: { workspaceId: ws }, select: memberView } },
      orderBy: tableOrder(p.sort, p.dir),
      skip: (page - 1) * p.size,
      take: p.size,
    });
    const ids = users.map((u) => u.id);
    const direct = new Set((await tx.teamMember.findMany({ where: { workspaceId: ws, teamId, userId: { in: ids } }, select: { userId: true } })).map((r) => r.userId));
    const viaGroup = await tx.groupMember.findMany({ where: { workspaceId: ws, groupId: { in: groupIds }, userId: { in: ids } }, select: { userId: true, groupId: true } });
    const names = isInternal(viewer.role) && viaGroup.length
      ? new Map((await tx.group.findMany({ where: { workspaceId: ws, id: { in: groupIds } }, select: { id: true, name: true } })).map((g) => [g.id, g.name]))
      : new Map<string, string>();
    // Guests learn who is in their team, never how (direct, or through which group).
    const internal = isInternal(viewer.role);
    const rows = users.map((u) => {
      const role = (u.memberships[0]?.role ?? "GUEST") as Role;
      const mine = internal ? viaGroup.filter((g) => g.userId === u.id) : [];
      return {
        id: u.id,
        name: shownName(u),
        email: u.email,
        role,
        status: shownStatus(u),
        direct: internal && direct.has(u.id),
        groups: mine.flatMap((g) => (names.has(g.groupId) ? [{ id: g.groupId, name: names.get(g.groupId)! }] : [])).sort((a, b) => a.name.localeCompare(b.name)),
        throughGroup: mine.length > 0,
        everyone: internal && team.isDefault && role !== "GUEST",
      };
    });
    return { rows, total, page, size: p.size, pageCount };
  });
}

export type Candidate = { id: string; name: string; email: string; role: Role };
export type GroupCandidate = { id: string; name: string; members: { name: string; role: Role }[] };

/** People an admin may add to a team directly (not yet direct members), for the picker. */
export async function listTeamCandidates(viewer: Viewer, teamId: string, opts: { take?: number } = {}): Promise<Candidate[]> {
  if (!can(viewer.role, "teams.manage")) return [];
  return withViewer(viewer, async (tx) => {
    const team = await findTeam(tx, viewer, { id: teamId });
    if (!team) return [];
    const ws = viewer.workspaceId;
    const users = await tx.user.findMany({
      where: {
        AND: [
          userScope(viewer, await userScopeContext(tx, viewer)),
          notDeactivatedIn(ws),
          { teamMembers: { none: { workspaceId: ws, teamId } } },
          // Every employee is in General already: only guests can be added to it.
          team.isDefault ? { memberships: { some: { workspaceId: ws, role: "GUEST" } } } : {},
        ],
      },
      select: { id: true, name: true, email: true, status: true, memberships: { where: { workspaceId: ws }, select: memberView } },
      orderBy: { name: "asc" },
      take: opts.take ?? 500,
    });
    return users.map((u) => ({ id: u.id, name: shownName(u), email: u.email, role: (u.memberships[0]?.role ?? "GUEST") as Role }));
  });
}

/** Groups an admin may add to a team (not yet linked), each with its members' roles for the guardrails. */
export async function listTeamGroupCandidates(viewer: Viewer, teamId: string): Promise<GroupCandidate[]> {
  if (!can(viewer.role, "teams.manage")) return [];
  return withViewer(viewer, async (tx) => {
    const team = await findTeam(tx, viewer, { id: teamId });
    if (!team) return [];
    const ws = viewer.workspaceId;
    const groups = await tx.group.findMany({
      where: { workspaceId: ws, teams: { none: { workspaceId: ws, teamId } } },
      select: { id: true, name: true, members: { select: { user: { select: { name: true, memberships: { where: { workspaceId: ws }, select: memberView } } } } } },
      orderBy: { name: "asc" },
      take: 500,
    });
    return groups.map((g) => ({ id: g.id, name: g.name, members: g.members.map((m) => ({ name: m.user.name, role: (m.user.memberships[0]?.role ?? "GUEST") as Role })) }));
  });
}

/** `connections`: the sign-in connections bound to the team, by name (deletion is refused while there are any). */
export type DeletionImpact = { members: number; groups: number; assigned: number; onlyHere: number; tokens: number; connections: string[] };

/**
 * What deleting a team takes away: its members, groups and assignments, and how many resources are reachable
 * through this team only (afterwards, unless assigned again, only admins see them).
 */
export async function getTeamDeletionImpact(viewer: Viewer, teamId: string): Promise<DeletionImpact | null> {
  if (!can(viewer.role, "teams.manage")) return null;
  return withViewer(viewer, (tx) => teamDeletionImpact(tx, viewer, teamId));
}

export async function teamDeletionImpact(tx: Tx, viewer: Viewer, teamId: string): Promise<DeletionImpact | null> {
  const team = await findTeam(tx, viewer, { id: teamId });
  if (!team) return null;
  const ws = viewer.workspaceId;
  const inTeam = teamMemberSql(ws, await teamLinks(tx, ws, [team]), Prisma.sql`m."userId"`, Prisma.sql`m.role`);
  const [rows] = await tx.$queryRaw<{ members: number }[]>(
    Prisma.sql`SELECT count(*)::int AS members FROM "Membership" m WHERE m."workspaceId" = ${ws}::uuid AND ${inTeam}`,
  );
  const groups = await tx.teamGroup.count({ where: { workspaceId: ws, teamId } });
  const mine = (await tx.teamResource.findMany({ where: { workspaceId: ws, teamId }, select: { resourceId: true } })).map((r) => r.resourceId);
  const others = (await tx.teamResource.findMany({ where: { workspaceId: ws, teamId: { not: teamId } }, select: { resourceId: true }, distinct: ["resourceId"] })).map((r) => r.resourceId);
  const onlyHere = mine.length
    ? await tx.resource.count({ where: { workspaceId: ws, removedAt: null, path: { hasSome: mine }, NOT: others.length ? { path: { hasSome: others } } : undefined } })
    : 0;
  const tokens = await tx.apiToken.count({ where: { workspaceId: ws, teamId, revokedAt: null, expiresAt: { gt: new Date() } } });
  const connections = (await tx.authConnection.findMany({ where: { workspaceId: ws, teamId }, select: { name: true }, orderBy: { name: "asc" } })).map((c) => c.name);
  return { members: Number(rows?.members ?? 0), groups, assigned: mine.length, onlyHere, tokens, connections };
}

export type BrowseTeam = TeamSummary & { isDirectMember: boolean };

/** The teams the viewer can see, with whether it may join or leave each (the /teams listing). */
export async function listBrowseTeams(viewer: Viewer): Promise<BrowseTeam[]> {
  return withViewer(viewer, async (tx) => {
    const teams = await tx.team.findMany({
      where: teamScope(viewer),
      select: { id: true, name: true, slug: true, description: true, visibility: true, isDefault: true },
      orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    });
    const direct = new Set((await tx.teamMember.findMany({ where: { workspaceId: viewer.workspaceId, userId: viewer.userId }, select: { teamId: true } })).map((r) => r.teamId));
    return teams.map((t) => ({ ...t, isMember: viewer.memberTeamIds.includes(t.id), isDirectMember: direct.has(t.id) }));
  });
}
