// Row-level security alone: raw SQL as the app role in a guest's context, with no app-level filter.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { setupTestDb } from "../helpers/db";
import { workspaceArb } from "../helpers/arbitraries";
import { materialize } from "../helpers/materialize";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { visibleResourceIds, visibleTeamIds, visibleUserIds } from "@/lib/policy";

const db = await setupTestDb();
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe(`row-level security on ${db.engine}`, () => {
  it("a guest's unfiltered SELECTs return nothing of another client", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const resources = await db.sqlAs<{ name: string }>(ana, `SELECT name FROM "Resource"`);
    const names = resources.map((r) => r.name);
    expect(names).toContain("northwind");
    for (const n of ["globex", "initech", "finance", "shared", "Warehouse", "analytics", "Globex Revenue", "invoices"]) expect(names).not.toContain(n);
    const teams = await db.sqlAs<{ name: string }>(ana, `SELECT name FROM "Team"`);
    expect(teams.map((t) => t.name)).toEqual(["Northwind"]);
    const users = await db.sqlAs<{ email: string }>(ana, `SELECT email FROM "User" ORDER BY email`);
    expect(users.map((u) => u.email)).toEqual(["ana@northwind.test", "ben@northwind.test", "editor@acme.test"]);
    expect(await db.sqlAs(ana, `SELECT * FROM "Group"`)).toEqual([]);
    expect(await db.sqlAs(ana, `SELECT * FROM "AuditEvent"`)).toEqual([]);
    const assignments = await db.sqlAs<{ n: number }>(ana, `SELECT count(*)::int AS n FROM "TeamResource" tr JOIN "Team" t ON t.id = tr."teamId" WHERE t.name <> 'Northwind'`);
    expect(assignments[0].n).toBe(0);
    await expect(db.sqlAs(ana, `SELECT * FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
  });

  it("no context at all sees nothing", async () => {
    const nobody = { ...(await db.viewer("ana@northwind.test")), userId: "00000000-0000-0000-0000-000000000000" };
    expect(await db.sqlAs(nobody, `SELECT * FROM "Resource"`)).toEqual([]);
    expect(await db.sqlAs(nobody, `SELECT * FROM "Team"`)).toEqual([]);
    expect(await db.sqlAs(nobody, `SELECT * FROM "User"`)).toEqual([]);
  });

  it("forged writes fail and change nothing", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const globex = (await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE name = 'Globex'`))[0].id;
    const northwind = (await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE name = 'Northwind'`))[0].id;
    const invoices = (await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE name = 'invoices'`))[0].id;
    const before = await db.sql(`SELECT * FROM "TeamResource" ORDER BY "teamId", "resourceId"`);
    // Ana joins Globex, assigns Globex's table to Northwind, renames it, edits the role table.
    await expect(db.sqlAs(ana, `INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") VALUES ($1, $2, $3)`, [ana.workspaceId, globex, ana.userId])).rejects.toMatchObject({ code: "42501" });
    await expect(db.sqlAs(ana, `INSERT INTO "TeamResource" ("workspaceId", "teamId", "resourceId") VALUES ($1, $2, $3)`, [ana.workspaceId, northwind, invoices])).rejects.toMatchObject({ code: "42501" });
    const renamed = await db.sqlAs(ana, `UPDATE "Resource" SET name = 'pwned' WHERE id = $1 RETURNING id`, [invoices]);
    expect(renamed).toEqual([]);
    const promoted = await db.sqlAs(ana, `UPDATE "Membership" SET role = 'ADMIN' WHERE "userId" = $1 RETURNING id`, [ana.userId]);
    expect(promoted).toEqual([]);
    await expect(db.sqlAs(ana, `INSERT INTO "AuditEvent" ("id", "workspaceId", "actorId", "action", "targetType") VALUES (gen_random_uuid(), $1, $2, 'x', 'y')`, [ana.workspaceId, (await db.viewer("admin@acme.test")).userId])).rejects.toMatchObject({ code: "42501" });
    expect(await db.sql(`SELECT * FROM "TeamResource" ORDER BY "teamId", "resourceId"`)).toEqual(before);
    expect((await db.sql<{ name: string }>(`SELECT name FROM "Resource" WHERE id = $1`, [invoices]))[0].name).toBe("invoices");
  });

  it("a path cannot be forged: the database computes it from the parent", async () => {
    const admin = await db.viewer("admin@acme.test");
    const northwind = (await db.sql<{ id: string; path: string[] }>(`SELECT id, path FROM "Resource" WHERE name = 'northwind'`))[0];
    const invoices = (await db.sql<{ id: string; path: string }>(`SELECT id, path::text FROM "Resource" WHERE name = 'invoices'`))[0];
    // The forged statement does match the row (RETURNING, inside the same rolled-back transaction), and what it
    // wrote is the path the database computed, not the forged one.
    const forged = [northwind.id, invoices.id];
    const rows = await db.sqlAs<{ path: string }>(admin, `UPDATE "Resource" SET path = ARRAY[$1::uuid, id] WHERE id = $2 RETURNING path::text`, [northwind.id, invoices.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].path).toBe(invoices.path);
    expect(rows[0].path).not.toBe(`{${forged.join(",")}}`);
  });

  it("equals the policy on random workspaces", async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (w) => {
        const { mapped } = await materialize(db.conn.prisma, w);
        for (const u of mapped.users) {
          const user = await db.conn.prisma.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionVersion: true } });
          const viewer = (await resolveViewer(db.conn.prisma, u.id, user.sessionVersion)) ?? { userId: u.id, workspaceId: (await db.conn.prisma.membership.findFirstOrThrow({ where: { userId: u.id } })).workspaceId } as never;
          const pv = { userId: u.id, role: u.role };
          const res = await db.sqlAs<{ id: string }>(viewer, `SELECT id FROM "Resource"`);
          expect(sorted(res.map((r) => r.id))).toEqual(sorted(visibleResourceIds(mapped, pv)));
          const teams = await db.sqlAs<{ id: string }>(viewer, `SELECT id FROM "Team"`);
          expect(sorted(teams.map((r) => r.id))).toEqual(sorted(visibleTeamIds(mapped, pv)));
          const users = await db.sqlAs<{ id: string }>(viewer, `SELECT id FROM "User"`);
          const expected = visibleUserIds(mapped, pv);
          // An inactive viewer still "sees" its own row (the policy gives it nothing at all).
          expect(sorted(users.map((r) => r.id).filter((id) => expected.size || id !== u.id))).toEqual(sorted(expected));
        }
      }),
      { numRuns: 15 },
    );
  });
});
