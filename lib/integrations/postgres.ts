import "server-only";
import pg from "pg";
import { countReadableSchemas, PRIVILEGE_MESSAGE, readCatalog, SourceError, type CatalogNode, type CatalogOptions } from "./catalog-reader";
import { resolveTarget, UNREACHABLE_MESSAGE } from "./target";

export { SourceError, type CatalogNode };

/**
 * The database's errors said plainly; the connection string (and its password) never appears in them. Every way of
 * not reaching a server (refused, unresolvable, timed out, or an address the rule refuses) reads the same, so that
 * "Test connection" cannot tell an open port from a closed one (lib/integrations/target.ts).
 */
export function explainPgError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  switch (err.code) {
    case "ECONNREFUSED":
    case "ECONNRESET":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "EPIPE":
      return UNREACHABLE_MESSAGE;
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
  if (/timeout|terminated unexpectedly|ended unexpectedly/i.test(err.message ?? "")) return UNREACHABLE_MESSAGE;
  if (/SSL/i.test(err.message ?? "")) return "The server's SSL settings do not match the connection string.";
  return "Could not read the server's catalog.";
}

async function withClient<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  // Resolved and checked once; the client connects to that address, never to the name again.
  const target = await resolveTarget(connectionString);
  const c = new pg.Client({ ...target, statement_timeout: 120_000, query_timeout: 130_000 });
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
