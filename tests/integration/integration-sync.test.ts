// PostgreSQL integrations: encrypted connection strings, test connection, background sync and re-sync against
// a real throwaway database on the local server. Skipped only when no PostgreSQL is reachable.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
process.env.ENCLAVE_ENCRYPTION_KEY = crypto.randomBytes(32).toString("hex");
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { createIntegration, replaceIntegrationSecret, syncIntegration, testConnectionString, testIntegration } from "@/lib/integrations/actions";
import { getIntegration, listIntegrations } from "@/lib/integrations/queries";
import { waitForSync } from "@/lib/integrations/sync";
import { startAutomationWorker, stopAutomationWorker } from "@/lib/automations/queue";
import { decryptSecret, encryptSecret } from "@/lib/integrations/crypto";
import { assignResources } from "@/lib/resources/actions";
import { updateResourceDescription } from "@/lib/catalog/actions";
import { getResourceDetail, listVisibleResourceIds } from "@/lib/catalog/queries";
import { said } from "../helpers/refusal";

const SERVER = process.env.SOURCE_PG_URL ?? "postgres://enclave:enclave@127.0.0.1:5432/postgres";
const srcName = `enclave_src_${crypto.randomBytes(4).toString("hex")}`;
const noPrivRole = `${srcName}_nopriv`;
const srcUrl = (() => { const u = new URL(SERVER); u.pathname = `/${srcName}`; return u.toString(); })();

async function serverReachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
const unreachable = await serverReachable();
const db = await setupTestDb();
// Syncs run on the job queue, like on a server: this file's worker takes them.
await startAutomationWorker({ schedule: false, pollSeconds: 0.5 });
afterAll(() => stopAutomationWorker());
if (unreachable) console.warn(`[integration-sync] skipped: no PostgreSQL at ${new URL(SERVER).host} (${unreachable})`);

async function onSource(sql: string) {
  const c = new pg.Client({ connectionString: srcUrl });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}
