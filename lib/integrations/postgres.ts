import "server-only";
import pg from "pg";
import { countReadableSchemas, PRIVILEGE_MESSAGE, readCatalog, SourceError, type CatalogNode, type CatalogOptions } from "./catalog-reader";

export { SourceError, type CatalogNode };

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
      return PRIVILEGE_MESSAGE;
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
    const schemas = await countReadableSchemas(async (text, params) => (await c.query(text, params)).rows);
    return { database: rows[0].db, version: rows[0].version.split(" ")[0], schemas };
  });
}

/** Reads the catalog of the connection string's database in one read-only transaction. */
export async function readPostgresCatalog(connectionString: string, opts: CatalogOptions = {}): Promise<CatalogNode[]> {
  return withClient(connectionString, async (c) => {
    await c.query("BEGIN READ ONLY");
    const nodes = await readCatalog(async (text, params) => (await c.query(text, params)).rows, opts);
    await c.query("COMMIT");
    return nodes;
  });
}
