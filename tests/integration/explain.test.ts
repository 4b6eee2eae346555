// "Who can see this?" and the exposure report: admins only, and what they say agrees with lib/policy on the
// demo workspace, before and after a Northwind table is also given to Globex.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDb } from "../helpers/db";
import { teamExposure, whoCanSee } from "@/lib/explain/queries";
import { canSeeResource, explainAccess, grantKey, visibleResourceIds, type PolicyWorkspace } from "@/lib/policy";
import type { Viewer } from "@/lib/auth/resolve-viewer";

const db = await setupTestDb();
const one = async (sql: string, params: unknown[] = []) => (await db.sql<{ id: string }>(sql, params))[0].id;

let admin: Viewer;
const ids: Record<string, string> = {};
beforeAll(async () => {
  admin = await db.viewer("admin@acme.test");
  ids.orders = await one(`SELECT r.id FROM "Resource" r JOIN "Resource" p ON p.id = r."parentId" WHERE r.name = 'orders' AND p.name = 'northwind'`);
  ids.northwindSchema = await one(`SELECT id FROM "Resource" WHERE name = 'northwind' AND type = 'SCHEMA'`);
  for (const t of ["General", "Northwind", "Globex", "Initech"]) ids[t] = await one(`SELECT id FROM "Team" WHERE name = $1`, [t]);
  ids.ana = await one(`SELECT id FROM "User" WHERE email = 'ana@northwind.test'`);
  ids.cara = await one(`SELECT id FROM "User" WHERE email = 'cara@globex.test'`);
});

/** Who sees what, per the policy, for the current state of the database. */
async function policyAudience(ws: PolicyWorkspace, resourceId: string): Promise<string[]> {
  return ws.users.filter((u) => canSeeResource(ws, { userId: u.id, role: u.role }, resourceId)).map((u) => u.id).sort();
}

