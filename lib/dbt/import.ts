// Applies a dbt manifest to the catalog. dbt nodes are matched to the resources the warehouse sync found, by
// database.schema.name (then schema.name when the database is labelled differently in Enclave and the match is
// unique), and enrich them instead of duplicating them: descriptions and column docs (only where no person has
// edited the text), tags, owner (meta.owner) and tests go into the resource, `depends_on` becomes `dbt` lineage.
// Exposures are matched to dashboards and charts by name. What matches nothing is counted and left out. The
// manifest's edges replace the previous import's. Not marked server-only: the seed and the benchmark use it.
import type { Tx } from "@/lib/db/scoped";
import { edgeKey, replaceEdges } from "@/lib/lineage/replace-edges";
import { catalogKey } from "@/lib/integrations/catalog-reader";
import type { Manifest, ManifestNode } from "./manifest";

export type DbtImportCounts = { matched: number; unmatched: number; enriched: number; edges: number; removedEdges: number };

type Res = { id: string; type: string; name: string; description: string; tags: string[]; meta: Record<string, unknown>; externalKey: string | null; parentId: string | null };

// Synced keys are JSON arrays (lib/integrations/catalog-reader.ts); older or generated ones are dotted.
function keyParts(k: string): string[] {
  try {
    const v = JSON.parse(k);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return k.split(".");
  }
}

const ENRICHABLE = new Set(["model", "seed", "snapshot", "source"]);

export async function applyManifest(tx: Tx, ws: string, manifest: Manifest, actorId: string | null): Promise<DbtImportCounts> {
  const items: ManifestNode[] = [...Object.values(manifest.nodes).filter((n) => ENRICHABLE.has(n.resource_type)), ...Object.values(manifest.sources)];
  const tests = Object.values(manifest.nodes).filter((n) => n.resource_type === "test");

  // Candidate relations: every synced table or view whose key ends in one of the manifest's schema.name pairs.
  const relName = (n: ManifestNode) => (n.resource_type === "source" ? n.identifier ?? n.name : n.alias ?? n.name);
  const names = [...new Set(items.map(relName))];
  const relations = names.length
    ? await tx.resource.findMany({
        where: { workspaceId: ws, type: { in: ["TABLE", "VIEW"] }, name: { in: names }, externalKey: { not: null }, removedAt: null },
        select: { id: true, type: true, name: true, description: true, tags: true, meta: true, externalKey: true, parentId: true },
      })
    : [];
  const byFull = new Map<string, Res>();
  const bySchema = new Map<string, Res[]>();
  for (const r of relations as Res[]) {
    const parts = keyParts(r.externalKey!);
    if (parts.length !== 3) continue;
    byFull.set(catalogKey(...parts), r);
    const k = catalogKey(parts[1], parts[2]);
    bySchema.set(k, [...(bySchema.get(k) ?? []), r]);
  }
  const match = (n: ManifestNode): Res | undefined => {
    const schema = n.schema ?? "";
    const name = relName(n);
    const exact = n.database ? byFull.get(catalogKey(n.database, schema, name)) : undefined;
    if (exact) return exact;
    const loose = bySchema.get(catalogKey(schema, name));
    return loose?.length === 1 ? loose[0] : undefined;
  };

  const idOf = new Map<string, string>();
  let enriched = 0;
  let unmatched = 0;
  const testsOf = new Map<string, Map<string, string[]>>(); // node id → column ('' for the model) → test names
  for (const t of tests) {
    if (!t.attached_node || !t.test_metadata?.name) continue;
    const cols = testsOf.get(t.attached_node) ?? new Map<string, string[]>();
    const c = t.column_name ?? "";
    cols.set(c, [...new Set([...(cols.get(c) ?? []), t.test_metadata.name])].sort());
    testsOf.set(t.attached_node, cols);
  }

  const matchedRels: { node: ManifestNode; res: Res }[] = [];
  for (const n of items) {
    const res = match(n);
    if (!res) {
      unmatched++;
      continue;
    }
    idOf.set(n.unique_id, res.id);
    matchedRels.push({ node: n, res });
  }
  // Columns of the matched relations, in one read.
  const columns = matchedRels.length
    ? await tx.resource.findMany({
        where: { workspaceId: ws, type: "COLUMN", parentId: { in: matchedRels.map((m) => m.res.id) } },
        select: { id: true, type: true, name: true, description: true, tags: true, meta: true, externalKey: true, parentId: true },
      })
    : [];
  const colsOf = new Map<string, Res[]>();
  for (const c of columns as Res[]) colsOf.set(c.parentId!, [...(colsOf.get(c.parentId!) ?? []), c]);

  const owner = (n: ManifestNode) => {
    const o = n.meta?.owner ?? n.config?.meta?.owner;
    return typeof o === "string" && o.trim() ? o.trim() : undefined;
  };
  const pending: Pending[] = [];
  for (const { node: n, res } of matchedRels) {
    const nodeTests = testsOf.get(n.unique_id);
    const dbt: Record<string, unknown> = { uniqueId: n.unique_id, resourceType: n.resource_type };
    if (n.config?.materialized) dbt.materialized = n.config.materialized;
    if (owner(n)) dbt.owner = owner(n);
    if (n.description) dbt.description = n.description;
    if (n.tags?.length) dbt.tags = n.tags;
    if (nodeTests?.get("")?.length) dbt.tests = nodeTests.get("");
    if (enrich(pending, res, n.description ?? "", n.tags ?? [], dbt)) enriched++;
    for (const col of colsOf.get(res.id) ?? []) {
      const doc = n.columns?.[col.name];
      const colTests = nodeTests?.get(col.name);
      if (!doc && !colTests) continue;
      const cdbt: Record<string, unknown> = {};
      if (doc?.description) cdbt.description = doc.description;
      if (colTests?.length) cdbt.tests = colTests;
      if (enrich(pending, col, doc?.description ?? "", doc?.tags ?? [], cdbt)) enriched++;
    }
  }
  await flush(tx, ws, pending);

  // Exposures: matched to the dashboards (or charts) of the same name; they only take part in lineage.
  const exposures = Object.values(manifest.exposures);
  if (exposures.length) {
    const wanted = [...new Set(exposures.flatMap((e) => [e.label, e.name]).filter((x): x is string => !!x))];
    const boards = await tx.resource.findMany({ where: { workspaceId: ws, type: { in: ["DASHBOARD", "CHART"] }, name: { in: wanted }, removedAt: null }, select: { id: true, name: true } });
    const byName = new Map<string, string[]>();
    for (const b of boards) byName.set(b.name, [...(byName.get(b.name) ?? []), b.id]);
    for (const e of exposures) {
      const hit = [e.label, e.name].map((x) => (x ? byName.get(x) : undefined)).find((ids) => ids?.length === 1);
      if (hit) idOf.set(e.unique_id, hit[0]);
      else unmatched++;
    }
  }

  // depends_on → edges, from what a node reads to the node; the previous import's edges are replaced.
  const want = new Map<string, { fromId: string; toId: string }>();
  const deps: { id: string; on: string[] }[] = [
    ...items.map((n) => ({ id: n.unique_id, on: n.depends_on?.nodes ?? [] })),
    ...exposures.map((e) => ({ id: e.unique_id, on: e.depends_on?.nodes ?? [] })),
  ];
  for (const d of deps) {
    const toId = idOf.get(d.id);
    if (!toId) continue;
    for (const p of d.on) {
      const fromId = idOf.get(p);
      if (fromId && fromId !== toId) want.set(edgeKey(fromId, toId), { fromId, toId });
    }
  }
  const edges = await replaceEdges(tx, ws, { kind: "dbt", source: "dbt manifest", createdById: actorId }, want);
  return { matched: matchedRels.length, unmatched, enriched, edges: edges.kept + edges.added, removedEdges: edges.removed };
}

