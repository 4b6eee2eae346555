import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/scoped";
import { effectiveMembershipsSql } from "@/lib/access/team-members";
import { ADMIN_APP_ROLE } from "@/lib/db/config";
import { TYPE_LABELS } from "@/lib/catalog/types";
import type { Exposure, ExposureNames } from "@/lib/policy";
import { asOwner } from "./rule-sql";

/** Beyond this many exposed resources, their subtrees are not counted (the words say "and everything under it"). */
const SIZED_TOPS = 200;

/** The names the words of lib/policy/exposure-words.ts need, read for exactly the ids the exposures mention. */
export async function loadExposureNames(tx: Tx, workspaceId: string, exposures: Exposure[]): Promise<ExposureNames> {
  const teams = new Set<string>();
  const users = new Set<string>();
  const groups = new Set<string>();
  const resources = new Set<string>();
  const persons = new Set<string>();
  for (const e of exposures) {
    switch (e.kind) {
      case "guest-resource":
        users.add(e.guestId);
        teams.add(e.ownerTeamId);
        e.viaTeamIds.forEach((t) => teams.add(t));
        resources.add(e.resourceId);
        break;
      case "guest-person":
        users.add(e.guestId);
        users.add(e.personId);
        persons.add(e.personId);
        e.viaTeamIds.forEach((t) => teams.add(t));
        break;
      case "guest-two-teams":
        users.add(e.guestId);
        e.teamIds.forEach((t) => teams.add(t));
        break;
      case "group-two-clients":
        groups.add(e.groupId);
        e.teamIds.forEach((t) => teams.add(t));
        break;
      case "shared-resource":
        e.teamIds.forEach((t) => teams.add(t));
        resources.add(e.resourceId);
        break;
    }
  }
  const ws = workspaceId;
  // An admin sees every team, person, group and resource of the workspace, and every read below is bound to it:
  // read as the owner, the answer is the same, without the row-level security that costs each read of "User" a
  // pass over all the workspace's memberships (~70 ms at 100,000 members, bench/README.md). Serial: the subtree
  // count's parallel plan spent ~25 ms starting workers. Anyone else reads under their own policies.
  const [teamRows, userRows, groupRows, resourceRows, clientRows] = await asOwner(tx, [ADMIN_APP_ROLE], async () => [
    teams.size ? await tx.team.findMany({ where: { workspaceId: ws, id: { in: [...teams] } }, select: { id: true, name: true } }) : [],
    users.size ? await tx.user.findMany({ where: { id: { in: [...users] }, memberships: { some: { workspaceId: ws } } }, select: { id: true, name: true, email: true, memberships: { where: { workspaceId: ws }, select: { shownName: true } } } }) : [],
    groups.size ? await tx.group.findMany({ where: { workspaceId: ws, id: { in: [...groups] } }, select: { id: true, name: true } }) : [],
    resources.size > SIZED_TOPS
      ? await tx.$queryRawUnsafe<{ id: string; type: keyof typeof TYPE_LABELS; name: string; below: number }[]>(
          `SELECT r.id::text AS id, r.type::text AS type, r.name, -1 AS below FROM "Resource" r WHERE r."workspaceId" = $1::uuid AND r.id = ANY($2::uuid[])`,
          ws,
          [...resources],
        )
      : resources.size
      ? await tx.$queryRawUnsafe<{ id: string; type: keyof typeof TYPE_LABELS; name: string; below: number }[]>(
          // Every top's subtree size in one pass over the union of their subtrees (the GIN index on path).
          `WITH tops AS (SELECT unnest($2::uuid[]) AS id),
                below AS (SELECT a.anc, count(*)::int - 1 AS n FROM "Resource" d CROSS JOIN LATERAL unnest(d.path) AS a(anc)
                           WHERE d."workspaceId" = $1::uuid AND d.path && $2::uuid[] AND a.anc = ANY($2::uuid[]) GROUP BY a.anc)
           SELECT r.id::text AS id, r.type::text AS type, r.name, coalesce(b.n, 0) AS below
             FROM tops t JOIN "Resource" r ON r."workspaceId" = $1::uuid AND r.id = t.id LEFT JOIN below b ON b.anc = r.id`,
          ws,
          [...resources],
        )
      : [],
    persons.size
      ? await tx.$queryRaw<{ uid: string; name: string }[]>(
          // The persons' client teams, by the one membership rule (lib/access): General is never a client team.
          Prisma.sql`SELECT DISTINCT x.uid::text AS uid, t.name FROM (${effectiveMembershipsSql(ws)}) x
           JOIN "Team" t ON t."workspaceId" = ${ws}::uuid AND t.id = x.tid AND t.visibility = 'PRIVATE' AND NOT t."isDefault"
           WHERE x.uid = ANY(${[...persons]}::uuid[])`,
        )
      : [],
  ] as const, { serial: true });
  const team = new Map(teamRows.map((t) => [t.id, t.name]));
  // The name this workspace shows (an invited account of another workspace is known here by the invitation's).
  const user = new Map(userRows.map((u) => [u.id, u.memberships[0]?.shownName ?? (u.name || u.email)]));
  const group = new Map(groupRows.map((g) => [g.id, g.name]));
  const resource = new Map(resourceRows.map((r) => [r.id, { label: `${(TYPE_LABELS[r.type] ?? r.type).toLowerCase()} ${r.name}`, descendants: r.below }]));
  const clients = new Map<string, string[]>();
  for (const r of clientRows) clients.set(r.uid, [...(clients.get(r.uid) ?? []), r.name]);
  return {
    team: (id) => team.get(id) ?? "a team",
    user: (id) => user.get(id) ?? "someone",
    group: (id) => group.get(id) ?? "a group",
    resource: (id) => resource.get(id) ?? { label: "a resource", descendants: 0 },
    clientTeamsOf: (id) => clients.get(id) ?? [],
  };
}
