// The policies' answers about the viewer (its role, teams, roots, the people a guest sees) are worked out once per
// transaction and kept (migration 20261208010500): kept only for the context they were worked out for, forgotten by
// any write to the tables they come from, and gone with the transaction.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../helpers/db";
import { withViewer, type Tx } from "@/lib/db/scoped";
import type { Viewer } from "@/lib/auth/resolve-viewer";

const db = await setupTestDb();

class Rollback extends Error {}
/** Runs fn in the viewer's own transaction (as the app does), then rolls everything back. */
async function inViewerTx(viewer: Viewer, fn: (tx: Tx) => Promise<void>) {
  await withViewer(viewer, async (tx) => {
    await fn(tx);
    throw new Rollback();
  }).catch((e) => {
    if (!(e instanceof Rollback)) throw e;
  });
}
const one = async <T,>(tx: Tx, sql: string, ...params: unknown[]) => ((await tx.$queryRawUnsafe<Record<string, T>[]>(sql, ...params))[0] as Record<string, T>);

describe(`the viewer's context, kept per transaction, on ${db.engine}`, () => {
  it("is kept once worked out, under the context it belongs to", async () => {
    const ana = await db.viewer("ana@northwind.test");
    await inViewerTx(ana, async (tx) => {
      expect((await one<string>(tx, "SELECT app_role() AS r")).r).toBe("GUEST");
      const kept = (await one<string | null>(tx, "SELECT current_setting('app.memo_role', true) AS v")).v;
      expect(kept).toContain(ana.userId);
      expect(kept).toMatch(/\|GUEST$/);
    });
  });

  it("answers for another context anew, never with the first one's answer", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const admin = await db.viewer("admin@acme.test");
    await inViewerTx(ana, async (tx) => {
      const before = (await one<string[]>(tx, "SELECT app_resource_roots()::text[] AS ids")).ids;
      expect((await one<string>(tx, "SELECT app_role() AS r")).r).toBe("GUEST");
      // The same transaction, now stating another user (as "view as" and the tests switch): its own answers.
      await tx.$queryRawUnsafe("SELECT set_config('app.user_id', $1, true)", admin.userId);
      expect((await one<string>(tx, "SELECT app_role() AS r")).r).toBe("ADMIN");
      await tx.$queryRawUnsafe("SELECT set_config('app.user_id', $1, true)", ana.userId);
      expect((await one<string>(tx, "SELECT app_role() AS r")).r).toBe("GUEST");
      expect((await one<string[]>(tx, "SELECT app_resource_roots()::text[] AS ids")).ids).toEqual(before);
    });
  });

  it("forgets its answers at a write to the tables they come from, within the same transaction", async () => {
    const admin = await db.viewer("admin@acme.test");
    await inViewerTx(admin, async (tx) => {
      const teams = (await one<string[]>(tx, "SELECT app_visible_team_ids()::text[] AS ids")).ids;
      // A team created and read back in the same transaction (RETURNING goes through the SELECT policy).
      const created = await tx.team.create({ data: { workspaceId: admin.workspaceId, name: "Memo test", slug: "memo-test" }, select: { id: true } });
      const after = (await one<string[]>(tx, "SELECT app_visible_team_ids()::text[] AS ids")).ids;
      expect(after).toHaveLength(teams.length + 1);
      expect(after).toContain(created.id);
      expect(await tx.team.findFirst({ where: { id: created.id }, select: { id: true } })).toEqual({ id: created.id });
    });
    await inViewerTx(admin, async (tx) => {
      expect((await one<string>(tx, "SELECT app_role() AS r")).r).toBe("ADMIN");
      await tx.$queryRawUnsafe(`UPDATE "Membership" SET role = 'VIEWER' WHERE "workspaceId" = $1::uuid AND "userId" = $2::uuid`, admin.workspaceId, admin.userId);
      expect((await one<string>(tx, "SELECT app_role() AS r")).r).toBe("VIEWER");
    });
  });

  it("a guest's team assignment made in the transaction widens nothing it has already been told, and narrows at once", async () => {
    const admin = await db.viewer("admin@acme.test");
    const ana = await db.viewer("ana@northwind.test");
    const northwind = (await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE name = 'Northwind'`))[0]!.id;
    await inViewerTx(admin, async (tx) => {
      // The guest's context, then an assignment removed: the guest's roots lose it in the next statement.
      await tx.$queryRawUnsafe("SELECT set_config('app.user_id', $1, true)", ana.userId);
      const roots = (await one<string[]>(tx, "SELECT app_resource_roots()::text[] AS ids")).ids;
      expect(roots.length).toBeGreaterThan(0);
      await tx.$queryRawUnsafe("SELECT set_config('app.user_id', $1, true)", admin.userId);
      await tx.$queryRawUnsafe(`DELETE FROM "TeamResource" WHERE "workspaceId" = $1::uuid AND "teamId" = $2::uuid`, admin.workspaceId, northwind);
      await tx.$queryRawUnsafe("SELECT set_config('app.user_id', $1, true)", ana.userId);
      expect((await one<string[]>(tx, "SELECT app_resource_roots()::text[] AS ids")).ids).toEqual([]);
    });
  });

  it("is gone with the transaction", async () => {
    const ana = await db.viewer("ana@northwind.test");
    await inViewerTx(ana, async (tx) => {
      await tx.$queryRawUnsafe("SELECT app_role()");
    });
    await inViewerTx(ana, async (tx) => {
      const v = (await one<string | null>(tx, "SELECT current_setting('app.memo_role', true) AS v")).v;
      expect(v ?? "").toBe("");
    });
  });
});
