import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { resolveTokenOwner } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { ownerDb } from "@/lib/db/owner";
import { can } from "@/lib/policy";
import { NotFoundError, UserError } from "@/lib/actions/authorized";
import { recordAudit } from "@/lib/audit/record";
import { queueAfterSync } from "@/lib/automations/triggers";
import { SourceError } from "./catalog-reader";
import { readSourceCatalog } from "./source";
import { applyCatalog } from "./apply-catalog";

export { applyCatalog, type SyncCounts } from "./apply-catalog";

// Syncs are background work like automation runs: the action records a queued run row and puts its id on the job
// queue (lib/automations/queue.ts); whichever server's worker takes the job claims the row, works it and writes
// its phase, counts, error and times there. The row is the truth every server reads: a restart or a second app
// server never depends on this process's memory. One sync per integration is queued or running at a time (the
// integration's row is locked while a run is added), and a run whose worker stopped (no heartbeat for STALE_MS)
// is failed cleanly: its catalog is applied in one transaction, so an interrupted run changed nothing.

/** How often the worker holding a run says it is alive. */
export const HEARTBEAT_MS = 5_000;
/** A run with no heartbeat for this long has lost its worker (a restart, a crash). */
export const STALE_MS = 2 * 60_000;
export const INTERRUPTED = "The sync was interrupted (the server stopped).";

type Active = { id: string; status: string; lastSign: Date };

/** The moment a run last showed life: its heartbeat, else when a worker took it, else when it was queued. */
export function lastSign(r: { heartbeatAt: Date | null; startedAt: Date | null; createdAt: Date }): Date {
  return r.heartbeatAt ?? r.startedAt ?? r.createdAt;
}

/** Whether a running run's worker is gone. A queued run is not stale: it waits for a worker (and is re-sent). */
export function isInterrupted(r: { status: string; heartbeatAt: Date | null; startedAt: Date | null; createdAt: Date }, now = Date.now()): boolean {
  return r.status === "running" && now - lastSign(r).getTime() > STALE_MS;
}

/**
 * Records a queued sync run of the integration and returns its id; the caller puts it on the queue once this has
 * committed (enqueueSync). Refused while another run of the integration is queued or running on any server; a
 * running one whose worker is gone is recorded as interrupted first, so it never blocks the next.
 */
export async function createSync(viewer: Viewer, integrationId: string): Promise<{ syncId: string }> {
  return withViewer(viewer, async (tx) => {
    // The lock serialises two servers adding a run of one integration: the second waits, then sees the first's run.
    const [integration] = await tx.$queryRaw<{ resourceId: string }[]>`
      SELECT "resourceId" FROM "Integration" WHERE "workspaceId" = ${viewer.workspaceId}::uuid AND "resourceId" = ${integrationId}::uuid FOR UPDATE`;
    if (!integration) throw new NotFoundError();
    const active = await tx.integrationSync.findMany({
      where: { workspaceId: viewer.workspaceId, integrationId, status: { in: ["queued", "running"] } },
      select: { id: true, status: true, heartbeatAt: true, startedAt: true, createdAt: true },
    });
    const live: Active[] = [];
    for (const r of active) {
      if (isInterrupted(r)) {
        await tx.integrationSync.update({ where: { id: r.id }, data: { status: "failed", phase: "Failed", error: INTERRUPTED, finishedAt: new Date() } });
      } else live.push({ id: r.id, status: r.status, lastSign: lastSign(r) });
    }
    if (live.length) throw new UserError("A sync of this integration is already running.");
    const run = await tx.integrationSync.create({
      data: { workspaceId: viewer.workspaceId, integrationId, startedById: viewer.userId, status: "queued", phase: "Waiting for a worker", heartbeatAt: new Date() },
      select: { id: true },
    });
    return { syncId: run.id };
  });
}

type Claimed = { id: string; workspaceId: string; integrationId: string; startedById: string | null };

/**
 * Works one queued run to its end; returns the automation runs its success queued (after-sync triggers), for the
 * caller to put on the queue. A job delivered twice, or a run another worker holds or finished, is left alone:
 * only the worker whose update moved the row from queued to running works it.
 */
export async function processSync(syncId: string): Promise<string[]> {
  const prisma = await ownerDb("sync-worker");
  const [run] = await prisma.$queryRaw<Claimed[]>`
    UPDATE "IntegrationSync" SET status = 'running', phase = 'Connecting', "startedAt" = now(), "heartbeatAt" = now()
     WHERE id = ${syncId}::uuid AND status = 'queued'
     RETURNING id, "workspaceId", "integrationId", "startedById"`;
  if (!run) return [];
  const beat = setInterval(() => {
    prisma.$executeRaw`UPDATE "IntegrationSync" SET "heartbeatAt" = now() WHERE id = ${syncId}::uuid AND status = 'running'`.catch(() => undefined);
  }, HEARTBEAT_MS);
  try {
    return await work(run);
  } finally {
    clearInterval(beat);
  }
}

