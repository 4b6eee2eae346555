import path from "node:path";
import { seesWholeWorkspace } from "@/lib/policy/visibility";

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
/** Admins' transactions: a member of APP_ROLE with one more Resource policy (prisma/migrations/20261202070100). */
export const ADMIN_APP_ROLE = "enclave_admin";

/** The database role a viewer's transaction runs as: the policies still check the role in the tables. */
export function appRoleFor(viewer: { role: string }): string {
  return seesWholeWorkspace(viewer.role) ? ADMIN_APP_ROLE : APP_ROLE;
}
