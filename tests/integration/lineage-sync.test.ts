// Lineage from the warehouse, on both engines: the sync reads view dependencies (relation- and column-level) from
// pg_depend and the rewrite rules, a re-sync follows CREATE VIEW / DROP VIEW, and each viewer's lineage of the
// demo is the induced subgraph on what they may see: nothing of another client, not a name, an id, a count or an edge.
import { afterAll, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { syncIntegration } from "@/lib/integrations/actions";
import { waitForSync } from "@/lib/integrations/sync";
import { startAutomationWorker, stopAutomationWorker } from "@/lib/automations/queue";
import { lineageOf } from "@/lib/lineage/queries";
import { addManualLineageEdge, removeManualLineageEdge } from "@/lib/lineage/actions";

const db = await setupTestDb();
// Syncs run on the job queue, like on a server: this file's worker takes them.
await startAutomationWorker({ schedule: false, pollSeconds: 0.5 });
afterAll(() => stopAutomationWorker());
const [warehouse] = await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE name = 'Warehouse' AND "parentId" IS NULL`);
const key = (...parts: string[]) => JSON.stringify(["analytics", ...parts]);
const idOf = async (...parts: string[]) => (await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE "externalKey" = $1`, [key(...parts)]))[0]?.id;
const nameOf = (k: string) => (JSON.parse(k) as string[]).slice(1).join(".");

/** Every edge of a kind as "from → to" with qualified names (owner connection: no scope). */
async function edges(kind: string) {
  const rows = await db.sql<{ f: string; t: string }>(
    `SELECT coalesce(f."externalKey", json_build_array('', f.name)::text) AS f, coalesce(t."externalKey", json_build_array('', t.name)::text) AS t FROM "LineageEdge" e JOIN "Resource" f ON f.id = e."fromId" JOIN "Resource" t ON t.id = e."toId"
      WHERE e.kind = $1 ORDER BY 1, 2`, [kind]);
  return rows.map((r) => `${nameOf(r.f)} → ${nameOf(r.t)}`);
}

async function sync() {
  actAs(await db.viewer("admin@acme.test"));
  const res = await syncIntegration({ integrationId: warehouse.id });
  if (!res.ok) throw new Error(res.error);
  await waitForSync(res.data.syncId);
  return (await db.sql<{ status: string; added: number; updated: number; removed: number }>(
    `SELECT status, added, updated, removed FROM "IntegrationSync" WHERE id = $1`, [res.data.syncId]))[0];
}

