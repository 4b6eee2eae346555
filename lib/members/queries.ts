import "server-only";
import { likeContains, textContains } from "@/lib/db/like";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { can, type Role } from "@/lib/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import { teamLinks, teamMembershipsWhere, teamMemberSql, type TeamLinks } from "@/lib/access/scope";
import type { MemberFilters, MembersParams, MemberStatus } from "./schemas";

export type MemberRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: MemberStatus;
  teams: { id: string; name: string }[];
  groups: { id: string; name: string }[];
  joinedAt: string;
  lastActiveAt: string | null;
  /** For invited members: whether the latest invitation is still usable, and until when. */
  invitation: { expiresAt: string; state: "pending" | "expired" | "revoked" | "used" } | null;
};

export type MembersPage = { rows: MemberRow[]; total: number; page: number; size: number; pageCount: number };

/** The members of the viewer's workspace matching the filters: admins only (anyone else gets nothing). */
function membersWhere(viewer: Viewer, f: MemberFilters, team: TeamLinks | null): Prisma.MembershipWhereInput {
  const ws = viewer.workspaceId;
  const and: Prisma.MembershipWhereInput[] = [{ workspaceId: ws }];
  if (f.role) and.push({ role: f.role });
  if (f.status) and.push({ status: f.status });
  if (f.q) {
    const q = f.q;
    // The name this workspace shows (its own until the person joins, then the account's) or the e-mail, as the
    // database keeps them on the membership (sortName, sortEmail).
    and.push({ OR: [{ sortName: textContains(q) }, { sortEmail: textContains(q) }] });
  }
  if (f.team) {
    if (!team) return { id: { in: [] } };
    and.push(teamMembershipsWhere(ws, team));
  }
  return { AND: and };
}

function orderBy(p: Pick<MemberFilters, "sort" | "dir">): Prisma.MembershipOrderByWithRelationInput[] {
  const dir = p.dir;
  const first: Prisma.MembershipOrderByWithRelationInput = (() => {
    switch (p.sort) {
      case "email": return { sortEmail: dir };
      case "role": return { role: dir };
      case "status": return { status: dir };
      case "joined": return { createdAt: dir };
      case "lastActive": return { lastActiveAt: { sort: dir, nulls: "last" } };
      default: return { sortName: dir };
    }
  })();
  return [first, { sortEmail: "asc" }, { id: "asc" }];
}

async function teamFilter(tx: Tx, viewer: Viewer, teamId: string | undefined): Promise<TeamLinks | null> {
  if (!teamId) return null;
  const team = await tx.team.findFirst({ where: { workspaceId: viewer.workspaceId, id: teamId }, select: { id: true, isDefault: true } });
  return team ? teamLinks(tx, viewer.workspaceId, [team]) : null;
}

const memberSelect = {
  id: true,
  role: true,
  createdAt: true,
  status: true,
  lastActiveAt: true,
  userId: true,
  // The name this workspace shows and the account's e-mail, kept exactly by the database (sortName, sortEmail):
  // the table never reads User, whose policy costs a hash of every membership per statement.
  sortName: true,
  sortEmail: true,
} satisfies Prisma.MembershipSelect;

type MemberRecord = Prisma.MembershipGetPayload<{ select: typeof memberSelect }>;

