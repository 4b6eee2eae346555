import "server-only";
import type { Tx } from "@/lib/db/scoped";
import { ADMIN_APP_ROLE, APP_ROLE } from "@/lib/db/config";
import { Prisma } from "@/lib/generated/prisma/client";
import { effectiveMembershipsSql, type MembershipRows } from "@/lib/access/team-members";
import { exposureKey, type Exposure, type ExposureFields } from "@/lib/policy";

// The exposure rule of lib/policy/exposure.ts, computed by PostgreSQL over the whole workspace (no cut-off):
// the same five kinds, the same keys, the same topmost resources of each overlap. tests/integration/
// isolation-rule.test.ts checks that the two agree on random workspaces.
//
// A focus restricts the work to what one write can change, and to every exposure that write could add:
//   users: the people whose teams change (added to a team or group, a group added to a team, a role change,
//          an invitation): every exposure that names one of them, as Guest, as the person seen, or as a group
//          member;
//   teams: the teams whose assigned resources change (an assignment, a move): every exposure whose resource
//          belongs to one of them, or that a Guest of one of them has;
//   groups: the groups that gain members (with those members as users): every exposure of those groups.
// A write must not change both the memberships of its focus teams and their assignments in one check (the
// guests of a focus team are read before and after, and must be the same people).

export type Focus = { users?: string[]; teams?: string[]; groups?: string[] } | null;

/**
 * Exactly the rows a write inserted (no more, no fewer: a row left out would count as there before the write,
 * and what it adds would go unseen). With them, one statement after the write computes both states — the tables
 * as they are, and without those rows — and returns only what the write adds.
 */
export type Written = MembershipRows & { assignments?: { teamId: string; resourceId: string }[] };

type Row = { kind: Exposure["kind"]; a: string; b: string; c: string | null; via: string[] | null; sharing: boolean | null };

/**
 * The statement. `was` on every derived row says whether it held before the write (without `written`: always),
 * and a key held before when one of its rows did. Writes only add rows, so every derived set only grows: a top
 * that is topmost after the write had nothing above it before either, and an exposure that holds after the write
 * and did before is exactly one with a row that did.
 */
