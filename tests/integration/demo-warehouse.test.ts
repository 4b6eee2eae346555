// The demo's warehouse is real: its schemas and tables exist in the console's own database and reach the
// catalog through the same sync as any PostgreSQL integration, on both engines.
import { afterAll, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { replaceIntegrationSecret, syncIntegration, testIntegration } from "@/lib/integrations/actions";
import { waitForSync } from "@/lib/integrations/sync";
import { startAutomationWorker, stopAutomationWorker } from "@/lib/automations/queue";
import { listVisibleResourceIds } from "@/lib/catalog/queries";
import { demoWarehouse } from "@/prisma/seed/warehouse";

const db = await setupTestDb();
// Syncs run on the job queue, like on a server: this file's worker takes them.
await startAutomationWorker({ schedule: false, pollSeconds: 0.5 });
afterAll(() => stopAutomationWorker());
const [warehouse] = await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE name = 'Warehouse' AND "parentId" IS NULL`);
const key = (...parts: string[]) => JSON.stringify(["analytics", ...parts]);
const byKey = async (k: string) =>
  (await db.sql<{ id: string; name: string; description: string; meta: Record<string, unknown>; removedAt: Date | null }>(
    `SELECT id, name, description, meta, "removedAt" FROM "Resource" WHERE "externalKey" = $1`, [k]))[0];

async function sync() {
  const res = await syncIntegration({ integrationId: warehouse.id });
  if (!res.ok) throw new Error(res.error);
  await waitForSync(res.data.syncId);
  return (await db.sql<{ status: string; added: number; updated: number; removed: number }>(
    `SELECT status, added, updated, removed FROM "IntegrationSync" WHERE id = $1`, [res.data.syncId]))[0];
}

describe("the demo warehouse", () => {
  it("exists as real schemas, tables and views in the database", async () => {
    const rels = await db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = ANY($1::text[])`, [demoWarehouse.map((s) => s.name)]);
    expect(rels[0].n).toBe(demoWarehouse.reduce((n, s) => n + s.relations.length, 0));
    const views = await db.sql<{ table_name: string }>(`SELECT table_name FROM information_schema.views WHERE table_schema IN ('northwind', 'finance') ORDER BY 1`);
    expect(views.map((v) => v.table_name)).toEqual(expect.arrayContaining(["gross_margin", "monthly_sales"]));
  });

  it("was ingested by the sync: keys, types, nullability and comments come from the real catalog", async () => {
    const freight = await byKey(key("northwind", "orders", "freight"));
    expect(freight.description).toBe("Shipping cost in USD.");
    expect(freight.meta).toMatchObject({ dataType: "numeric(10,2)", nullable: true });
    expect((await byKey(key("shared", "currencies", "code"))).meta).toMatchObject({ dataType: "character(3)", nullable: false });
    expect((await byKey(key("northwind", "monthly_sales"))).meta).toMatchObject({ kind: "view" });
    const runs = await db.sql<{ status: string; added: number }>(`SELECT status, added FROM "IntegrationSync" WHERE "integrationId" = $1`, [warehouse.id]);
    expect(runs).toHaveLength(1);
    expect(runs[0].status).toBe("succeeded");
    expect(runs[0].added).toBeGreaterThan(60);
  });

  it("re-syncs as an admin with nothing to change, and assignments stay", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const before = await db.sql(`SELECT "teamId", "resourceId" FROM "TeamResource" ORDER BY 1, 2`);
    expect(await sync()).toEqual({ status: "succeeded", added: 0, updated: 0, removed: 0 });
    expect(await db.sql(`SELECT "teamId", "resourceId" FROM "TeamResource" ORDER BY 1, 2`)).toEqual(before);
    const res = await testIntegration({ integrationId: warehouse.id });
    expect(res).toEqual({ ok: true, data: { message: "The demo warehouse is readable: 5 schemas." } });
    const replace = await replaceIntegrationSecret({ integrationId: warehouse.id, connectionString: "postgres://u:p@h/db" });
    expect(replace).toEqual({ ok: false, error: "The demo warehouse has no connection string to replace." });
  });

  it("a column added to the real table reaches Ana through her team's schema after a re-sync, and not Cara", async () => {
    await db.sql(`ALTER TABLE northwind.orders ADD COLUMN discount numeric(5,2)`);
    actAs(await db.viewer("admin@acme.test"));
    expect(await sync()).toMatchObject({ status: "succeeded", added: 1, removed: 0 });
    const discount = await byKey(key("northwind", "orders", "discount"));
    expect(await listVisibleResourceIds(await db.viewer("ana@northwind.test"))).toContain(discount.id);
    expect(await listVisibleResourceIds(await db.viewer("cara@globex.test"))).not.toContain(discount.id);

    await db.sql(`ALTER TABLE northwind.orders DROP COLUMN discount`);
    expect(await sync()).toMatchObject({ status: "succeeded", added: 0, removed: 1 });
    expect((await byKey(key("northwind", "orders", "discount"))).removedAt).not.toBeNull();
  });

  it("a guest or an editor cannot sync it", async () => {
    for (const email of ["ana@northwind.test", "editor@acme.test"]) {
      actAs(await db.viewer(email));
      const count = await db.sql(`SELECT count(*) FROM "IntegrationSync"`);
      expect((await syncIntegration({ integrationId: warehouse.id })).ok).toBe(false);
      expect(await db.sql(`SELECT count(*) FROM "IntegrationSync"`)).toEqual(count);
    }
  });
});
