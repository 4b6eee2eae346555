// Applies a catalog read to the resources under an integration. Not marked server-only because the seed, a
// plain script, ingests the demo warehouse through it too (the same code path as every sync).
import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/scoped";
import { edgeKey, replaceEdges, type EdgeCounts } from "@/lib/lineage/replace-edges";
import type { CatalogNode } from "./catalog-reader";

export type SyncCounts = { added: number; updated: number; removed: number };

const LEVEL: Record<CatalogNode["type"], number> = { DATABASE: 0, SCHEMA: 1, TABLE: 2, VIEW: 2, COLUMN: 3 };

function metaOf(n: CatalogNode): Record<string, string | number | boolean> {
  return { ...n.meta, comment: n.comment };
}

// jsonb reorders keys: compare with sorted keys.
const canon = (o: Record<string, unknown>) => JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
const same = (a: Record<string, unknown>, b: Record<string, unknown>) => canon(a) === canon(b);
// Estimates that move with the data, not with the catalog: kept fresh, never counted as an update.
const STATS = ["rowEstimate", "sizeBytes"];
const withoutStats = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !STATS.includes(k)));

/**
 * Brings the resources under an integration in line with what was read, matching on externalKey: adds what is
 * new, updates what changed (type, column facts, a description that still is the source's comment), marks what
 * vanished as removed, and leaves ids — so assignments and edited descriptions — of what remains untouched.
 */
export async function applyCatalog(tx: Tx, viewer: { workspaceId: string }, integrationId: string, nodes: CatalogNode[]): Promise<SyncCounts> {
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
    // What a dbt import added (lib/dbt/import.ts) is not the database's to take away.
    const oldDbt = (old?.meta as { dbt?: unknown } | undefined)?.dbt;
    if (oldDbt !== undefined) meta.dbt = oldDbt as never;
    if (!old) {
      const id = crypto.randomUUID();
      idOf.set(n.key, id);
      inserts[LEVEL[n.type]].push({ id, workspaceId: ws, type: n.type, name: n.name, description: n.comment, parentId, externalKey: n.key, meta });
      continue;
    }
    const oldMeta = (old.meta ?? {}) as Record<string, unknown>;
    const data: Prisma.ResourceUpdateInput = {};
    if (old.type !== n.type) data.type = n.type;
    if (!same(withoutStats(oldMeta), withoutStats(meta))) data.meta = meta;
    if (old.removedAt) data.removedAt = null;
    // A description nobody edited follows the source's comment; an edited one is kept.
    const oldComment = typeof oldMeta.comment === "string" ? oldMeta.comment : "";
    if (old.description === oldComment && n.comment !== oldComment) data.description = n.comment;
    if (Object.keys(data).length) {
      await tx.resource.update({ where: { id: old.id }, data });
      updated++;
    } else if (!same(oldMeta, meta)) {
      await tx.resource.update({ where: { id: old.id }, data: { meta } });
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
  await applyViewLineage(tx, ws, integrationId, nodes, idOf, seen);
  T("lineage");
  await applyReferences(tx, ws, integrationId, nodes, idOf, seen);
  T("references");
  return { added, updated, removed };
}


/**
 * The integration's `view` edges follow what was read, like its resources: an edge from each relation (column) a
 * view (view column) is computed from, to it. Edges no longer read are deleted (a dropped view takes its edges
 * along); others are kept as they are. Edges of other kinds and of other integrations are left alone.
 */
export async function applyViewLineage(tx: Tx, ws: string, integrationId: string, nodes: CatalogNode[], idOf: Map<string, string>, seen: Set<string>): Promise<EdgeCounts> {
  const want = new Map<string, { fromId: string; toId: string }>();
  for (const n of nodes) {
    const toId = idOf.get(n.key);
    if (!toId || !n.dependsOn) continue;
    for (const dep of n.dependsOn) {
      const fromId = seen.has(dep) ? idOf.get(dep) : undefined;
      if (fromId && fromId !== toId) want.set(edgeKey(fromId, toId), { fromId, toId });
    }
  }
  return replaceEdges(tx, ws, { kind: "view", integrationId, source: "pg_depend" }, want);
}


/**
 * The integration's foreign keys follow what was read, like its view edges: one row per (table, constraint name);
 * a key that changed its target or columns is updated, one no longer read is deleted (a dropped table or
 * constraint takes it along). Rows of other integrations are left alone.
 */
export async function applyReferences(tx: Tx, ws: string, integrationId: string, nodes: CatalogNode[], idOf: Map<string, string>, seen: Set<string>): Promise<EdgeCounts> {
  type Want = { fromId: string; toId: string; name: string; columns: string; refColumns: string };
  const want = new Map<string, Want>();
  for (const n of nodes) {
    const fromId = idOf.get(n.key);
    if (!fromId || !n.references) continue;
    for (const r of n.references) {
      const toId = seen.has(r.toKey) ? idOf.get(r.toKey) : undefined;
      if (toId) want.set(`${fromId}>${r.name}`, { fromId, toId, name: r.name, columns: r.columns, refColumns: r.refColumns });
    }
  }
  const have = await tx.resourceReference.findMany({ where: { workspaceId: ws, integrationId }, select: { id: true, fromId: true, toId: true, name: true, columns: true, refColumns: true } });
  const stale: string[] = [];
  let kept = 0;
  for (const h of have) {
    const w = want.get(`${h.fromId}>${h.name}`);
    if (!w) {
      stale.push(h.id);
      continue;
    }
    want.delete(`${h.fromId}>${h.name}`);
    if (w.toId !== h.toId || w.columns !== h.columns || w.refColumns !== h.refColumns) {
      await tx.resourceReference.update({ where: { id: h.id }, data: { toId: w.toId, columns: w.columns, refColumns: w.refColumns } });
    } else kept++;
  }
  for (let i = 0; i < stale.length; i += 5000) await tx.resourceReference.deleteMany({ where: { workspaceId: ws, id: { in: stale.slice(i, i + 5000) } } });
  const fresh = [...want.values()];
  for (let i = 0; i < fresh.length; i += 5000) {
    await tx.resourceReference.createMany({ data: fresh.slice(i, i + 5000).map((r) => ({ workspaceId: ws, integrationId, ...r })), skipDuplicates: true });
  }
  return { added: fresh.length, removed: stale.length, kept };
}