export function exposureSql(workspaceId: string, focus: Focus, written: Written | null = null): Prisma.Sql {
  const W = Prisma.sql`${workspaceId}::uuid`;
  const ALL = Prisma.raw(focus === null ? "true" : "false");
  const U = Prisma.sql`${focus?.users ?? []}::uuid[]`;
  const T = Prisma.sql`${focus?.teams ?? []}::uuid[]`;
  const G = Prisma.sql`${focus?.groups ?? []}::uuid[]`;
  const asgNew = written?.assignments ?? [];
  const delta = written !== null;
  const guests = Prisma.sql`SELECT id FROM guest`;
  // A Guest's memberships by the one rule of lib/access, for the set of Guests at once, in one pass that also says
  // which held before the write (a membership did when one of its ways did not use a written row). Guests are
  // never General's implicit members (every non-guest), so that branch is left out.
  const membershipsWritten = !!(written?.teamMembers?.length || written?.groupMembers?.length || written?.teamGroups?.length);
  const gmSql = membershipsWritten
    ? Prisma.sql`SELECT x.uid, x.tid, bool_or(x.was) AS was FROM (${effectiveMembershipsSql(workspaceId, { users: guests, general: false, written: written! })}) x GROUP BY x.uid, x.tid`
    : Prisma.sql`SELECT x.uid, x.tid, true AS was FROM (${effectiveMembershipsSql(workspaceId, { users: guests, general: false })}) x`;
  const asgWas = asgNew.length
    ? Prisma.sql`NOT EXISTS (SELECT 1 FROM unnest(${asgNew.map((a) => a.teamId)}::uuid[], ${asgNew.map((a) => a.resourceId)}::uuid[]) AS w(t, r) WHERE w.t = x.tid AND w.r = x.rid)`
    : Prisma.sql`true`;
  const gmNew = written?.groupMembers ?? [];
  const grpWas = gmNew.length
    ? Prisma.sql`NOT EXISTS (SELECT 1 FROM unnest(${gmNew.map((m) => m.groupId)}::uuid[], ${gmNew.map((m) => m.userId)}::uuid[]) AS w(g, u) WHERE w.g = x."groupId" AND w.u = x."userId")`
    : Prisma.sql`true`;
  return Prisma.sql`
WITH
client AS MATERIALIZED (
  SELECT id FROM "Team" WHERE "workspaceId" = ${W} AND visibility = 'PRIVATE' AND NOT "isDefault"),
guest AS MATERIALIZED (
  -- From the (indexed) Guest memberships to each person, one lookup each (OFFSET 0 keeps it a lookup): never a
  -- scan of every user under the row-level security policies.
  SELECT m."userId" AS id FROM "Membership" m
   CROSS JOIN LATERAL (SELECT u.status FROM "User" u WHERE u.id = m."userId" OFFSET 0) u
   WHERE m."workspaceId" = ${W} AND m.role = 'GUEST' AND m.status <> 'DEACTIVATED' AND u.status <> 'DEACTIVATED'),
gm AS MATERIALIZED (${gmSql}),
gc AS MATERIALIZED (SELECT gm.uid, gm.tid, gm.was FROM gm JOIN client c ON c.id = gm.tid),
fg AS MATERIALIZED (
  SELECT uid FROM gm WHERE ${ALL} OR gm.tid = ANY(${T})
  UNION SELECT unnest(${U})),
rel AS MATERIALIZED (
  SELECT unnest(${T}) AS tid
  UNION SELECT gm.tid FROM gm JOIN fg ON fg.uid = gm.uid),
-- The assignments that matter, with their resources' paths (TeamResource keeps a copy, with a GIN index): for a
-- focus, those of the focus's teams and every assignment above or below one of them (any overlap with them is
-- between those), each found by index, never by reading a resource's subtree; for the whole workspace, all.
relasg AS MATERIALIZED (
  SELECT tr."teamId" AS tid, tr."resourceId" AS rid, tr.path FROM "TeamResource" tr
   WHERE tr."workspaceId" = ${W} AND (${ALL} OR tr."teamId" IN (SELECT tid FROM rel))),
asg0 AS MATERIALIZED (
  SELECT tid, rid, path FROM relasg
  UNION
  SELECT tr."teamId", tr."resourceId", tr.path FROM "TeamResource" tr
   WHERE NOT ${ALL} AND tr."workspaceId" = ${W} AND tr."resourceId" = ANY((SELECT coalesce(array_agg(DISTINCT a), '{}') FROM relasg, unnest(path) AS a)::uuid[])
  UNION
  SELECT tr."teamId", tr."resourceId", tr.path FROM "TeamResource" tr
   WHERE NOT ${ALL} AND tr."workspaceId" = ${W} AND tr.path && (SELECT coalesce(array_agg(rid), '{}') FROM relasg)),
asg AS MATERIALIZED (SELECT x.tid, x.rid, x.path, ${asgWas} AS was FROM asg0 x),
cover AS MATERIALIZED (
  SELECT s.tid AS upper, d.tid AS lower, d.rid AS top, d.path, s.was AND d.was AS was
    FROM asg d CROSS JOIN LATERAL unnest(d.path) AS a(anc) JOIN asg s ON s.rid = a.anc
   WHERE s.tid <> d.tid
     AND (${ALL} OR s.tid IN (SELECT tid FROM rel) OR d.tid IN (SELECT tid FROM rel))),
ov AS MATERIALIZED (
  SELECT upper AS x, lower AS y, top, path, was FROM cover
  UNION SELECT lower, upper, top, path, was FROM cover),
k1raw AS MATERIALIZED (
  SELECT gm.uid AS g, ov.y AS owner, ov.top, ov.path, ov.x AS via, gm.was AND ov.was AS was
    FROM gm JOIN ov ON ov.x = gm.tid JOIN client c ON c.id = ov.y
   WHERE NOT EXISTS (SELECT 1 FROM gm m2 WHERE m2.uid = gm.uid AND m2.tid = ov.y)
     AND (${ALL} OR gm.uid IN (SELECT uid FROM fg) OR ov.y = ANY(${T}))),
-- Only the topmost: a top with another top of the same (guest, owner) above it is covered by that one. Each
-- (guest, owner)'s tops as one array, and a top is covered when one of its ancestors is in it: an overlap of two
-- short arrays, never a comparison of every pair (nor a join whose estimates run to billions of rows).
k1tops AS MATERIALIZED (SELECT g, owner, array_agg(DISTINCT top) AS tops FROM k1raw GROUP BY g, owner),
k1 AS (
  SELECT r.g, r.owner, r.top, array_agg(DISTINCT r.via ORDER BY r.via) AS via,
         bool_and(r.via IN (SELECT id FROM client)) AS sharing, bool_or(r.was) AS was
    FROM k1raw r JOIN k1tops t ON t.g = r.g AND t.owner = r.owner
   WHERE NOT (array_remove(r.path, r.top) && t.tops)
   GROUP BY r.g, r.owner, r.top),
-- Each Guest's client teams as one array: "shares no client team" is then an overlap test, not a join.
gca AS MATERIALIZED (SELECT uid, array_agg(tid) AS tids, bool_or(was) AS was FROM gc GROUP BY uid),
k2 AS (
  SELECT a.uid AS g, b.uid AS p, array_agg(DISTINCT a.tid ORDER BY a.tid) AS via,
         bool_or(a.was AND b.was) AND bool_or(cb.was) AS was
    FROM gm a JOIN gm b ON b.tid = a.tid AND b.uid <> a.uid
    JOIN gca cb ON cb.uid = b.uid LEFT JOIN gca ca ON ca.uid = a.uid
   WHERE (${ALL} OR a.uid = ANY(${U}) OR b.uid = ANY(${U}))
     AND NOT coalesce(ca.tids && cb.tids, false)
   GROUP BY a.uid, b.uid),
k3 AS (
  SELECT a.uid AS g, a.tid AS t1, b.tid AS t2, a.was AND b.was AS was FROM gc a JOIN gc b ON b.uid = a.uid AND a.tid < b.tid
   WHERE ${ALL} OR a.uid = ANY(${U})),
-- The groups of the Guests of client teams, read from each such Guest by the (workspaceId, userId) index (a few
-- thousand lookups at most, never every member of the focus's groups); for a focus, only the focus's groups and
-- those of its people, each person's read by the same index.
fgrp AS MATERIALIZED (
  SELECT unnest(${G}) AS grp
  UNION SELECT y."groupId" FROM unnest(${U}) AS fu(id)
    CROSS JOIN LATERAL (SELECT y."groupId" FROM "GroupMember" y WHERE y."workspaceId" = ${W} AND y."userId" = fu.id OFFSET 0) y),
gt AS (
  SELECT x."groupId" AS grp, gc.tid, bool_or(gc.was AND ${grpWas}) AS was
    FROM gca g
    CROSS JOIN LATERAL (SELECT x."groupId", x."userId" FROM "GroupMember" x WHERE x."workspaceId" = ${W} AND x."userId" = g.uid OFFSET 0) x
    JOIN gc ON gc.uid = x."userId"
   WHERE ${ALL} OR x."groupId" IN (SELECT grp FROM fgrp)
   GROUP BY x."groupId", gc.tid),
k4 AS (SELECT a.grp, a.tid AS t1, b.tid AS t2, a.was AND b.was AS was FROM gt a JOIN gt b ON b.grp = a.grp AND a.tid < b.tid),
k5raw AS MATERIALIZED (
  SELECT ov.x AS t1, ov.y AS t2, ov.top, ov.path, ov.was FROM ov
   WHERE ov.x < ov.y AND ov.x IN (SELECT id FROM client) AND ov.y IN (SELECT id FROM client)
     AND (${ALL} OR ov.x = ANY(${T}) OR ov.y = ANY(${T}))),
k5under AS MATERIALIZED (
  SELECT DISTINCT r.t1, r.t2, r.top FROM k5raw r CROSS JOIN LATERAL unnest(r.path) AS a(anc)
    JOIN k5raw r2 ON r2.t1 = r.t1 AND r2.t2 = r.t2 AND r2.top = a.anc
   WHERE a.anc <> r.top),
k5 AS (
  SELECT r.t1, r.t2, r.top, bool_or(r.was) AS was FROM k5raw r
   WHERE NOT EXISTS (SELECT 1 FROM k5under u WHERE u.t1 = r.t1 AND u.t2 = r.t2 AND u.top = r.top)
   GROUP BY r.t1, r.t2, r.top),
found AS (
  SELECT 'guest-resource' AS kind, k1.g::text AS a, k1.owner::text AS b, k1.top::text AS c, k1.via::text[] AS via, k1.sharing,
         k1.was FROM k1
  UNION ALL SELECT 'guest-person', g::text, p::text, NULL, via::text[], NULL, was FROM k2
  UNION ALL SELECT 'guest-two-teams', g::text, t1::text, t2::text, NULL, NULL, was FROM k3
  UNION ALL SELECT 'group-two-clients', grp::text, t1::text, t2::text, NULL, NULL, was FROM k4
  UNION ALL SELECT 'shared-resource', t1::text, t2::text, top::text, NULL, NULL, was FROM k5)
SELECT kind, a, b, c, via, sharing FROM found${delta ? Prisma.sql` WHERE NOT was` : Prisma.empty}`;
}

