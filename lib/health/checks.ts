import "server-only";
import fs from "node:fs";
import path from "node:path";
import { ownerDb } from "@/lib/db/owner";

// Health checks for load balancers and orchestrators. They run without a session and answer in fixed words:
// no workspace, user, table, migration name or error text ever appears in a response.

export type Readiness = { ready: boolean; database: "up" | "down"; migrations: "current" | "pending" | "unknown" };

/** The migration folders shipped with this build (the server runs from the project folder). */
function shippedMigrations(): string[] | null {
  const migrationsDir = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");
  try {
    return fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return null;
  }
}

/** Ready when the database answers and every shipped migration has been applied (none failed half-way). */
export async function readiness(): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const prisma = await ownerDb("health-readiness");
    const rows = await prisma.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = new Set(rows.map((r) => r.name));
  } catch {
    return { ready: false, database: "down", migrations: "unknown" };
  }
  const shipped = shippedMigrations();
  if (!shipped) return { ready: true, database: "up", migrations: "unknown" };
  const current = shipped.every((m) => applied.has(m));
  return { ready: current, database: "up", migrations: current ? "current" : "pending" };
}
