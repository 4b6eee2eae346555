// Owners, "Owned by" and "upstream/downstream of" search filters, foreign keys ("References" / "Referenced by")
// and "Last synced", on both engines, each scoped: Ana (a Guest of Northwind) never learns of a Globex or Initech
// owner, of a hidden table at the far end of a key, or of a resource up or down a lineage path through hidden ones.
import { afterAll, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { getResourceDetail, listVisibleResourceIds } from "@/lib/catalog/queries";
import { catalogTree, catalogTreeChildren, type TreeNode } from "@/lib/catalog/tree";
import { listIntegrations } from "@/lib/integrations/queries";
import { addResourceOwner, removeResourceOwner } from "@/lib/owners/actions";
import { ownerFilterOptions } from "@/lib/owners/queries";
import { search, searchFacets } from "@/lib/search/queries";
import { syncIntegration } from "@/lib/integrations/actions";
import { waitForSync } from "@/lib/integrations/sync";
import { startAutomationWorker, stopAutomationWorker } from "@/lib/automations/queue";

const db = await setupTestDb();
// Syncs run on the job queue's worker (lib/integrations/sync.ts).
await startAutomationWorker({ schedule: false, pollSeconds: 0.5 });
afterAll(() => stopAutomationWorker());
const one = async (sql: string, params: unknown[] = []) => (await db.sql<{ id: string }>(sql, params))[0]?.id as string;
const key = (...parts: string[]) => JSON.stringify(["analytics", ...parts]);
const res = (...parts: string[]) => one(`SELECT id FROM "Resource" WHERE "externalKey" = $1`, [key(...parts)]);
const named = (name: string) => one(`SELECT id FROM "Resource" WHERE name = $1 ORDER BY depth LIMIT 1`, [name]);
const user = (email: string) => one(`SELECT id FROM "User" WHERE email = $1`, [email]);
const group = (name: string) => one(`SELECT id FROM "Group" WHERE name = $1`, [name]);
const warehouse = await one(`SELECT id FROM "Resource" WHERE name = 'Warehouse' AND "parentId" IS NULL`);

const admin = await db.viewer("admin@acme.test");
const editor = await db.viewer("editor@acme.test");
const viewer = await db.viewer("viewer@acme.test");
const ana = await db.viewer("ana@northwind.test");
const cara = await db.viewer("cara@globex.test");

const orders = await res("northwind", "orders");
const invoices = await res("globex", "invoices");
const fx = await res("shared", "fx_invoices");
const anaId = await user("ana@northwind.test");
const caraId = await user("cara@globex.test");
const eveId = await user("eve@initech.test");
const editorId = await user("editor@acme.test");
const globexPeople = await group("Globex people");

async function act<T>(as: typeof admin, fn: () => Promise<T>): Promise<T> {
  actAs(as);
  return fn();
}
const ownerNames = async (as: typeof admin, id: string) => ((await getResourceDetail(as, id))?.owners ?? []).map((o) => o.name);
const hits = async (as: typeof admin, q: string, f: Parameters<typeof search>[2]) => (await search(as, q, { size: 100, ...f })).resources.map((r) => r.name).sort();

async function sync() {
  actAs(admin);
  const r = await syncIntegration({ integrationId: warehouse });
  if (!r.ok) throw new Error(r.error);
  await waitForSync(r.data.syncId);
}

describe(`owners on ${db.engine}`, () => {
  it("editors and admins name owners; each viewer sees only the owners it may see", async () => {
    for (const input of [{ userId: anaId }, { userId: caraId }, { userId: eveId }, { userId: editorId }, { groupId: globexPeople }]) {
      const r = await act(admin, () => addResourceOwner({ resourceId: orders, ...input }));
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    const r = await act(admin, () => addResourceOwner({ resourceId: invoices, userId: caraId }));
    expect(r.ok).toBe(true);

    expect((await ownerNames(admin, orders)).sort()).toEqual(["Ana Souza", "Cara Mendes", "Eve Larsen", "Globex people", "Priya Shah"].sort());
    // Ana shares the Northwind team with herself and the editor (its account manager): Cara, Eve and the group are absent.
    const anaSees = await ownerNames(ana, orders);
    expect(anaSees.sort()).toEqual(["Ana Souza", "Priya Shah"]);
    // An editor sees every member, but no group (groups are admins' only).
    expect((await ownerNames(editor, orders)).sort()).toEqual(["Ana Souza", "Cara Mendes", "Eve Larsen", "Priya Shah"].sort());
  });

  it("row-level security alone hides the same owner rows from Ana", async () => {
    const rows = await db.sqlAs<{ userId: string | null; groupId: string | null }>(ana, `SELECT "userId", "groupId" FROM "ResourceOwner"`);
    expect(rows.map((r) => r.userId ?? r.groupId).sort()).toEqual([anaId, editorId].sort());
    const n = await db.sqlAs<{ n: number }>(ana, `SELECT count(*)::int AS n FROM "ResourceOwner" WHERE "userId" = $1 OR "groupId" = $2`, [caraId, globexPeople]);
    expect(n[0].n).toBe(0);
  });

  it("a Guest cannot set owners; an editor cannot name an owner on a resource out of its sight", async () => {
    const before = await db.sql(`SELECT id FROM "ResourceOwner" ORDER BY id`);
    expect(await act(ana, () => addResourceOwner({ resourceId: orders, userId: anaId }))).toMatchObject({ ok: false, error: "You do not have permission to do this." });
    expect(await act(ana, () => removeResourceOwner({ resourceId: orders, userId: caraId }))).toMatchObject({ ok: false });
    const revenue = await res("finance", "revenue");
    expect(await act(editor, () => addResourceOwner({ resourceId: revenue, userId: editorId }))).toMatchObject({ ok: false, error: "Not found." });
    // An editor cannot name a group (it sees none): refused as not found.
    const northwindPeople = await group("Northwind people");
    expect(await act(editor, () => addResourceOwner({ resourceId: orders, groupId: northwindPeople }))).toMatchObject({ ok: false, error: "Not found." });
    expect(await act(admin, () => addResourceOwner({ resourceId: orders, userId: anaId }))).toMatchObject({ ok: false, error: "Ana Souza already owns orders." });
    expect(await act(admin, () => addResourceOwner({ resourceId: orders, userId: anaId, groupId: globexPeople }))).toMatchObject({ ok: false, error: "Choose one person or one group." });
    expect(await db.sql(`SELECT id FROM "ResourceOwner" ORDER BY id`)).toEqual(before);
  });

  it("“Owned by” finds what a visible owner owns, and an invisible owner owns nothing for the viewer", async () => {
    expect(await hits(admin, "", { ownerId: caraId })).toEqual(["invoices", "orders"]);
    expect(await hits(ana, "", { ownerId: anaId })).toEqual(["orders"]);
    // Cara owns northwind.orders, which Ana can see, but Ana may not see Cara: nothing, as for an unknown id.
    expect(await hits(ana, "", { ownerId: caraId })).toEqual([]);
    expect(await hits(ana, "", { ownerId: globexPeople })).toEqual([]);
    expect(await hits(ana, "orders", { ownerId: caraId })).toEqual([]);
    const facets = await searchFacets(ana, "orders");
    expect(facets.owner.map((f) => f.label).sort()).toEqual(["Ana Souza", "Priya Shah"]);
    expect(JSON.stringify(facets)).not.toMatch(/Cara|Eve|Globex|Initech/);
    expect((await searchFacets(admin, "orders")).owner.map((f) => f.label)).toContain("Globex people");
    const options = await ownerFilterOptions(ana);
    expect(options.map((o) => o.label).sort()).toEqual(["Ana Souza", "Priya Shah"]);
    expect((await ownerFilterOptions(cara)).map((o) => o.label)).toEqual(["Cara Mendes"]);
  });

  it("removing an owner takes it off the page and out of the filter", async () => {
    expect((await act(admin, () => removeResourceOwner({ resourceId: orders, userId: editorId }))).ok).toBe(true);
    expect(await ownerNames(ana, orders)).toEqual(["Ana Souza"]);
    expect(await hits(ana, "", { ownerId: editorId })).toEqual([]);
  });
});

describe(`upstream / downstream search filters on ${db.engine}`, () => {
  it("walks only the viewer's lineage subgraph", async () => {
    expect(await hits(admin, "", { upstreamOf: fx })).toEqual(["currencies", "invoices"]);
    // The viewer sees shared but not globex: the path stops at the hidden table.
    expect(await hits(viewer, "", { upstreamOf: fx })).toEqual(["currencies"]);
    const anaDown = await hits(ana, "", { downstreamOf: orders });
    expect(anaDown).toEqual(["Northwind Sales Overview", "monthly_sales"].sort());
    expect((await hits(admin, "", { downstreamOf: orders })).sort()).toEqual(["Northwind Sales Overview", "client_revenue", "monthly_sales"].sort());
    // A start Ana cannot see yields nothing at all, as an unknown id does.
    expect(await hits(ana, "", { upstreamOf: fx })).toEqual([]);
    expect(await hits(ana, "", { downstreamOf: invoices })).toEqual([]);
    expect(await hits(cara, "", { downstreamOf: invoices })).toEqual(["Globex Revenue"]);
    // Words and a lineage filter together.
    expect(await hits(admin, "sales", { downstreamOf: orders })).toEqual(["Northwind Sales Overview", "monthly_sales"].sort());
  });

  it("facets of a lineage filter count only what the walk reached", async () => {
    const f = await searchFacets(ana, "", { downstreamOf: orders });
    expect(f.type.map((t) => `${t.key}:${t.count}`).sort()).toEqual(["DASHBOARD:1", "VIEW:1"]);
    expect(f.team.map((t) => t.label)).toEqual(["Northwind"]);
  });
});

describe(`foreign keys and last synced on ${db.engine}`, () => {
  it("the sync reads foreign keys; each end lists only visible tables", async () => {
    await db.sql(`ALTER TABLE northwind.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES northwind.customers (customer_id)`);
    // A Globex table keyed to a Northwind one: neither client may learn of the other's side.
    await db.sql(`CREATE TABLE globex.partner_orders (id integer PRIMARY KEY, northwind_order integer REFERENCES northwind.orders (order_id))`);
    await sync();

    const adminOrders = (await getResourceDetail(admin, orders))!.references;
    expect(adminOrders.out).toMatchObject([{ table: "northwind.customers", columns: "customer_id", refColumns: "customer_id", constraint: "orders_customer_fk" }]);
    expect(adminOrders.in.map((r) => r.table)).toEqual(["globex.partner_orders"]);

    const anaOrders = (await getResourceDetail(ana, orders))!.references;
    expect(anaOrders.out.map((r) => r.table)).toEqual(["northwind.customers"]);
    expect(anaOrders.in).toEqual([]);
    const customers = await res("northwind", "customers");
    expect((await getResourceDetail(ana, customers))!.references.in.map((r) => `${r.table} (${r.columns})`)).toEqual(["northwind.orders (customer_id)"]);

    const partner = await res("globex", "partner_orders");
    expect((await getResourceDetail(cara, partner))!.references).toEqual({ out: [], in: [] });
    expect(JSON.stringify(await getResourceDetail(cara, partner))).not.toMatch(/northwind|orders_/i);
    expect(await getResourceDetail(ana, partner)).toBeNull();
    // RLS alone: Ana reads the Northwind key and not the cross-client one.
    const rows = await db.sqlAs<{ name: string }>(ana, `SELECT name FROM "ResourceReference" ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual(["orders_customer_fk"]);
  });

  it("a re-sync after DROP CONSTRAINT / DROP TABLE removes the keys, and keeps the rest", async () => {
    await db.sql(`DROP TABLE globex.partner_orders`);
    await sync();
    expect((await db.sql<{ name: string }>(`SELECT name FROM "ResourceReference" ORDER BY name`)).map((r) => r.name)).toEqual(["orders_customer_fk"]);
    await db.sql(`ALTER TABLE northwind.orders DROP CONSTRAINT orders_customer_fk`);
    await sync();
    expect(await db.sql(`SELECT name FROM "ResourceReference"`)).toEqual([]);
  });

  it("“Last synced” is the integration's last successful sync, for every viewer of the resource", async () => {
    const [last] = await db.sql<{ at: Date }>(`SELECT max("finishedAt") AS at FROM "IntegrationSync" WHERE status = 'succeeded'`);
    const expected = new Date(last.at).toISOString();
    expect((await getResourceDetail(admin, orders))!.lastSyncedAt).toBe(expected);
    expect((await getResourceDetail(ana, orders))!.lastSyncedAt).toBe(expected);
    // Outside an integration (a dashboard): none.
    expect((await getResourceDetail(ana, await named("Northwind Sales Overview")))!.lastSyncedAt).toBeNull();
    // The helper answers nothing for a resource the caller cannot see.
    const [hidden] = await db.sqlAs<{ at: Date | null }>(ana, `SELECT app_last_synced($1::uuid) AS at`, [invoices]);
    expect(hidden.at).toBeNull();
  });
});

describe(`the catalog tree on ${db.engine}`, () => {
  const flat = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
  const visibleBelow = async (as: typeof admin, id: string) => {
    const visible = new Set(await listVisibleResourceIds(as));
    const rows = await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE $1::uuid = ANY(path) AND id <> $1::uuid AND "removedAt" IS NULL`, [id]);
    return rows.filter((r) => visible.has(r.id)).length;
  };

  it("an admin's integration counts what Settings → Integrations counts", async () => {
    const { nodes } = await catalogTree(admin, null);
    const wh = nodes.find((n) => n.name === "Warehouse")!;
    const [settings] = (await listIntegrations(admin)).filter((i) => i.id === warehouse);
    expect(wh.descendants).toBe(settings.resourceCount);
    expect(wh.open).toBe(true);
    expect(wh.children.map((c) => c.type)).toEqual(["DATABASE"]);
    const db1 = wh.children[0];
    const { nodes: deeper } = await catalogTree(admin, [warehouse, db1.id]);
    expect(deeper.find((n) => n.name === "Warehouse")!.children[0].children.map((s) => s.name)).toEqual(["finance", "globex", "initech", "northwind", "shared"]);
  });

  it("every count and node of Ana's tree is of what she can see, and names nothing of another client", async () => {
    const northwind = await res("northwind");
    const tree = await catalogTree(ana, [northwind]);
    expect(tree.nodes.map((n) => n.name)).toEqual(["northwind"]);
    const top = tree.nodes[0];
    expect(top.descendants).toBe(await visibleBelow(ana, northwind));
    expect(top.children.map((c) => c.name)).toEqual(["customers", "monthly_sales", "orders", "products"]);
    // Ana cannot open what she cannot see: a foreign id in ?open= changes nothing.
    const probe = await catalogTree(ana, [northwind, await res("globex"), warehouse]);
    expect(probe.nodes).toEqual(tree.nodes);
    expect(JSON.stringify(probe)).not.toMatch(/globex|initech|finance|Warehouse|analytics/i);
  });

  it("lazy expansion: Ana opens northwind and gets its tables with their counts; Globex's schema or the Warehouse opens to nothing", async () => {
    const northwind = await res("northwind");
    const kids = await catalogTreeChildren(ana, northwind);
    const tree = await catalogTree(ana, [northwind]);
    expect(kids).toEqual({ nodes: tree.nodes[0].children, more: 0 });
    expect(kids!.nodes.map((n) => n.name)).toEqual(["customers", "monthly_sales", "orders", "products"]);
    expect(await catalogTreeChildren(ana, await res("globex"))).toBeNull();
    expect(await catalogTreeChildren(ana, warehouse)).toBeNull();
    // The admin's Warehouse opens to its database, counted as Settings → Integrations counts the whole.
    const wh = await catalogTreeChildren(admin, warehouse);
    expect(wh!.nodes.map((n) => n.type)).toEqual(["DATABASE"]);
  });

  it("the tree's counts (app_tree_counts) answer each viewer for what they can see, and nothing for the rest", async () => {
    const northwind = await res("northwind");
    const globex = await res("globex");
    const everyBranch = await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE type IN ('INTEGRATION','DATABASE','SCHEMA','TABLE','VIEW')`);
    const ids = everyBranch.map((r) => r.id);
    const counts = async (as: typeof admin) =>
      new Map((await db.sqlAs<{ id: string; n: number; kids: number }>(as, `SELECT id::text AS id, n::int AS n, kids::int AS kids FROM app_tree_counts($1::uuid[], 100000, ARRAY['INTEGRATION','DATABASE','SCHEMA','TABLE','VIEW']::"ResourceType"[])`, [ids])).map((r) => [r.id, r]));
    for (const as of [ana, cara, viewer, admin]) {
      const visible = new Set(await listVisibleResourceIds(as));
      const got = await counts(as);
      // A row for each visible node and none other: a foreign schema, table or the Warehouse above them gets nothing.
      expect([...got.keys()].sort()).toEqual(ids.filter((id) => visible.has(id)).sort());
      for (const [id, c] of got) expect(c.n).toBe(await visibleBelow(as, id));
    }
    const anas = await counts(ana);
    expect(anas.has(northwind)).toBe(true);
    expect(anas.has(globex)).toBe(false);
    expect(anas.has(warehouse)).toBe(false);
    expect(anas.get(northwind)!.kids).toBe(4);
  });

  it("the child counts (app_child_counts) answer each viewer for what they can see, and nothing for the rest", async () => {
    const all = await db.sql<{ id: string; parentId: string | null }>(`SELECT id, "parentId" FROM "Resource"`);
    const ids = all.map((r) => r.id);
    for (const as of [ana, cara, viewer, admin]) {
      const visible = new Set(await listVisibleResourceIds(as));
      const got = new Map((await db.sqlAs<{ id: string; n: number }>(as, `SELECT id::text AS id, n::int AS n FROM app_child_counts($1::uuid[])`, [ids])).map((r) => [r.id, r.n]));
      expect([...got.keys()].sort()).toEqual(ids.filter((id) => visible.has(id)).sort());
      for (const [id, n] of got) expect(n).toBe(all.filter((r) => r.parentId === id && visible.has(r.id)).length);
    }
  });

  it("Ana's tree opened everywhere, foreign ids included, is one level per statement and holds only Northwind", async () => {
    const everything = await db.sql<{ id: string }>(`SELECT id FROM "Resource"`);
    const visible = new Set(await listVisibleResourceIds(ana));
    const tree = await catalogTree(ana, everything.map((r) => r.id));
    const nodes = flat(tree.nodes);
    expect(nodes.length).toBeGreaterThan(4);
    for (const n of nodes) {
      expect(visible.has(n.id)).toBe(true);
      expect(n.descendants).toBe(await visibleBelow(ana, n.id));
    }
    expect(JSON.stringify(tree.nodes)).not.toMatch(/globex|initech|finance|Warehouse|analytics|fx_invoices|invoices/i);
  });

  it("the viewer's Warehouse counts only General's schemas", async () => {
    const tree = await catalogTree(viewer, null);
    const wh = tree.nodes.find((n) => n.name === "Warehouse");
    if (!wh) return expect(tree.nodes.length).toBeGreaterThan(0);
    expect(wh.descendants).toBe(await visibleBelow(viewer, warehouse));
    const all = await catalogTree(viewer, flat(tree.nodes).map((n) => n.id).concat(wh.children.map((c) => c.id)));
    expect(JSON.stringify(all)).not.toMatch(/"name":"(globex|initech|northwind|finance)"/);
  });
});
