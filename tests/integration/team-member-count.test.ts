// Team."memberCount" (prisma/migrations/20261208010000_team_member_count): the database keeps each team's effective
// member count, exact, through every kind of write; here it is checked against lib/policy's teamMemberIds (the rule
// as plain functions over the rows) after each one: the app's actions (the app role, under row-level security) and
// raw statements as the owner (bulk loads, cascades), a random sequence of writes, and, on PostgreSQL, two
// transactions writing to one team at once.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { PoolClient } from "pg";
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { workspaceArb } from "../helpers/arbitraries";
import { materialize } from "../helpers/materialize";
import { teamMemberIds } from "@/lib/policy";
import * as teamActions from "@/lib/teams/actions";
import * as groupActions from "@/lib/groups/actions";
import * as memberActions from "@/lib/members/actions";
import { listTeamsTable } from "@/lib/teams/queries";

const db = await setupTestDb();
const ws = db.workspaceId;

/** Each team whose kept count is not the rule's, as "name: kept n, rule m" (none: every count is exact). */
async function mismatches(workspaceId = ws): Promise<string[]> {
  const snap = await db.snapshot(workspaceId);
  const rows = await db.sql<{ id: string; name: string; memberCount: number }>(`SELECT id, name, "memberCount" FROM "Team" WHERE "workspaceId" = $1`, [workspaceId]);
  return rows.flatMap((r) => {
    const rule = teamMemberIds(snap, r.id).size;
    return r.memberCount === rule ? [] : [`${r.name}: kept ${r.memberCount}, rule ${rule}`];
  });
}
const count = async (teamId: string) => (await db.sql<{ n: number }>(`SELECT "memberCount" AS n FROM "Team" WHERE id = $1`, [teamId]))[0]?.n;
const one = async (sql: string, params: unknown[] = []) => (await db.sql<{ id: string }>(sql, params))[0]!.id;
const general = () => one(`SELECT id FROM "Team" WHERE "isDefault" AND "workspaceId" = $1`, [ws]);

/** A new person of the demo workspace with this role. */
async function person(role: "ADMIN" | "EDITOR" | "VIEWER" | "GUEST", workspaceId = ws): Promise<string> {
  const id = randomUUID();
  await db.sql(`INSERT INTO "User" (id, email, name) VALUES ($1, $2, $3)`, [id, `p-${id.slice(0, 8)}@count.test`, `P ${id.slice(0, 8)}`]);
  await db.sql(`INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES ($1, $2, $3, $4)`, [randomUUID(), workspaceId, id, role]);
  return id;
}
async function team(name: string): Promise<string> {
  const id = randomUUID();
  await db.sql(`INSERT INTO "Team" (id, "workspaceId", name, slug) VALUES ($1, $2, $3, $4)`, [id, ws, name, `${name.toLowerCase()}-${id.slice(0, 8)}`]);
  return id;
}
async function group(name: string): Promise<string> {
  const id = randomUUID();
  await db.sql(`INSERT INTO "Group" (id, "workspaceId", name) VALUES ($1, $2, $3)`, [id, ws, name]);
  return id;
}

