import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { NotFoundError, UserError } from "@/lib/actions/authorized";
import { recordAudit } from "@/lib/audit/record";
import { decryptSecret } from "./crypto";
import { readPostgresCatalog, SourceError, type CatalogNode } from "./postgres";
import { onSyncSucceeded } from "@/lib/automations/queue";

export type SyncCounts = { added: number; updated: number; removed: number };

const LEVEL: Record<CatalogNode["type"], number> = { DATABASE: 0, SCHEMA: 1, TABLE: 2, VIEW: 2, COLUMN: 3 };

function metaOf(n: CatalogNode): Record<string, string | number | boolean> {
  return { ...n.meta, comment: n.comment };
}

// jsonb reorders keys: compare with sorted keys.
const canon = (o: Record<string, unknown>) => JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
const same = (a: Record<string, unknown>, b: Record<string, unknown>) => canon(a) === canon(b);

/**
 * Brings the resources under an integration in line with what was read, matching on externalKey: adds what is
 * new, updates what changed (type, column facts, a description that still is the source's comment), marks what
 * vanished as removed, and leaves ids — so assignments and edited descriptions — of what remains untouched.
 */
export async function applyCatalog(tx: Tx, viewer: Viewer, integrationId: string, nodes: CatalogNode[]): Promise<SyncCounts> {
  const ws = viewer.workspaceId;
  const T = process.env.ENCLAVE_SYNC_TRACE ? (l: string) => console.log(`[sync] ${l} ${Math.round(performance.now())}`) : () => undefined;
  T("start");
  const existing = await tx.resource.findMany({
    where: { workspaceId: ws, path: { has: integrationId }, externalKey: { not: null } },
    select: { id: true, externalKey: true, type: true, parentId: true, description: true, meta: true, removedAt: true },
  });
  T("existing read");
  const byKey = new Map(existing.map((r) => [r.externalKey!, r]));
  const idOf = new Map<string, string>();
  for (const r of existing) idOf.set(r.externalKey!, r.id);

  const inserts: Prisma.ResourceCreateManyInput[][] = [[], [], [], []];
  let updated = 0;
  const seen = new Set<string>();
  for (const n of nodes) {
    if (seen.has(n.key)) continue;
    seen.add(n.key);
    const parentId = n.parentKey ? idOf.get(n.parentKey) : integrationId;
    if (!parentId) continue; // a child whose parent was not read (cannot happen with a consistent read)
    const meta = metaOf(n);
    const old = byKey.get(n.key);
    if (!old) {
      const id = crypto.randomUUID();
      idOf.set(n.key, id);
      inserts[LEVEL[n.type]].push({ id, workspaceId: ws, type: n.type, name: n.name, description: n.comment, parentId, externalKey: n.key, meta });
      continue;
    }
    const oldMeta = (old.meta ?? {}) as Record<string, unknown>;
    const data: Prisma.ResourceUpdateInput = {};
    if (old.type !== n.type) data.type = n.type;
    if (!same(oldMeta, meta)) data.meta = meta;
    if (old.removedAt) data.removedAt = null;
    // A description nobody edited follows the source's comment; an edited one is kept.
    const oldComment = typeof oldMeta.comment === "string" ? oldMeta.comment : "";
    if (old.description === oldComment && n.comment !== oldComment) data.description = n.comment;
    if (Object.keys(data).length) {
      await tx.resource.update({ where: { id: old.id }, data });
      updated++;
    }
  }
  T("diffed");
  await tx.$executeRawUnsafe("SET LOCAL plan_cache_mode = force_custom_plan");
  let added = 0;
  // One INSERT … SELECT FROM unnest(…) per chunk: Prisma's createMany costs far more per row at this scale.
  // The path trigger computes each row's path from its parent, inserted in an earlier level.
  for (const level of inserts) {
    for (let i = 0; i < level.length; i += 5000) {
      const chunk = level.slice(i, i + 5000);
      added += await tx.$executeRawUnsafe(
        `INSERT INTO "Resource" (id, "workspaceId", type, name, description, "parentId", "externalKey", meta, "updatedAt")
         SELECT u.id, $1::uuid, u.type::"ResourceType", u.name, u.description, u.parent, u.key, u.meta, now()
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::jsonb[]) AS u(id, type, name, description, parent, key, meta)`,
        ws,
        chunk.map((r) => r.id),
        chunk.map((r) => r.type),
        chunk.map((r) => r.name),
        chunk.map((r) => r.description ?? ""),
        chunk.map((r) => r.parentId),
        chunk.map((r) => r.externalKey),
        chunk.map((r) => JSON.stringify(r.meta)),
      );
    }
  }
  T("inserted");
  const gone = existing.filter((r) => !seen.has(r.externalKey!) && !r.removedAt).map((r) => r.id);
  let removed = 0;
  for (let i = 0; i < gone.length; i += 5000) {
    removed += (await tx.resource.updateMany({ where: { workspaceId: ws, id: { in: gone.slice(i, i + 5000) } }, data: { removedAt: new Date() } })).count;
  }
  await tx.resource.update({ where: { id: integrationId }, data: { removedAt: null } });
  return { added, updated, removed };
}