/** Teams (direct, through groups, General for non-guests), groups and invitations for a set of rows: one query each. */
async function decorate(tx: Tx, viewer: Viewer, records: MemberRecord[]): Promise<MemberRow[]> {
  const ws = viewer.workspaceId;
  const ids = records.map((r) => r.userId);
  if (!ids.length) return [];
  const [direct, groupLinks, general, invitations] = await Promise.all([
    tx.teamMember.findMany({ where: { workspaceId: ws, userId: { in: ids } }, select: { userId: true, team: { select: { id: true, name: true } } } }),
    tx.groupMember.findMany({ where: { workspaceId: ws, userId: { in: ids } }, select: { userId: true, group: { select: { id: true, name: true } } } }),
    tx.team.findFirst({ where: { workspaceId: ws, isDefault: true }, select: { id: true, name: true } }),
    tx.invitation.findMany({
      where: { workspaceId: ws, userId: { in: ids } },
      select: { userId: true, expiresAt: true, usedAt: true, revokedAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const groupIds = [...new Set(groupLinks.map((g) => g.group.id))];
  const viaGroups = groupIds.length
    ? await tx.teamGroup.findMany({ where: { workspaceId: ws, groupId: { in: groupIds } }, select: { groupId: true, team: { select: { id: true, name: true } } } })
    : [];
  const now = Date.now();
  const group = <X, K>(xs: X[], key: (x: X) => K) => {
    const m = new Map<K, X[]>();
    for (const x of xs) {
      const k = key(x);
      const arr = m.get(k);
      if (arr) arr.push(x);
      else m.set(k, [x]);
    }
    return m;
  };
  const directBy = group(direct, (d) => d.userId);
  const groupsBy = group(groupLinks, (g) => g.userId);
  const teamsByGroup = group(viaGroups, (l) => l.groupId);
  const invBy = group(invitations, (i) => i.userId);
  return records.map((r) => {
    const uid = r.userId;
    const teams = new Map<string, { id: string; name: string }>();
    if (general && r.role !== "GUEST") teams.set(general.id, general);
    for (const d of directBy.get(uid) ?? []) teams.set(d.team.id, d.team);
    const groups = (groupsBy.get(uid) ?? []).map((g) => g.group);
    for (const g of groups) for (const l of teamsByGroup.get(g.id) ?? []) teams.set(l.team.id, l.team);
    const inv = invBy.get(uid)?.[0];
    return {
      id: uid,
      // This workspace's view of the person: never the account's life elsewhere (name, activity, standing).
      name: r.sortName,
      email: r.sortEmail,
      role: r.role as Role,
      status: r.status,
      teams: [...teams.values()].sort((a, b) => (a.id === general?.id ? -1 : b.id === general?.id ? 1 : a.name.localeCompare(b.name))),
      groups: groups.sort((a, b) => a.name.localeCompare(b.name)),
      joinedAt: r.createdAt.toISOString(),
      lastActiveAt: r.lastActiveAt?.toISOString() ?? null,
      invitation: inv
        ? {
            expiresAt: inv.expiresAt.toISOString(),
            state: inv.usedAt ? "used" : inv.revokedAt ? "revoked" : inv.expiresAt.getTime() <= now ? "expired" : "pending",
          }
        : null,
    };
  });
}

const likePattern = likeContains;

const ORDER: Record<MemberFilters["sort"], string> = {
  name: `m."sortName"`,
  email: `m."sortEmail"`,
  role: `m.role`,
  status: `m.status`,
  joined: `m."createdAt"`,
  lastActive: `m."lastActiveAt"`,
};

/**
 * The members table's filters as one SQL condition over Membership m alone: the name and e-mail it filters and
 * sorts on are kept on the membership (sortName, sortEmail), so User is read only for the rows of the page.
 * Same rules as membersWhere, stated for the database: the team filter is a semi-join on the team's people
 * (lib/access/team-members.ts) instead of Prisma's joins.
 */
function membersSql(viewer: Viewer, f: MemberFilters, team: TeamLinks | null) {
  const ws = viewer.workspaceId;
  const conds: Prisma.Sql[] = [Prisma.sql`m."workspaceId" = ${ws}::uuid`];
  if (f.role) conds.push(Prisma.sql`m.role = ${f.role}::"Role"`);
  if (f.status) conds.push(Prisma.sql`m.status = ${f.status}::"UserStatus"`);
  if (f.q) {
    const like = likePattern(f.q);
    // Through the trigram indexes even under row-level security (app_members_matching: the admin's own
    // workspace only, ids only); the rows themselves are still read under the policies.
    conds.push(Prisma.sql`m.id = ANY((SELECT app_members_matching(${like}))::uuid[])`);
  }
  if (f.team) {
    if (!team) return null;
    conds.push(teamMemberSql(ws, team, Prisma.sql`m."userId"`, Prisma.sql`m.role`));
  }
  return { where: Prisma.join(conds, " AND ") };
}

/** One page of the members table, or null for anyone who is not an admin. */
export async function listMembers(viewer: Viewer, p: MembersParams): Promise<MembersPage | null> {
  if (!can(viewer.role, "members.manage")) return null;
  return withViewer(viewer, async (tx) => {
    const cond = membersSql(viewer, p, await teamFilter(tx, viewer, p.team));
    if (!cond) return { rows: [], total: 0, page: 1, size: p.size, pageCount: 1 };
    const [{ total }] = await tx.$queryRaw<{ total: number }[]>(
      Prisma.sql`SELECT count(*)::int AS total FROM "Membership" m WHERE ${cond.where}`,
    );
    const pageCount = Math.max(1, Math.ceil(total / p.size));
    const page = Math.min(p.page, pageCount);
    const dir = p.dir === "desc" ? "DESC" : "ASC";
    const nulls = p.sort === "lastActive" ? " NULLS LAST" : "";
    const order = Prisma.raw(`${ORDER[p.sort]} ${dir}${nulls}, m."sortEmail" ASC, m.id ASC`);
    const ids = total
      ? await tx.$queryRaw<{ id: string }[]>(
          Prisma.sql`SELECT m.id::text AS id FROM "Membership" m WHERE ${cond.where} ORDER BY ${order} LIMIT ${p.size} OFFSET ${(page - 1) * p.size}`,
        )
      : [];
    const found = ids.length ? await tx.membership.findMany({ where: { workspaceId: viewer.workspaceId, id: { in: ids.map((r) => r.id) } }, select: memberSelect }) : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    const records = ids.flatMap((r) => (byId.has(r.id) ? [byId.get(r.id)!] : []));
    return { rows: await decorate(tx, viewer, records), total, page, size: p.size, pageCount };
  });
}

/** Every member matching the filters (the CSV export), in batches; null for anyone who is not an admin. */
export async function exportMembers(viewer: Viewer, f: MemberFilters): Promise<MemberRow[] | null> {
  if (!can(viewer.role, "members.manage")) return null;
  return withViewer(viewer, async (tx) => {
    const where = membersWhere(viewer, f, await teamFilter(tx, viewer, f.team));
    const out: MemberRow[] = [];
    const batch = 2000;
    for (let skip = 0; ; skip += batch) {
      const records = await tx.membership.findMany({ where, select: memberSelect, orderBy: orderBy(f), skip, take: batch });
      out.push(...(await decorate(tx, viewer, records)));
      if (records.length < batch) break;
    }
    return out;
  });
}

/** One member for the admin (the manage dialog re-reads before acting), or null. */
export async function getMember(viewer: Viewer, userId: string): Promise<MemberRow | null> {
  if (!can(viewer.role, "members.manage")) return null;
  return withViewer(viewer, async (tx) => {
    const r = await tx.membership.findFirst({ where: { workspaceId: viewer.workspaceId, userId }, select: memberSelect });
    return r ? (await decorate(tx, viewer, [r]))[0]! : null;
  });
}
