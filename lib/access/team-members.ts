import { Prisma } from "@/lib/generated/prisma/client";

// Who is a member of a team, for the database: a direct member, a member of a group linked to the team, and,
// for General, every non-guest of the workspace. lib/policy states the same rule as pure functions
// (memberTeamIds, teamMemberIds); this is the one module that writes it as queries, in each form the code
// needs, besides the database's own count of a team's members (team_member_count, which keeps Team."memberCount":
// prisma/migrations/20261208010000_team_member_count; tests/integration/team-member-count.test.ts holds the two
// equal). No "server-only" here: identity resolution (lib/auth/resolve-viewer.ts) uses it too, outside Next.

type Db = Pick<Prisma.TransactionClient, "teamGroup">;

/** A team as the membership rule needs it. */
export type MemberTeam = { id: string; isDefault: boolean };

/** Teams and the groups linked to them: enough to state "is a member of one of these teams". */
export type TeamLinks = { teamIds: string[]; groupIds: string[]; general: boolean };

/** The teams' group links, read once so that each form below is a plain, indexable condition. */
export async function teamLinks(db: Db, workspaceId: string, teams: MemberTeam[]): Promise<TeamLinks> {
  const teamIds = teams.map((t) => t.id);
  const links = teamIds.length
    ? await db.teamGroup.findMany({ where: { workspaceId, teamId: { in: teamIds } }, select: { groupId: true } })
    : [];
  return { teamIds, groupIds: [...new Set(links.map((l) => l.groupId))], general: teams.some((t) => t.isDefault) };
}

/** Prisma, over User: members of one of the teams. */
export function teamMembersWhere(workspaceId: string, l: TeamLinks): Prisma.UserWhereInput {
  const ws = workspaceId;
  const or: Prisma.UserWhereInput[] = [{ teamMembers: { some: { workspaceId: ws, teamId: { in: l.teamIds } } } }];
  if (l.groupIds.length) or.push({ groupMembers: { some: { workspaceId: ws, groupId: { in: l.groupIds } } } });
  if (l.general) or.push({ memberships: { some: { workspaceId: ws, role: { not: "GUEST" } } } });
  return { OR: or };
}

/** Prisma, over Membership (one per user and workspace): the memberships of the teams' members. */
export function teamMembershipsWhere(workspaceId: string, l: TeamLinks): Prisma.MembershipWhereInput {
  const ws = workspaceId;
  const or: Prisma.MembershipWhereInput[] = [{ user: { teamMembers: { some: { workspaceId: ws, teamId: { in: l.teamIds } } } } }];
  if (l.groupIds.length) or.push({ user: { groupMembers: { some: { workspaceId: ws, groupId: { in: l.groupIds } } } } });
  if (l.general) or.push({ role: { not: "GUEST" } });
  return { OR: or };
}

/**
 * SQL: the condition that the user in `userId` is a member of one of the teams. `role` is that user's
 * Membership.role in the workspace when the query has it at hand (General is then a plain `role <> 'GUEST'`);
 * otherwise General is looked up in Membership. The direct and group members are one set probed once: a
 * semi-join measured 15 ms at 100,000 members where per-row EXISTS probes took 67 ms (bench/README.md).
 */
export function teamMemberSql(workspaceId: string, l: TeamLinks, userId: Prisma.Sql, role?: Prisma.Sql): Prisma.Sql {
  const ws = workspaceId;
  const direct = Prisma.sql`SELECT tm."userId" FROM "TeamMember" tm WHERE tm."workspaceId" = ${ws}::uuid AND tm."teamId" = ANY(${l.teamIds}::uuid[])`;
  const ids = l.groupIds.length
    ? Prisma.sql`${direct} UNION SELECT gm."userId" FROM "GroupMember" gm WHERE gm."workspaceId" = ${ws}::uuid AND gm."groupId" = ANY(${l.groupIds}::uuid[])`
    : direct;
  const or: Prisma.Sql[] = [Prisma.sql`${userId} IN (${ids})`];
  if (l.general) {
    or.push(role
      ? Prisma.sql`${role} <> 'GUEST'`
      : Prisma.sql`${userId} IN (SELECT m."userId" FROM "Membership" m WHERE m."workspaceId" = ${ws}::uuid AND m.role <> 'GUEST')`);
  }
  return Prisma.sql`(${Prisma.join(or, " OR ")})`;
}

/** Membership rows (as a write inserts them): with `written`, `effectiveMembershipsSql` also says which memberships held before that write. */
export type MembershipRows = {
  teamMembers?: { teamId: string; userId: string }[];
  groupMembers?: { groupId: string; userId: string }[];
  teamGroups?: { teamId: string; groupId: string }[];
};

/**
 * SQL: every effective membership of the workspace as rows (tid, uid), for per-team counts. `users` (a subquery of
 * user ids) restricts it to those people, each read through the (workspaceId, userId) indexes in one set-based
 * join, never one lookup per person; `general: false` leaves out General's implicit members (every non-guest), for
 * a caller that counts General apart or reads only Guests (who are never among them).
 *
 * `written` (the rows a write just inserted) adds a column `was` to each row: whether that way of being a member
 * used none of those rows. A membership held before the write exactly when one of its rows has `was` (group by
 * (tid, uid) and `bool_or(was)`), so one pass gives the state after the write and the one before it.
 */