describe(`who can see this, on ${db.engine}`, () => {
  it("for every resource: the groups hold exactly the people the policy lets in, and each person's chain is explainAccess's", async () => {
    const ws = await db.snapshot();
    for (const r of ws.resources) {
      const data = await whoCanSee(admin, r.id, { take: 100 });
      expect(data).not.toBeNull();
      const listed = new Set(data!.groups.flatMap((g) => g.people.map((p) => p.id)));
      const expected = await policyAudience(ws, r.id);
      expect([...listed].sort(), r.id).toEqual(expected);
      expect(data!.total).toBe(expected.length);
      for (const g of data!.groups) expect(g.count).toBe(g.people.length);
    }
    // One person at a time, on a few resources: the same grants as the pure function.
    for (const r of ws.resources.filter((_, i) => i % 10 === 0)) {
      for (const u of ws.users) {
        const data = await whoCanSee(admin, r.id, { who: u.id });
        expect(data!.chosen!.grants.map((g) => g.key)).toEqual(explainAccess(ws, u.id, r.id).map(grantKey));
      }
    }
  });

  it("Ana sees orders through group Northwind people of team Northwind, inherited from schema northwind", async () => {
    const data = await whoCanSee(admin, ids.orders, { who: "ana@northwind.test" });
    expect(data!.chosen!.person.name).toBe("Ana Souza");
    expect(data!.chosen!.grants).toEqual([
      expect.objectContaining({ kind: "group", group: expect.objectContaining({ name: "Northwind people" }), team: expect.objectContaining({ name: "Northwind" }), assigned: [expect.objectContaining({ name: "northwind", type: "SCHEMA" })] }),
    ]);
    const cara = await whoCanSee(admin, ids.orders, { who: "Cara" });
    expect(cara!.chosen!.person.email).toBe("cara@globex.test");
    expect(cara!.chosen!.grants).toEqual([]);
    expect((await whoCanSee(admin, ids.orders, { who: "nobody-like-this" }))!.chosenMissing).toBe(true);
    const titles = data!.groups.map((g) => `${g.kind}:${g.team?.name ?? ""}:${g.group?.name ?? ""}:${g.count}`);
    expect(titles).toEqual(expect.arrayContaining(["admin:::1", "direct:Northwind::1", "group:Northwind:Northwind people:2"]));
  });

  it("is for admins only, and a missing or malformed id is nothing", async () => {
    for (const email of ["editor@acme.test", "viewer@acme.test", "ana@northwind.test"]) {
      expect(await whoCanSee(await db.viewer(email), ids.orders)).toBeNull();
    }
    expect(await whoCanSee(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await whoCanSee(admin, "not-a-uuid")).toBeNull();
    // Read as whoever is being viewed: an admin viewing as Ana gets Ana's answer.
    const ana = await db.viewer("ana@northwind.test");
    expect(await whoCanSee({ ...ana, actingAdmin: { userId: admin.userId, name: admin.name, email: admin.email } }, ids.orders)).toBeNull();
  });
});

/** Per the policy: guests outside the team who can see any resource the team brings. */
async function policyForeignGuests(ws: PolicyWorkspace, teamId: string): Promise<string[]> {
  const roots = new Set(ws.assignments.filter((a) => a.teamId === teamId).map((a) => a.resourceId));
  const teamResources = ws.resources.filter((r) => {
    let cur: string | null = r.id;
    const byId = new Map(ws.resources.map((x) => [x.id, x]));
    while (cur) {
      if (roots.has(cur)) return true;
      cur = byId.get(cur)?.parentId ?? null;
    }
    return false;
  });
  const groups = new Set(ws.teamGroups.filter((tg) => tg.teamId === teamId).map((tg) => tg.groupId));
  const inTeam = (u: string) => ws.teamMembers.some((m) => m.teamId === teamId && m.userId === u) || ws.groupMembers.some((m) => groups.has(m.groupId) && m.userId === u);
  return ws.users
    .filter((u) => u.role === "GUEST" && u.status === "ACTIVE" && !inTeam(u.id))
    .filter((u) => {
      const seen = visibleResourceIds(ws, { userId: u.id, role: u.role });
      return teamResources.some((r) => seen.has(r.id));
    })
    .map((u) => u.id)
    .sort();
}

describe(`exposure report, on ${db.engine}`, () => {
  it("every client team of the demo is isolated; the editor is Northwind's internal member", async () => {
    for (const t of ["Northwind", "Globex", "Initech"]) {
      const e = await teamExposure(admin, ids[t]);
      expect(e, t).not.toBeNull();
      expect(e!.findings, t).toBe(0);
      expect(e!.shared).toEqual([]);
      expect(e!.foreignGuests.total).toBe(0);
      expect(await policyForeignGuests(await db.snapshot(), ids[t])).toEqual([]);
    }
    const nw = await teamExposure(admin, ids.Northwind);
    expect(nw!.internalMembers.people.map((p) => [p.email, p.via])).toEqual([["editor@acme.test", ["direct member"]]]);
  });

  it("assigning a Northwind table to Globex as well is a finding: the shared table, and Globex's guests", async () => {
    await db.sql(`INSERT INTO "TeamResource" ("workspaceId", "teamId", "resourceId") VALUES ($1, $2, $3)`, [db.workspaceId, ids.Globex, ids.orders]);
    const nw = await teamExposure(admin, ids.Northwind);
    const ws = await db.snapshot();
    const foreign = await policyForeignGuests(ws, ids.Northwind);
    expect(foreign.length).toBe(2);
    expect(nw!.foreignGuests.people.map((p) => p.id).sort()).toEqual(foreign);
    expect(nw!.foreignGuests.people.every((p) => p.through.map((t) => t.name).join() === "Globex")).toBe(true);
    expect(nw!.shared).toEqual([expect.objectContaining({ resource: expect.objectContaining({ name: "orders" }), otherTeam: expect.objectContaining({ name: "Globex" }) })]);
    // The rule's count: Globex's two guests see Northwind's table, Northwind's two see Globex's, and it is shared.
    expect(nw!.findings).toBe(5);
    expect(nw!.rule.lines.map((l) => l.kind).sort()).toEqual(["guest-resource", "guest-resource", "shared-resource"]);
    // Globex's side sees the same overlap: its table is inside Northwind's schema; no foreign guest of Globex... but Northwind's.
    const gx = await teamExposure(admin, ids.Globex);
    expect(gx!.shared.map((s) => [s.resource.name, s.otherTeam.name, s.assignedAt.name])).toEqual([["orders", "Northwind", "northwind"]]);
    expect(gx!.foreignGuests.people.map((p) => p.id).sort()).toEqual(await policyForeignGuests(ws, ids.Globex));
    await db.sql(`DELETE FROM "TeamResource" WHERE "teamId" = $1 AND "resourceId" = $2`, [ids.Globex, ids.orders]);
    expect((await teamExposure(admin, ids.Northwind))!.findings).toBe(0);
  });

  it("a Globex guest added directly to General, which shares something with Northwind, is a finding", async () => {
    await db.sql(`INSERT INTO "TeamResource" ("workspaceId", "teamId", "resourceId") VALUES ($1, $2, $3)`, [db.workspaceId, ids.General, ids.orders]);
    expect((await teamExposure(admin, ids.Northwind))!.findings).toBe(0);
    expect((await teamExposure(admin, ids.Northwind))!.alsoEmployees.map((e) => e.team.name)).toEqual(["General"]);
    await db.sql(`INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") VALUES ($1, $2, $3)`, [db.workspaceId, ids.General, ids.cara]);
    const nw = await teamExposure(admin, ids.Northwind);
    expect(nw!.foreignGuests.people.map((p) => p.email)).toEqual(["cara@globex.test"]);
    expect(nw!.findings).toBe(1);
    expect(await policyForeignGuests(await db.snapshot(), ids.Northwind)).toEqual([ids.cara]);
    await db.sql(`DELETE FROM "TeamMember" WHERE "teamId" = $1 AND "userId" = $2`, [ids.General, ids.cara]);
    await db.sql(`DELETE FROM "TeamResource" WHERE "teamId" = $1 AND "resourceId" = $2`, [ids.General, ids.orders]);
  });

  it("is for admins only, and only for private client teams", async () => {
    for (const email of ["editor@acme.test", "viewer@acme.test", "ana@northwind.test"]) {
      expect(await teamExposure(await db.viewer(email), ids.Northwind)).toBeNull();
    }
    expect(await teamExposure(admin, ids.General)).toBeNull();
    expect(await teamExposure(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await teamExposure(admin, "nope")).toBeNull();
  });
});
