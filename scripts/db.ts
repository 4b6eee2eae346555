// Database commands that work offline: `npm run db -- migrate | new <name> | status | seed | reset`.
import fs from "node:fs";
import path from "node:path";
import { connect } from "@/lib/db/connect";
import { applyMigrations, diffSchema, migrationStatus, migrationsDir } from "@/lib/db/migrate";
import { databaseUrl, embeddedDataDir } from "@/lib/db/config";
import { seedDemo } from "@/prisma/seed/demo";

async function target() {
  const url = databaseUrl();
  if (url) return { conn: null, target: { url } as const };
  const conn = await connect();
  return { conn, target: { pglite: conn.pglite! } as const };
}

async function main() {
  const [cmd, ...rest] = process.argv.slice(2);
  switch (cmd) {
    case "migrate": {
      const { conn, target: t } = await target();
      try {
        const applied = await applyMigrations(t);
        console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
      } finally {
        await conn?.close();
      }
      break;
    }
    case "new": {
      const name = (rest[0] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
      if (!name) throw new Error("Usage: npm run db -- new <name>");
      const sql = await diffSchema();
      if (!sql.trim()) {
        console.log("schema.prisma matches the migrations: nothing to create.");
        break;
      }
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join(migrationsDir, `${stamp}_${name}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), sql);
      const lock = path.join(migrationsDir, "migration_lock.toml");
      if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
      console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
      break;
    }
    case "status": {
      const { conn, target: t } = await target();
      try {
        console.log(JSON.stringify(await migrationStatus(t), null, 2));
      } finally {
        await conn?.close();
      }
      break;
    }
    case "seed": {
      const conn = await connect();
      try {
        const { applied } = { applied: await applyMigrations(conn.pglite ? { pglite: conn.pglite } : { url: databaseUrl()! }) };
        if (applied.length) console.log(`Applied: ${applied.join(", ")}`);
        const created = await seedDemo(conn.prisma, { force: rest.includes("--force") });
        console.log(created ? "Seeded the demo workspace “Acme Data”." : "A workspace exists already: the seed changed nothing.");
      } finally {
        await conn.close();
      }
      break;
    }
    case "reset": {
      if (databaseUrl()) throw new Error("reset only removes the embedded database folder; drop a server database yourself.");
      const dir = embeddedDataDir();
      fs.rmSync(dir, { recursive: true, force: true });
      console.log(`Removed ${dir}`);
      break;
    }
    default:
      console.log("Usage: npm run db -- migrate | new <name> | status | seed [--force] | reset");
      process.exitCode = cmd ? 1 : 0;
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
