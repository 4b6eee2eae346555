// Database commands that work offline:
//   npm run db -- migrate | status | seed [--force] | reset [--yes] | backup <file> | restore <file> [--yes] | new <name>
// Each exits as soon as it is done (the schema engine and the pools would otherwise keep the process alive).
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline/promises";
import pg from "pg";
import { connect } from "@/lib/db/connect";
import { applyMigrations, diffSchema, migrationsDir } from "@/lib/db/migrate";
import { databaseUrl, embeddedDataDir } from "@/lib/db/config";
import { backupEmbedded, restoreEmbedded } from "@/lib/db/backup";
import { seedDemo } from "@/prisma/seed/demo";

const USAGE = "Usage: npm run db -- migrate | status | seed [--force] | reset [--yes] | backup <file> | restore <file> [--yes] | new <name>";

async function target() {
  const url = databaseUrl();
  if (url) return { conn: null, target: { url } as const };
  const conn = await connect();
  return { conn, target: { pglite: conn.pglite! } as const };
}

/** Asks on a terminal; without one (scripts, CI) the answer is no unless --yes was given. */
async function confirm(question: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    console.error(`${question} Not asked without a terminal: add --yes.`);
    return false;
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

type Row = { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null; logs: string | null };

async function appliedRows(): Promise<Row[] | null> {
  const sql = `SELECT migration_name, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY migration_name`;
  const exists = `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS ok`;
  const url = databaseUrl();
  if (url) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      if (!(await c.query<{ ok: boolean }>(exists)).rows[0]!.ok) return null;
      return (await c.query<Row>(sql)).rows;
    } finally {
      await c.end();
    }
  }
  const conn = await connect();
  try {
    if (!(await conn.pglite!.query<{ ok: boolean }>(exists)).rows[0]!.ok) return null;
    return (await conn.pglite!.query<Row>(sql)).rows;
  } finally {
    await conn.close();
  }
}

/** `db status` in words: where the database is, what is applied, pending or failed. Exit 1 unless current. */
async function status(): Promise<number> {
  const url = databaseUrl();
  const where = url ? `PostgreSQL at ${new URL(url).host}${new URL(url).pathname}` : `the embedded database in ${path.relative(process.cwd(), embeddedDataDir()) || "."}`;
  const shipped = fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const rows = await appliedRows();
  console.log(`Database: ${where}.`);
  if (!rows) {
    console.log(`No migration has been applied yet: ${shipped.length} pending. Run "npm run db -- migrate" (npm start does it too).`);
    return 1;
  }
  const done = rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  const pending = shipped.filter((m) => !done.includes(m) && !failed.includes(m));
  const unknown = done.filter((m) => !shipped.includes(m));
  console.log(`Applied: ${done.length} of ${shipped.length} migrations${done.length ? `, the last one ${done[done.length - 1]}` : ""}.`);
  console.log(pending.length ? `Pending (${pending.length}): ${pending.join(", ")}. Run "npm run db -- migrate".` : "Pending: none. The database is up to date.");
  if (failed.length) console.log(`Failed half-way: ${failed.join(", ")}. Fix the cause, then mark it rolled back in _prisma_migrations and migrate again.`);
  if (unknown.length) console.log(`Applied but not in this checkout (a newer version was here?): ${unknown.join(", ")}.`);
  return pending.length || failed.length ? 1 : 0;
}

async function main(): Promise<number> {
  const [cmd, ...rest] = process.argv.slice(2);
  const yes = rest.includes("--yes") || rest.includes("-y");
  const arg = rest.find((a) => !a.startsWith("-"));
  switch (cmd) {
    case "migrate": {
      const { conn, target: t } = await target();
      try {
        const applied = await applyMigrations(t);
        console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
      } finally {
        await conn?.close();
      }
      return 0;
    }
    case "new": {
      const name = (arg ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
      if (!name) throw new Error("Usage: npm run db -- new <name>");
      const sql = await diffSchema();
      if (!sql.trim()) {
        console.log("schema.prisma matches the migrations: nothing to create.");
        return 0;
      }
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join(migrationsDir, `${stamp}_${name}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), sql);
      const lock = path.join(migrationsDir, "migration_lock.toml");
      if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
      console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
      return 0;
    }
    case "status":
      return status();
    case "seed": {
      const conn = await connect();
      try {
        const applied = await applyMigrations(conn.pglite ? { pglite: conn.pglite } : { url: databaseUrl()! });
        if (applied.length) console.log(`Applied: ${applied.join(", ")}`);
        const created = await seedDemo(conn.prisma, { force: rest.includes("--force") });
        console.log(created ? "Seeded the demo workspace “Acme Data”." : "A workspace exists already: the seed changed nothing.");
      } finally {
        await conn.close();
      }
      return 0;
    }
    case "reset": {
      if (databaseUrl()) throw new Error("reset only removes the embedded database folder; drop a server database yourself.");
      const dir = embeddedDataDir();
      if (!fs.existsSync(dir)) {
        console.log(`Nothing to remove: ${dir} does not exist.`);
        return 0;
      }
      if (!(await confirm(`Delete the embedded database in ${dir}, with every change made in it?`, yes))) return 1;
      // Refused while a server holds the folder.
      const { acquireDataDirLock } = await import("@/lib/db/pglite");
      const release = acquireDataDirLock(dir);
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } finally {
        release();
      }
      console.log(`Removed ${dir}`);
      return 0;
    }
    case "backup": {
      if (!arg) throw new Error("Usage: npm run db -- backup <file>");
      if (databaseUrl()) {
        console.error(`A PostgreSQL server is backed up with its own tools, e.g.\n  pg_dump --format=custom --file=${arg} "$DATABASE_URL"\nand restored with pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${arg} (docs/deploy.md).`);
        return 1;
      }
      const { bytes } = await backupEmbedded(embeddedDataDir(), arg);
      console.log(`Wrote ${arg} (${(bytes / 1024 / 1024).toFixed(1)} MB): the embedded database as of now. Restore it with "npm run db -- restore ${arg}".`);
      return 0;
    }
    case "restore": {
      if (!arg) throw new Error("Usage: npm run db -- restore <file> [--yes]");
      if (databaseUrl()) {
        console.error(`A PostgreSQL server is restored with its own tools: pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${arg} (docs/deploy.md).`);
        return 1;
      }
      if (!fs.existsSync(arg)) throw new Error(`${arg}: no such file.`);
      const dir = embeddedDataDir();
      if (fs.existsSync(dir) && !(await confirm(`Replace the embedded database in ${dir} with ${arg}? Everything changed since that backup is lost.`, yes))) return 1;
      const { migrations } = await restoreEmbedded(dir, arg);
      console.log(`Restored ${arg} into ${dir} (${migrations} migrations recorded). "npm start" applies any newer ones.`);
      return 0;
    }
    default:
      console.log(USAGE);
      return cmd ? 1 : 0;
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
