/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON answers, read as the tests assert them */
// The REST API is the console's access layer with the viewer taken from a token: a token of Ana lists, searches
// and opens only Northwind's resources and people; every Globex or Initech id is the same 404 as a random uuid; a
// Northwind team token sees what Ana sees and cannot write; a read token's PATCH is 403 and changes nothing; a
// revoked or expired token, a deactivated owner and a demoted admin count at the very next call.
import crypto from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { all, api } from "../helpers/api";
import { createPersonalToken, createTeamToken } from "@/lib/tokens/service";
import { authenticateToken } from "@/lib/tokens/authenticate";
import { listVisibleResourceIds } from "@/lib/catalog/queries";
import { listVisibleUserIds } from "@/lib/people/queries";
import { withViewer } from "@/lib/db/scoped";
import { lineageOf } from "@/lib/lineage/queries";
import { startAutomationWorker, stopAutomationWorker } from "@/lib/automations/queue";

const db = await setupTestDb();
// A sync started through the API runs on the job queue, like on a server: this file's worker takes it.
await startAutomationWorker({ schedule: false, pollSeconds: 0.5 });
afterAll(() => stopAutomationWorker());
const ws = db.workspaceId;
const one = async (sql: string, params: unknown[] = []) => ((await db.sql<{ id: string }>(sql, params))[0] ?? { id: "" }).id;
const teamId = (name: string) => one(`SELECT id FROM "Team" WHERE name = $1 AND "workspaceId" = $2`, [name, ws]);
const userId = (email: string) => one(`SELECT id FROM "User" WHERE email = $1`, [email]);

async function mint(email: string, scope: "read" | "write" = "read", days = 30): Promise<string> {
  return (await createPersonalToken(await db.viewer(email), { name: `${email} ${scope}`, expiresInDays: days, scope })).token;
}

/** Everything assigned to a client team, itself or through an ancestor. */
async function clientResourceIds(team: string): Promise<string[]> {
  const rows = await db.sql<{ id: string }>(
    `SELECT r.id FROM "Resource" r WHERE r."workspaceId" = $1 AND r.path && (SELECT array_agg(tr."resourceId") FROM "TeamResource" tr JOIN "Team" t ON t.id = tr."teamId" WHERE t.name = $2 AND t."workspaceId" = $1)`,
    [ws, team],
  );
  return rows.map((r) => r.id);
}
const clientUserIds = async (domain: string) => (await db.sql<{ id: string }>(`SELECT id FROM "User" WHERE email LIKE $1`, [`%@${domain}`])).map((r) => r.id);

const ana = await mint("ana@northwind.test");
const northwind = await clientResourceIds("Northwind");
const foreignResources = [...(await clientResourceIds("Globex")), ...(await clientResourceIds("Initech"))].filter((id) => !northwind.includes(id));
const foreignTeams = [await teamId("Globex"), await teamId("Initech")];
const foreignUsers = [...(await clientUserIds("globex.test")), ...(await clientUserIds("initech.test"))];

afterEach(() => {
  delete process.env.ENCLAVE_API_RATE_LIMIT;
});