type Pending = { id: string; description: string; tags: string[]; meta: object };

/**
 * dbt's text replaces a description nobody edited in Enclave (empty, still the database comment, or the previous
 * import's text); tags are added; the dbt facts live under meta.dbt (kept by warehouse re-syncs).
 */
function enrich(out: Pending[], r: Res, description: string, tags: string[], dbt: Record<string, unknown>): boolean {
  const meta = (r.meta ?? {}) as Record<string, unknown>;
  const prev = (meta.dbt ?? {}) as Record<string, unknown>;
  const untouched = r.description === "" || r.description === (meta.comment ?? "") || r.description === (prev.description ?? null);
  const next = description && untouched ? description : r.description;
  const allTags = [...new Set([...r.tags, ...tags])];
  if (next === r.description && allTags.length === r.tags.length && JSON.stringify(prev) === JSON.stringify(dbt)) return false;
  out.push({ id: r.id, description: next, tags: allTags, meta: { ...meta, dbt } });
  return true;
}

// One UPDATE … FROM unnest(…) per chunk: a 5,000-model manifest touches tens of thousands of rows.
async function flush(tx: Tx, ws: string, rows: Pending[]) {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await tx.$executeRawUnsafe(
      `UPDATE "Resource" r SET description = u.description, tags = ARRAY(SELECT jsonb_array_elements_text(u.tags)), meta = u.meta, "updatedAt" = now()
         FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) AS u(id, description, tags, meta)
        WHERE r."workspaceId" = $1::uuid AND r.id = u.id`,
      ws,
      chunk.map((r) => r.id),
      chunk.map((r) => r.description),
      chunk.map((r) => JSON.stringify(r.tags)),
      chunk.map((r) => JSON.stringify(r.meta)),
    );
  }
}