describe(`Team."memberCount" on ${db.engine}`, () => {
  it("is the rule's count for every team of the seeded demo, and the teams table shows it", async () => {
    expect(await mismatches()).toEqual([]);
    actAs(await db.viewer("admin@acme.test"));
    const table = await listTeamsTable(await db.viewer("admin@acme.test"), { page: 1, size: 25, sort: "members", dir: "desc", q: "" });
    const snap = await db.snapshot();
    expect(table.rows.map((r) => r.members)).toEqual(table.rows.map((r) => teamMemberIds(snap, r.id).size));
    expect(table.rows.map((r) => r.members)).toEqual([...table.rows.map((r) => r.members)].sort((a, b) => b - a));
  });

  it("follows direct members added and removed by the admin's actions (the app role, under row-level security)", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const research = await team("Research");
    const [a, b] = [await person("VIEWER"), await person("EDITOR")];
    expect(await count(research)).toBe(0);
    expect(await teamActions.addTeamMembers({ teamId: research, userIds: [a, b], confirm: true })).toMatchObject({ ok: true });
    expect(await count(research)).toBe(2);
    expect(await teamActions.removeTeamMembers({ teamId: research, userIds: [a] })).toMatchObject({ ok: true });
    expect(await count(research)).toBe(1);
    expect(await mismatches()).toEqual([]);
  });

  it("follows a group's members and the group's links to teams, counting a person once however they belong", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const lab = await team("Lab");
    const analysts = await group("Analysts");
    const [a, b, c] = [await person("VIEWER"), await person("VIEWER"), await person("EDITOR")];
    await db.sql(`INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") VALUES ($1, $2, $3)`, [ws, lab, a]);
    expect(await groupActions.addGroupMembers({ groupId: analysts, userIds: [a, b], confirm: true })).toMatchObject({ ok: true });
    expect(await count(lab)).toBe(1); // not linked yet
    expect(await teamActions.addTeamGroup({ teamId: lab, groupId: analysts, confirm: true })).toMatchObject({ ok: true });
    expect(await count(lab)).toBe(2); // a (direct and through the group) once, b
    expect(await groupActions.addGroupMembers({ groupId: analysts, userIds: [c], confirm: true })).toMatchObject({ ok: true });
    expect(await count(lab)).toBe(3);
    expect(await groupActions.removeGroupMembers({ groupId: analysts, userIds: [a, b] })).toMatchObject({ ok: true });
    expect(await count(lab)).toBe(2); // a is still a direct member
    expect(await teamActions.removeTeamGroup({ teamId: lab, groupId: analysts })).toMatchObject({ ok: true });
    expect(await count(lab)).toBe(1);
    expect(await mismatches()).toEqual([]);
  });

  it("counts General's non-guests: a membership arriving or leaving, a role to or from Guest, and nothing for other updates", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const g = await general();
    const before = await count(g);
    const v = await person("VIEWER");
    expect(await count(g)).toBe(before + 1);
    const guest = await person("GUEST");
    expect(await count(g)).toBe(before + 1);
    expect(await memberActions.changeRole({ userIds: [guest], role: "VIEWER" })).toMatchObject({ ok: true });
    expect(await count(g)).toBe(before + 2);
    expect(await memberActions.changeRole({ userIds: [guest], role: "GUEST" })).toMatchObject({ ok: true });
    expect(await count(g)).toBe(before + 1);
    // A guest added to General directly is a member either way: promoting and demoting it changes nothing.
    await db.sql(`INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") VALUES ($1, $2, $3)`, [ws, g, guest]);
    expect(await count(g)).toBe(before + 2);
    await db.sql(`UPDATE "Membership" SET role = 'EDITOR' WHERE "userId" = $1`, [guest]);
    expect(await count(g)).toBe(before + 2);
    await db.sql(`UPDATE "Membership" SET role = 'GUEST' WHERE "userId" = $1`, [guest]);
    expect(await count(g)).toBe(before + 2);
    // Other updates of memberships (last active, a role among employees) recount nothing and write no team row.
    const version = async () => (await db.sql<{ x: string }>(`SELECT xmin::text AS x FROM "Team" WHERE id = $1`, [g]))[0]!.x;
    const xmin = await version();
    await db.sql(`UPDATE "Membership" SET "lastActiveAt" = now() WHERE "workspaceId" = $1`, [ws]);
    await db.sql(`UPDATE "Membership" SET role = 'EDITOR' WHERE "userId" = $1`, [v]);
    expect(await version()).toBe(xmin);
    await db.sql(`DELETE FROM "Membership" WHERE "userId" = $1`, [v]);
    expect(await count(g)).toBe(before + 1);
    expect(await mismatches()).toEqual([]);
  });

  it("follows deletions and their cascades: a person, a group, a team", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const g = await general();
    const [ops, side] = [await team("Ops"), await team("Side")];
    const crew = await group("Crew");
    const [a, b] = [await person("VIEWER"), await person("GUEST")];
    await db.sql(`INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") VALUES ($1, $2, $3), ($1, $4, $3)`, [ws, ops, a, side]);
    await db.sql(`INSERT INTO "GroupMember" ("workspaceId", "groupId", "userId") VALUES ($1, $2, $3), ($1, $2, $4)`, [ws, crew, a, b]);
    await db.sql(`INSERT INTO "TeamGroup" ("workspaceId", "teamId", "groupId") VALUES ($1, $2, $3)`, [ws, ops, crew]);
    expect([await count(ops), await count(side)]).toEqual([2, 1]);
    const generalBefore = await count(g);
    await db.sql(`DELETE FROM "User" WHERE id = $1`, [a]); // membership, direct and group rows go by cascade
    expect([await count(ops), await count(side), await count(g)]).toEqual([1, 0, generalBefore - 1]);
    expect(await groupActions.deleteGroup({ groupId: crew })).toMatchObject({ ok: true });
    expect(await count(ops)).toBe(0);
    await db.sql(`INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") VALUES ($1, $2, $3)`, [ws, ops, b]);
    expect(await teamActions.deleteTeam({ teamId: ops })).toMatchObject({ ok: true });
    expect(await mismatches()).toEqual([]);
  });

  it("a bulk statement over many teams and people (one recount per statement) and a new workspace's General", async () => {
    const teams = [await team("Bulk A"), await team("Bulk B"), await team("Bulk C")];
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await person(i % 2 ? "GUEST" : "VIEWER"));
    await db.sql(
      `INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") SELECT $1, t, p FROM unnest($2::uuid[]) t, unnest($3::uuid[]) p WHERE (get_byte(uuid_send(p), 15) + get_byte(uuid_send(t), 15)) % 3 <> 0`,
      [ws, teams, people],
    );
    await db.sql(`DELETE FROM "TeamMember" WHERE "teamId" = ANY($1::uuid[]) AND "userId" = ANY($2::uuid[])`, [teams.slice(1), people.slice(0, 3)]);
    expect(await mismatches()).toEqual([]);
    // The people exist before the workspace's General does (as a new workspace is made): it starts with them all.
    const other = (await db.sql<{ id: string }>(`INSERT INTO "Workspace" (id, name, slug) VALUES ($1, 'Other', $2) RETURNING id`, [randomUUID(), `other-${randomUUID().slice(0, 8)}`]))[0]!.id;
    await person("ADMIN", other);
    await person("VIEWER", other);
    await person("GUEST", other);
    await db.sql(`INSERT INTO "Team" (id, "workspaceId", name, slug, "isDefault") VALUES ($1, $2, 'General', 'general', true)`, [randomUUID(), other]);
    expect((await db.sql<{ n: number }>(`SELECT "memberCount" AS n FROM "Team" WHERE "workspaceId" = $1`, [other]))[0]!.n).toBe(2);
    expect(await mismatches(other)).toEqual([]);
  });

  it("keeps the count whatever a writer sends (the owner, or the app role as an admin)", async () => {
    const g = await general();
    const kept = await count(g);
    await db.sql(`UPDATE "Team" SET "memberCount" = 12345, description = 'x' WHERE id = $1`, [g]);
    expect(await count(g)).toBe(kept);
    const admin = await db.viewer("admin@acme.test");
    const [row] = await db.sqlAs<{ n: number }>(admin, `UPDATE "Team" SET "memberCount" = 7 WHERE id = $1 RETURNING "memberCount" AS n`, [g]);
    expect(row?.n).toBe(kept);
    const id = randomUUID();
    await db.sql(`INSERT INTO "Team" (id, "workspaceId", name, slug, "memberCount") VALUES ($1, $2, 'Padded', $3, 99)`, [id, ws, `padded-${id.slice(0, 8)}`]);
    expect(await count(id)).toBe(0);
  });

  it("stays the rule's count through random sequences of writes on random workspaces", async () => {
    type Op = [kind: number, a: number, b: number];
    const opArb = fc.tuple(fc.nat({ max: 9 }), fc.nat(), fc.nat()) as fc.Arbitrary<Op>;
    await fc.assert(
      fc.asyncProperty(workspaceArb, fc.array(opArb, { minLength: 1, maxLength: 8 }), async (w, ops) => {
        const { workspaceId, idOf } = await materialize(db.conn.prisma, w);
        const users = w.users.map((u) => idOf.get(u.id)!);
        const teams = w.teams.map((t) => idOf.get(t.id)!);
        const groups = w.groups.map((g) => idOf.get(g)!);
        const roles = ["ADMIN", "EDITOR", "VIEWER", "GUEST"];
        expect(await mismatches(workspaceId)).toEqual([]);
        for (const [kind, a, b] of ops) {
          const u = users[a % users.length]!;
          const t = teams[b % teams.length]!;
          const g = groups.length ? groups[a % groups.length]! : null;
          const p = [workspaceId, t, u, g];
          // Writes aimed at a person, team or group an earlier step deleted insert nothing.
          const live = `EXISTS (SELECT 1 FROM "Team" WHERE id = $2) AND EXISTS (SELECT 1 FROM "User" WHERE id = $3)`;
          const sql = [
            [`INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") SELECT $1, $2, $3 WHERE ${live} ON CONFLICT DO NOTHING`, p.slice(0, 3)],
            [`DELETE FROM "TeamMember" WHERE "workspaceId" = $1 AND "teamId" = $2 AND "userId" = $3`, p.slice(0, 3)],
            [`INSERT INTO "GroupMember" ("workspaceId", "groupId", "userId") SELECT $1, $3, $2 WHERE EXISTS (SELECT 1 FROM "User" WHERE id = $2) AND EXISTS (SELECT 1 FROM "Group" WHERE id = $3) ON CONFLICT DO NOTHING`, [workspaceId, u, g]],
            [`DELETE FROM "GroupMember" WHERE "workspaceId" = $1 AND "groupId" = $3 AND "userId" = $2`, [workspaceId, u, g]],
            [`INSERT INTO "TeamGroup" ("workspaceId", "teamId", "groupId") SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM "Team" WHERE id = $2) AND EXISTS (SELECT 1 FROM "Group" WHERE id = $3) ON CONFLICT DO NOTHING`, [workspaceId, t, g]],
            [`DELETE FROM "TeamGroup" WHERE "workspaceId" = $1 AND "teamId" = $2 AND "groupId" = $3`, [workspaceId, t, g]],
            [`UPDATE "Membership" SET role = $3::"Role" WHERE "workspaceId" = $1 AND "userId" = $2`, [workspaceId, u, roles[b % 4]]],
            [`DELETE FROM "User" WHERE id = $1`, [u]],
            [`DELETE FROM "Group" WHERE id = $1`, [g]],
            [`DELETE FROM "Team" WHERE id = $1 AND NOT "isDefault"`, [t]],
          ][kind] as [string, unknown[]];
          await db.sql(sql[0], sql[1]);
          expect(await mismatches(workspaceId), `after ${sql[0]}`).toEqual([]);
        }
      }),
      { numRuns: db.engine === "pglite" ? 12 : 8 },
    );
  }, 120_000);
});

