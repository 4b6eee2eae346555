import { describe, expect, it } from "vitest";
import { setupTestDb } from "../helpers/db";

const db = await setupTestDb();
// LEAKPROOF can only be set by a superuser (PGlite's role is one; a managed database's owner is not).
const [{ su }] = await db.sql<{ su: boolean }>(`SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user`);

describe("row-level security keeps the path index usable", () => {
  it.runIf(su)("with a superuser, marks the array operators of the scoped reads LEAKPROOF, so RLS lets them drive the GIN index", async () => {
    const rows = await db.sql<{ proname: string; proleakproof: boolean }>(
      `SELECT proname, proleakproof FROM pg_proc WHERE proname IN ('arrayoverlap', 'arraycontains') ORDER BY proname`,
    );
    expect(rows).toEqual([
      { proname: "arraycontains", proleakproof: true },
      { proname: "arrayoverlap", proleakproof: true },
    ]);
  });

  // Without LEAKPROOF (a managed database has no superuser to set it), only the policy's own condition may drive an
  // index under RLS: Resource's is `(ARRAY[workspaceId] || path) && app_resource_keys()`, answered by a GIN index on
  // that very expression. With sequential scans priced out and the workspace index made useless, the plan shows
  // whether the policy can use its index at all (before 20261202070100 it could not: an OR of three policies).
  it("a guest's read of Resource is driven by the policy's own condition on the visibility index", async () => {
    const ana = await db.viewer("ana@northwind.test");
    // 3,000 top-level documents in no team (admins only): the workspace's own index no longer narrows anything.
    await db.sql(`INSERT INTO "Resource" (id, "workspaceId", type, name, "updatedAt")
      SELECT gen_random_uuid(), $1, 'DOCUMENT', 'doc ' || i, now() FROM generate_series(1, 3000) i`, [ana.workspaceId]);
    await db.sql(`ANALYZE "Resource"`);
    const plan = await db.sqlAs<{ "QUERY PLAN": string }>(
      ana, `EXPLAIN (COSTS OFF) SELECT id FROM "Resource" WHERE "removedAt" IS NULL AND name ILIKE '%orders%'`, [],
      { settings: { enable_seqscan: "off" } }); // a small table is read whole otherwise
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    // PostgreSQL 15 prints the init-plan as $n, PGlite (PostgreSQL 17) as (InitPlan n).col1.
    expect(text).toMatch(/Index Cond: \(\(ARRAY\["workspaceId"\] \|\| path\) && (\$\d+|\(InitPlan \d+\)\.col1)\)/);
    expect(text).toContain("Resource_visibility_keys_idx");
  });

  it("states no policy as IN (SELECT unnest(helper())), which evaluates the helper while planning every statement", async () => {
    const slow = await db.sql<{ tablename: string; policyname: string }>(
      `SELECT tablename, policyname FROM pg_policies WHERE qual ILIKE '%unnest(%' OR with_check ILIKE '%unnest(%'`,
    );
    expect(slow).toEqual([]);
  });

  it("still hides another client's resources from a guest (the policies are unchanged)", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const globex = await db.sql<{ id: string }>(
      `SELECT r.id FROM "TeamResource" tr JOIN "Team" t ON t.id = tr."teamId" JOIN "Resource" r ON r.id = tr."resourceId" WHERE t.name = 'Globex'`,
    );
    expect(globex.length).toBeGreaterThan(0);
    const seen = await db.sqlAs<{ id: string }>(ana, `SELECT id FROM "Resource" WHERE path && $1::uuid[]`, [globex.map((g) => g.id)]);
    expect(seen).toEqual([]);
  });
});
