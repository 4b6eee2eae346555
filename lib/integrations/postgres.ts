import "server-only";
import pg from "pg";

/** What a sync reads from a PostgreSQL server's catalog, as a flat list of nodes (parents before children). */
export type CatalogNode = {
  key: string;
  parentKey: string | null;
  type: "DATABASE" | "SCHEMA" | "TABLE" | "VIEW" | "COLUMN";
  name: string;
  comment: string;
  meta: Record<string, string | number | boolean>;
};

export class SourceError extends Error {}

/** The database's errors said plainly; the connection string (and its password) never appears in them. */
export function explainPgError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  switch (err.code) {
    case "ECONNREFUSED":
      return "Could not reach the server: the connection was refused. Check the host and port.";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "Could not reach the server: the host name does not resolve.";
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "Could not reach the server: the connection timed out.";
    case "28P01":
      return "The server refused the credentials: wrong user name or password.";
    case "28000":
      return "The server refused the connection for this user (pg_hba.conf or role settings).";
    case "3D000":
      return "That database does not exist on the server.";
    case "42501":
      return "The user lacks the privileges needed to read the catalog (CONNECT on the database, USAGE on schemas).";
    case "57P03":
      return "The server is starting up or shutting down; try again shortly.";
  }
  if (/timeout/i.test(err.message ?? "")) return "Could not reach the server: the connection timed out.";
  if (/SSL/i.test(err.message ?? "")) return "The server's SSL settings do not match the connection string.";
  return "Could not read the server's catalog.";
}

function client(connectionString: string): pg.Client {
  return new pg.Client({ connectionString, connectionTimeoutMillis: 8_000, statement_timeout: 120_000, query_timeout: 130_000, application_name: "enclave-sync" });
}

async function withClient<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = client(connectionString);
  c.on("error", () => undefined);
  try {
    await c.connect();
  } catch (e) {
    await c.end().catch(() => undefined);
    throw new SourceError(explainPgError(e));
  }
  try {
    return await fn(c);
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(explainPgError(e));
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Connects and checks the catalog can be read; returns the server version and database name. */
export async function testPostgres(connectionString: string): Promise<{ database: string; version: string; schemas: number }> {
  return withClient(connectionString, async (c) => {
    const { rows } = await c.query<{ db: string; version: string; connect: boolean }>(
      "SELECT current_database() AS db, current_setting('server_version') AS version, has_database_privilege(current_database(), 'CONNECT') AS connect",
    );
    const schemas = await c.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_namespace n WHERE ${USER_SCHEMA} AND has_schema_privilege(n.oid, 'USAGE')`,
    );
    return { database: rows[0].db, version: rows[0].version.split(" ")[0], schemas: Number(schemas.rows[0].n) };
  });
}

const USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'";

const key = (...parts: string[]) => JSON.stringify(parts);

/**
 * Reads the database of the connection string: its schemas, tables, views and columns (type, nullability,
 * comments). Only schemas the user may use are read; if it may use none, that is a privilege error.
 */
export async function readPostgresCatalog(connectionString: string): Promise<CatalogNode[]> {
  return withClient(connectionString, async (c) => {
    await c.query("BEGIN READ ONLY");
    const db = await c.query<{ db: string; comment: string | null }>(
      "SELECT current_database() AS db, shobj_description(d.oid, 'pg_database') AS comment FROM pg_database d WHERE d.datname = current_database()",
    );
    const dbName = db.rows[0].db;
    const schemas = await c.query<{ oid: number; name: string; comment: string | null; usable: boolean }>(
      `SELECT n.oid, n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment, has_schema_privilege(n.oid, 'USAGE') AS usable
         FROM pg_namespace n WHERE ${USER_SCHEMA} ORDER BY n.nspname`,
    );
    const usable = schemas.rows.filter((s) => s.usable);
    if (schemas.rows.length && !usable.length) throw new SourceError(explainPgError({ code: "42501" }));
    const oids = usable.map((s) => s.oid);
    const rels = await c.query<{ oid: number; schema: string; name: string; kind: string; comment: string | null }>(
      `SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind, obj_description(c.oid, 'pg_class') AS comment
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relnamespace = ANY($1::oid[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        ORDER BY n.nspname, c.relname`,
      [oids],
    );
    const cols = await c.query<{ rel: number; name: string; type: string; notnull: boolean; comment: string | null; pos: number }>(
      `SELECT a.attrelid AS rel, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
              col_description(a.attrelid, a.attnum) AS comment, a.attnum AS pos
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = ANY($1::oid[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum`,
      [oids],
    );
    await c.query("COMMIT");

    const out: CatalogNode[] = [];
    const dbKey = key(dbName);
    out.push({ key: dbKey, parentKey: null, type: "DATABASE", name: dbName, comment: db.rows[0].comment ?? "", meta: {} });
    for (const s of usable) out.push({ key: key(dbName, s.name), parentKey: dbKey, type: "SCHEMA", name: s.name, comment: s.comment ?? "", meta: {} });
    const relKey = new Map<number, string>();
    for (const r of rels.rows) {
      const k = key(dbName, r.schema, r.name);
      relKey.set(r.oid, k);
      const view = r.kind === "v" || r.kind === "m";
      const meta: CatalogNode["meta"] = { kind: { r: "table", p: "partitioned table", v: "view", m: "materialized view", f: "foreign table" }[r.kind] ?? r.kind };
      out.push({ key: k, parentKey: key(dbName, r.schema), type: view ? "VIEW" : "TABLE", name: r.name, comment: r.comment ?? "", meta });
    }
    for (const col of cols.rows) {
      const parent = relKey.get(col.rel);
      if (!parent) continue;
      const [, schema, table] = JSON.parse(parent) as string[];
      out.push({
        key: key(dbName, schema, table, col.name),
        parentKey: parent,
        type: "COLUMN",
        name: col.name,
        comment: col.comment ?? "",
        meta: { dataType: col.type, nullable: !col.notnull, position: col.pos },
      });
    }
    return out;
  });
}
