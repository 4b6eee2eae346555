// "View as": an admin sees exactly what the person sees (the same viewer, resolved by the same path), changes
// nothing while doing so, and nobody else can start it; a cookie that is tampered with, foreign, expired or no
// longer honoured is ignored.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs, getViewer, newTestSession, setViewAsCookieValue, signTestViewAs, testSessionId, viewAsCookieValue } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { resolveViewAs, type Viewer } from "@/lib/auth/resolve-viewer";
import { startViewAs, stopViewAs } from "@/lib/view-as/actions";
import { catalogOverview, getResourceDetail, listCatalogSection, listCatalogTops, listChildren } from "@/lib/catalog/queries";
import { SECTIONS, type SectionKey } from "@/lib/catalog/schemas";
import { search } from "@/lib/search/queries";
import { withViewer } from "@/lib/db/scoped";
import { visibleResourceIds } from "@/lib/policy";
import { demoUsers } from "@/prisma/seed/demo";
import { signViewAs, verifyViewAs, VIEW_AS_MAX_AGE_S } from "@/lib/auth/view-as";
import { authorizedRoute } from "@/lib/actions/authorized-route";
import { NextRequest } from "next/server";
import { z } from "zod";

const db = await setupTestDb();
const ROOT = path.resolve(__dirname, "../..");
const P = { page: 1, size: 100, sort: "name" as const, dir: "asc" as const, q: "" };

const one = async (sql: string, params: unknown[] = []) => (await db.sql<{ id: string }>(sql, params))[0].id;
const userId = (email: string) => one(`SELECT id FROM "User" WHERE email = $1`, [email]);

/** Every resource reachable through the catalog's own queries: tops, sections, then children page by page. */
async function catalogIds(v: Viewer): Promise<string[]> {
  const ids = new Set<string>();
  const queue: string[] = [];
  const add = (id: string) => {
    if (!ids.has(id)) queue.push(id);
    ids.add(id);
  };
  for (const t of await listCatalogTops(v)) add(t.id);
  for (const s of await catalogOverview(v, 1000)) for (const i of s.items) add(i.id);
  for (const key of Object.keys(SECTIONS) as SectionKey[]) {
    for (let page = 1; ; page++) {
      const res = await listCatalogSection(v, key, { ...P, page });
      res.rows.forEach((r) => add(r.id));
      if (page >= res.pageCount) break;
    }
  }
  while (queue.length) {
    const id = queue.shift()!;
    const detail = await getResourceDetail(v, id);
    expect(detail, `detail of ${id}`).not.toBeNull();
    if (!detail!.childCount) continue;
    for (let page = 1; ; page++) {
      const res = await listChildren(v, id, { ...P, page });
      res.rows.forEach((r) => add(r.id));
      if (page >= res.pageCount) break;
    }
  }
  return [...ids].sort();
}

const TERMS = ["a", "e", "i", "o", "u", "s", "_", "northwind", "globex", "initech", "finance"];

/** Every resource, person and team search returns for a spread of terms. */
async function searchIds(v: Viewer): Promise<string[]> {
  const ids = new Set<string>();
  for (const q of TERMS) for (const h of (await search(v, q, { size: 1000 })).hits) ids.add(`${h.kind}:${h.id}`);
  return [...ids].sort();
}

