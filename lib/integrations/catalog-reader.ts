// Reads a PostgreSQL database's catalog through any query function: a pg client for a connected server, or the
// seed's own transaction for the demo warehouse (Prisma's raw queries cannot read `name` and `"char"`
// columns: hence the ::text casts). Not marked server-only because the seed (a plain script) reads
// the demo warehouse through it too; nothing here reaches a client bundle.

import { viewColumnSources } from "./node-tree";

/** What a sync reads from a PostgreSQL server's catalog, as a flat list of nodes (parents before children). */
export type CatalogNode = {
  key: string;
  parentKey: string | null;
  type: "DATABASE" | "SCHEMA" | "TABLE" | "VIEW" | "COLUMN";
  name: string;
  comment: string;
  meta: Record<string, string | number | boolean>;
  /**
   * Keys of the nodes this one is computed from (a view's relations, a view column's source columns), from
   * pg_depend and the view's rewrite rule. Becomes lineage edges, never meta: a view may read a relation that
   * some viewer of the view cannot see.
   */
  dependsOn?: string[];
  /**
   * A table's foreign keys (pg_constraint): the referenced table's key, and the columns on both sides. Become
   * ResourceReference rows, never meta: the referenced table may be hidden from some viewer of this one.
   */
  references?: { name: string; toKey: string; columns: string; refColumns: string }[];
};

export type CatalogQuery = <T>(text: string, params?: unknown[]) => Promise<T[]>;

export type CatalogOptions = {
  /** The label of the database node (defaults to the database's own name). */
  database?: string;
  /** Only these schemas (defaults to every schema the user may use). */
  schemas?: string[];
};

export class SourceError extends Error {}

export const PRIVILEGE_MESSAGE = "The user lacks the privileges needed to read the catalog (CONNECT on the database, USAGE on schemas).";

const USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'";