describe(`lineage from the warehouse on ${db.engine}`, () => {
  it("the seed's sync found the views' tables and, for monthly_sales, its columns", async () => {
    const rel = (await edges("view")).filter((e) => e.split(" → ").every((x) => x.split(".").length === 2));
    expect(rel).toEqual([
      "finance.revenue → finance.gross_margin",
      "globex.invoices → finance.client_revenue",
      "globex.invoices → shared.fx_invoices",
      "northwind.orders → finance.client_revenue",
      "northwind.orders → northwind.monthly_sales",
      "shared.currencies → shared.fx_invoices",
    ]);
    const cols = await edges("view");
    expect(cols).toEqual(expect.arrayContaining([
      "northwind.orders.order_date → northwind.monthly_sales.month",
      "northwind.orders.freight → northwind.monthly_sales.revenue",
      "globex.invoices.amount → shared.fx_invoices.amount",
      "shared.currencies.usd_rate → shared.fx_invoices.amount",
      // Both branches of client_revenue's UNION ALL feed its columns.
      "northwind.orders.freight → finance.client_revenue.revenue",
      "globex.invoices.amount → finance.client_revenue.revenue",
    ]));
    // count(*) reads no column: no column edge into monthly_sales.orders.
    expect(cols.filter((e) => e.endsWith("monthly_sales.orders"))).toEqual([]);
    expect(await edges("bi")).toEqual(["globex.invoices → Globex Revenue", "northwind.monthly_sales → Northwind Sales Overview"]);
  });

  it("views keep their definition; tables their primary key and size", async () => {
    const [view] = await db.sql<{ meta: Record<string, unknown> }>(`SELECT meta FROM "Resource" WHERE "externalKey" = $1`, [key("northwind", "monthly_sales")]);
    expect(String(view.meta.definition)).toMatch(/FROM northwind\.orders/);
    const [orders] = await db.sql<{ meta: Record<string, unknown> }>(`SELECT meta FROM "Resource" WHERE "externalKey" = $1`, [key("northwind", "orders")]);
    expect(orders.meta).toMatchObject({ primaryKey: "order_id" });
    expect(Number(orders.meta.sizeBytes)).toBeGreaterThan(0);
    const [pkCol] = await db.sql<{ meta: Record<string, unknown> }>(`SELECT meta FROM "Resource" WHERE "externalKey" = $1`, [key("northwind", "orders", "order_id")]);
    expect(pkCol.meta).toMatchObject({ primaryKey: true });
  });

  it("a re-sync after CREATE VIEW adds its edges, and after DROP VIEW removes them; the rest stays", async () => {
    const before = await db.sql(`SELECT id, "fromId", "toId" FROM "LineageEdge" ORDER BY id`);
    const viewEdges = (await edges("view")).length;
    expect(await sync()).toEqual({ status: "succeeded", added: 0, updated: 0, removed: 0 });
    expect(await db.sql(`SELECT id, "fromId", "toId" FROM "LineageEdge" ORDER BY id`)).toEqual(before);

    await db.sql(`CREATE VIEW northwind.big_orders AS SELECT o.order_id, c.company_name FROM northwind.orders o JOIN northwind.customers c ON c.customer_id = o.customer_id WHERE o.freight > 100`);
    expect(await sync()).toMatchObject({ status: "succeeded", added: 3, removed: 0 });
    const now = await edges("view");
    expect(now).toEqual(expect.arrayContaining([
      "northwind.orders → northwind.big_orders",
      "northwind.customers → northwind.big_orders",
      "northwind.orders.order_id → northwind.big_orders.order_id",
      "northwind.customers.company_name → northwind.big_orders.company_name",
    ]));
    expect(now).toHaveLength(viewEdges + 4);

    await db.sql(`DROP VIEW northwind.big_orders`);
    expect(await sync()).toMatchObject({ status: "succeeded", added: 0, removed: 3 });
    expect((await edges("view")).filter((e) => e.includes("big_orders"))).toEqual([]);
    expect(await db.sql(`SELECT id, "fromId", "toId" FROM "LineageEdge" ORDER BY id`)).toEqual(before);
  });
});

