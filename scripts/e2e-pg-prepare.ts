// Lays the database of the PostgreSQL end-to-end run (playwright.pg.config.ts): with E2E_PG_ADMIN_URL (a role that
// may create databases), DATABASE_URL's database is dropped and created again, owned by DATABASE_URL's role; then
// the migrations and the demo seed run as that role, as `npm run db -- migrate` and `ENCLAVE_SEED_DEMO=1 npm start`
// would (the seed only into an empty database). Builds the console when there is no build yet.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { connect } from "@/lib/db/connect";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemo } from "@/prisma/seed/demo";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL: the PostgreSQL database of this run");
  const u = new URL(url);
  const name = u.pathname.slice(1);
  const admin = process.env.E2E_PG_ADMIN_URL;
  if (admin) {
    if (!/^enclave_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to recreate ${name}: not an enclave_… database`);
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${name} OWNER "${decodeURIComponent(u.username).replace(/"/g, '""')}"`);
    } finally {
      await c.end();
    }
  }
  const applied = await applyMigrations({ url });
  if (applied.length) console.log(`e2e-pg: applied ${applied.length} migrations`);
  const conn = await connect({ url });
  try {
    if (await seedDemo(conn.prisma)) console.log("e2e-pg: seeded the demo workspace");
  } finally {
    await conn.close();
  }
  if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    const res = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
    if (res.status !== 0) process.exit(res.status ?? 1);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