class Superseded extends Error {}

async function work(run: Claimed): Promise<string[]> {
  const prisma = await ownerDb("sync-worker");
  const finish = (data: { status: "failed"; error: string }) =>
    prisma.integrationSync.updateMany({ where: { id: run.id, status: "running" }, data: { ...data, phase: "Failed", finishedAt: new Date(), heartbeatAt: new Date() } });
  // The worker acts as the admin who started the run, as they are now: one demoted or deactivated since is refused.
  const viewer = run.startedById ? await resolveTokenOwner(prisma, run.startedById) : null;
  if (!viewer || viewer.workspaceId !== run.workspaceId || !can(viewer.role, "integrations.manage")) {
    await finish({ status: "failed", error: "The admin who started this sync is no longer an active admin of the workspace. An admin can sync again." });
    return [];
  }
  const progress = (data: { phase: string; found?: number }) =>
    prisma.integrationSync.updateMany({ where: { id: run.id, status: "running" }, data: { ...data, heartbeatAt: new Date() } });
  try {
    const { source, name } = await withViewer(viewer, async (tx) => {
      const i = await tx.integration.findFirst({
        where: { workspaceId: viewer.workspaceId, resourceId: run.integrationId },
        select: { kind: true, secret: true, config: true, resource: { select: { name: true } } },
      });
      if (!i) throw new UserError("The integration no longer exists.");
      return { source: { kind: i.kind, secret: i.secret, config: i.config }, name: i.resource.name };
    });
    await progress({ phase: "Reading the server's catalog" });
    const nodes = await readSourceCatalog(source);
    await progress({ phase: `Applying ${nodes.length.toLocaleString("en-US")} items`, found: nodes.length });
    await withViewer(
      viewer,
      async (tx) => {
        const counts = await applyCatalog(tx, viewer, run.integrationId, nodes);
        // Committed only if the run is still this worker's: one recorded as interrupted meanwhile rolls back.
        const done = await tx.integrationSync.updateMany({ where: { id: run.id, status: "running" }, data: { ...counts, status: "succeeded", phase: "Done", finishedAt: new Date() } });
        if (!done.count) throw new Superseded();
        await recordAudit(tx, viewer, { action: "integration.synced", targetType: "integration", targetId: run.integrationId, targetName: name, after: { ...counts, found: nodes.length } });
      },
      { timeout: 15 * 60_000 },
    );
  } catch (e) {
    if (e instanceof Superseded) return [];
    const message = e instanceof SourceError || e instanceof UserError ? e.message : "The sync failed. Nothing was changed.";
    if (!(e instanceof SourceError)) console.error("[sync]", e);
    await finish({ status: "failed", error: message }).catch((err) => console.error("[sync]", err));
    return [];
  }
  // Automations triggered "after each sync" of this integration: queued once the new resources are committed.
  return queueAfterSync(run.workspaceId, run.integrationId).catch((err) => {
    console.error("[sync] automations:", err);
    return [];
  });
}

/**
 * The runs a worker must look after: running ones whose worker is gone are failed (nothing of theirs was
 * committed), and queued ones nobody took (queued on a server without a worker, or lost) are returned to be sent
 * again. staleMs 0 (the embedded database at start: its one process is this one) takes every unfinished run.
 */
export async function recoverSyncs(staleMs = STALE_MS): Promise<string[]> {
  const prisma = await ownerDb("sync-worker");
  await prisma.$executeRaw`
    UPDATE "IntegrationSync" SET status = 'failed', phase = 'Failed', error = ${INTERRUPTED}, "finishedAt" = now()
     WHERE status = 'running' AND coalesce("heartbeatAt", "startedAt", "createdAt") <= now() - make_interval(secs => ${staleMs / 1000})`;
  const queued = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "IntegrationSync" SET "heartbeatAt" = now()
     WHERE status = 'queued' AND coalesce("heartbeatAt", "createdAt") <= now() - make_interval(secs => ${staleMs / 1000})
     RETURNING id`;
  return queued.map((r) => r.id);
}

/** Waits until a run has finished (tests, scripts): the row is the truth, whichever server works it. */
export async function waitForSync(syncId: string, timeoutMs = 60_000): Promise<void> {
  const prisma = await ownerDb("sync-worker");
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await prisma.integrationSync.findUnique({ where: { id: syncId }, select: { status: true } });
    if (!r || r.status === "succeeded" || r.status === "failed") return;
    if (Date.now() > until) throw new Error(`sync ${syncId} still ${r.status}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}
