// Syncs are background work on the job queue, like automation runs: the run row is the truth every server reads
// (queued, running, counts, error, times), one sync per integration is queued or running at a time across servers,
// and a server that stops mid-sync leaves a run that is failed cleanly (nothing changed) and blocks nothing. On the
// embedded PGlite and on PostgreSQL; on PostgreSQL a second pool is a second app server.
import { afterAll, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { api } from "../helpers/api";
import { connect, type Connection } from "@/lib/db/connect";
import { setConnection } from "@/lib/db/client";
import { syncIntegration } from "@/lib/integrations/actions";
import { createSync, INTERRUPTED, waitForSync } from "@/lib/integrations/sync";
import { getIntegration, getSyncRun } from "@/lib/integrations/queries";
import { startAutomationWorker, stopAutomationWorker, tick } from "@/lib/automations/queue";
import { createPersonalToken } from "@/lib/tokens/service";

const db = await setupTestDb();
afterAll(() => stopAutomationWorker());
const admin = await db.viewer("admin@acme.test");
const [{ id: warehouse }] = await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE name = 'Warehouse' AND "parentId" IS NULL`);
const row = async (id: string) =>
  (await db.sql<{ status: string; phase: string; error: string | null; found: number; added: number; updated: number; startedAt: Date | null; finishedAt: Date | null }>(
    `SELECT status, phase, error, found, added, updated, "startedAt", "finishedAt" FROM "IntegrationSync" WHERE id = $1`, [id]))[0];
const resources = async () => db.sql(`SELECT id, name, description, meta, "removedAt" FROM "Resource" ORDER BY id`);
const token = (await createPersonalToken(admin, { name: "sync", expiresInDays: 1, scope: "write" })).token;

describe("a sync on the queue", () => {
  it("is a queued row until a worker takes it; the console, the API and the run row all say the same", async () => {
    actAs(admin);
    // No worker in this process (a server started with ENCLAVE_NO_WORKER): the run waits, recorded.
    const started = await api("POST", `/integrations/${warehouse}/sync`, { token });
    expect(started.status).toBe(202);
    const runId: string = started.body.runId;
    expect(await row(runId)).toMatchObject({ status: "queued", startedAt: null, finishedAt: null });
    expect((await api("GET", `/integrations/${warehouse}/runs/${runId}`, { token })).body).toMatchObject({ id: runId, status: "queued", startedAt: null });
    expect((await getIntegration(admin, warehouse))?.lastSync).toMatchObject({ id: runId, status: "queued" });
    // The console's "Sync now" is refused while it waits: one sync per integration.
    expect(await syncIntegration({ integrationId: warehouse })).toEqual({ ok: false, error: "A sync of this integration is already running." });
    // A worker starts: it finds the queued run (on the embedded database at once, on a server once it is stale) and works it.
    await startAutomationWorker({ schedule: false, pollSeconds: 0.5, syncStaleMs: 0 });
    await waitForSync(runId);
    const done = await row(runId);
    expect(done).toMatchObject({ status: "succeeded", phase: "Done", error: null, added: 0 });
    expect(done.found).toBeGreaterThan(20);
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    const viaApi = await api("GET", `/integrations/${warehouse}/runs/${runId}`, { token });
    expect(viaApi.body).toMatchObject({ status: "succeeded", found: done.found, added: 0, error: null });
    expect(viaApi.body.finishedAt).toBe(new Date(done.finishedAt!).toISOString());
    expect(await getSyncRun(admin, warehouse, runId)).toMatchObject({ status: "succeeded", found: done.found });
    // The same run through the console's action, end to end.
    const again = await syncIntegration({ integrationId: warehouse });
    expect(again.ok).toBe(true);
    await waitForSync(again.ok ? again.data.syncId : "");
    expect(await row(again.ok ? again.data.syncId : "")).toMatchObject({ status: "succeeded" });
  });

  it("a run whose server stopped mid-sync is failed cleanly, changes nothing and blocks nothing", async () => {
    actAs(admin);
    await stopAutomationWorker();
    const { syncId } = await createSync(admin, warehouse);
    // Its server took it, then died: the row says running, and no heartbeat comes any more.
    await db.sql(`UPDATE "IntegrationSync" SET status = 'running', phase = 'Applying 90 items', "startedAt" = now() - interval '10 minutes', "heartbeatAt" = now() - interval '10 minutes' WHERE id = $1`, [syncId]);
    const before = await resources();
    // Another server's worker (its start, or its minute tick) records what happened.
    await startAutomationWorker({ schedule: false, pollSeconds: 0.5 });
    await tick();
    expect(await row(syncId)).toMatchObject({ status: "failed", error: INTERRUPTED });
    expect((await row(syncId)).finishedAt).not.toBeNull();
    expect((await api("GET", `/integrations/${warehouse}/runs/${syncId}`, { token })).body).toMatchObject({ status: "failed", error: INTERRUPTED });
    expect(await resources()).toEqual(before);
    const next = await syncIntegration({ integrationId: warehouse });
    expect(next.ok).toBe(true);
    await waitForSync(next.ok ? next.data.syncId : "");
    expect(await row(next.ok ? next.data.syncId : "")).toMatchObject({ status: "succeeded" });
  });

  it("a run taken by a live worker is not taken twice: a duplicate job leaves it alone", async () => {
    actAs(admin);
    const { processSync } = await import("@/lib/integrations/sync");
    const { syncId } = await createSync(admin, warehouse);
    await db.sql(`UPDATE "IntegrationSync" SET status = 'running', "startedAt" = now(), "heartbeatAt" = now() WHERE id = $1`, [syncId]);
    expect(await processSync(syncId)).toEqual([]);
    expect(await row(syncId)).toMatchObject({ status: "running", finishedAt: null });
    expect(await syncIntegration({ integrationId: warehouse })).toEqual({ ok: false, error: "A sync of this integration is already running." });
    await db.sql(`UPDATE "IntegrationSync" SET status = 'failed', "finishedAt" = now() WHERE id = $1`, [syncId]);
  });
});

describe.skipIf(db.engine !== "postgres")("two app servers (two pools on one PostgreSQL)", () => {
  let a: Connection;
  let b: Connection;
  const on = <T,>(conn: Connection, fn: () => Promise<T>): Promise<T> => {
    // The access layer takes the process's connection when a call begins: each call here starts on its server's pool.
    setConnection(conn);
    return fn();
  };
  afterAll(async () => {
    setConnection(a);
    await b?.close();
  });

  it("two servers adding a sync of one integration at once: exactly one run, the other is refused", async () => {
    actAs(admin);
    await stopAutomationWorker();
    a = db.conn;
    b = await connect({ url: db.conn.url! });
    // A third session holds the integration's row, so both servers' transactions are in flight at the same moment.
    const holder = await db.otherConnection();
    await holder.query("BEGIN");
    await holder.query(`SELECT 1 FROM "Integration" WHERE "resourceId" = $1 FOR UPDATE`, [warehouse]);
    const fromA = on(a, () => createSync(admin, warehouse)).then((r) => r, (e: Error) => e);
    const fromB = on(b, () => createSync(admin, warehouse)).then((r) => r, (e: Error) => e);
    setConnection(a);
    await new Promise((r) => setTimeout(r, 500));
    await holder.query("COMMIT");
    holder.release();
    const outcomes = await Promise.all([fromA, fromB]);
    const created = outcomes.filter((o): o is { syncId: string } => !(o instanceof Error));
    const refused = outcomes.filter((o): o is Error => o instanceof Error);
    expect(created).toHaveLength(1);
    expect(refused.map((e) => e.message)).toEqual(["A sync of this integration is already running."]);
    expect(await db.sql(`SELECT id FROM "IntegrationSync" WHERE "integrationId" = $1 AND status IN ('queued', 'running')`, [warehouse])).toEqual([{ id: created[0].syncId }]);

    // A worker takes the run; server A reads its end from the row, through the console's query and the API.
    await on(b, () => startAutomationWorker({ schedule: false, pollSeconds: 0.5, syncStaleMs: 0 }));
    setConnection(a);
    await waitForSync(created[0].syncId);
    expect(await on(a, () => getSyncRun(admin, warehouse, created[0].syncId))).toMatchObject({ status: "succeeded", phase: "Done" });
    const viaA = await on(a, () => api("GET", `/integrations/${warehouse}/runs/${created[0].syncId}`, { token }));
    expect(viaA.body).toMatchObject({ status: "succeeded" });
    await stopAutomationWorker();
    setConnection(a);
  });
});