describe(`REST API with tokens, on ${db.engine}`, () => {
  it("Ana's token lists, searches and opens only Northwind's resources and people", async () => {
    const anaViewer = await db.viewer("ana@northwind.test");
    const resources = await all("/resources", ana);
    expect(resources.length).toBeGreaterThan(10);
    expect(new Set(resources.map((r) => r.id))).toEqual(new Set(await listVisibleResourceIds(anaViewer)));
    for (const r of resources) expect(northwind, r.name).toContain(r.id);
    const orders = resources.find((r) => r.name === "orders" && r.type === "table");
    expect(orders).toMatchObject({ qualifiedName: "analytics.northwind.orders", type: "table" });
    const schema = resources.find((r) => r.name === "northwind" && r.type === "schema");
    expect(schema.parentId).toBeNull(); // its parent (the database) is not Ana's to see, so it is not named
    expect((await api("GET", `/resources/${orders.id}`, { token: ana })).body).toEqual(orders);
    // Lineage is lib/lineage's walk for the token's viewer: the same graph, only Northwind's nodes.
    const lineage = await api("GET", `/resources/${orders.id}/lineage?direction=both&depth=5`, { token: ana });
    expect(lineage.status).toBe(200);
    const expected = (await lineageOf(anaViewer, orders.id, { direction: "both", depth: 5 }))!;
    expect(lineage.body.nodes.map((n: any) => n.id).sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(lineage.body.edges).toEqual(expected.edges);
    for (const n of lineage.body.nodes) expect(northwind).toContain(n.id);
    expect((await api("GET", `/resources/${orders.id}/lineage?depth=9`, { token: ana })).body.field).toBe("depth");

    for (const q of ["orders", "invoices", "tps", "revenue", "customers", "Globex", "accounts"]) {
      const hits = await all(`/search?q=${q}`, ana);
      for (const h of hits) expect(northwind, `${q} → ${h.name}`).toContain(h.id);
    }
    expect((await all("/search?q=orders", ana)).some((h) => h.id === orders.id)).toBe(true);
    expect((await all("/search?q=invoices", ana))).toEqual([]);

    const people = await all("/users", ana);
    expect(new Set(people.map((u) => u.id))).toEqual(new Set(await listVisibleUserIds(anaViewer)));
    for (const u of people) expect(u.email).toMatch(/@(northwind\.test|acme\.test)$/);
    expect(people.some((u) => foreignUsers.includes(u.id))).toBe(false);
    const teams = await all("/teams", ana);
    expect(teams.map((t) => t.name)).toEqual(["Northwind"]);
    expect(await all("/groups", ana)).toEqual([]);
    expect((await api("GET", "/me", { token: ana })).body).toMatchObject({ email: "ana@northwind.test", role: "guest", kind: "user" });
  });

  it("every Globex or Initech id is the same 404 as a random uuid", async () => {
    const write = await mint("ana@northwind.test", "write");
    const random = crypto.randomUUID();
    const probes: [string, string, unknown?][] = [];
    for (const id of [...foreignResources, random]) {
      probes.push(["GET", `/resources/${id}`], ["GET", `/resources/${id}/lineage?direction=both&depth=5`]);
      probes.push(["PATCH", `/resources/${id}`, { description: "pwned" }]);
    }
    for (const id of [...foreignTeams, random]) {
      probes.push(["GET", `/teams/${id}`], ["GET", `/teams/${id}/members`], ["POST", `/teams/${id}/members`, { userIds: [foreignUsers[0]] }], ["POST", `/teams/${id}/tokens`, { name: "x", expiresInDays: 1 }]);
      probes.push(["DELETE", `/teams/${id}/members/${foreignUsers[0]}`], ["POST", `/teams/${id}/resources`, { resourceIds: [foreignResources[0]] }]);
    }
    probes.push(["GET", `/integrations/${random}/runs/${random}`], ["POST", `/integrations/${foreignResources[0]}/sync`]);
    const before = await db.sql(`SELECT id, description, tags FROM "Resource" ORDER BY id`);
    const bodies = new Set<string>();
    for (const [method, path, body] of probes) {
      const res = await api(method, path, { token: write, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      bodies.add(res.text);
    }
    expect([...bodies]).toEqual([JSON.stringify({ type: "about:blank", title: "Not Found", status: 404, detail: "Not found." })]);
    expect(await db.sql(`SELECT id, description, tags FROM "Resource" ORDER BY id`)).toEqual(before);
    // Filters naming a foreign team or parent find nothing, exactly like a random id.
    for (const f of [`teamId=${foreignTeams[0]}`, `parentId=${foreignResources[0]}`, `teamId=${random}`]) expect(await all(`/resources?${f}`, ana), f).toEqual([]);
  });

  it("a Northwind team token sees what Ana sees, and cannot write", async () => {
    const admin = await db.viewer("admin@acme.test");
    const { token } = await createTeamToken(admin, { teamId: await teamId("Northwind"), name: "Northwind BI", expiresInDays: 30 });
    const ids = (xs: any[]) => xs.map((x) => x.id).sort();
    expect(ids(await all("/resources", token))).toEqual(ids(await all("/resources", ana)));
    expect(ids(await all("/search?q=order", token))).toEqual(ids(await all("/search?q=order", ana)));
    expect(ids(await all("/users", token))).toEqual(ids(await all("/users", ana)));
    expect(ids(await all("/teams", token))).toEqual(ids(await all("/teams", ana)));
    expect((await api("GET", "/me", { token })).body).toMatchObject({ kind: "team", role: "guest", name: "Northwind" });
    for (const id of foreignResources.slice(0, 5)) expect((await api("GET", `/resources/${id}`, { token })).status).toBe(404);
    const [first] = await all("/resources", token);
    const res = await api("PATCH", `/resources/${first.id}`, { token, body: { description: "from a team token" } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 403, title: "Forbidden" });
    // Row-level security alone, with no where clause of the app: exactly the team's resources.
    const viewer = (await authenticateToken(token, null))!;
    const rls = await withViewer(viewer, (tx) => tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Resource"`));
    expect(rls.map((r) => r.id).sort()).toEqual([...northwind].sort());
    // Only admins make team tokens, and only for client teams.
    expect((await api("POST", `/teams/${await teamId("General")}/tokens`, { token: await mint("admin@acme.test", "write"), body: { name: "x", expiresInDays: 1 } })).status).toBe(409);
    expect((await api("POST", `/teams/${await teamId("Northwind")}/tokens`, { token: await mint("editor@acme.test", "write"), body: { name: "x", expiresInDays: 1 } })).status).toBe(404);
  });

  it("a read token's PATCH is 403 and changes nothing; a write token edits as the console does, audited with the token", async () => {
    const read = await mint("editor@acme.test", "read");
    const [r] = await all("/resources?q=orders&type=table", read);
    const before = await db.sql(`SELECT description, tags FROM "Resource" WHERE id = $1`, [r.id]);
    const res = await api("PATCH", `/resources/${r.id}`, { token: read, body: { description: "changed", tags: ["x"] } });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/read-only/);
    expect(await db.sql(`SELECT description, tags FROM "Resource" WHERE id = $1`, [r.id])).toEqual(before);

    const write = await mint("editor@acme.test", "write");
    const ok = await api("PATCH", `/resources/${r.id}`, { token: write, body: { description: "Every order.", tags: ["Sales", "core"] } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: r.id, description: "Every order.", tags: ["sales", "core"] });
    const tokenId = (await db.sql<{ id: string }>(`SELECT id FROM "ApiToken" WHERE name = 'editor@acme.test write' ORDER BY "createdAt" DESC LIMIT 1`))[0]!.id;
    const audit = await db.sql<{ action: string; apiTokenId: string }>(`SELECT action, "apiTokenId" FROM "AuditEvent" WHERE "targetId" = $1 ORDER BY "createdAt"`, [r.id]);
    expect(audit.map((a) => [a.action, a.apiTokenId])).toEqual([["resource.description.updated", tokenId], ["resource.tags.updated", tokenId]]);
    // A guest's write token is still a guest: the console's rule refuses it, as out of scope.
    const anaWrite = await mint("ana@northwind.test", "write");
    expect((await api("PATCH", `/resources/${r.id}`, { token: anaWrite, body: { description: "no" } })).status).toBe(404);
  });

  it("revoking, expiring, deactivating the owner and demoting an admin count at the next call", async () => {
    const t = await mint("ben@northwind.test");
    expect((await api("GET", "/me", { token: t })).status).toBe(200);
    const id = (await db.sql<{ id: string }>(`SELECT id FROM "ApiToken" WHERE name = 'ben@northwind.test read'`))[0]!.id;
    actAs(await db.viewer("ben@northwind.test"));
    const { revokeApiToken } = await import("@/lib/tokens/actions");
    expect((await revokeApiToken({ tokenId: id })).ok).toBe(true);
    const revoked = await api("GET", "/me", { token: t });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toMatch(/^Bearer/);

    const e = await mint("dan@globex.test");
    expect((await api("GET", "/resources", { token: e })).status).toBe(200);
    await db.sql(`UPDATE "ApiToken" SET "expiresAt" = now() - interval '1 second' WHERE name = 'dan@globex.test read'`);
    expect((await api("GET", "/resources", { token: e })).status).toBe(401);

    const cara = await mint("cara@globex.test");
    expect((await api("GET", "/resources", { token: cara })).status).toBe(200);
    await db.sql(`UPDATE "User" SET status = 'DEACTIVATED' WHERE email = 'cara@globex.test'`);
    const gone = await api("GET", "/resources", { token: cara });
    expect(gone.status).toBe(401);
    expect(gone.body).toMatchObject({ type: "about:blank", title: "Unauthorized", status: 401 });
    await db.sql(`UPDATE "User" SET status = 'ACTIVE' WHERE email = 'cara@globex.test'`);

    // A second admin, demoted to Viewer between two calls.
    const p = db.conn.prisma;
    const u = await p.user.create({ data: { email: "ops@acme.test", name: "Ops", status: "ACTIVE" } });
    await p.membership.create({ data: { workspaceId: ws, userId: u.id, role: "ADMIN" } });
    const adminToken = await mint("ops@acme.test", "write");
    expect((await api("GET", "/integrations", { token: adminToken })).status).toBe(200);
    expect((await all("/groups", adminToken)).length).toBeGreaterThan(0);
    expect((await all("/teams", adminToken)).map((t) => t.name)).toContain("Globex");
    await db.sql(`UPDATE "Membership" SET role = 'VIEWER' WHERE "userId" = $1`, [u.id]);
    expect((await api("GET", "/integrations", { token: adminToken })).status).toBe(404);
    expect(await all("/groups", adminToken)).toEqual([]);
    expect((await all("/teams", adminToken)).map((t) => t.name)).not.toContain("Globex");
    expect((await api("GET", "/me", { token: adminToken })).body.role).toBe("viewer");

    // A team token stops when revoked, and row-level security stops it too (the token row is read there).
    const admin = await db.viewer("admin@acme.test");
    const team = await createTeamToken(admin, { teamId: await teamId("Initech"), name: "Initech sync", expiresInDays: 1 });
    const viewer = (await authenticateToken(team.token, null))!;
    expect((await api("GET", "/resources", { token: team.token })).body.data.length).toBeGreaterThan(0);
    await db.sql(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE id = $1`, [team.id]);
    expect((await api("GET", "/resources", { token: team.token })).status).toBe(401);
    expect(await withViewer(viewer, (tx) => tx.$queryRawUnsafe(`SELECT id FROM "Resource"`))).toEqual([]);
  });

  it("no token, a malformed one or an unknown one is a 401 problem", async () => {
    for (const token of [undefined, "nope", "enc_" + "a".repeat(43), ana.slice(0, -1) + (ana.endsWith("A") ? "B" : "A")]) {
      const res = await api("GET", "/resources", { token });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect((await api("GET", "/resources", { headers: { authorization: `Basic ${ana}` } })).status).toBe(401);
  });

  it("limits each token's requests per minute in the database: 429 with Retry-After and RateLimit", async () => {
    process.env.ENCLAVE_API_RATE_LIMIT = "3";
    const t = await mint("ben@northwind.test");
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await api("GET", "/me", { token: t });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("ratelimit-policy")).toBe('"per-token";q=3;w=60');
    expect(last!.headers.get("ratelimit")).toMatch(/^"per-token";r=0;t=\d+$/);
    expect(last!.body).toMatchObject({ status: 429, title: "Too Many Requests" });
    // Another token has its own count.
    expect((await api("GET", "/me", { token: await mint("ben@northwind.test") })).status).toBe(200);
    const [row] = await db.sql<{ count: number }>(`SELECT count FROM "ApiRateLimit" l JOIN "ApiToken" t ON t.id = l."tokenId" WHERE t."tokenHash" = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, [t]);
    expect(row!.count).toBe(4);
  });

  it("POST /tokens: a signed-in browser on the console's origin gets a token, shown once, stored as its hash", async () => {
    actAs(await db.viewer("ana@northwind.test"));
    const body = { name: "laptop", expiresInDays: 7, scope: "read" };
    expect((await api("POST", "/tokens", { body })).status).toBe(403); // no Origin
    expect((await api("POST", "/tokens", { body, headers: { origin: "http://evil.test" } })).status).toBe(403);
    const res = await api("POST", "/tokens", { body, headers: { origin: "http://localhost" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "laptop", scope: "read" });
    expect(res.body.token).toMatch(/^enc_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const [row] = await db.sql<{ tokenHash: string }>(`SELECT "tokenHash" FROM "ApiToken" WHERE id = $1`, [res.body.id]);
    expect(row!.tokenHash).toBe(crypto.createHash("sha256").update(res.body.token).digest("hex"));
    expect(JSON.stringify(await db.sql(`SELECT * FROM "ApiToken"`))).not.toContain(res.body.token);
    expect((await api("GET", "/me", { token: res.body.token })).body.email).toBe("ana@northwind.test");
    // A token cannot mint tokens: this endpoint knows only the browser's session.
    actAs(null);
    expect((await api("POST", "/tokens", { body, token: res.body.token, headers: { origin: "http://localhost" } })).status).toBe(401);
    actAs(await db.viewer("ana@northwind.test"));
    for (const bad of [{ ...body, expiresInDays: 0 }, { ...body, expiresInDays: 366 }, { ...body, scope: "admin" }, { ...body, name: "" }]) {
      const r = await api("POST", "/tokens", { body: bad, headers: { origin: "http://localhost" } });
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.field).toBeTruthy();
    }
  });

  it("admin writes go through the console's functions, guardrails included", async () => {
    const admin = await mint("admin@acme.test", "write");
    const created = await api("POST", "/teams", { token: admin, body: { name: "Umbrella", visibility: "private" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Umbrella", visibility: "private", isDefault: false });
    const umbrella = created.body.id;
    expect((await api("POST", "/teams", { token: admin, body: { name: "Umbrella" } })).status).toBe(409);
    // Adding an internal person to a client team warns (they also see General): refused unless confirmed.
    const editor = await userId("editor@acme.test");
    const warned = await api("POST", `/teams/${umbrella}/members`, { token: admin, body: { userIds: [editor] } });
    expect(warned.status).toBe(409);
    expect(warned.body.detail).toMatch(/Confirm/);
    expect((await api("POST", `/teams/${umbrella}/members`, { token: admin, body: { userIds: [editor], confirm: true } })).body).toEqual({ added: 1 });
    expect((await all(`/teams/${umbrella}/members`, admin)).map((u) => u.email)).toEqual(["editor@acme.test"]);
    expect((await api("DELETE", `/teams/${umbrella}/members/${editor}`, { token: admin })).status).toBe(204);
    expect(await all(`/teams/${umbrella}/members`, admin)).toEqual([]);

    const [finance] = await all("/resources?q=finance&type=schema", admin);
    expect((await api("POST", `/teams/${umbrella}/resources`, { token: admin, body: { resourceIds: [finance.id] } })).status).toBe(200);
    expect((await all(`/resources?teamId=${umbrella}`, admin)).length).toBeGreaterThan(3);
    expect((await api("DELETE", `/teams/${umbrella}/resources/${finance.id}`, { token: admin })).status).toBe(204);
    expect(await all(`/resources?teamId=${umbrella}`, admin)).toEqual([]);

    const inv = await api("POST", "/invitations", { token: admin, body: { emails: ["new@umbrella.test"], role: "guest", teamIds: [umbrella] } });
    expect(inv.status).toBe(201);
    expect(inv.body[0]).toMatchObject({ email: "new@umbrella.test", delivery: "shown" });
    expect(inv.body[0].link).toMatch(/\/invite\//);

    const integrations = await api("GET", "/integrations", { token: admin });
    const warehouse = integrations.body.data.find((i: any) => i.name === "Warehouse");
    expect(warehouse.target).not.toMatch(/password/);
    const sync = await api("POST", `/integrations/${warehouse.id}/sync`, { token: admin });
    expect(sync.status).toBe(202);
    let run;
    for (let i = 0; i < 100; i++) {
      run = await api("GET", `/integrations/${warehouse.id}/runs/${sync.body.runId}`, { token: admin });
      if (run.body.status !== "queued" && run.body.status !== "running") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(run!.body).toMatchObject({ id: sync.body.runId, status: "succeeded" });
    expect(run!.body.found).toBeGreaterThan(10);
    const bad = await api("POST", "/integrations", { token: admin, body: { name: "X", connectionString: "mysql://nope" } });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe("connectionString");
  });

  it("a write that adds a cross-client exposure is refused (409, named) and goes through only with its confirmation", async () => {
    const admin = await mint("admin@acme.test", "write");
    const northwindTeam = await teamId("Northwind");
    const [globexSchema] = await all("/resources?q=globex&type=schema", admin);
    const assigned = () => db.sql(`SELECT 1 FROM "TeamResource" WHERE "teamId" = $1 AND "resourceId" = $2`, [northwindTeam, globexSchema.id]);
    // The isolation lock (on by default) refuses it whatever the confirmation.
    const locked = await api("POST", `/teams/${northwindTeam}/resources`, { token: admin, body: { resourceIds: [globexSchema.id] } });
    expect(locked.status).toBe(409);
    expect(locked.body.exposures.length).toBeGreaterThan(0);
    expect(locked.body.confirmation).toBeNull();
    expect(await assigned()).toEqual([]);
    await db.sql(`INSERT INTO "WorkspaceSettings" ("workspaceId", "isolationLock") VALUES ($1, false) ON CONFLICT ("workspaceId") DO UPDATE SET "isolationLock" = false`, [ws]);
    const asked = await api("POST", `/teams/${northwindTeam}/resources`, { token: admin, body: { resourceIds: [globexSchema.id] } });
    expect(asked.status).toBe(409);
    expect(asked.body.confirmation).toMatch(/^[0-9a-f]{64}$/);
    expect(await assigned()).toEqual([]);
    const wrong = await api("POST", `/teams/${northwindTeam}/resources`, { token: admin, body: { resourceIds: [globexSchema.id], confirmExposures: "0".repeat(64) } });
    expect(wrong.status).toBe(409);
    expect(await assigned()).toEqual([]);
    const ok = await api("POST", `/teams/${northwindTeam}/resources`, { token: admin, body: { resourceIds: [globexSchema.id], confirmExposures: asked.body.confirmation } });
    expect(ok.status).toBe(200);
    expect((await assigned()).length).toBe(1);
    expect((await db.sql<{ apiTokenId: string | null }>(`SELECT "apiTokenId" FROM "AuditEvent" WHERE action = 'resource.assigned' ORDER BY "createdAt" DESC LIMIT 1`))[0]?.apiTokenId).toBeTruthy();
    // Put things back for the other tests.
    expect((await api("DELETE", `/teams/${northwindTeam}/resources/${globexSchema.id}`, { token: admin })).status).toBe(204);
    await db.sql(`UPDATE "WorkspaceSettings" SET "isolationLock" = true WHERE "workspaceId" = $1`, [ws]);
  });

  it("bad input to every endpoint is a 400 naming the field, never a crash, and changes nothing", async () => {
    const admin = await mint("admin@acme.test", "write");
    const team = await teamId("Northwind");
    const [res] = await all("/resources?q=orders", admin);
    const before = await db.sql(`SELECT (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM "Resource" x) r, (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM "TeamMember" x) m, (SELECT count(*) FROM "Team") t, (SELECT count(*) FROM "TeamResource") a, (SELECT count(*) FROM "User") u`);
    const BODIES: [string, string, Record<string, unknown>][] = [
      ["PATCH", `/resources/${res.id}`, { description: "ok", tags: ["ok"] }],
      ["POST", "/teams", { name: "Ok", description: "", visibility: "private" }],
      ["POST", `/teams/${team}/members`, { userIds: [crypto.randomUUID()], confirm: false }],
      ["POST", `/teams/${team}/resources`, { resourceIds: [crypto.randomUUID()] }],
      ["POST", `/teams/${team}/tokens`, { name: "ok", expiresInDays: 1 }],
      ["POST", "/invitations", { emails: ["ok@example.test"], role: "guest", teamIds: [] }],
      ["POST", "/integrations", { name: "ok", connectionString: "postgres://u:p@127.0.0.1:1/x", teamIds: [] }],
    ];
    const WRONG: unknown[] = [4.5, null, "x".repeat(300_000), { nested: true }, [1, 2]];
    let probes = 0;
    for (const [method, path, base] of BODIES) {
      for (const raw of ["", "{", "null", "[]", '"text"']) {
        const r = await api(method, path, { token: admin, rawBody: raw });
        expect(r.status, `${method} ${path} ${raw}`).toBe(400);
        probes++;
      }
      const mutants: Record<string, unknown>[] = [];
      for (const key of Object.keys(base)) for (const v of WRONG) mutants.push({ ...base, [key]: v });
      for (const m of mutants) {
        const r = await api(method, path, { token: admin, body: m });
        probes++;
        const label = `${method} ${path} ${JSON.stringify(m).slice(0, 100)}`;
        expect([400, 413], label).toContain(r.status);
        expect(r.headers.get("content-type"), label).toBe("application/problem+json");
        if (r.status === 400) expect(r.body.field ?? r.body.detail, label).toBeTruthy();
      }
      const wrongType = await api(method, path, { token: admin, rawBody: JSON.stringify(base), headers: { "content-type": "text/plain" } });
      expect(wrongType.status).toBe(415);
    }
    for (const q of ["limit=0", "limit=101", "limit=x", "cursor=garbage", "type=tables", `teamId=nope`, "q=" + "x".repeat(201)]) {
      const r = await api("GET", `/resources?${q}`, { token: admin });
      expect(r.status, q).toBe(400);
      expect(r.body.field, q).toBeTruthy();
      probes++;
    }
    expect((await api("GET", "/search", { token: admin })).body.field).toBe("q");
    expect(probes).toBeGreaterThan(100);
    expect(await db.sql(`SELECT (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM "Resource" x) r, (SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) FROM "TeamMember" x) m, (SELECT count(*) FROM "Team") t, (SELECT count(*) FROM "TeamResource") a, (SELECT count(*) FROM "User") u`)).toEqual(before);
  });
});

describe(`ApiToken under row-level security, on ${db.engine}`, () => {
  it("owners see and revoke their own tokens, admins every token of the workspace; nobody writes another's", async () => {
    const anaV = await db.viewer("ana@northwind.test");
    const caraV = await db.viewer("cara@globex.test");
    const adminV = await db.viewer("admin@acme.test");
    await mint("cara@globex.test");
    const mine = await db.sqlAs<{ userId: string }>(anaV, `SELECT "userId" FROM "ApiToken"`);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.userId))).toEqual(new Set([anaV.userId]));
    const every = await db.sqlAs<{ n: number }>(adminV, `SELECT count(*)::int n FROM "ApiToken"`);
    expect(every[0]!.n).toBe((await db.sql<{ n: number }>(`SELECT count(*)::int n FROM "ApiToken"`))[0]!.n);
    expect(await db.sqlAs(anaV, `UPDATE "ApiToken" SET "revokedAt" = now() WHERE "userId" = $1 RETURNING id`, [caraV.userId])).toEqual([]);
    // One's own token can only be revoked: not widened to write, nor given a longer life.
    await expect(db.sqlAs(anaV, `UPDATE "ApiToken" SET scope = 'write' WHERE "userId" = $1`, [anaV.userId])).rejects.toMatchObject({ code: "42501" });
    await expect(db.sqlAs(anaV, `UPDATE "ApiToken" SET "expiresAt" = now() + interval '10 years' WHERE "userId" = $1`, [anaV.userId])).rejects.toMatchObject({ code: "42501" });
    await expect(db.sqlAs(anaV, `INSERT INTO "ApiToken" (id, "workspaceId", "userId", name, scope, "tokenHash", prefix, "expiresAt") VALUES (gen_random_uuid(), $1, $2, 'x', 'write', 'h', 'p', now() + interval '1 day')`, [ws, caraV.userId])).rejects.toMatchObject({ code: "42501" });
    await expect(db.sqlAs(anaV, `INSERT INTO "ApiToken" (id, "workspaceId", "teamId", name, scope, "tokenHash", prefix, "expiresAt") VALUES (gen_random_uuid(), $1, $2, 'x', 'read', 'h2', 'p', now() + interval '1 day')`, [ws, await teamId("Northwind")])).rejects.toMatchObject({ code: "42501" });
    await expect(db.sqlAs(anaV, `SELECT * FROM "ApiRateLimit"`)).resolves.toEqual([]);
  });
});