/** Counts the schemas the connected user may read (for "Test connection"). */
export async function countReadableSchemas(query: CatalogQuery): Promise<number> {
  const rows = await query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_namespace n WHERE ${USER_SCHEMA} AND has_schema_privilege(n.oid, 'USAGE')`);
  return Number(rows[0].n);
}

export const catalogKey = (...parts: string[]) => JSON.stringify(parts);

/**
 * The database's schemas, tables, views and columns (type, nullability, comments). Only schemas the user may
 * use are read; if it may use none, that is a privilege error. Run it inside one read-only transaction so the
 * three reads agree.
 */
export async function readCatalog(query: CatalogQuery, opts: CatalogOptions = {}): Promise<CatalogNode[]> {
  const db = await query<{ db: string; comment: string | null }>(
    "SELECT current_database()::text AS db, shobj_description(d.oid, 'pg_database') AS comment FROM pg_database d WHERE d.datname = current_database()",
  );
  const only = opts.schemas?.length ? opts.schemas : null;
  const schemas = await query<{ oid: number; name: string; comment: string | null; usable: boolean }>(
    `SELECT n.oid, n.nspname::text AS name, obj_description(n.oid, 'pg_namespace') AS comment, has_schema_privilege(n.oid, 'USAGE') AS usable
       FROM pg_namespace n WHERE ${USER_SCHEMA} AND ($1::text[] IS NULL OR n.nspname = ANY($1::text[])) ORDER BY n.nspname`,
    [only],
  );
  const usable = schemas.filter((s) => s.usable);
  if (schemas.length && !usable.length) throw new SourceError(PRIVILEGE_MESSAGE);
  const oids = usable.map((s) => Number(s.oid));
  const rels = await query<{ oid: number; schema: string; name: string; kind: string; comment: string | null; rows: number | null; size: number | null; definition: string | null }>(
    `SELECT c.oid, n.nspname::text AS schema, c.relname::text AS name, c.relkind::text AS kind, obj_description(c.oid, 'pg_class') AS comment,
            CASE WHEN c.relkind IN ('r', 'p', 'm') THEN c.reltuples::float8 END AS rows,
            CASE WHEN c.relkind IN ('r', 'p', 'm') THEN pg_total_relation_size(c.oid)::float8 END AS size,
            CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS definition
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relnamespace = ANY($1::oid[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY n.nspname, c.relname`,
    [oids],
  );
  const cols = await query<{ rel: number; name: string; type: string; notnull: boolean; comment: string | null; pos: number }>(
    `SELECT a.attrelid AS rel, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
            col_description(a.attrelid, a.attnum) AS comment, a.attnum AS pos
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = ANY($1::oid[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
    [oids],
  );

  const pks = await query<{ rel: number; cols: string }>(
    `SELECT conrelid AS rel, array_to_string(conkey, ',') AS cols FROM pg_constraint WHERE contype = 'p' AND connamespace = ANY($1::oid[])`,
    [oids],
  );
  const fks = await query<{ rel: number; ref: number; name: string; cols: string; refcols: string }>(
    `SELECT conrelid AS rel, confrelid AS ref, conname::text AS name, array_to_string(conkey, ',') AS cols, array_to_string(confkey, ',') AS refcols
       FROM pg_constraint WHERE contype = 'f' AND connamespace = ANY($1::oid[]) ORDER BY conrelid, conname`,
    [oids],
  );
  // What each view (and materialized view) reads: relations from pg_depend, columns from its rewrite rule.
  const deps = await query<{ view: number; rel: number }>(
    `SELECT DISTINCT rw.ev_class AS view, d.refobjid AS rel
       FROM pg_rewrite rw
       JOIN pg_class v ON v.oid = rw.ev_class
       JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid AND d.refclassid = 'pg_class'::regclass
      WHERE v.relnamespace = ANY($1::oid[]) AND v.relkind IN ('v', 'm') AND d.refobjid <> rw.ev_class`,
    [oids],
  );
  const rules = await query<{ view: number; action: string }>(
    `SELECT rw.ev_class AS view, rw.ev_action::text AS action
       FROM pg_rewrite rw JOIN pg_class v ON v.oid = rw.ev_class
      WHERE v.relnamespace = ANY($1::oid[]) AND v.relkind IN ('v', 'm') AND rw.rulename = '_RETURN'`,
    [oids],
  );

  const out: CatalogNode[] = [];
  const dbName = opts.database ?? db[0].db;
  const dbKey = catalogKey(dbName);
  out.push({ key: dbKey, parentKey: null, type: "DATABASE", name: dbName, comment: db[0].comment ?? "", meta: {} });
  for (const s of usable) out.push({ key: catalogKey(dbName, s.name), parentKey: dbKey, type: "SCHEMA", name: s.name, comment: s.comment ?? "", meta: {} });
  const relKey = new Map<number, string>();
  for (const r of rels) relKey.set(Number(r.oid), catalogKey(dbName, r.schema, r.name));
  const colName = new Map(cols.map((c) => [`${c.rel}.${c.pos}`, c.name]));
  const colKey = (rel: number, attno: number) => {
    const parent = relKey.get(Number(rel));
    const name = colName.get(`${rel}.${attno}`);
    return parent && name !== undefined ? catalogKey(...(JSON.parse(parent) as string[]), name) : undefined;
  };
  const pkCols = new Map(pks.map((p) => [Number(p.rel), p.cols.split(",").map(Number)]));
  const fksOf = new Map<number, typeof fks>();
  for (const f of fks) fksOf.set(Number(f.rel), [...(fksOf.get(Number(f.rel)) ?? []), f]);
  const upstream = new Map<number, string[]>();
  for (const d of deps) {
    const k = relKey.get(Number(d.rel));
    if (k) upstream.set(Number(d.view), [...(upstream.get(Number(d.view)) ?? []), k]);
  }
  // Column-level sources; a rule this reader cannot follow leaves relation-level lineage only.
  const colUpstream = new Map<string, string[]>();
  for (const rule of rules) {
    let sources: ReturnType<typeof viewColumnSources>;
    try {
      sources = viewColumnSources(rule.action);
    } catch {
      continue;
    }
    for (const [resno, srcs] of sources) {
      const keys = [...new Set(srcs.flatMap((s) => colKey(s.relid, s.attno) ?? []))];
      if (keys.length) colUpstream.set(`${rule.view}.${resno}`, keys);
    }
  }
  for (const r of rels) {
    const k = relKey.get(Number(r.oid))!;
    const view = r.kind === "v" || r.kind === "m";
    const meta: CatalogNode["meta"] = { kind: { r: "table", p: "partitioned table", v: "view", m: "materialized view", f: "foreign table" }[r.kind] ?? r.kind };
    // reltuples is -1 until the table is first analyzed: then the estimate is unknown, not zero.
    if (r.rows !== null && Number(r.rows) >= 0) meta.rowEstimate = Math.round(Number(r.rows));
    if (r.size !== null) meta.sizeBytes = Number(r.size);
    if (r.definition) meta.definition = r.definition.trim();
    const pk = pkCols.get(Number(r.oid));
    if (pk) meta.primaryKey = pk.map((n) => colName.get(`${r.oid}.${n}`) ?? String(n)).join(", ");
    const node: CatalogNode = { key: k, parentKey: catalogKey(dbName, r.schema), type: view ? "VIEW" : "TABLE", name: r.name, comment: r.comment ?? "", meta };
    const up = upstream.get(Number(r.oid));
    if (up?.length) node.dependsOn = [...new Set(up)].sort();
    // A key to a table in a schema not read (no USAGE, or not chosen) is left out: there is nothing to link to.
    const refs = (fksOf.get(Number(r.oid)) ?? []).filter((f) => relKey.has(Number(f.ref)));
    if (refs.length) {
      const names = (rel: number, nums: string) => nums.split(",").map((n) => colName.get(`${rel}.${n}`) ?? n).join(", ");
      node.references = refs.map((f) => ({ name: f.name, toKey: relKey.get(Number(f.ref))!, columns: names(Number(f.rel), f.cols), refColumns: names(Number(f.ref), f.refcols) }));
    }
    out.push(node);
  }
  for (const col of cols) {
    const parent = relKey.get(Number(col.rel));
    if (!parent) continue;
    const [, schema, table] = JSON.parse(parent) as string[];
    const meta: CatalogNode["meta"] = { dataType: col.type, nullable: !col.notnull, position: Number(col.pos) };
    if (pkCols.get(Number(col.rel))?.includes(Number(col.pos))) meta.primaryKey = true;
    const node: CatalogNode = { key: catalogKey(dbName, schema, table, col.name), parentKey: parent, type: "COLUMN", name: col.name, comment: col.comment ?? "", meta };
    const up = colUpstream.get(`${col.rel}.${col.pos}`);
    if (up?.length) node.dependsOn = up.sort();
    out.push(node);
  }
  return out;
}