describe.skipIf(db.engine !== "postgres")("Team.\"memberCount\" under concurrent writers (READ COMMITTED)", () => {
  // The second writer's recount waits for the first one's lock on the team; once the first commits, it counts again
  // from a fresh snapshot and sees both. Without the lock (or counting in the statement that waits), it would
  // write the count it made before the first committed and lose the first one's member.
  it.each([
    ["two direct members of one team", "team"],
    ["two non-guests joining the workspace (General)", "general"],
  ])("%s, added by two transactions at once: neither is lost", async (_, what) => {
    const target = what === "team" ? await team(`Race ${randomUUID().slice(0, 6)}`) : await general();
    const before = await count(target);
    const ids = [randomUUID(), randomUUID()];
    for (const id of ids) await db.sql(`INSERT INTO "User" (id, email, name) VALUES ($1, $2, 'Racer')`, [id, `race-${id.slice(0, 8)}@count.test`]);
    const add = (c: PoolClient, id: string) =>
      what === "team"
        ? c.query(`INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") VALUES ($1, $2, $3)`, [ws, target, id])
        : c.query(`INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES ($1, $2, $3, 'VIEWER')`, [randomUUID(), ws, id]);
    const a = await db.otherConnection();
    const b = await db.otherConnection();
    try {
      const bPid = (await b.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0]!.pid;
      await a.query("BEGIN");
      await b.query("BEGIN");
      await add(a, ids[0]!);
      const second = add(b, ids[1]!);
      // Until b waits on a lock (a's, on the team row): then a commits.
      for (let i = 0; i < 100; i++) {
        const rows = await db.sql<{ w: string | null }>(`SELECT wait_event_type AS w FROM pg_stat_activity WHERE pid = $1`, [bPid]);
        if (rows[0]?.w === "Lock") break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await a.query("COMMIT");
      await second;
      await b.query("COMMIT");
    } finally {
      await a.query("ROLLBACK").catch(() => undefined);
      await b.query("ROLLBACK").catch(() => undefined);
      a.release();
      b.release();
    }
    expect(await count(target)).toBe(before + 2);
    expect(await mismatches()).toEqual([]);
  });
});