function toExposure(r: Row): Exposure {
  let e: ExposureFields;
  switch (r.kind) {
    case "guest-resource":
      e = { kind: r.kind, guestId: r.a, ownerTeamId: r.b, resourceId: r.c!, viaTeamIds: r.via ?? [], sharing: !!r.sharing };
      break;
    case "guest-person":
      e = { kind: r.kind, guestId: r.a, personId: r.b, viaTeamIds: r.via ?? [] };
      break;
    case "guest-two-teams":
      e = { kind: r.kind, guestId: r.a, teamIds: [r.b, r.c!] };
      break;
    case "group-two-clients":
      e = { kind: r.kind, groupId: r.a, teamIds: [r.b, r.c!] };
      break;
    case "shared-resource":
      e = { kind: r.kind, teamIds: [r.a, r.b], resourceId: r.c! };
      break;
  }
  return { ...e, key: exposureKey(e) } as Exposure;
}

/**
 * The workspace's exposures (focus null: all of them), by the rule of lib/policy, in one statement; with
 * `written` (the rows the write just inserted, in this transaction), only the exposures those rows add.
 *
 * The rule is a property of the whole workspace, whoever asks: inside a viewer's transaction (the app role) the
 * statement runs as the connection's own role (RESET ROLE, then back to the app role before returning), so that
 * row-level security's per-row checks do not multiply its cost; every part of it is bound to `workspaceId`, and
 * only admins' writes and reports (and the automation worker, which runs as the owner) call it.
 */
