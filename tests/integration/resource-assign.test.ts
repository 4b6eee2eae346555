// Bulk assignment from /settings/resources: previews with descendant counts, inheritance through the path
// (including children that arrive later), removal that explains what stays, moves checked against both teams.
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { assignResources, moveAssignments, previewAssignment, unassignResources } from "@/lib/resources/actions";
import { listAdminResources, adminResourceOptions } from "@/lib/resources/queries";
import { adminResourcesUrl } from "@/lib/resources/schemas";
import { getResourceDetail, listVisibleResourceIds, catalogOverview, listCatalogSection } from "@/lib/catalog/queries";
import { said } from "../helpers/refusal";

const db = await setupTestDb();
const idOf = async (name: string, type?: string) =>
  (await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE name = $1 ${type ? `AND type = '${type}'` : ""} LIMIT 1`, [name]))[0].id;
const teamId = async (name: string) => (await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE name = $1`, [name]))[0].id;
const assignments = async () => (await db.sql<{ t: string; r: string }>(`SELECT "teamId"::text AS t, "resourceId"::text AS r FROM "TeamResource" ORDER BY 1, 2`));
const auditCount = async () => Number((await db.sql<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditEvent"`))[0].n);

describe("bulk assignment", () => {
  it("preview says how many descendants come along; adding covers them; a guest then sees them", async () => {
    const admin = await db.viewer("admin@acme.test");
    actAs(admin);
    const dash = await idOf("Globex Revenue", "DASHBOARD");
    const northwind = await teamId("Northwind");
    // Globex's dashboard, taken out of Globex first: giving a client's own resource to another client is an
    // exposure (tests/integration/isolation-guard.test.ts); here it is a dashboard of no client.
    const owners = await db.sql<{ teamId: string }>(`DELETE FROM "TeamResource" WHERE "resourceId" = $1 RETURNING "teamId"`, [dash]);
    const charts = Number((await db.sql<{ n: string }>(`SELECT count(*)::text AS n FROM "Resource" WHERE path @> ARRAY[$1::uuid] AND id <> $1`, [dash]))[0].n);
    expect(charts).toBeGreaterThan(0);
    const preview = await previewAssignment({ resourceIds: [dash], teamIds: [northwind], mode: "add" });
    expect(preview).toMatchObject({ ok: true, data: { resources: 1, descendants: charts, teams: ["Northwind"], existing: 0 } });

    const ana = await db.viewer("ana@northwind.test");
    expect(await getResourceDetail(ana, dash)).toBeNull();
    const n = await auditCount();
    const res = await assignResources({ resourceIds: [dash], teamIds: [northwind] });
    expect(res).toMatchObject({ ok: true, data: { added: 1, descendants: charts, exposures: { count: 0 } } });
    expect(await auditCount()).toBe(n + 1);
    // one row, not copies on the descendants
    expect((await assignments()).filter((a) => a.t === northwind && a.r === dash)).toHaveLength(1);
    const visible = new Set(await listVisibleResourceIds(await db.viewer("ana@northwind.test")));
    expect(visible.has(dash)).toBe(true);
    const children = await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE "parentId" = $1`, [dash]);
    for (const c of children) expect(visible.has(c.id)).toBe(true);
    // and it shows among her catalog's dashboards, counted
    const overview = await catalogOverview(ana);
    expect(overview.find((s) => s.key === "dashboards")?.items.map((i) => i.name)).toContain("Globex Revenue");
    // adding again changes nothing
    expect(await assignResources({ resourceIds: [dash], teamIds: [northwind] })).toMatchObject({ ok: true, data: { added: 0, descendants: charts } });

    // a child that arrives later is covered with no further assignment
    const later = await db.sql<{ id: string }>(
      `INSERT INTO "Resource" (id, "workspaceId", type, name, "parentId", "updatedAt") VALUES (gen_random_uuid(), $1, 'CHART', 'Late chart', $2, now()) RETURNING id`,
      [admin.workspaceId, dash],
    );
    expect(await getResourceDetail(ana, later[0].id)).toMatchObject({ name: "Late chart", teams: [{ teamName: "Northwind", source: { kind: "inherited" } }] });

    // removing explains nothing remains; the guest no longer sees it
    const removePreview = await previewAssignment({ resourceIds: [dash], teamIds: [northwind], mode: "remove" });
    expect(removePreview).toMatchObject({ ok: true, data: { existing: 1, remaining: [] } });
    expect(await unassignResources({ resourceIds: [dash], teamIds: [northwind] })).toEqual({ ok: true, data: { removed: 1, remaining: [] } });
    expect(await getResourceDetail(ana, dash)).toBeNull();
    expect(await getResourceDetail(ana, later[0].id)).toBeNull();
    for (const o of owners) await db.sql(`INSERT INTO "TeamResource" ("workspaceId", "teamId", "resourceId") VALUES ($1, $2, $3)`, [admin.workspaceId, o.teamId, dash]);
  });

  it("removing a child explains the inherited assignment that remains", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const orders = await idOf("orders", "TABLE");
    const northwind = await teamId("Northwind");
    expect((await assignResources({ resourceIds: [orders], teamIds: [northwind] })).ok).toBe(true);
    const preview = await previewAssignment({ resourceIds: [orders], teamIds: [northwind], mode: "remove" });
    expect(preview).toMatchObject({ ok: true, data: { remaining: ["orders stays in Northwind through schema northwind"] } });
    const res = await unassignResources({ resourceIds: [orders], teamIds: [northwind] });
    expect(res).toEqual({ ok: true, data: { removed: 1, remaining: ["orders stays in Northwind through schema northwind"] } });
    expect(await getResourceDetail(await db.viewer("ana@northwind.test"), orders)).not.toBeNull();
  });

  it("a move takes the assignment from one client team to another; both teams must be real and visible", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const doc = await idOf("Globex service levels");
    const [globex, initech] = [await teamId("Globex"), await teamId("Initech")];
    const was = (await assignments()).filter((a) => a.r === doc);
    expect(was.map((a) => a.t)).toContain(globex);
    const res = await moveAssignments({ resourceIds: [doc], fromTeamId: globex, toTeamId: initech });
    expect(res).toMatchObject({ ok: true, data: { moved: 1, skipped: 0 } });
    expect(await getResourceDetail(await db.viewer("eve@initech.test"), doc)).not.toBeNull();
    expect(await getResourceDetail(await db.viewer("cara@globex.test"), doc)).toBeNull();
    // an unknown target team: refused, nothing moved
    const before = await assignments();
    const bad = await moveAssignments({ resourceIds: [doc], fromTeamId: initech, toTeamId: "00000000-0000-4000-8000-000000000000" });
    expect(bad).toEqual({ ok: false, error: "Not found." });
    expect(await assignments()).toEqual(before);
    expect((await moveAssignments({ resourceIds: [doc], fromTeamId: initech, toTeamId: globex })).ok).toBe(true);
  });

  it("the admin table filters by type, integration, team, unassigned and name, paged on the server", async () => {
    const admin = await db.viewer("admin@acme.test");
    const opts = await adminResourceOptions(admin);
    expect(opts.integrations.map((i) => i.name)).toEqual(["BI", "Warehouse"]);
    const dashboards = await listAdminResources(admin, adminResourcesUrl.load({ type: "DASHBOARD" }));
    expect(dashboards.rows.every((r) => r.type === "DASHBOARD")).toBe(true);
    expect(dashboards.rows.map((r) => r.name)).toContain("Globex Revenue");
    const gr = dashboards.rows.find((r) => r.name === "Globex Revenue")!;
    expect(gr.teams).toEqual([{ id: await teamId("Globex"), name: "Globex", direct: true }]);
    expect(gr.descendants).toBeGreaterThan(0);
    const unassigned = await listAdminResources(admin, adminResourcesUrl.load({ unassigned: "1", size: "100" }));
    expect(unassigned.rows.map((r) => r.name)).toContain("finance");
    expect(unassigned.rows.map((r) => r.name)).not.toContain("northwind");
    const inNorthwind = await listAdminResources(admin, adminResourcesUrl.load({ team: await teamId("Northwind"), q: "order" }));
    const anaSees = new Set(await listVisibleResourceIds(await db.viewer("ana@northwind.test")));
    expect(inNorthwind.total).toBeGreaterThan(2);
    expect(inNorthwind.rows.every((r) => anaSees.has(r.id) && /order/i.test(r.name))).toBe(true);
    expect(inNorthwind.rows.map((r) => r.name)).toEqual(expect.arrayContaining(["orders", "order_id", "Orders per month"]));
    expect(inNorthwind.rows.find((r) => r.name === "orders" && r.type === "TABLE")?.teams[0]).toMatchObject({ name: "Northwind", direct: false, via: "northwind" });
    const inBI = await listAdminResources(admin, adminResourcesUrl.load({ integration: await idOf("BI", "INTEGRATION"), size: "100" }));
    expect(inBI.rows.every((r) => r.location[0] === "BI" || r.name === "BI")).toBe(true);
    // The count (its own SQL, capped at 10,000) says exactly what the filtered rows say below the cap.
    for (const f of [{ type: "DASHBOARD" }, { unassigned: "1" }, { team: await teamId("Northwind"), q: "order" }, { integration: await idOf("BI", "INTEGRATION") }, { q: "100%_" }]) {
      const all = await listAdminResources(admin, adminResourcesUrl.load({ ...f, size: "100" }));
      expect(all.rows.length, JSON.stringify(f)).toBeLessThan(100);
      expect({ total: all.total, capped: all.totalCapped }, JSON.stringify(f)).toEqual({ total: all.rows.length, capped: false });
    }
    const paged = await listAdminResources(admin, adminResourcesUrl.load({ size: "10", page: "2" }));
    expect(paged.rows).toHaveLength(10);
    expect(paged.page).toBe(2);
    // non-admins get nothing
    expect((await listAdminResources(await db.viewer("editor@acme.test"), adminResourcesUrl.load({}))).total).toBe(0);
  });

  it("catalog sections page on the server and count only what the viewer sees", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const overview = await catalogOverview(ana, 1);
    const dash = overview.find((s) => s.key === "dashboards")!;
    expect(dash.items).toHaveLength(1);
    expect(dash.total).toBe(2);
    const page = await listCatalogSection(ana, "dashboards", { page: 1, size: 10, sort: "name", dir: "asc", q: "" });
    expect(page.rows.map((r) => r.name)).toEqual(["Northwind Customer Health", "Northwind Sales Overview"]);
    expect(page.total).toBe(2);
    const data = await listCatalogSection(ana, "data", { page: 1, size: 10, sort: "name", dir: "asc", q: "" });
    expect(data.rows.map((r) => r.name)).toEqual(["northwind"]);
  });
});

describe("isolation and refusals", () => {
  it.each(["ana@northwind.test", "editor@acme.test", "viewer@acme.test"])("%s cannot call any assignment action; nothing changes", async (email) => {
    actAs(await db.viewer(email));
    const [invoices, orders] = [await idOf("invoices", "TABLE"), await idOf("orders", "TABLE")];
    const [globex, northwind, initech] = [await teamId("Globex"), await teamId("Northwind"), await teamId("Initech")];
    const before = await assignments();
    const n = await auditCount();
    for (const res of [
      await previewAssignment({ resourceIds: [invoices], teamIds: [northwind], mode: "add" }),
      await assignResources({ resourceIds: [invoices], teamIds: [northwind] }),
      await assignResources({ resourceIds: [orders], teamIds: [globex] }),
      await unassignResources({ resourceIds: [invoices], teamIds: [globex] }),
      await moveAssignments({ resourceIds: [invoices], fromTeamId: globex, toTeamId: northwind }),
      await moveAssignments({ resourceIds: [orders], fromTeamId: northwind, toTeamId: initech }),
    ]) {
      expect(res).toEqual({ ok: false, error: "You do not have permission to do this." });
    }
    expect(await assignments()).toEqual(before);
    expect(await auditCount()).toBe(n);
  });

  it("bad input is a clear error and changes nothing", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const orders = await idOf("orders", "TABLE");
    const northwind = await teamId("Northwind");
    const before = await assignments();
    const cases: [unknown, RegExp][] = [
      [{ resourceIds: [], teamIds: [northwind] }, /Select at least one/],
      [{ resourceIds: [orders], teamIds: [] }, /Pick at least one team/],
      [{ resourceIds: ["nope"], teamIds: [northwind] }, /Not a valid id/],
      [{ resourceIds: [orders], teamIds: ["x".repeat(1_000_000)] }, /Not a valid id/],
      [{ resourceIds: ["00000000-0000-4000-8000-000000000000"], teamIds: [northwind] }, /^Not found\.$/],
      [{ resourceIds: [orders], teamIds: ["00000000-0000-4000-8000-000000000000"] }, /^Not found\.$/],
      [{ resourceIds: Array.from({ length: 501 }, () => orders), teamIds: [northwind] }, /At most 500/],
      [{ resourceIds: orders, teamIds: northwind }, /resourceIds/],
      [undefined, /.+/],
    ];
    for (const [input, msg] of cases) {
      for (const action of [assignResources, unassignResources]) {
        const res = await action(input as never);
        expect(res.ok).toBe(false);
        if (!res.ok) expect(said(res)).toMatch(msg);
      }
    }
    const same = await moveAssignments({ resourceIds: [orders], fromTeamId: northwind, toTeamId: northwind });
    expect(same).toEqual({ ok: false, error: "Pick two different teams.", fieldErrors: { toTeamId: "Pick two different teams." } });
    expect(await assignments()).toEqual(before);
  });
});
