// Search against a real database (PGlite by default, PostgreSQL with DATABASE_URL): ranking, partial
// identifiers, scoped facets, hidden ancestors, recent searches, and parity with the policy — for every demo
// user and for random workspaces.
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import fc from "fast-check";
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { workspaceArb } from "../helpers/arbitraries";
import { materialize } from "../helpers/materialize";
import { resolveViewer, type Viewer } from "@/lib/auth/resolve-viewer";
import { listRecentSearches, search, searchFacets } from "@/lib/search/queries";
import { buildResourceSearch } from "@/lib/search/sql";
import { clearRecentSearches, recordSearch } from "@/lib/search/actions";
import { getResourceDetail } from "@/lib/catalog/queries";
import { demoUsers } from "@/prisma/seed/demo";
import { pathOf, visibleResourceIds, visibleTeamIds, type PolicyWorkspace } from "@/lib/policy";

const db = await setupTestDb();
const names = (hits: { name: string }[]) => hits.map((h) => h.name);
const idOf = async (name: string, type?: string) =>
  (await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE name = $1 ${type ? `AND type = '${type}'` : ""} ORDER BY depth LIMIT 1`, [name]))[0].id;

/** Every resource hit of a query, paging through all pages. */
async function allHits(viewer: Viewer, q: string, opts: Parameters<typeof search>[2] = {}) {
  const out: { id: string; name: string; type: string }[] = [];
  for (let page = 1; ; page++) {
    const r = await search(viewer, q, { ...opts, page, size: 100, others: 0 });
    out.push(...r.resources);
    if (page >= r.pageCount) return { hits: out, total: r.total };
  }
}

describe(`search on ${db.engine}: matching and ranking`, () => {
  it("ranks the exact name first, then names starting with it, then full-text matches", async () => {
    const admin = await db.viewer("admin@acme.test");
    const r = await search(admin, "orders", { others: 0 });
    const tiers = r.resources.map((h) => (h.name.toLowerCase() === "orders" ? 0 : h.name.toLowerCase().startsWith("orders") ? 1 : 2));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(tiers.slice(0, 3)).toEqual([0, 0, 1]);
    // The table before the column of the same name (type boost), "Orders per month" by prefix, then the
    // dashboard and the view whose description mentions orders.
    expect(r.resources[0]).toMatchObject({ name: "orders", type: "TABLE" });
    expect(r.resources[1]).toMatchObject({ name: "orders", type: "COLUMN" });
    expect(r.resources[2].name).toBe("Orders per month");
    expect(names(r.resources)).toContain("monthly_sales");
  });

  it("finds partial identifiers: 'ord' → orders, 'cust_id' → customer_id, 'custId' too", async () => {
    const admin = await db.viewer("admin@acme.test");
    const ord = await search(admin, "ord", { others: 0 });
    expect(ord.resources[0]).toMatchObject({ name: "orders", type: "TABLE" });
    expect(names(ord.resources)).toEqual(expect.arrayContaining(["order_id", "order_date"]));
    for (const q of ["cust_id", "cust id", "custId", "CUSTOMER_ID", "customer_i"]) {
      const r = await search(admin, q, { others: 0 });
      expect(names(r.resources).slice(0, 2), q).toEqual(["customer_id", "customer_id"]);
    }
    // Substring of a name (trigram), below word matches.
    expect(names((await search(admin, "omer_i", { others: 0 })).resources)).toContain("customer_id");
  });

  it("matches descriptions and visible ancestors' names, with the own name ranked higher", async () => {
    const admin = await db.viewer("admin@acme.test");
    expect(names((await search(admin, "one row per customer order", { others: 0 })).resources)).toEqual(["orders"]);
    const cols = await search(admin, "orders freight", { others: 0 });
    expect(cols.resources.map((h) => `${h.type}:${h.name}`)).toEqual(expect.arrayContaining(["COLUMN:freight", "DASHBOARD:Northwind Sales Overview"]));
  });

  it("treats tsquery and LIKE syntax in the query as plain text", async () => {
    const admin = await db.viewer("admin@acme.test");
    for (const q of ["&|!():*'\\", "orders & !", "'; DROP TABLE \"Resource\"; --", "%", "_", "\\", "a:*|b", "((((", "orders:*"]) {
      const r = await search(admin, q);
      expect(Array.isArray(r.hits), q).toBe(true);
    }
    expect(names((await search(admin, "orders:*", { others: 0 })).resources)[0]).toBe("orders");
    expect((await search(admin, "%", { others: 0 })).total).toBe(0);
    expect((await search(admin, "P&L", { others: 0 })).resources[0].name).toBe("Finance P&L");
    expect(await db.sql(`SELECT 1 FROM "Resource" LIMIT 1`)).toHaveLength(1);
  });

  it("follows renames and moves into descendants' vectors", async () => {
    const admin = await db.viewer("admin@acme.test");
    const equipment = await idOf("equipment", "TABLE");
    await db.sql(`UPDATE "Resource" SET name = 'gadgetry' WHERE id = $1`, [equipment]);
    const kinds = await search(admin, "gadgetry kind", { others: 0 });
    expect(names(kinds.resources)).toEqual(["kind"]);
    await db.sql(`UPDATE "Resource" SET name = 'equipment' WHERE id = $1`, [equipment]);
    expect((await search(admin, "gadgetry", { others: 0 })).total).toBe(0);
  });
});

describe(`search on ${db.engine}: nothing hidden is revealed`, () => {
  it.each(["globex", "initech", "cara", "finance", "invoices", "tps_reports", "Warehouse", "analytics", "BI", "Globex Revenue", "Dan", "account_id"])(
    "ana finds nothing for %s (no resource, person, team, total or facet)",
    async (q) => {
      const ana = await db.viewer("ana@northwind.test");
      const r = await search(ana, q);
      expect(r.hits).toEqual([]);
      expect(r.total).toBe(0);
      expect(await searchFacets(ana, q)).toEqual({ type: [], integration: [], team: [], owner: [] });
    },
  );

  it("the admin finds those", async () => {
    const admin = await db.viewer("admin@acme.test");
    for (const q of ["globex", "initech", "cara", "finance", "tps_reports", "Warehouse"]) expect((await search(admin, q)).hits.length, q).toBeGreaterThan(0);
  });

  it("people and teams come with the resources, each within the viewer's own scope", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const admin = await db.viewer("admin@acme.test");
    expect((await search(ana, "ben")).people.map((p) => p.email)).toEqual(["ben@northwind.test"]);
    expect((await search(ana, "northwind")).teams.map((t) => t.name)).toEqual(["Northwind"]);
    expect((await search(ana, "globex")).teams).toEqual([]);
    expect((await search(admin, "cara")).people.map((p) => p.email)).toEqual(["cara@globex.test"]);
    expect((await search(admin, "globex")).teams.map((t) => t.name)).toEqual(["Globex"]);
  });

  it("a visible ancestor's name counts for a guest, a hidden one does not", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const r = await allHits(ana, "northwind freight");
    expect(names(r.hits)).toContain("freight");
    expect((await allHits(ana, "analytics freight")).total).toBe(0);
    const admin = await db.viewer("admin@acme.test");
    expect(names((await allHits(admin, "analytics freight")).hits)).toContain("freight");
  });

  it("a hit names its parent only when the viewer can see the parent", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const admin = await db.viewer("admin@acme.test");
    const find = async (v: Viewer, q: string, type: string) => (await search(v, q, { others: 0 })).resources.find((h) => h.name === q && h.type === type)!;
    expect((await find(ana, "orders", "TABLE")).parent).toBe("northwind");
    expect((await find(ana, "northwind", "SCHEMA")).parent).toBeNull(); // its parent, analytics, is hidden from her
    expect((await find(admin, "northwind", "SCHEMA")).parent).toBe("analytics");
    expect((await find(ana, "northwind", "SCHEMA")).description).not.toContain("**");
  });

  it("the total stops at its cap and says so; below the cap it is exact, and a guest's counts only her scope", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const admin = await db.viewer("admin@acme.test");
    const exactAna = (await allHits(ana, "id")).hits.length;
    const exactAdmin = (await allHits(admin, "id")).hits.length;
    expect(exactAdmin).toBeGreaterThan(exactAna);
    const at = (v: Viewer, countCap: number) => search(v, "id", { others: 0, countCap });
    // Below the cap: exact, not flagged. At or past it: the cap, flagged ("N+"), and pages stop there.
    expect(await at(ana, exactAna)).toMatchObject({ total: exactAna, totalCapped: false });
    expect(await at(ana, exactAna - 1)).toMatchObject({ total: exactAna - 1, totalCapped: true });
    expect(await at(admin, exactAna)).toMatchObject({ total: exactAna, totalCapped: true });
    // A cap above her matches but below the admin's: her total is still exactly hers, never a sign of more.
    expect(await at(ana, exactAdmin)).toMatchObject({ total: exactAna, totalCapped: false });
    const capped = await search(admin, "id", { others: 0, countCap: 3, size: 2 });
    expect(capped.pageCount).toBe(2);
    expect(capped.resources).toHaveLength(2);
  });

  it("facets count only what the viewer can open, and name only what it can see", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const f = await searchFacets(ana, "id");
    const all = await allHits(ana, "id");
    expect(f.type.reduce((n, v) => n + v.count, 0)).toBe(all.total);
    expect(f.integration).toEqual([]); // Warehouse and BI are hidden ancestors for a guest
    expect(f.team.map((t) => t.label)).toEqual(["Northwind"]);
    const admin = await db.viewer("admin@acme.test");
    const fa = await searchFacets(admin, "id");
    expect(fa.type.reduce((n, v) => n + v.count, 0)).toBe((await allHits(admin, "id")).total);
    expect(fa.integration.map((i) => i.label)).toContain("Warehouse");
    expect(fa.team.map((t) => t.label)).toEqual(expect.arrayContaining(["Northwind", "Globex", "Initech"]));
    expect((await searchFacets(admin, "name")).team.map((t) => t.label)).toContain("General");
    const editor = await db.viewer("editor@acme.test");
    const fe = await searchFacets(editor, "id");
    expect(fe.team.map((t) => t.label)).not.toContain("Globex");
  });

  it("filters by type, integration and team, and a foreign team or integration filters everything out", async () => {
    const admin = await db.viewer("admin@acme.test");
    const ana = await db.viewer("ana@northwind.test");
    const globex = (await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE name = 'Globex'`))[0].id;
    const northwind = (await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE name = 'Northwind'`))[0].id;
    const warehouse = await idOf("Warehouse", "INTEGRATION");
    const tables = await allHits(admin, "id", { type: "COLUMN" });
    expect(tables.hits.every((h) => h.type === "COLUMN")).toBe(true);
    expect((await allHits(admin, "id", { teamId: globex })).total).toBeGreaterThan(0);
    expect((await allHits(admin, "id", { integrationId: warehouse })).total).toBeGreaterThan(0);
    // Ana's own team filters; a foreign team, or an integration she cannot see, matches nothing at all.
    expect((await allHits(ana, "id", { teamId: northwind })).total).toBe((await allHits(ana, "id")).total);
    expect((await allHits(ana, "id", { teamId: globex })).total).toBe(0);
    expect((await allHits(ana, "id", { integrationId: warehouse })).total).toBe(0);
    expect(await searchFacets(ana, "id", { teamId: globex })).toMatchObject({ type: [], integration: [] });
  });
});

describe(`search on ${db.engine}: an admin's first results and counts, bounded`, () => {
  // The reference: the same ranking over every match, by the statement everyone else runs (no app_search_admin),
  // with every resource of the workspace as a visible root (an admin's scope), run as the owner.
  async function reference(q: string): Promise<string[]> {
    const ids = (await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE "workspaceId" = $1`, [db.workspaceId])).map((r) => r.id);
    const stmt = buildResourceSearch({ workspaceId: db.workspaceId, roots: ids, teams: "all", q, limit: 100, offset: 0 });
    expect(stmt.text).not.toContain("app_search_admin");
    return (await db.sql<{ id: string }>(stmt.text, stmt.values)).map((r) => r.id);
  }

  it.each(["id", "orders", "ord", "cust_id", "customer", "northwind", "sales", "o", "er"])("%s: every page is the ranking's next results, and the total is exact below the cap", async (q) => {
    const admin = await db.viewer("admin@acme.test");
    const expected = await reference(q);
    const one = await search(admin, q, { others: 0, size: 100 });
    expect(one.resources.map((h) => h.id)).toEqual(expected.slice(0, 100));
    const paged: string[] = [];
    // Small pages: each asks app_search_admin for its first 2, 4, 6… results, inside a tier as well as across.
    for (let page = 1; page <= 8; page++) paged.push(...(await search(admin, q, { others: 0, size: 2, page })).resources.map((h) => h.id));
    expect(paged).toEqual(expected.slice(0, 16));
    if (expected.length < 100) expect(one).toMatchObject({ total: expected.length, totalCapped: false });
  });

  it("an admin's facets count the first results past their cap and say so; a guest's are always exact and hers", async () => {
    const admin = await db.viewer("admin@acme.test");
    const ana = await db.viewer("ana@northwind.test");
    const total = (await allHits(admin, "id")).total;
    const sum = (f: { count: number }[]) => f.reduce((n, v) => n + v.count, 0);
    const capped = await searchFacets(admin, "id", { facetCap: 5 });
    expect(capped.top).toBe(5);
    expect(sum(capped.type)).toBe(5);
    const first5 = (await search(admin, "id", { others: 0, size: 5 })).resources;
    expect(new Map(capped.type.map((t) => [t.key, t.count]))).toEqual(first5.reduce((m, h) => m.set(h.type, (m.get(h.type) ?? 0) + 1), new Map<string, number>()));
    const whole = await searchFacets(admin, "id", { facetCap: total });
    expect(whole.top).toBeUndefined();
    expect(sum(whole.type)).toBe(total);
    expect(whole).toEqual(await searchFacets(admin, "id"));
    // A guest's facets are never cut: exactly her matches, whatever the cap, never a sign of more.
    const hers = (await allHits(ana, "id")).total;
    const f = await searchFacets(ana, "id", { facetCap: 1 });
    expect(f.top).toBeUndefined();
    expect(sum(f.type)).toBe(hers);
    expect(f.team.map((t) => t.label)).toEqual(["Northwind"]);
  });
});

describe(`search on ${db.engine}: recent searches`, () => {
  it("records one's own, newest first, at most ten, and nobody else reads them", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const cara = await db.viewer("cara@globex.test");
    actAs(ana);
    for (let i = 0; i < 12; i++) expect((await recordSearch({ q: `query ${i}` })).ok).toBe(true);
    expect((await recordSearch({ q: "query 3" })).ok).toBe(true);
    const mine = await listRecentSearches(ana);
    expect(mine).toHaveLength(10);
    expect(mine[0]).toBe("query 3");
    actAs(cara);
    await recordSearch({ q: "cara's secret" });
    expect(await listRecentSearches(cara)).toEqual(["cara's secret"]);
    expect(await listRecentSearches(ana)).not.toContain("cara's secret");
    // RLS alone: as Ana, no query reads Cara's rows or writes in her name.
    const rows = await db.sqlAs<{ q: string }>(ana, `SELECT q FROM "RecentSearch"`);
    expect(rows.map((r) => r.q)).not.toContain("cara's secret");
    expect(rows).toHaveLength(10);
    await expect(db.sqlAs(ana, `INSERT INTO "RecentSearch" (id, "workspaceId", "userId", q) VALUES (gen_random_uuid(), $1, $2, 'forged')`, [ana.workspaceId, cara.userId])).rejects.toThrow();
    expect(await db.sqlAs(ana, `UPDATE "RecentSearch" SET q = 'x' WHERE "userId" = $1 RETURNING id`, [cara.userId])).toEqual([]);
    expect(await db.sqlAs(ana, `DELETE FROM "RecentSearch" WHERE "userId" = $1 RETURNING id`, [cara.userId])).toEqual([]);
    actAs(ana);
    expect(await clearRecentSearches({})).toEqual({ ok: true, data: { cleared: 10 } });
    expect(await listRecentSearches(cara)).toEqual(["cara's secret"]);
  });

  it("refuses bad input and signed-out callers, changing nothing", async () => {
    const count = async () => Number((await db.sql<{ n: string }>(`SELECT count(*)::text AS n FROM "RecentSearch"`))[0].n);
    const before = await count();
    actAs(await db.viewer("ana@northwind.test"));
    for (const bad of [{ q: "" }, { q: "   " }, { q: "x".repeat(1_000_000) }, { q: 42 }, {}, null, "orders"]) {
      const res = await recordSearch(bad as never);
      expect(res.ok).toBe(false);
    }
    expect((await clearRecentSearches({ all: true } as never)).ok).toBe(false);
    actAs(null);
    expect(await recordSearch({ q: "orders" })).toEqual({ ok: false, error: "Your session has ended. Sign in again." });
    expect(await count()).toBe(before);
  });
});

describe(`search on ${db.engine}: parity with the policy for every demo user`, () => {
  it.each(demoUsers.map((u) => u.email))("%s: every hit opens, and every resource it can open is found by its name", async (email) => {
    const viewer = await db.viewer(email);
    const ws = await db.snapshot();
    const visible = visibleResourceIds(ws, { userId: viewer.userId, role: viewer.role });
    const all = await db.sql<{ id: string; name: string; removed: boolean }>(`SELECT id, name, "removedAt" IS NOT NULL AS removed FROM "Resource" WHERE "workspaceId" = $1`, [db.workspaceId]);
    const opens = new Map<string, boolean>();
    const canOpen = async (id: string) => {
      if (!opens.has(id)) opens.set(id, (await getResourceDetail(viewer, id)) !== null);
      return opens.get(id)!;
    };
    for (const name of [...new Set(all.map((r) => r.name))]) {
      const { hits } = await allHits(viewer, name);
      const ids = new Set(hits.map((h) => h.id));
      for (const h of hits) {
        expect(visible.has(h.id), `${email} gets ${h.name} for "${name}"`).toBe(true);
        expect(await canOpen(h.id), `${email} cannot open hit ${h.name}`).toBe(true);
      }
      for (const r of all.filter((x) => x.name === name && !x.removed)) {
        expect(ids.has(r.id), `${email} searching "${name}"`).toBe(visible.has(r.id));
      }
    }
  });
});

/** The policy's count of a team's facet: visible resources under the team's assignments. */
function teamCounts(ws: PolicyWorkspace, visible: Set<string>, teams: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of teams) {
    const roots = new Set(ws.assignments.filter((a) => a.teamId === t).map((a) => a.resourceId));
    const n = [...visible].filter((id) => pathOf(ws, id).some((p) => roots.has(p))).length;
    if (n) out.set(t, n);
  }
  return out;
}

describe(`search on ${db.engine}: parity with the policy on random workspaces`, () => {
  it("search finds exactly what the policy shows, and facet counts are the policy's counts", async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (w) => {
        const { mapped, workspaceId } = await materialize(db.conn.prisma, w);
        const tag = (await db.sql<{ slug: string }>(`SELECT slug FROM "Workspace" WHERE id = $1`, [workspaceId]))[0].slug.replace("random-", "");
        for (const u of mapped.users) {
          const user = await db.conn.prisma.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionVersion: true } });
          const viewer = await resolveViewer(db.conn.prisma, u.id, user.sessionVersion);
          const pv = { userId: u.id, role: u.role };
          const visible = visibleResourceIds(mapped, pv);
          if (!viewer) {
            expect(visible.size).toBe(0);
            continue;
          }
          // Every resource's name carries the workspace's tag: searching it is searching everything.
          const { hits, total } = await allHits(viewer, tag);
          expect(hits.map((h) => h.id).sort()).toEqual([...visible].sort());
          expect(total).toBe(visible.size);
          const f = await searchFacets(viewer, tag);
          expect(f.type).toEqual(visible.size ? [{ key: "TABLE", label: "Table", count: visible.size }] : []);
          const expected = teamCounts(mapped, visible, visibleTeamIds(mapped, pv));
          expect(new Map(f.team.map((t) => [t.key, t.count]))).toEqual(expected);
          // And each resource by its own exact name, first.
          for (const r of mapped.resources.slice(0, 6)) {
            const name = (await db.sql<{ name: string }>(`SELECT name FROM "Resource" WHERE id = $1`, [r.id]))[0].name;
            const res = await search(viewer, name, { others: 0 });
            if (visible.has(r.id)) expect(res.resources[0]?.id).toBe(r.id);
            else expect(res.resources.map((h) => h.id)).not.toContain(r.id);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