async function hashAll(): Promise<Record<string, string>> {
  const tables = await db.sql<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await db.sql<{ n: number; h: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`);
    out[t] = `${row.n}:${row.h}`;
  }
  return out;
}

let admin: Viewer;
beforeAll(async () => {
  admin = await db.viewer("admin@acme.test");
});

async function startAs(email: string): Promise<Viewer> {
  actAs(admin);
  setViewAsCookieValue(undefined);
  const res = await startViewAs({ userId: await userId(email) });
  expect(res, email).toMatchObject({ ok: true });
  const v = await getViewer();
  expect(v?.actingAdmin?.userId, email).toBe(admin.userId);
  return v!;
}

describe(`view as on ${db.engine}: the admin sees exactly what the person sees`, () => {
  it.each(demoUsers.filter((u) => u.email !== "admin@acme.test").map((u) => u.email))("%s: catalog and search as seen by the admin = as seen by them", async (email) => {
    const own = await db.viewer(email);
    const acting = await startAs(email);
    const { actingAdmin, ...rest } = acting;
    expect(actingAdmin).toEqual({ userId: admin.userId, name: admin.name, email: admin.email });
    expect({ ...rest, memberTeamIds: [...rest.memberTeamIds].sort() }).toEqual({ ...own, memberTeamIds: [...own.memberTeamIds].sort() });

    const [mineCatalog, actingCatalog] = [await catalogIds(own), await catalogIds(acting)];
    const [mineSearch, actingSearch] = [await searchIds(own), await searchIds(acting)];
    expect(actingCatalog).toEqual(mineCatalog);
    expect(actingSearch).toEqual(mineSearch);
    // And both are the person's, not the admin's: the policy's set, smaller than everything.
    const ws = await db.snapshot();
    expect(mineCatalog).toEqual([...visibleResourceIds(ws, { userId: own.userId, role: own.role })].sort());
    expect(mineCatalog.length).toBeLessThan(ws.resources.length);
    expect(actingSearch.filter((k) => k.startsWith("resource:")).length).toBeGreaterThan(0);
    expect((await stopViewAs({})).ok).toBe(true);
  });

  it("Ana's view holds nothing of Globex, Initech or finance, and row-level security runs as Ana", async () => {
    const acting = await startAs("ana@northwind.test");
    const names = (await db.sql<{ id: string; name: string }>(`SELECT id, name FROM "Resource"`)).reduce((m, r) => m.set(r.id, r.name), new Map<string, string>());
    for (const id of await catalogIds(acting)) expect(names.get(id)).not.toMatch(/globex|initech|finance/i);
    const rls = await withViewer(acting, async (tx) => tx.resource.count());
    expect(rls).toBe((await catalogIds(await db.viewer("ana@northwind.test"))).length);
    await stopViewAs({});
  });

  it("start and stop are audit events recorded as the admin; after stop the admin is back", async () => {
    const ana = await userId("ana@northwind.test");
    await startAs("ana@northwind.test");
    expect(await stopViewAs({})).toEqual({ ok: true, data: { stopped: true } });
    expect(viewAsCookieValue()).toBeUndefined();
    expect(await getViewer()).toEqual(admin);
    const rows = await db.sql<{ action: string; actorEmail: string; targetId: string }>(
      `SELECT action, "actorEmail", "targetId" FROM "AuditEvent" WHERE action LIKE 'view_as.%' AND "targetId" = $1 ORDER BY "createdAt" DESC LIMIT 2`,
      [ana],
    );
    expect(rows.map((r) => r.action).sort()).toEqual(["view_as.started", "view_as.stopped"]);
    for (const r of rows) expect(r.actorEmail).toBe("admin@acme.test");
  });
});

// ---- writes ------------------------------------------------------------------------------------------------

const actionFiles = fs
  .readdirSync(path.join(ROOT, "lib"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, "lib", d.name, "actions.ts")))
  .map((d) => d.name);

/** Plausible arguments for each known action (unknown ones get {} and must be refused all the same). */
function inputFor(name: string, ids: Record<string, string>): unknown {
  const inputs: Record<string, unknown> = {
    updateResourceDescription: { resourceId: ids.orders, description: "Changed while viewing as" },
    updateResourceTags: { resourceId: ids.orders, tags: ["changed"] },
    createGroup: { name: "View-as group", description: "" },
    updateGroup: { groupId: ids.northwindPeople, name: "Renamed", description: "" },
    deleteGroup: { groupId: ids.northwindPeople },
    addGroupMembers: { groupId: ids.northwindPeople, userIds: [ids.cara], confirm: true },
    removeGroupMembers: { groupId: ids.northwindPeople, userIds: [ids.ana] },
    createIntegration: { name: "Sneaky", connectionString: "postgres://u:p@localhost:5432/x", teamIds: [] },
    testConnectionString: { connectionString: "postgres://u:p@localhost:5432/x" },
    testIntegration: { integrationId: ids.warehouse },
    replaceIntegrationSecret: { integrationId: ids.warehouse, connectionString: "postgres://u:p@localhost:5432/x" },
    syncIntegration: { integrationId: ids.warehouse },
    acceptInvitation: { token: "a".repeat(43), name: "Someone", password: "long-enough-password" },
    inviteMembers: { emails: "new@northwind.test", role: "GUEST", teamIds: [ids.northwind] },
    resendInvitation: { userId: ids.ana },
    revokeInvitation: { userId: ids.ana },
    previewRoleChange: { userIds: [ids.ana], role: "ADMIN" },
    changeRole: { userIds: [ids.ana], role: "ADMIN" },
    deactivateMembers: { userIds: [ids.cara] },
    reactivateMembers: { userIds: [ids.cara] },
    removeMember: { userId: ids.cara },
    previewAssignment: { resourceIds: [ids.orders], teamIds: [ids.globex], mode: "add" },
    assignResources: { resourceIds: [ids.orders], teamIds: [ids.globex] },
    unassignResources: { resourceIds: [ids.northwindSchema], teamIds: [ids.northwind] },
    moveAssignments: { resourceIds: [ids.northwindSchema], fromTeamId: ids.northwind, toTeamId: ids.globex },
    createTeam: { name: "View-as team", description: "", visibility: "PRIVATE" },
    updateTeam: { teamId: ids.northwind, name: "Renamed", description: "", visibility: "PUBLIC" },
    deleteTeam: { teamId: ids.northwind },
    addTeamMembers: { teamId: ids.northwind, userIds: [ids.cara], confirm: true },
    removeTeamMembers: { teamId: ids.northwind, userIds: [ids.editor] },
    addTeamGroup: { teamId: ids.northwind, groupId: ids.globexPeople, confirm: true },
    removeTeamGroup: { teamId: ids.northwind, groupId: ids.northwindPeople },
    joinTeam: { teamId: ids.general },
    leaveTeam: { teamId: ids.general },
    previewDeleteTeam: { teamId: ids.northwind },
    startViewAs: { userId: ids.cara },
  };
  return name in inputs ? inputs[name] : {};
}

describe(`view as on ${db.engine}: every action is refused while viewing as, and changes nothing`, () => {
  let ids: Record<string, string>;
  let actions: [string, (raw: unknown) => Promise<{ ok: boolean; error?: string }>][];
  beforeAll(async () => {
    const team = (n: string) => one(`SELECT id FROM "Team" WHERE name = $1`, [n]);
    const group = (n: string) => one(`SELECT id FROM "Group" WHERE name = $1`, [n]);
    ids = {
      orders: await one(`SELECT r.id FROM "Resource" r JOIN "Resource" p ON p.id = r."parentId" WHERE r.name = 'orders' AND p.name = 'northwind'`),
      northwindSchema: await one(`SELECT id FROM "Resource" WHERE name = 'northwind' AND type = 'SCHEMA'`),
      warehouse: await one(`SELECT id FROM "Resource" WHERE name = 'Warehouse'`),
      northwind: await team("Northwind"),
      globex: await team("Globex"),
      general: await team("General"),
      northwindPeople: await group("Northwind people"),
      globexPeople: await group("Globex people"),
      ana: await userId("ana@northwind.test"),
      cara: await userId("cara@globex.test"),
      editor: await userId("editor@acme.test"),
    };
    actions = [];
    for (const dir of actionFiles) {
      const mod = (await import(`@/lib/${dir}/actions`)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) if (typeof fn === "function") actions.push([`${dir}.${name}`, fn as never]);
    }
    // A second admin: viewing as them, no permission check could refuse an admin action; view-as must.
    const u = await db.conn.prisma.user.create({ data: { email: "admin2@acme.test", name: "Alex Kim", status: "ACTIVE", passwordHash: null } });
    await db.conn.prisma.membership.create({ data: { workspaceId: db.workspaceId, userId: u.id, role: "ADMIN" } });
  });

  it("finds every action module, including this one", () => {
    expect(actionFiles).toEqual(expect.arrayContaining(["catalog", "groups", "members", "resources", "teams", "integrations", "invitations", "view-as"]));
    expect(actions.length).toBeGreaterThan(30);
  });

  // Actions that only read stay open while viewing as (they show what the person sees); every other one is refused.
  const READS_WHILE_VIEWING_AS = new Set(["view-as.stopViewAs", "catalog.loadCatalogTreeChildren"]);

  it.each(["admin2@acme.test", "editor@acme.test", "ana@northwind.test"])("viewing as %s: every action but stopViewAs and the tree's read is refused with the view-as message", async (email) => {
    await startAs(email);
    const before = await hashAll();
    const refused: string[] = [];
    for (const [name, fn] of actions) {
      if (READS_WHILE_VIEWING_AS.has(name)) continue;
      const short = name.split(".")[1];
      const res = await fn(inputFor(short, ids));
      expect(res.ok, name).toBe(false);
      expect(res.error, name).toMatch(/^You are viewing as .+: changes are turned off/);
      // Bad input is refused the same way, before anything is parsed.
      expect((await fn({ junk: "x".repeat(1_000_000) })).error, name).toMatch(/viewing as/);
      refused.push(name);
    }
    expect(refused.length).toBe(actions.length - READS_WHILE_VIEWING_AS.size);
    // The reads that stay open answer as the person viewed: the tree opens what they see and nothing else.
    const tree = actions.find(([n]) => n === "catalog.loadCatalogTreeChildren")![1];
    for (const nodeId of [ids.northwindSchema, ids.warehouse]) {
      const res = await tree({ nodeId });
      if (!res.ok) expect(res.error).not.toMatch(/viewing as/);
    }
    if (email === "ana@northwind.test") {
      expect((await tree({ nodeId: ids.northwindSchema })).ok).toBe(true);
      expect((await tree({ nodeId: ids.warehouse })).ok).toBe(false);
    }
    expect(await hashAll()).toEqual(before);
    // Still viewing as (nothing above ended it), and the database itself refuses a write in this context.
    const acting = (await getViewer())!;
    expect(acting.actingAdmin).toBeDefined();
    await expect(withViewer(acting, (tx) => tx.resource.updateMany({ where: { id: ids.orders }, data: { description: "forced" } }))).rejects.toThrow();
    expect(await hashAll()).toEqual(before);
    await stopViewAs({});
  });

  it("route handlers: reads go through while viewing as, anything else is refused before the handler runs", async () => {
    let ran = 0;
    const route = authorizedRoute({ query: z.object({}) }, async ({ viewer }) => {
      ran++;
      return new Response(viewer.email);
    });
    await startAs("ana@northwind.test");
    const call = (method: string) => route(new NextRequest("http://localhost/api/test", { method }), { params: Promise.resolve({}) });
    const get = await call("GET");
    expect(await get.text()).toBe("ana@northwind.test");
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const res = await call(method);
      expect(res.status, method).toBe(403);
      expect((await res.json()).error).toMatch(/viewing as Ana Souza/);
    }
    expect(ran).toBe(1);
    await stopViewAs({});
    expect(await (await call("POST")).text()).toBe("admin@acme.test");
  });

  it("the same inputs do work for the admin when not viewing as (the refusals above are view-as's doing)", async () => {
    actAs(admin);
    setViewAsCookieValue(undefined);
    const mod = await import("@/lib/catalog/actions");
    const res = await mod.updateResourceDescription(inputFor("updateResourceDescription", ids) as never);
    expect(res.ok).toBe(true);
    const teams = await import("@/lib/teams/actions");
    expect((await teams.createTeam(inputFor("createTeam", ids) as never)).ok).toBe(true);
  });
});

// ---- who may start it, and which cookies count -----------------------------------------------------------------

describe(`view as on ${db.engine}: starting and the cookie`, () => {
  it.each(["editor@acme.test", "viewer@acme.test", "ana@northwind.test", "cara@globex.test"])("%s calling startViewAs directly is refused and changes nothing", async (email) => {
    actAs(await db.viewer(email));
    setViewAsCookieValue(undefined);
    const before = await hashAll();
    for (const target of ["admin@acme.test", "ben@northwind.test", "dan@globex.test"]) {
      expect(await startViewAs({ userId: await userId(target) })).toEqual({ ok: false, error: "You do not have permission to do this." });
    }
    expect(viewAsCookieValue()).toBeUndefined();
    expect(await hashAll()).toEqual(before);
  });

  it("bad input, unknown people, oneself and inactive people are refused plainly", async () => {
    actAs(admin);
    setViewAsCookieValue(undefined);
    const before = await hashAll();
    expect(await startViewAs({ userId: "not-a-uuid" })).toEqual({ ok: false, error: "Choose a person from the list.", fieldErrors: { userId: "Choose a person from the list." } });
    expect((await startViewAs({} as never)).ok).toBe(false);
    expect((await startViewAs({ userId: 42 } as never)).ok).toBe(false);
    expect((await startViewAs({ userId: "x".repeat(1_000_000) })).ok).toBe(false);
    expect(await startViewAs({ userId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, error: "Not found." });
    expect((await stopViewAs({ junk: 1 } as never)).ok).toBe(false);
    expect(await startViewAs({ userId: admin.userId })).toEqual({ ok: false, error: expect.stringMatching(/yourself/) });
    await db.sql(`UPDATE "User" SET status = 'DEACTIVATED' WHERE email = 'finn@initech.test'`);
    expect(await startViewAs({ userId: await userId("finn@initech.test") })).toEqual({ ok: false, error: expect.stringMatching(/not active/) });
    await db.sql(`UPDATE "User" SET status = 'ACTIVE' WHERE email = 'finn@initech.test'`);
    expect(viewAsCookieValue()).toBeUndefined();
    expect(await hashAll()).toEqual(before);
  });

  it("an admin cannot view as someone of another workspace (Not found), nor through a forged cookie", async () => {
    const other = await db.conn.prisma.workspace.create({ data: { name: "Other Co", slug: "other-co" } });
    const stranger = await db.conn.prisma.user.create({ data: { email: "stranger@other.test", name: "Stranger", status: "ACTIVE" } });
    await db.conn.prisma.membership.create({ data: { workspaceId: other.id, userId: stranger.id, role: "GUEST" } });
    actAs(admin);
    setViewAsCookieValue(undefined);
    expect(await startViewAs({ userId: stranger.id })).toEqual({ ok: false, error: "Not found." });
    setViewAsCookieValue(signTestViewAs({ adminUserId: admin.userId, targetUserId: stranger.id, startedAt: Date.now(), sv: 1 }));
    expect(await getViewer()).toEqual(admin);
    expect(viewAsCookieValue()).toBeUndefined();
  });

  it("a tampered, foreign, stale or expired cookie is ignored and cleared", async () => {
    await startAs("ana@northwind.test");
    const good = viewAsCookieValue()!;
    const [body, sig] = good.split(".");
    const ana = await userId("ana@northwind.test");
    const cara = await userId("cara@globex.test");
    const editor = await userId("editor@acme.test");
    const claim = JSON.parse(Buffer.from(body, "base64url").toString());
    const bad = [
      `${body}.${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`, // signature changed
      `${Buffer.from(JSON.stringify({ ...claim, t: cara })).toString("base64url")}.${sig}`, // target changed, old signature
      signViewAs({ adminUserId: admin.userId, targetUserId: ana, startedAt: Date.now(), sv: claim.v, sid: claim.i }, "another-secret"),
      signTestViewAs({ adminUserId: editor, targetUserId: ana, startedAt: Date.now(), sv: claim.v }), // another person's claim
      signTestViewAs({ adminUserId: admin.userId, targetUserId: ana, startedAt: Date.now() - VIEW_AS_MAX_AGE_S * 1000 - 1, sv: claim.v }), // expired
      signTestViewAs({ adminUserId: admin.userId, targetUserId: ana, startedAt: Date.now(), sv: claim.v + 1 }), // another session
      signTestViewAs({ adminUserId: admin.userId, targetUserId: admin.userId, startedAt: Date.now(), sv: claim.v }), // oneself
      signTestViewAs({ adminUserId: admin.userId, targetUserId: ana, startedAt: Date.now(), sv: claim.v, sid: "55555555-5555-4555-8555-555555555555" }), // another session id
      "garbage",
      `${body}`,
    ];
    for (const value of bad) {
      actAs(admin);
      setViewAsCookieValue(value);
      expect(await getViewer(), value).toEqual(admin);
      expect(viewAsCookieValue()).toBeUndefined();
    }
    // The good one still works, and the claim verifies only with its secret.
    setViewAsCookieValue(good);
    expect((await getViewer())?.userId).toBe(ana);
    expect(verifyViewAs(good, "another-secret")).toBeNull();
  });

  it("a claim belongs to the session that made it: after a sign-out by any path and a new sign-in it is ignored", async () => {
    await startAs("ana@northwind.test");
    const made = viewAsCookieValue()!;
    expect((await getViewer())?.userId).toBe(await userId("ana@northwind.test"));
    // Same admin, same session version, new session (POST /api/auth/signout leaves the cookie in the browser).
    newTestSession();
    actAs(admin);
    setViewAsCookieValue(made);
    expect(await getViewer()).toEqual(admin);
    expect(viewAsCookieValue()).toBeUndefined();
    // resolveViewAs itself refuses a claim without the current session's id.
    const claim = verifyViewAs(made, "test-secret-for-view-as")!;
    const sv = (await db.sql<{ sv: number }>(`SELECT "sessionVersion" AS sv FROM "User" WHERE id = $1`, [admin.userId]))[0].sv;
    expect(await resolveViewAs(db.conn.prisma, admin, sv, claim, testSessionId())).toBeNull();
    expect(await resolveViewAs(db.conn.prisma, admin, sv, claim, null)).toBeNull();
    expect((await resolveViewAs(db.conn.prisma, admin, sv, claim, claim.sid))?.userId).toBe(claim.targetUserId);
  });

  it("a claim stops counting when the admin is no longer an admin, or the person is deactivated", async () => {
    await startAs("ben@northwind.test");
    const good = viewAsCookieValue()!;
    await db.sql(`UPDATE "User" SET status = 'DEACTIVATED' WHERE email = 'ben@northwind.test'`);
    expect(await getViewer()).toEqual(admin);
    await db.sql(`UPDATE "User" SET status = 'ACTIVE' WHERE email = 'ben@northwind.test'`);

    setViewAsCookieValue(good);
    expect((await getViewer())?.email).toBe("ben@northwind.test");
    await db.sql(`UPDATE "Membership" SET role = 'EDITOR' WHERE "userId" = $1`, [admin.userId]);
    actAs(await db.viewer("admin@acme.test")); // the demoted admin's next request
    setViewAsCookieValue(good);
    const v = await getViewer();
    expect(v?.email).toBe("admin@acme.test");
    expect(v?.actingAdmin).toBeUndefined();
    await db.sql(`UPDATE "Membership" SET role = 'ADMIN' WHERE "userId" = $1`, [admin.userId]);
    actAs(admin);
  });
});
