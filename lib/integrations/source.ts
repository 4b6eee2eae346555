import "server-only";
import { z } from "zod";
import { ownerDb } from "@/lib/db/owner";
import { decryptSecret } from "./crypto";
import { readCatalog, SourceError, type CatalogNode, type CatalogOptions } from "./catalog-reader";
import { readPostgresCatalog, testPostgres } from "./postgres";
import { redact } from "./schemas";

/** What an integration row says about where its catalog comes from. */
export type IntegrationSource = { kind: string; secret: string; config: unknown };

const schemaName = z.string().min(1).max(63);
const configSchema = z.object({ database: z.string().max(63).optional(), schemas: z.array(schemaName).max(500).optional() }).strict();

/** Enclave's own schemas: the demo warehouse sits beside them in the console's database, and must never read them. */
const CONSOLE_SCHEMAS = new Set(["public", "pgboss", "information_schema"]);

/**
 * The integration's options, failing closed: an unreadable configuration reads nothing (it is not taken for "every
 * schema"). The demo warehouse reads the console's own database, so it needs its schemas named, and never gets
 * Enclave's own (public, pgboss, pg_*).
 */
export function sourceOptions(src: IntegrationSource): CatalogOptions {
  const parsed = configSchema.safeParse(src.config ?? {});
  if (!parsed.success) throw new SourceError("The integration's settings are unreadable, so nothing was read. Nothing was changed.");
  if (src.kind === "demo") {
    const schemas = parsed.data.schemas ?? [];
    if (!schemas.length || schemas.some((s) => CONSOLE_SCHEMAS.has(s) || s.startsWith("pg_"))) {
      throw new SourceError("The demo warehouse's settings must name its own schemas (never Enclave's), so nothing was read. Nothing was changed.");
    }
  }
  return parsed.data;
}

function connectionString(src: IntegrationSource): string {
  try {
    return decryptSecret(src.secret);
  } catch {
    throw new SourceError("The stored connection string cannot be decrypted with this server's encryption key.");
  }
}

/** The demo warehouse lives in schemas of Enclave's own database: read them through its owner connection. */
async function readDemoCatalog(opts: CatalogOptions): Promise<CatalogNode[]> {
  const prisma = await ownerDb("demo-catalog-reader");
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
    return readCatalog((text, params = []) => tx.$queryRawUnsafe(text, ...params), opts);
  });
}

export async function readSourceCatalog(src: IntegrationSource): Promise<CatalogNode[]> {
  const opts = sourceOptions(src);
  if (src.kind === "demo") return readDemoCatalog(opts);
  return readPostgresCatalog(connectionString(src), opts);
}

/** "Connected to …" for the Test button. */
export async function testSource(src: IntegrationSource): Promise<string> {
  if (src.kind === "demo") {
    const nodes = await readDemoCatalog(sourceOptions(src));
    const schemas = nodes.filter((n) => n.type === "SCHEMA").length;
    return `The demo warehouse is readable: ${schemas} schema${schemas === 1 ? "" : "s"}.`;
  }
  return testConnectionString(connectionString(src));
}

/** "Connected to …" for a connection string not saved yet. */
export async function testConnectionString(cs: string): Promise<string> {
  const r = await testPostgres(cs);
  return `Connected to ${r.database} (PostgreSQL ${r.version}); ${r.schemas} schema${r.schemas === 1 ? "" : "s"} readable.`;
}

/** Where the integration reads from, for admins' eyes: never a password. */
export function describeSource(src: IntegrationSource): string {
  if (src.kind === "demo") {
    let schemas: string[] | undefined;
    try {
      schemas = sourceOptions(src).schemas;
    } catch {
      return "Demo warehouse inside Enclave's database (settings unreadable: syncs read nothing)";
    }
    return `Demo warehouse inside Enclave's database${schemas?.length ? ` (schemas ${schemas.join(", ")})` : ""}`;
  }
  try {
    return redact(decryptSecret(src.secret));
  } catch {
    return "(cannot be decrypted with this server's key)";
  }
}