export function effectiveMembershipsSql(workspaceId: string, opts: { users?: Prisma.Sql; written?: MembershipRows; general?: boolean } = {}): Prisma.Sql {
  const ws = workspaceId;
  const of = (col: Prisma.Sql) => (opts.users ? Prisma.sql` AND ${col} IN (${opts.users})` : Prisma.empty);
  const marked = opts.written !== undefined;
  const tm = opts.written?.teamMembers ?? [];
  const gm = opts.written?.groupMembers ?? [];
  const tg = opts.written?.teamGroups ?? [];
  // The row is not among `rows` (true when there are none): ANDed into `was`.
  const not = (rows: { [k: string]: string }[], a: string, b: string, colA: Prisma.Sql, colB: Prisma.Sql) =>
    rows.length
      ? Prisma.sql`NOT EXISTS (SELECT 1 FROM unnest(${rows.map((r) => r[a])}::uuid[], ${rows.map((r) => r[b])}::uuid[]) AS w(a, b) WHERE w.a = ${colA} AND w.b = ${colB})`
      : Prisma.sql`true`;
  const was = (cond: Prisma.Sql) => (marked ? Prisma.sql`, ${cond} AS was` : Prisma.empty);
  return Prisma.sql`
    SELECT tm."teamId" AS tid, tm."userId" AS uid${was(not(tm, "teamId", "userId", Prisma.sql`tm."teamId"`, Prisma.sql`tm."userId"`))} FROM "TeamMember" tm WHERE tm."workspaceId" = ${ws}::uuid${of(Prisma.sql`tm."userId"`)}
    UNION
    SELECT tg."teamId", gm."userId"${was(Prisma.sql`${not(gm, "groupId", "userId", Prisma.sql`gm."groupId"`, Prisma.sql`gm."userId"`)} AND ${not(tg, "teamId", "groupId", Prisma.sql`tg."teamId"`, Prisma.sql`tg."groupId"`)}`)} FROM "TeamGroup" tg
      JOIN "GroupMember" gm ON gm."workspaceId" = tg."workspaceId" AND gm."groupId" = tg."groupId"
      WHERE tg."workspaceId" = ${ws}::uuid${of(Prisma.sql`gm."userId"`)}
${opts.general === false ? Prisma.empty : Prisma.sql`
    UNION
    SELECT t.id, m."userId"${was(Prisma.sql`true`)} FROM "Team" t JOIN "Membership" m ON m."workspaceId" = t."workspaceId" AND m.role <> 'GUEST'
      WHERE t."workspaceId" = ${ws}::uuid AND t."isDefault"${of(Prisma.sql`m."userId"`)}`}`;
}

/**
 * SQL, the ids of the teams a user is a member of (what memberTeamsWhere selects), for a workspace, user and role
 * given as SQL expressions: direct, through a group linked to the team, and General for everyone but a guest.
 */
export function memberTeamIdsSql(workspaceId: Prisma.Sql, userId: Prisma.Sql, role: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT tm."teamId" FROM "TeamMember" tm WHERE tm."workspaceId" = ${workspaceId} AND tm."userId" = ${userId}
    UNION
    SELECT tg."teamId" FROM "GroupMember" gm JOIN "TeamGroup" tg ON tg."workspaceId" = gm."workspaceId" AND tg."groupId" = gm."groupId"
     WHERE gm."workspaceId" = ${workspaceId} AND gm."userId" = ${userId}
    UNION
    SELECT t.id FROM "Team" t WHERE t."workspaceId" = ${workspaceId} AND t."isDefault" AND ${role} <> 'GUEST'`;
}

/** Prisma, over Team: the teams a user is a member of (its own viewer's memberTeamIds). */
export function memberTeamsWhere(workspaceId: string, userId: string, role: string): Prisma.TeamWhereInput {
  return {
    workspaceId,
    OR: [
      { members: { some: { userId } } },
      { groups: { some: { group: { members: { some: { userId } } } } } },
      ...(role !== "GUEST" ? [{ isDefault: true }] : []),
    ],
  };
}

type MemberDb = Pick<Prisma.TransactionClient, "teamMember" | "groupMember">;

/** The ids of the teams' direct and group members (General's implicit members are not listed: see `general`). */
export async function listedMemberIds(db: MemberDb, workspaceId: string, l: TeamLinks): Promise<string[]> {
  const direct = l.teamIds.length
    ? await db.teamMember.findMany({ where: { workspaceId, teamId: { in: l.teamIds } }, select: { userId: true } })
    : [];
  const viaGroups = l.groupIds.length
    ? await db.groupMember.findMany({ where: { workspaceId, groupId: { in: l.groupIds } }, select: { userId: true } })
    : [];
  return [...new Set([...direct, ...viaGroups].map((m) => m.userId))];
}
