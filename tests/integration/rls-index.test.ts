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
