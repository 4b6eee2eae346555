// Not marked server-only: the seed, a plain script, syncs the demo warehouse and imports its manifest through
// the same code (lib/integrations/apply-catalog.ts, lib/dbt/import.ts).
import type { Tx } from "@/lib/db/scoped";

/** Which edges one source owns: a kind, and for a warehouse's edges its integration. */
export type EdgeOwner = { kind: "view" | "dbt"; integrationId?: string; source: string; createdById?: string | null };

export type EdgeCounts = { added: number; removed: number; kept: number };

const BATCH = 5000;

/**
 * Makes one source's edges exactly `want` (from → to pairs): edges it owns that are no longer wanted are deleted,
 * wanted ones it lacks are created, the others are kept as they are (their ids and history stay). Edges of other
 * kinds, and of other integrations, are left alone. Both the warehouse sync and the dbt import re-state their
 * whole lineage this way on every run.
 */
export async function replaceEdges(tx: Tx, ws: string, owner: EdgeOwner, want: Map<string, { fromId: string; toId: string }>): Promise<EdgeCounts> {
  const mine = { workspaceId: ws, kind: owner.kind, ...(owner.integrationId ? { integrationId: owner.integrationId } : {}) };
  const have = await tx.lineageEdge.findMany({ where: mine, select: { id: true, fromId: true, toId: true } });
  const todo = new Map(want);
  const stale = have.filter((e) => !todo.has(`${e.fromId}>${e.toId}`)).map((e) => e.id);
  for (const e of have) todo.delete(`${e.fromId}>${e.toId}`);
  for (let i = 0; i < stale.length; i += BATCH) await tx.lineageEdge.deleteMany({ where: { workspaceId: ws, id: { in: stale.slice(i, i + BATCH) } } });
  const fresh = [...todo.values()];
  for (let i = 0; i < fresh.length; i += BATCH) {
    await tx.lineageEdge.createMany({
      data: fresh.slice(i, i + BATCH).map((e) => ({ ...mine, fromId: e.fromId, toId: e.toId, source: owner.source, ...(owner.createdById ? { createdById: owner.createdById } : {}) })),
      skipDuplicates: true,
    });
  }
  return { added: fresh.length, removed: stale.length, kept: have.length - stale.length };
}

/** The key replaceEdges matches edges by. */
export const edgeKey = (fromId: string, toId: string) => `${fromId}>${toId}`;