export async function exposuresIn(tx: Tx, workspaceId: string, focus: Focus = null, written: Written | null = null): Promise<Exposure[]> {
  if (focus !== null && !focus.users?.length && !focus.teams?.length && !focus.groups?.length) return [];
  return asOwner(tx, [APP_ROLE, ADMIN_APP_ROLE], async () => {
    // A plan for these very parameters: a generic plan cannot drop the branches that the focus switches off.
    await tx.$executeRawUnsafe("SET LOCAL plan_cache_mode = force_custom_plan");
    // The planner's estimates for these chained CTEs run to billions of rows (they are a few thousand), which turns
    // on JIT compilation: 3–6 s of compiling for a statement that runs in tens of milliseconds (bench/README.md).
    await tx.$executeRawUnsafe("SET LOCAL jit = off");
    const rows = await tx.$queryRaw<Row[]>(exposureSql(workspaceId, focus, written));
    return rows.map(toExposure).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  });
}

/**
 * Runs `fn` as the connection's own role when the transaction runs as one of `roles` (RESET ROLE, then back to
 * that same role, even on a throw); otherwise (the owner already: the automation worker) as it is. For reads bound
 * to the workspace in every part, whose answer the role's row-level security would not change but would multiply
 * the cost of. `serial` plans them without parallel workers (restored after): for small reads, whose parallel plans
 * (which the policies' functions rule out under the app roles) spend more starting workers than they save.
 */
export async function asOwner<T>(tx: Tx, roles: string[], fn: () => Promise<T>, opts: { serial?: boolean } = {}): Promise<T> {
  const [{ role, workers }] = await tx.$queryRawUnsafe<{ role: string; workers: string }[]>(
    `SELECT current_user::text AS role, current_setting('max_parallel_workers_per_gather') AS workers`,
  );
  const appRole = roles.includes(role) ? role : null;
  if (appRole) await tx.$executeRawUnsafe("RESET ROLE");
  if (opts.serial) await tx.$executeRawUnsafe("SET LOCAL max_parallel_workers_per_gather = 0");
  try {
    return await fn();
  } finally {
    if (opts.serial) await tx.$queryRawUnsafe(`SELECT set_config('max_parallel_workers_per_gather', $1, true)`, workers);
    if (appRole) await tx.$executeRawUnsafe(`SET LOCAL ROLE ${appRole}`);
  }
}
