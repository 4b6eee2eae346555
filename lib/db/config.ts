import path from "node:path";

/** A postgres:// URL selects a server; without one Enclave runs on the embedded PGlite folder. */
export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export function embeddedDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.ENCLAVE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite"));
}

/** The NOLOGIN role request transactions switch to, so row-level security applies beneath every query. */
export const APP_ROLE = "enclave_app";