type Running = Map<string, Promise<void>>;
const running: Running = ((globalThis as { __enclaveSyncs?: Running }).__enclaveSyncs ??= new Map());

/** Waits for a background sync started in this process (tests, scripts). */
export async function waitForSync(syncId: string): Promise<void> {
  await running.get(syncId);
}

export const STALE_MS = 30 * 60_000;

/** Records a new sync run and starts it in the background; returns its id at once. */
export async function startSync(viewer: Viewer, integrationId: string): Promise<{ syncId: string }> {
  const { syncId, secret, name } = await withViewer(viewer, async (tx) => {
    const integration = await tx.integration.findFirst({
      where: { workspaceId: viewer.workspaceId, resourceId: integrationId },
      select: { secret: true, resource: { select: { name: true } } },
    });
    if (!integration) throw new NotFoundError();
    const busy = await tx.integrationSync.findFirst({
      where: { workspaceId: viewer.workspaceId, integrationId, status: "running", createdAt: { gt: new Date(Date.now() - STALE_MS) } },
      select: { id: true },
    });
    if (busy) throw new UserError("A sync of this integration is already running.");
    const run = await tx.integrationSync.create({ data: { workspaceId: viewer.workspaceId, integrationId, startedById: viewer.userId, phase: "Connecting" } });
    return { syncId: run.id, secret: integration.secret, name: integration.resource.name };
  });
  const job = runSync(viewer, syncId, integrationId, name, secret).finally(() => running.delete(syncId));
  running.set(syncId, job);
  return { syncId };
}

async function progress(viewer: Viewer, syncId: string, data: Prisma.IntegrationSyncUpdateInput) {
  await withViewer(viewer, (tx) => tx.integrationSync.update({ where: { id: syncId }, data }));
}

async function runSync(viewer: Viewer, syncId: string, integrationId: string, name: string, secret: string): Promise<void> {
  try {
    let connectionString: string;
    try {
      connectionString = decryptSecret(secret);
    } catch {
      throw new SourceError("The stored connection string cannot be decrypted with this server's encryption key.");
    }
    await progress(viewer, syncId, { phase: "Reading the server's catalog" });
    const nodes = await readPostgresCatalog(connectionString);
    await progress(viewer, syncId, { phase: `Applying ${nodes.length.toLocaleString("en-US")} items`, found: nodes.length });
    await withViewer(
      viewer,
      async (tx) => {
        const counts = await applyCatalog(tx, viewer, integrationId, nodes);
        await tx.integrationSync.update({ where: { id: syncId }, data: { ...counts, status: "succeeded", phase: "Done", finishedAt: new Date() } });
        await recordAudit(tx, viewer, { action: "integration.sync", targetType: "integration", targetId: integrationId, targetName: name, after: { ...counts, found: nodes.length } });
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
