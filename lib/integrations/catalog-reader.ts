// Reads a PostgreSQL database's catalog through any query function: a pg client for a connected server, or the
// seed's own transaction for the demo warehouse (Prisma's raw queries cannot read `name` and `"char"`
// columns: hence the ::text casts). Not marked server-only because the seed (a plain script) reads
// the demo warehouse through it too; nothing here reaches a client bundle.

/** What a sync reads from a PostgreSQL server's catalog, as a flat list of nodes (parents before children). */
export type CatalogNode = {
  key: string;
  parentKey: string | null;
  type: "DATABASE" | "SCHEMA" | "TABLE" | "VIEW" | "COLUMN";
  name: string;
  comment: string;
  meta: Record<string, string | number | boolean>;
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
  const rels = await query<{ oid: number; schema: string; name: string; kind: string; comment: string | null }>(
    `SELECT c.oid, n.nspname::text AS schema, c.relname::text AS name, c.relkind::text AS kind, obj_description(c.oid, 'pg_class') AS comment
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

  const out: CatalogNode[] = [];
  const dbName = opts.database ?? db[0].db;
  const dbKey = catalogKey(dbName);
  out.push({ key: dbKey, parentKey: null, type: "DATABASE", name: dbName, comment: db[0].comment ?? "", meta: {} });
  for (const s of usable) out.push({ key: catalogKey(dbName, s.name), parentKey: dbKey, type: "SCHEMA", name: s.name, comment: s.comment ?? "", meta: {} });
  const relKey = new Map<number, string>();
  for (const r of rels) {
    const k = catalogKey(dbName, r.schema, r.name);
    relKey.set(Number(r.oid), k);
    const view = r.kind === "v" || r.kind === "m";
    const meta: CatalogNode["meta"] = { kind: { r: "table", p: "partitioned table", v: "view", m: "materialized view", f: "foreign table" }[r.kind] ?? r.kind };
    out.push({ key: k, parentKey: catalogKey(dbName, r.schema), type: view ? "VIEW" : "TABLE", name: r.name, comment: r.comment ?? "", meta });
  }
  for (const col of cols) {
    const parent = relKey.get(Number(col.rel));
    if (!parent) continue;
    const [, schema, table] = JSON.parse(parent) as string[];
    out.push({
      key: catalogKey(dbName, schema, table, col.name),
      parentKey: parent,
      type: "COLUMN",
      name: col.name,
      comment: col.comment ?? "",
      meta: { dataType: col.type, nullable: !col.notnull, position: Number(col.pos) },
    });
  }
  return out;
}
