import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { NotFoundError, UserError } from "@/lib/actions/authorized";
import { recordAudit } from "@/lib/audit/record";
import { SourceError } from "./catalog-reader";
import { readSourceCatalog, type IntegrationSource } from "./source";
import { onSyncSucceeded } from "@/lib/automations/queue";

import { applyCatalog } from "./apply-catalog";

export { applyCatalog, type SyncCounts } from "./apply-catalog";

type Running = Map<string, Promise<void>>;
const running: Running = ((globalThis as { __enclaveSyncs?: Running }).__enclaveSyncs ??= new Map());

/** Waits for a background sync started in this process (tests, scripts). */
export async function waitForSync(syncId: string): Promise<void> {
  await running.get(syncId);
}

export const STALE_MS = 30 * 60_000;

/** Records a new sync run and starts it in the background; returns its id at once. */
export async function startSync(viewer: Viewer, integrationId: string): Promise<{ syncId: string }> {
  const { syncId, source, name } = await withViewer(viewer, async (tx) => {
    const integration = await tx.integration.findFirst({
      where: { workspaceId: viewer.workspaceId, resourceId: integrationId },
      select: { kind: true, secret: true, config: true, resource: { select: { name: true } } },
    });
    if (!integration) throw new NotFoundError();
    const busy = await tx.integrationSync.findFirst({
      where: { workspaceId: viewer.workspaceId, integrationId, status: "running", createdAt: { gt: new Date(Date.now() - STALE_MS) } },
      select: { id: true },
    });
    if (busy) throw new UserError("A sync of this integration is already running.");
    const run = await tx.integrationSync.create({ data: { workspaceId: viewer.workspaceId, integrationId, startedById: viewer.userId, phase: "Connecting" } });
    return { syncId: run.id, source: { kind: integration.kind, secret: integration.secret, config: integration.config }, name: integration.resource.name };
  });
  const job = runSync(viewer, syncId, integrationId, name, source).finally(() => running.delete(syncId));
  running.set(syncId, job);
  return { syncId };
}

async function progress(viewer: Viewer, syncId: string, data: Prisma.IntegrationSyncUpdateInput) {
  await withViewer(viewer, (tx) => tx.integrationSync.update({ where: { id: syncId }, data }));
}

async function runSync(viewer: Viewer, syncId: string, integrationId: string, name: string, source: IntegrationSource): Promise<void> {
  try {
    await progress(viewer, syncId, { phase: "Reading the server's catalog" });
    const nodes = await readSourceCatalog(source);
    await progress(viewer, syncId, { phase: `Applying ${nodes.length.toLocaleString("en-US")} items`, found: nodes.length });
    await withViewer(
      viewer,
      async (tx) => {
        const counts = await applyCatalog(tx, viewer, integrationId, nodes);
        await tx.integrationSync.update({ where: { id: syncId }, data: { ...counts, status: "succeeded", phase: "Done", finishedAt: new Date() } });
        await recordAudit(tx, viewer, { action: "integration.synced", targetType: "integration", targetId: integrationId, targetName: name, after: { ...counts, found: nodes.length } });
      },
      { timeout: 15 * 60_000 },
    );
    // Automations triggered "after each sync" of this integration: queued once the new resources are committed.
    await onSyncSucceeded(viewer.workspaceId, integrationId).catch((err) => console.error("[sync] automations:", err));
  } catch (e) {
    const message = e instanceof SourceError || e instanceof UserError ? e.message : "The sync failed. Nothing was changed.";
    if (!(e instanceof SourceError)) console.error("[sync]", e);
    await progress(viewer, syncId, { status: "failed", phase: "Failed", error: message, finishedAt: new Date() }).catch((err) => console.error("[sync]", err));
  }
}