describe(`lineage per viewer on ${db.engine}`, () => {
  const names = (l: Awaited<ReturnType<typeof lineageOf>>) => l!.nodes.map((n) => n.qualifiedName).sort();

  it("Ana's lineage of northwind.orders: monthly_sales and the dashboard, nothing of finance or Globex", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const orders = await idOf("northwind", "orders");
    const got = await lineageOf(ana, orders, { direction: "both", depth: 5 });
    expect(names(got)).toEqual(["northwind.monthly_sales", "northwind.orders", "Northwind Sales Overview"].sort());
    expect(got!.edges.map((e) => e.kind).sort()).toEqual(["bi", "dbt", "view"]);
    const hidden = [await idOf("finance", "client_revenue"), await idOf("globex", "invoices"), await idOf("finance"), await idOf("globex")];
    const text = JSON.stringify(got);
    for (const h of hidden) expect(text).not.toContain(h);
    for (const word of ["finance", "client_revenue", "globex", "Globex", "invoices", "analytics", "Warehouse"]) expect(text).not.toContain(word);
    // Row-level security alone: the edges table holds for Ana exactly the edges between her resources.
    const raw = await db.sqlAs<{ n: number }>(ana, `SELECT count(*)::int AS n FROM "LineageEdge"`);
    const mine = await db.sqlAs<{ n: number }>(ana, `SELECT count(*)::int AS n FROM "LineageEdge" e JOIN "Resource" f ON f.id = e."fromId" JOIN "Resource" t ON t.id = e."toId"`);
    expect(raw[0].n).toBe(mine[0].n);
    expect(await lineageOf(ana, await idOf("finance", "client_revenue"))).toBeNull();
    expect(await lineageOf(ana, await idOf("globex", "invoices"))).toBeNull();
  });

  it("the viewer's lineage of shared.fx_invoices holds currencies and not globex.invoices; the admin's holds both", async () => {
    const fx = await idOf("shared", "fx_invoices");
    const viewer = await lineageOf(await db.viewer("viewer@acme.test"), fx, { direction: "both", depth: 3 });
    expect(names(viewer)).toEqual(["shared.currencies", "shared.fx_invoices"]);
    expect(JSON.stringify(viewer)).not.toContain(await idOf("globex", "invoices"));
    const admin = await lineageOf(await db.viewer("admin@acme.test"), fx, { direction: "both", depth: 3 });
    expect(names(admin)).toEqual(["globex.invoices", "shared.currencies", "shared.fx_invoices"]);
    // "both" is an upstream and a downstream walk, not one that turns around: the admin's invoices reach further.
    const invoices = await lineageOf(await db.viewer("admin@acme.test"), await idOf("globex", "invoices"), { direction: "down", depth: 1 });
    expect(names(invoices)).toEqual(["finance.client_revenue", "Globex Revenue", "globex.invoices", "shared.fx_invoices"].sort());
    const orders = await lineageOf(await db.viewer("admin@acme.test"), await idOf("northwind", "orders"), { direction: "down", depth: 2 });
    expect(names(orders)).toEqual(["finance.client_revenue", "northwind.monthly_sales", "northwind.orders", "Northwind Sales Overview"].sort());
  });

  it("column lineage: monthly_sales.revenue comes from orders.freight", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const got = await lineageOf(ana, await idOf("northwind", "monthly_sales", "revenue"), { direction: "up", depth: 3 });
    expect(names(got)).toEqual(["northwind.monthly_sales.revenue", "northwind.orders.freight"]);
  });
});

describe(`manual lineage edges on ${db.engine}`, () => {
  it("an editor links two resources it can see; Ana then sees the edge; a hidden end is a plain 'Not found.'", async () => {
    const orders = await idOf("northwind", "orders");
    const [health] = await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE name = 'Northwind Customer Health'`);
    const revenue = await idOf("finance", "revenue");
    const count = async () => (await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "LineageEdge"`))[0].n;
    actAs(await db.viewer("editor@acme.test"));
    const before = await count();
    expect(await addManualLineageEdge({ fromId: orders, toId: health.id })).toMatchObject({ ok: true });
    expect(await addManualLineageEdge({ fromId: orders, toId: health.id })).toEqual({ ok: false, error: "orders already feeds Northwind Customer Health." });
    expect(await addManualLineageEdge({ fromId: orders, toId: revenue })).toEqual({ ok: false, error: "Not found." });
    expect(await addManualLineageEdge({ fromId: revenue, toId: orders })).toEqual({ ok: false, error: "Not found." });
    expect(await count()).toBe(before + 1);
    const ana = await lineageOf(await db.viewer("ana@northwind.test"), orders, { direction: "down", depth: 1 });
    expect(ana!.edges).toContainEqual({ from: orders, to: health.id, kind: "manual" });

    actAs(await db.viewer("viewer@acme.test"));
    expect(await removeManualLineageEdge({ fromId: orders, toId: health.id })).toEqual({ ok: false, error: "You do not have permission to do this." });
    // Row-level security alone refuses an editor's edge to a resource it cannot see, whatever the action says.
    const editor = await db.viewer("editor@acme.test");
    await expect(db.sqlAs(editor, `INSERT INTO "LineageEdge" (id, "workspaceId", "fromId", "toId", kind) VALUES (gen_random_uuid(), $1, $2, $3, 'manual')`, [editor.workspaceId, orders, revenue])).rejects.toThrow();
    actAs(editor);
    expect(await removeManualLineageEdge({ fromId: orders, toId: health.id })).toEqual({ ok: true, data: { removed: true } });
    expect(await count()).toBe(before);
  });
});
