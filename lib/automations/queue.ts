import "server-only";
import PgBoss from "pg-boss";
import type { PGlite } from "@electric-sql/pglite";
import { ownerConnection } from "@/lib/db/owner";
import { processRun, staleRuns, type ProcessOptions } from "./runner";
import { queueDueSchedules } from "./triggers";
import { processSync, recoverSyncs } from "@/lib/integrations/sync";

/**
 * Background work (automation runs and integration syncs) goes through pg-boss, a PostgreSQL-backed job queue. On a PostgreSQL server it opens its own
 * small pool; on the embedded PGlite it talks to the same in-process instance through pg-boss's `db` option
 * (executeSql): parameterised statements go to PGlite's query(), and pg-boss's parameterless multi-statement
 * blocks (schema creation, locked maintenance) to exec(), whose results are flattened like node-postgres's.
 *
 * A job only names a run: the run row holds the cursor and counts, so a job that is retried, duplicated or
 * picked up after a crash continues where the last committed batch left off (see processRun). A sync job names an
 * IntegrationSync row, which the worker that takes it claims (lib/integrations/sync.ts).
 */
export const RUN_QUEUE = "automation-run";
export const SYNC_QUEUE = "integration-sync";
export const TICK_QUEUE = "automation-tick";

type State = { boss: PgBoss; started: Promise<void>; stopped: boolean; options: WorkerOptions };
const g = globalThis as unknown as { __enclaveBoss?: State };

export type WorkerOptions = {
  /** How long a queued/running run may go without a heartbeat before another worker resumes it. */
  staleMs?: number;
  /** How long a running sync may go without a heartbeat before it counts as interrupted (lib/integrations/sync.ts). */
  syncStaleMs?: number;
  /** Polling interval of the run and sync queues. */
  pollSeconds?: number;
  /** Passed to processRun (tests: crash after a batch). */
  process?: ProcessOptions;
  /** Schedule the minute tick (scheduled automations, stale runs). Off in tests, which call tick() themselves. */
  schedule?: boolean;
};

function pgliteDb(lite: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length) return lite.query(text, values as unknown[]);
      const results = await lite.exec(text);
      return { rows: results.flatMap((r) => r.rows ?? []) };
    },
  };
}

export function workerRunning(): boolean {
  return !!g.__enclaveBoss && !g.__enclaveBoss.stopped;
}

/** Starts the queue and its workers once per process (the server's instrumentation; tests explicitly). */
export async function startAutomationWorker(options: WorkerOptions = {}): Promise<void> {
  if (g.__enclaveBoss && !g.__enclaveBoss.stopped) return g.__enclaveBoss.started;
  const conn = await ownerConnection("job-queue");
  const boss =
    conn.engine === "pglite"
      ? new PgBoss({ db: pgliteDb(conn.pglite!), schema: "pgboss", migrate: true, supervise: true, schedule: options.schedule ?? true })
      : new PgBoss({ connectionString: conn.url!, max: 3, schema: "pgboss", supervise: true, schedule: options.schedule ?? true });
  boss.on("error", (e) => console.error("[automations] queue:", e.message));
  const state: State = { boss, stopped: false, options, started: Promise.resolve() };
  g.__enclaveBoss = state;
  state.started = (async () => {
    await boss.start();
    await boss.createQueue(RUN_QUEUE);
    await boss.createQueue(TICK_QUEUE);
    await boss.createQueue(SYNC_QUEUE);
    await boss.work<{ runId: string }>(RUN_QUEUE, { pollingIntervalSeconds: options.pollSeconds ?? 1, batchSize: 1 }, async ([job]) => {
      await processRun(job.data.runId, options.process);
    });
    // A sync may take minutes: two at a time per server, each a job of its own (one per integration at a time).
    await boss.work<{ syncId: string }>(SYNC_QUEUE, { pollingIntervalSeconds: options.pollSeconds ?? 1, batchSize: 1 }, async ([job]) => {
      for (const id of await processSync(job.data.syncId)) await enqueueRun(id);
    });
    await boss.work(TICK_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      await tick();
    });
    if (options.schedule ?? true) await boss.schedule(TICK_QUEUE, "* * * * *", {}, { tz: "UTC" });
    // On the embedded database this is the only process (the folder is locked), so every unfinished run
    // belongs to a worker that is gone: resume them now. On a server, only runs silent for staleMs.
    await resumeStale(conn.engine === "pglite" ? 0 : (options.staleMs ?? 120_000), boss);
    for (const id of await recoverSyncs(conn.engine === "pglite" ? 0 : options.syncStaleMs)) await sendSync(boss, id);
  })();
  try {
    await state.started;
  } catch (e) {
    state.stopped = true;
    throw e;
  }
}

export async function stopAutomationWorker(): Promise<void> {
  const s = g.__enclaveBoss;
  if (!s || s.stopped) return;
  s.stopped = true;
  await s.started.catch(() => undefined);
  await s.boss.stop({ graceful: false, wait: true, close: true, timeout: 5000 }).catch(() => undefined);
  g.__enclaveBoss = undefined;
}

/** Puts a run on the queue. Without a worker in this process (scripts), the run waits for the next one. */
export async function enqueueRun(runId: string): Promise<void> {
  const s = g.__enclaveBoss;
  if (!s || s.stopped) return;
  await s.started;
  await send(s.boss, runId);
}

/** Puts a queued sync on the queue; without a worker in this process, a worker elsewhere re-sends it (recoverSyncs). */
export async function enqueueSync(syncId: string): Promise<void> {
  const s = g.__enclaveBoss;
  if (!s || s.stopped) return;
  await s.started;
  await sendSync(s.boss, syncId);
}

// A sync is not retried by the queue: a failed run says why on its row, and a lost one is recovered from the row.
const sendSync = (boss: PgBoss, syncId: string) => boss.send(SYNC_QUEUE, { syncId }, { retryLimit: 0, expireInSeconds: 60 * 60 });

const send = (boss: PgBoss, runId: string) => boss.send(RUN_QUEUE, { runId }, { retryLimit: 10, retryDelay: 2, retryBackoff: true, expireInSeconds: 60 * 60 });

async function resumeStale(staleMs: number, boss?: PgBoss): Promise<void> {
  const b = boss ?? g.__enclaveBoss?.boss;
  if (!b) return;
  for (const id of await staleRuns(staleMs)) await send(b, id);
}

/** The minute tick: queue due scheduled automations, resume runs whose worker is gone, recover lost syncs. */
export async function tick(now: Date = new Date()): Promise<void> {
  for (const id of await queueDueSchedules(now)) await enqueueRun(id);
  await resumeStale(g.__enclaveBoss?.options.staleMs ?? 120_000);
  for (const id of await recoverSyncs(g.__enclaveBoss?.options.syncStaleMs)) await enqueueSync(id);
}
