// The access layer against a real database: for every demo user, and for random workspaces, each scoped
// list is exactly what lib/policy computes on the same data.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { setupTestDb } from "../helpers/db";
import { workspaceArb } from "../helpers/arbitraries";
import { materialize } from "../helpers/materialize";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { listVisibleResourceIds, countVisibleResources, listCatalogTops, getResourceDetail, listChildren } from "@/lib/catalog/queries";
import { listVisibleTeams } from "@/lib/teams/queries";
import { listVisibleUserIds } from "@/lib/people/queries";
import { search } from "@/lib/search/queries";
import { demoUsers } from "@/prisma/seed/demo";
import { visibleResourceIds, visibleTeamIds, visibleUserIds } from "@/lib/policy";

const db = await setupTestDb();
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe(`access layer on ${db.engine}: demo users`, () => {
  it.each(demoUsers.map((u) => u.email))("%s gets exactly the policy's resources, teams and people", async (email) => {
    const viewer = await db.viewer(email);
    const ws = await db.snapshot();
    const pv = { userId: viewer.userId, role: viewer.role };
    expect(sorted(await listVisibleResourceIds(viewer))).toEqual(sorted(visibleResourceIds(ws, pv)));
    expect(await countVisibleResources(viewer)).toBe(visibleResourceIds(ws, pv).size);
    expect(sorted((await listVisibleTeams(viewer)).map((t) => t.id))).toEqual(sorted(visibleTeamIds(ws, pv)));
    expect(sorted(await listVisibleUserIds(viewer))).toEqual(sorted(visibleUserIds(ws, pv)));
  });

  it("the demo contract: Ana sees Northwind only, the admin sees every client and finance", async () => {
    const names = async (email: string) => {
      const viewer = await db.viewer(email);
      const ids = await listVisibleResourceIds(viewer);
      const rows = await db.conn.prisma.resource.findMany({ where: { id: { in: ids } }, select: { name: true } });
      return new Set(rows.map((r) => r.name));
    };
    const ana = await names("ana@northwind.test");
    expect(ana.has("northwind")).toBe(true);
    expect(ana.has("Northwind Sales Overview")).toBe(true);
    for (const hidden of ["globex", "initech", "finance", "shared", "Globex Revenue", "Initech TPS Compliance", "invoices", "Finance P&L"]) expect(ana.has(hidden)).toBe(false);
    const admin = await names("admin@acme.test");
    for (const seen of ["northwind", "globex", "initech", "shared", "finance"]) expect(admin.has(seen)).toBe(true);
  });

  it("a guest's catalog starts at its team's roots and never names a hidden ancestor", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const tops = await listCatalogTops(ana);
    expect(tops.map((t) => t.name).sort()).toEqual(["Freight", "Northwind Customer Health", "Northwind Sales Overview", "Northwind data dictionary", "northwind"].sort());
    const orders = await db.conn.prisma.resource.findFirstOrThrow({ where: { name: "orders", type: "TABLE" } });
    const detail = await getResourceDetail(ana, orders.id);
    expect(detail?.breadcrumb.map((c) => c.name)).toEqual(["northwind"]);
    expect(detail?.hiddenAncestors).toBe(true);
    expect(detail?.teams.map((t) => [t.teamName, t.source.kind])).toEqual([["Northwind", "inherited"]]);
    const page = await listChildren(ana, orders.id, { page: 1, size: 10, sort: "name", dir: "asc", q: "" });
    expect(page.total).toBe(5);
  });

  it("another client's resource is simply absent", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const invoices = await db.conn.prisma.resource.findFirstOrThrow({ where: { name: "invoices" } });
    expect(await getResourceDetail(ana, invoices.id)).toBeNull();
    const children = await listChildren(ana, invoices.id, { page: 1, size: 10, sort: "name", dir: "asc", q: "" });
    expect(children.total).toBe(0);
    for (const q of ["globex", "initech", "cara", "finance", "invoices"]) {
      expect((await search(ana, q)).hits).toEqual([]);
    }
  });

  it("deactivation and a session-version bump end the viewer at the next request", async () => {
    const ben = await db.conn.prisma.user.findUniqueOrThrow({ where: { email: "ben@northwind.test" } });
    expect(await resolveViewer(db.conn.prisma, ben.id, ben.sessionVersion)).not.toBeNull();
    expect(await resolveViewer(db.conn.prisma, ben.id, ben.sessionVersion - 1)).toBeNull();
    await db.conn.prisma.user.update({ where: { id: ben.id }, data: { status: "DEACTIVATED" } });
    expect(await resolveViewer(db.conn.prisma, ben.id, ben.sessionVersion)).toBeNull();
    await db.conn.prisma.user.update({ where: { id: ben.id }, data: { status: "ACTIVE" } });
  });
});

describe(`access layer on ${db.engine}: random workspaces`, () => {
  it("every list and count equals the policy's answer", async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (w) => {
        const { mapped } = await materialize(db.conn.prisma, w);
        for (const u of mapped.users) {
          const user = await db.conn.prisma.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionVersion: true } });
          const viewer = await resolveViewer(db.conn.prisma, u.id, user.sessionVersion);
          const pv = { userId: u.id, role: u.role };
          if (!viewer) {
            expect(visibleResourceIds(mapped, pv).size).toBe(0);
            continue;
          }
          expect(sorted(await listVisibleResourceIds(viewer))).toEqual(sorted(visibleResourceIds(mapped, pv)));
          expect(sorted((await listVisibleTeams(viewer)).map((t) => t.id))).toEqual(sorted(visibleTeamIds(mapped, pv)));
          expect(sorted(await listVisibleUserIds(viewer))).toEqual(sorted(visibleUserIds(mapped, pv)));
        }
      }),
      { numRuns: 15 },
    );
  });
});
