// dbt manifests, on both engines: the seed's import enriched the synced warehouse instead of duplicating it;
// a bad file is refused with a clear message and changes nothing; a good one enriches northwind.orders and
// replaces the dbt lineage; a warehouse re-sync keeps what dbt added; only admins may import.
import { afterAll, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { importDbtManifest } from "@/lib/dbt/actions";
import { generateManifest } from "@/lib/dbt/generate-manifest";
import { syncIntegration } from "@/lib/integrations/actions";
import { waitForSync } from "@/lib/integrations/sync";
import { startAutomationWorker, stopAutomationWorker } from "@/lib/automations/queue";
import { demoDbtModels, DBT_PROJECT } from "@/prisma/seed/dbt";

const db = await setupTestDb();
// Syncs run on the job queue, like on a server: this file's worker takes them.
await startAutomationWorker({ schedule: false, pollSeconds: 0.5 });
afterAll(() => stopAutomationWorker());
const key = (...parts: string[]) => JSON.stringify(["analytics", ...parts]);
type Row = { id: string; description: string; tags: string[]; meta: Record<string, unknown> };
const byKey = async (...parts: string[]) => (await db.sql<Row>(`SELECT id, description, tags, meta FROM "Resource" WHERE "externalKey" = $1`, [key(...parts)]))[0];
const state = async () => [
  await db.sql(`SELECT id, description, tags, meta::text FROM "Resource" ORDER BY id`),
  await db.sql(`SELECT "fromId", "toId", kind::text FROM "LineageEdge" ORDER BY 1, 2, 3`),
];
const manifest = (models = demoDbtModels(), v = 12) => JSON.stringify(generateManifest({ project: DBT_PROJECT, database: "analytics", models, schemaVersion: v }));

describe(`dbt on ${db.engine}`, () => {
  it("the seed's manifest enriched the synced resources (no duplicates) and its depends_on became lineage", async () => {
    const orders = await byKey("northwind", "orders");
    expect(orders.description).toBe("One row per customer order.");
    expect(orders.meta.dbt).toMatchObject({ uniqueId: `source.${DBT_PROJECT}.northwind.orders`, resourceType: "source" });
    expect((await byKey("northwind", "orders", "order_id")).meta.dbt).toEqual({ description: "Primary key.", tests: ["not_null", "unique"] });
    expect((await byKey("northwind", "monthly_sales")).meta.dbt).toMatchObject({ owner: "analytics-engineering@acme.test", materialized: "view" });
    const [{ n }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Resource" WHERE name = 'orders' AND type = 'TABLE'`);
    expect(n).toBe(1);
    const dbtEdges = await db.sql<{ f: string; t: string }>(`SELECT f.name AS f, t.name AS t FROM "LineageEdge" e JOIN "Resource" f ON f.id = e."fromId" JOIN "Resource" t ON t.id = e."toId" WHERE e.kind = 'dbt'`);
    expect(dbtEdges).toEqual([{ f: "orders", t: "monthly_sales" }]);
  });

  it("a bad file gets a clear message and changes nothing", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const before = await state();
    const cases: [unknown, RegExp][] = [
      [{ manifest: "{ not json" }, /not valid JSON/],
      [{ manifest: JSON.stringify({ hello: "world" }) }, /not a dbt manifest/],
      [{ manifest: manifest(demoDbtModels(), 9) }, /v9 is not supported: use a manifest of schema v10 to v12/],
      [{ manifest: JSON.stringify({ metadata: { dbt_schema_version: "https://schemas.getdbt.com/dbt/manifest/v12.json" }, nodes: { x: { name: 1 } } }) }, /does not follow dbt's schema at nodes\.x/],
      [{ manifest: "x".repeat(10 * 1024 * 1024 + 1) }, /larger than 10 MB/],
      [{}, /Choose a manifest\.json file/],
      [{ path: "relative/manifest.json" }, /absolute path of a \.json file/],
      [{ path: "/nonexistent/manifest.json" }, /no readable file/],
    ];
    for (const [input, message] of cases) {
      const res = await importDbtManifest(input as never);
      expect(res.ok).toBe(false);
      expect(res.ok ? "" : res.error).toMatch(message);
    }
    expect(await state()).toEqual(before);
  });

  it("a good manifest enriches northwind.orders, keeps an edited description, replaces dbt edges; a re-sync keeps it", async () => {
    actAs(await db.viewer("admin@acme.test"));
    await db.sql(`UPDATE "Resource" SET description = 'Edited by a person.' WHERE "externalKey" = $1`, [key("northwind", "customers")]);
    const models = demoDbtModels().map((m) =>
      m.name === "orders" ? { ...m, description: "Orders as modelled in dbt.", tags: ["dbt"] } : m.name === "customers" ? { ...m, description: "dbt's customers." } : m,
    );
    // monthly_sales now also reads customers
    const ms = models.find((m) => m.name === "monthly_sales")!;
    ms.dependsOn = [`source.${DBT_PROJECT}.northwind.customers`];
    const res = await importDbtManifest({ manifest: manifest(models) });
    expect(res).toMatchObject({ ok: true, data: { matched: 4, unmatched: 0, edges: 1, removedEdges: 1 } });
    const orders = await byKey("northwind", "orders");
    expect(orders.description).toBe("Orders as modelled in dbt.");
    expect(orders.tags).toEqual(["pii-free", "core", "dbt"]);
    expect((await byKey("northwind", "customers")).description).toBe("Edited by a person.");
    const edges = await db.sql<{ f: string }>(`SELECT f.name AS f FROM "LineageEdge" e JOIN "Resource" f ON f.id = e."fromId" WHERE e.kind = 'dbt'`);
    expect(edges).toEqual([{ f: "customers" }]);

    const sync = await syncIntegration({ integrationId: (await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE name = 'Warehouse' AND "parentId" IS NULL`))[0].id });
    if (!sync.ok) throw new Error(sync.error);
    await waitForSync(sync.data.syncId);
    const after = await byKey("northwind", "orders");
    expect(after.description).toBe("Orders as modelled in dbt.");
    expect(after.meta.dbt).toMatchObject({ description: "Orders as modelled in dbt." });
  });

  it("only admins import", async () => {
    for (const email of ["editor@acme.test", "ana@northwind.test"]) {
      actAs(await db.viewer(email));
      const before = await state();
      expect(await importDbtManifest({ manifest: manifest() })).toEqual({ ok: false, error: "You do not have permission to do this." });
      expect(await state()).toEqual(before);
    }
  });
});