async function onServer(sql: string) {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

// Needs no PostgreSQL: runs whether or not one answers.
describe("encryption at rest", () => {
  it("the tests use a key of their own, never the data folder's file", () => {
    const fromFile = process.env.ENCLAVE_ENCRYPTION_KEY_FILE ?? path.join(process.cwd(), ".data", "encryption-key");
    const usesRealFile = !process.env.ENCLAVE_ENCRYPTION_KEY && path.resolve(fromFile).startsWith(path.resolve(".data") + path.sep);
    expect(usesRealFile).toBe(false);
    const writes = vi.spyOn(fs, "writeFileSync");
    encryptSecret("x");
    expect(writes).not.toHaveBeenCalled();
    writes.mockRestore();
  });

  it("round-trips, refuses a tampered or foreign-key ciphertext, and never stores the plain text", () => {
    const sealed = encryptSecret("postgres://u:secret@h/db");
    expect(sealed).not.toContain("secret");
    expect(decryptSecret(sealed)).toBe("postgres://u:secret@h/db");
    expect(encryptSecret("same")).not.toBe(encryptSecret("same"));
    const parts = sealed.split(".");
    parts[3] = Buffer.from("postgres://u:other@h/db").toString("base64url");
    expect(() => decryptSecret(parts.join("."))).toThrow();
    expect(() => decryptSecret(sealed, crypto.randomBytes(32))).toThrow();
  });
});

describe.skipIf(!!unreachable)("PostgreSQL sync", () => {
  let integrationId = "";
  const snapshot = async () => db.sql(`SELECT id, type, name, description, meta, "removedAt", "parentId" FROM "Resource" ORDER BY id`);
  const byKey = async (...parts: string[]) =>
    (await db.sql<{ id: string; type: string; description: string; meta: Record<string, unknown>; removedAt: Date | null }>(
      `SELECT id, type, description, meta, "removedAt" FROM "Resource" WHERE "externalKey" = $1`, [JSON.stringify(parts)]))[0];
  async function sync() {
    const res = await syncIntegration({ integrationId });
    expect(res.ok).toBe(true);
    if (!res.ok) throw new Error(res.error);
    await waitForSync(res.data.syncId);
    return (await db.sql<{ status: string; added: number; updated: number; removed: number; error: string | null; found: number }>(
      `SELECT status, added, updated, removed, error, found FROM "IntegrationSync" WHERE id = $1`, [res.data.syncId]))[0];
  }

  beforeAll(async () => {
    await onServer(`CREATE DATABASE ${srcName}`);
    await onSource(`
      CREATE SCHEMA sales; CREATE SCHEMA hr;
      COMMENT ON SCHEMA sales IS 'Sales data';
      CREATE TABLE sales.orders (id serial PRIMARY KEY, customer text NOT NULL, amount numeric(10,2), placed_at timestamptz);
      COMMENT ON TABLE sales.orders IS 'One row per order';
      COMMENT ON COLUMN sales.orders.amount IS 'Order total in USD';
      CREATE TABLE sales.refunds (id int, order_id int);
      CREATE VIEW sales.big_orders AS SELECT id, amount FROM sales.orders WHERE amount > 1000;
      CREATE TABLE hr.people (id int PRIMARY KEY, name text);
      CREATE TABLE public.notes (body text);`);
    await onServer(`CREATE ROLE ${noPrivRole} LOGIN PASSWORD 'nopriv'; REVOKE CONNECT ON DATABASE ${srcName} FROM PUBLIC`);
  });
  afterAll(async () => {
    await onServer(`DROP DATABASE IF EXISTS ${srcName} WITH (FORCE)`).catch(() => undefined);
    await onServer(`DROP ROLE IF EXISTS ${noPrivRole}`).catch(() => undefined);
  });

  it("tests a connection string, then adds the integration with the secret encrypted, in General by default", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const t = await testConnectionString({ connectionString: srcUrl });
    expect(t.ok && t.data.message).toMatch(new RegExp(`Connected to ${srcName} \\(PostgreSQL 15`));
    const res = await createIntegration({ name: "Source DB", connectionString: srcUrl });
    expect(res.ok).toBe(true);
    integrationId = res.ok ? res.data.id : "";
    const [row] = await db.sql<{ secret: string }>(`SELECT secret FROM "Integration" WHERE "resourceId" = $1`, [integrationId]);
    expect(row.secret).not.toContain("enclave");
    expect(row.secret.startsWith("v1.")).toBe(true);
    const teams = await db.sql<{ name: string }>(`SELECT t.name FROM "TeamResource" tr JOIN "Team" t ON t.id = tr."teamId" WHERE tr."resourceId" = $1`, [integrationId]);
    expect(teams.map((t) => t.name)).toEqual(["General"]);
    const listed = await listIntegrations(await db.viewer("admin@acme.test"));
    expect(listed.find((i) => i.id === integrationId)?.target).toBe(srcUrl.replace(":enclave@", ":•••@"));
    expect(JSON.stringify(listed)).not.toContain(":enclave@");
    expect((await testIntegration({ integrationId })).ok).toBe(true);
  });

  it("a first sync reads schemas, tables, views and columns with types, nullability and comments", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const run = await sync();
    expect(run).toMatchObject({ status: "succeeded", updated: 0, removed: 0, error: null });
    // database + 3 schemas + 5 relations + 4+2+2+2+1 columns
    expect(run.added).toBe(1 + 3 + 5 + 11);
    expect(run.found).toBe(run.added);
    expect(await byKey(srcName, "sales")).toMatchObject({ type: "SCHEMA", description: "Sales data" });
    expect(await byKey(srcName, "sales", "orders")).toMatchObject({ type: "TABLE", description: "One row per order" });
    expect(await byKey(srcName, "sales", "big_orders")).toMatchObject({ type: "VIEW" });
    expect((await byKey(srcName, "sales", "orders", "amount")).meta).toMatchObject({ dataType: "numeric(10,2)", nullable: true, comment: "Order total in USD" });
    expect((await byKey(srcName, "sales", "orders", "customer")).meta).toMatchObject({ dataType: "text", nullable: false });
    expect(await byKey(srcName, "pg_catalog")).toBeUndefined();
    const detail = await getIntegration(await db.viewer("admin@acme.test"), integrationId);
    expect(detail?.lastSync).toMatchObject({ status: "succeeded", added: 20 });
    expect(detail?.resourceCount).toBe(20);
    // an editor (in General) sees the new tables; a guest does not
    expect((await getResourceDetail(await db.viewer("editor@acme.test"), (await byKey(srcName, "hr", "people")).id))?.name).toBe("people");
    expect(await getResourceDetail(await db.viewer("ana@northwind.test"), (await byKey(srcName, "hr", "people")).id)).toBeNull();
  });

  it("a re-sync adds, updates and removes, keeping ids, assignments and edited descriptions", async () => {
    const admin = await db.viewer("admin@acme.test");
    actAs(admin);
    const orders = await byKey(srcName, "sales", "orders");
    const people = await byKey(srcName, "hr", "people");
    const initech = (await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE name = 'Initech'`))[0].id;
    expect((await assignResources({ resourceIds: [orders.id], teamIds: [initech] })).ok).toBe(true);
    expect((await updateResourceDescription({ resourceId: orders.id, description: "Edited by a human." })).ok).toBe(true);
    await onSource(`
      ALTER TABLE sales.orders ADD COLUMN channel text;
      ALTER TABLE sales.orders ALTER COLUMN customer TYPE varchar(200);
      COMMENT ON TABLE sales.orders IS 'Changed at the source';
      COMMENT ON SCHEMA sales IS 'Sales data, v2';
      DROP TABLE hr.people;`);
    const run = await sync();
    expect(run).toMatchObject({ status: "succeeded", added: 1, removed: 3 });
    // customer (type), sales (comment → description), orders (comment → meta only)
    expect(run.updated).toBe(3);
    const after = await byKey(srcName, "sales", "orders");
    expect(after.id).toBe(orders.id);
    expect(after.description).toBe("Edited by a human.");
    expect(after.meta).toMatchObject({ comment: "Changed at the source" });
    expect((await byKey(srcName, "sales")).description).toBe("Sales data, v2");
    expect((await byKey(srcName, "sales", "orders", "customer")).meta).toMatchObject({ dataType: "character varying(200)" });
    expect((await byKey(srcName, "hr", "people")).removedAt).not.toBeNull();
    expect((await byKey(srcName, "hr", "people")).id).toBe(people.id);
    // the new column is visible to Initech with no further assignment; nothing else of the integration is
    const eve = await db.viewer("eve@initech.test");
    const channel = await byKey(srcName, "sales", "orders", "channel");
    expect(await getResourceDetail(eve, channel.id)).toMatchObject({ name: "channel", teams: [{ teamName: "Initech", source: { kind: "inherited" } }] });
    const eveSees = new Set(await listVisibleResourceIds(eve));
    const underIntegration = await db.sql<{ id: string; name: string; path: string[] }>(`SELECT id, name FROM "Resource" WHERE path @> ARRAY[$1::uuid]`, [integrationId]);
    const visibleNames = underIntegration.filter((r) => eveSees.has(r.id)).map((r) => r.name).sort();
    expect(visibleNames).toEqual(["amount", "channel", "customer", "id", "orders", "placed_at"]);
    // a re-sync with no change changes nothing
    expect(await sync()).toMatchObject({ status: "succeeded", added: 0, updated: 0, removed: 0 });
    // a table that comes back is restored, same id
    await onSource(`CREATE TABLE hr.people (id int PRIMARY KEY, name text)`);
    expect(await sync()).toMatchObject({ added: 0, updated: 3, removed: 0 });
    expect((await byKey(srcName, "hr", "people"))).toMatchObject({ id: people.id, removedAt: null });
  });

  it("an unreachable host, a wrong password or missing privileges: a clear error and nothing changed", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const bad: [string, RegExp][] = [
      [srcUrl.replace(":5432/", ":1/"), /Could not connect to that server/],
      [srcUrl.replace(":enclave@", ":wrong-password@"), /wrong user name or password/],
      [`postgres://${noPrivRole}:nopriv@127.0.0.1:5432/${srcName}`, /privileges/],
      [srcUrl.replace(srcName, `${srcName}_missing`), /does not exist/],
    ];
    for (const [cs, msg] of bad) {
      const t = await testConnectionString({ connectionString: cs });
      expect(said(t)).toMatch(msg);
      expect(t.ok ? "" : t.error).not.toContain("wrong-password");
      expect((await replaceIntegrationSecret({ integrationId, connectionString: cs })).ok).toBe(true);
      const before = await snapshot();
      const run = await sync();
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(msg);
      expect(await snapshot()).toEqual(before);
    }
    expect((await replaceIntegrationSecret({ integrationId, connectionString: srcUrl })).ok).toBe(true);
    expect((await sync()).status).toBe("succeeded");
  });

  it("one sync at a time; a run cut short by a restart shows as interrupted and does not block the next", async () => {
    const admin = await db.viewer("admin@acme.test");
    actAs(admin);
    await db.sql(`INSERT INTO "IntegrationSync" (id, "workspaceId", "integrationId", status, phase, "createdAt") VALUES (gen_random_uuid(), $1, $2, 'running', 'Applying', now())`, [admin.workspaceId, integrationId]);
    expect(await syncIntegration({ integrationId })).toEqual({ ok: false, error: "A sync of this integration is already running." });
    await db.sql(`UPDATE "IntegrationSync" SET "createdAt" = now() - interval '2 hours' WHERE status = 'running'`);
    const runs = (await getIntegration(admin, integrationId))?.runs ?? [];
    expect(runs.filter((r) => r.status === "running")).toEqual([]);
    expect(runs.some((r) => r.status === "failed" && /interrupted/.test(r.error ?? ""))).toBe(true);
    expect((await sync()).status).toBe("succeeded");
  });

  it("non-admins, and a guest with another client's ids, are refused; nothing changes", async () => {
    const globexDash = (await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE name = 'Globex Revenue'`))[0].id;
    const globex = (await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE name = 'Globex'`))[0].id;
    for (const email of ["ana@northwind.test", "editor@acme.test", "viewer@acme.test"]) {
      const v = await db.viewer(email);
      actAs(v);
      const before = await db.sql(`SELECT * FROM "Integration" ORDER BY "resourceId"`);
      const resources = await snapshot();
      const runs = await db.sql(`SELECT id FROM "IntegrationSync"`);
      for (const res of [
        await createIntegration({ name: "Mine", connectionString: srcUrl, teamIds: [globex] }),
        await testConnectionString({ connectionString: srcUrl }),
        await testIntegration({ integrationId }),
        await testIntegration({ integrationId: globexDash }),
        await syncIntegration({ integrationId }),
        await replaceIntegrationSecret({ integrationId, connectionString: "postgres://evil@attacker/db" }),
      ]) expect(res).toEqual({ ok: false, error: "You do not have permission to do this." });
      expect(await db.sql(`SELECT * FROM "Integration" ORDER BY "resourceId"`)).toEqual(before);
      expect(await snapshot()).toEqual(resources);
      expect(await db.sql(`SELECT id FROM "IntegrationSync"`)).toEqual(runs);
      expect(await listIntegrations(v)).toEqual([]);
      expect(await getIntegration(v, integrationId)).toBeNull();
      // and row-level security alone says the same
      expect(await db.sqlAs(v, `SELECT * FROM "Integration"`)).toEqual([]);
      expect(await db.sqlAs(v, `SELECT * FROM "IntegrationSync"`)).toEqual([]);
    }
  });

  it("bad input is a clear error", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const count = async () => (await db.sql(`SELECT 1 FROM "Integration"`)).length;
    const n = await count();
    const cases: [unknown, RegExp][] = [
      [{ name: "", connectionString: srcUrl }, /name/],
      [{ name: "x".repeat(1_000_000), connectionString: srcUrl }, /at most 120/],
      [{ name: "X", connectionString: "mysql://a@b/c" }, /PostgreSQL URL/],
      [{ name: "X", connectionString: "x".repeat(1_000_000) }, /too long/],
      [{ name: "X", connectionString: srcUrl, teamIds: ["nope"] }, /Not a valid id/],
      [{ name: "X", connectionString: srcUrl, teamIds: ["00000000-0000-4000-8000-000000000000"] }, /^Not found\.$/],
      [{ name: "Source DB", connectionString: srcUrl }, /already exists/],
      [{ name: 5 }, /name/],
    ];
    for (const [input, msg] of cases) {
      const res = await createIntegration(input as never);
      expect(said(res)).toMatch(msg);
    }
    expect(await syncIntegration({ integrationId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, error: "Not found." });
    expect((await syncIntegration({ integrationId: "nope" })).ok).toBe(false);
    expect(await count()).toBe(n);
  });
});
