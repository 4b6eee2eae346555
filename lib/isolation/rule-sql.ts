import "server-only";
import type { Tx } from "@/lib/db/scoped";
import { APP_ROLE } from "@/lib/db/config";
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

type Row = { kind: Exposure["kind"]; a: string; b: string; c: string | null; via: string[] | null; sharing: boolean | null };

const SQL = `
WITH
client AS MATERIALIZED (
  SELECT id FROM "Team" WHERE "workspaceId" = $1::uuid AND visibility = 'PRIVATE' AND NOT "isDefault"),
guest AS MATERIALIZED (
  -- From the (indexed) Guest memberships to each person, one lookup each (OFFSET 0 keeps it a lookup): never a
  -- scan of every user under the row-level security policies.
  SELECT m."userId" AS id FROM "Membership" m
   CROSS JOIN LATERAL (SELECT u.status FROM "User" u WHERE u.id = m."userId" OFFSET 0) u
   WHERE m."workspaceId" = $1::uuid AND m.role = 'GUEST' AND m.status <> 'DEACTIVATED' AND u.status <> 'DEACTIVATED'),
gm AS MATERIALIZED (
  SELECT g.id AS uid, t.tid FROM guest g CROSS JOIN LATERAL (
    SELECT tm."teamId" AS tid FROM "TeamMember" tm WHERE tm."workspaceId" = $1::uuid AND tm."userId" = g.id
    UNION
    SELECT tg."teamId" FROM "GroupMember" x JOIN "TeamGroup" tg ON tg."workspaceId" = $1::uuid AND tg."groupId" = x."groupId"
     WHERE x."workspaceId" = $1::uuid AND x."userId" = g.id
    OFFSET 0) t),
gc AS MATERIALIZED (SELECT gm.uid, gm.tid FROM gm JOIN client c ON c.id = gm.tid),
fg AS MATERIALIZED (
  SELECT uid FROM gm WHERE $2 OR gm.tid = ANY($4::uuid[])
  UNION SELECT unnest($3::uuid[])),
rel AS MATERIALIZED (
  SELECT unnest($4::uuid[]) AS tid
  UNION SELECT gm.tid FROM gm JOIN fg ON fg.uid = gm.uid),
-- The assignments that matter, with their resources' paths (TeamResource keeps a copy, with a GIN index): for a
-- focus, those of the focus's teams and every assignment above or below one of them (any overlap with them is
-- between those), each found by index, never by reading a resource's subtree; for the whole workspace, all.
relasg AS MATERIALIZED (
  SELECT tr."teamId" AS tid, tr."resourceId" AS rid, tr.path FROM "TeamResource" tr
   WHERE tr."workspaceId" = $1::uuid AND ($2 OR tr."teamId" IN (SELECT tid FROM rel))),
asg AS MATERIALIZED (
  SELECT tid, rid, path FROM relasg
  UNION
  SELECT tr."teamId", tr."resourceId", tr.path FROM "TeamResource" tr
   WHERE NOT $2 AND tr."workspaceId" = $1::uuid AND tr."resourceId" = ANY((SELECT coalesce(array_agg(DISTINCT a), '{}') FROM relasg, unnest(path) AS a)::uuid[])
  UNION
  SELECT tr."teamId", tr."resourceId", tr.path FROM "TeamResource" tr
   WHERE NOT $2 AND tr."workspaceId" = $1::uuid AND tr.path && (SELECT coalesce(array_agg(rid), '{}') FROM relasg)),
cover AS MATERIALIZED (
  SELECT s.tid AS upper, d.tid AS lower, d.rid AS top, d.path
    FROM asg d CROSS JOIN LATERAL unnest(d.path) AS a(anc) JOIN asg s ON s.rid = a.anc
   WHERE s.tid <> d.tid
     AND ($2 OR s.tid IN (SELECT tid FROM rel) OR d.tid IN (SELECT tid FROM rel))),
ov AS MATERIALIZED (
  SELECT upper AS x, lower AS y, top, path FROM cover
  UNION SELECT lower, upper, top, path FROM cover),
k1raw AS MATERIALIZED (
  SELECT gm.uid AS g, ov.y AS owner, ov.top, ov.path, ov.x AS via
    FROM gm JOIN ov ON ov.x = gm.tid JOIN client c ON c.id = ov.y
   WHERE NOT EXISTS (SELECT 1 FROM gm m2 WHERE m2.uid = gm.uid AND m2.tid = ov.y)
     AND ($2 OR gm.uid IN (SELECT uid FROM fg) OR ov.y = ANY($4::uuid[]))),
-- Only the topmost: a top with another top of the same (guest, owner) above it is covered by that one. A join on
-- the top's ancestors, never a comparison of every pair.
k1under AS MATERIALIZED (
  SELECT DISTINCT r.g, r.owner, r.top FROM k1raw r CROSS JOIN LATERAL unnest(r.path) AS a(anc)
    JOIN k1raw r2 ON r2.g = r.g AND r2.owner = r.owner AND r2.top = a.anc
   WHERE a.anc <> r.top),
k1 AS (
  SELECT r.g, r.owner, r.top, array_agg(DISTINCT r.via ORDER BY r.via) AS via,
         bool_and(r.via IN (SELECT id FROM client)) AS sharing
    FROM k1raw r
   WHERE NOT EXISTS (SELECT 1 FROM k1under u WHERE u.g = r.g AND u.owner = r.owner AND u.top = r.top)
   GROUP BY r.g, r.owner, r.top),
k2 AS (
  SELECT a.uid AS g, b.uid AS p, array_agg(DISTINCT a.tid ORDER BY a.tid) AS via
    FROM gm a JOIN gm b ON b.tid = a.tid AND b.uid <> a.uid
   WHERE ($2 OR a.uid = ANY($3::uuid[]) OR b.uid = ANY($3::uuid[]))
     AND EXISTS (SELECT 1 FROM gc WHERE gc.uid = b.uid)
     AND NOT EXISTS (SELECT 1 FROM gc c1 JOIN gc c2 ON c2.tid = c1.tid WHERE c1.uid = a.uid AND c2.uid = b.uid)
   GROUP BY a.uid, b.uid),
k3 AS (
  SELECT a.uid AS g, a.tid AS t1, b.tid AS t2 FROM gc a JOIN gc b ON b.uid = a.uid AND a.tid < b.tid
   WHERE $2 OR a.uid = ANY($3::uuid[])),
gt AS (
  SELECT DISTINCT x.grp, gc.tid FROM gc CROSS JOIN LATERAL (
    SELECT "groupId" AS grp FROM "GroupMember" WHERE "workspaceId" = $1::uuid AND "userId" = gc.uid OFFSET 0) x
   WHERE $2 OR x.grp = ANY($5::uuid[])
      OR x.grp IN (SELECT "groupId" FROM "GroupMember" WHERE "workspaceId" = $1::uuid AND "userId" = ANY($3::uuid[]))),
k4 AS (SELECT a.grp, a.tid AS t1, b.tid AS t2 FROM gt a JOIN gt b ON b.grp = a.grp AND a.tid < b.tid),
k5raw AS MATERIALIZED (
  SELECT ov.x AS t1, ov.y AS t2, ov.top, ov.path FROM ov
   WHERE ov.x < ov.y AND ov.x IN (SELECT id FROM client) AND ov.y IN (SELECT id FROM client)
     AND ($2 OR ov.x = ANY($4::uuid[]) OR ov.y = ANY($4::uuid[]))),
k5under AS MATERIALIZED (
  SELECT DISTINCT r.t1, r.t2, r.top FROM k5raw r CROSS JOIN LATERAL unnest(r.path) AS a(anc)
    JOIN k5raw r2 ON r2.t1 = r.t1 AND r2.t2 = r.t2 AND r2.top = a.anc
   WHERE a.anc <> r.top),
k5 AS (
  SELECT DISTINCT r.t1, r.t2, r.top FROM k5raw r
   WHERE NOT EXISTS (SELECT 1 FROM k5under u WHERE u.t1 = r.t1 AND u.t2 = r.t2 AND u.top = r.top))
SELECT 'guest-resource' AS kind, g::text AS a, owner::text AS b, top::text AS c, via::text[] AS via, sharing FROM k1
UNION ALL SELECT 'guest-person', g::text, p::text, NULL, via::text[], NULL FROM k2
UNION ALL SELECT 'guest-two-teams', g::text, t1::text, t2::text, NULL, NULL FROM k3
UNION ALL SELECT 'group-two-clients', grp::text, t1::text, t2::text, NULL, NULL FROM k4
UNION ALL SELECT 'shared-resource', t1::text, t2::text, top::text, NULL, NULL FROM k5`;

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
 * The workspace's exposures (focus null: all of them), by the rule of lib/policy, in one statement.
 *
 * The rule is a property of the whole workspace, whoever asks: inside a viewer's transaction (the app role) the
 * statement runs as the connection's own role (RESET ROLE, then back to the app role before returning), so that
 * row-level security's per-row checks do not multiply its cost; every part of it is bound to `workspaceId`, and
 * only admins' writes and reports (and the automation worker, which runs as the owner) call it.
 */
export async function exposuresIn(tx: Tx, workspaceId: string, focus: Focus = null): Promise<Exposure[]> {
  const all = focus === null;
  const users = focus?.users ?? [];
  const teams = focus?.teams ?? [];
  const groups = focus?.groups ?? [];
  if (!all && !users.length && !teams.length && !groups.length) return [];
  const [{ role }] = await tx.$queryRawUnsafe<{ role: string }[]>(`SELECT current_user::text AS role`);
  const asApp = role === APP_ROLE;
  if (asApp) await tx.$executeRawUnsafe("RESET ROLE");
  // A plan for these very parameters: a generic plan cannot drop the branches that the focus switches off.
  await tx.$executeRawUnsafe("SET LOCAL plan_cache_mode = force_custom_plan");
  try {
    const rows = await tx.$queryRawUnsafe<Row[]>(SQL, workspaceId, all, users, teams, groups);
    return rows.map(toExposure).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  } finally {
    if (asApp) await tx.$executeRawUnsafe(`SET LOCAL ROLE ${APP_ROLE}`);
  }
}
