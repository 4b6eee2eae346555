// Benchmark: sync a PostgreSQL database with 100,000 columns, re-sync it unchanged, then assign the database (and
// so its 100,000+ descendants) to a client team and ask what a guest of that team sees.
//   npx tsx --tsconfig bench/tsconfig.json bench/sync.ts [columns=100000]
// Source: BENCH_SOURCE_PG (default postgres://enclave:enclave@127.0.0.1:5432/postgres). Catalog: DATABASE_URL, or an
// in-memory PGlite when unset.
import crypto from "node:crypto";
import pg from "pg";
import { connect } from "@/lib/db/connect";
import { openMemoryPglite } from "@/lib/db/pglite";
import { applyMigrations } from "@/lib/db/migrate";
import { setConnection } from "@/lib/db/client";
import { withViewer } from "@/lib/db/scoped";
import { seedDemo } from "@/prisma/seed/demo";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { readPostgresCatalog } from "@/lib/integrations/postgres";
import { applyCatalog } from "@/lib/integrations/sync";
import { countDescendants } from "@/lib/resources/assign";
import { countVisibleResources, listChildren } from "@/lib/catalog/queries";

const columns = Number(process.argv[2] ?? 100_000);
const perTable = 100;
const tables = Math.ceil(columns / perTable);
const server = process.env.BENCH_SOURCE_PG ?? "postgres://enclave:enclave@127.0.0.1:5432/postgres";
const name = `enclave_bench_${crypto.randomBytes(3).toString("hex")}`;
const srcUrl = (() => { const u = new URL(server); u.pathname = `/${name}`; return u.toString(); })();

async function on(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}
const t0 = () => performance.now();
const ms = (since: number) => `${Math.round(performance.now() - since).toLocaleString("en-US")} ms`;

await on(server, `CREATE DATABASE ${name}`);
try {
  let s = t0();
  const cols = Array.from({ length: perTable }, (_, i) => `c${i} ${i % 3 ? "text" : "integer"}`).join(", ");
  await on(srcUrl, `CREATE SCHEMA bench; DO $$ BEGIN FOR i IN 1..${tables} LOOP EXECUTE format('CREATE TABLE bench.t%s (${cols})', i); END LOOP; END $$;`);
  console.log(`source: ${tables} tables × ${perTable} columns created in ${ms(s)}`);

  const url = process.env.DATABASE_URL;
  const conn = url ? await connect({ url }) : await (async () => { const lite = await openMemoryPglite(); await applyMigrations({ pglite: lite }); return connect({ pglite: lite }); })();
  if (url) await applyMigrations({ url });
  setConnection(conn);
  await seedDemo(conn.prisma);
  const adminUser = await conn.prisma.user.findUniqueOrThrow({ where: { email: "admin@acme.test" } });
  const admin = (await resolveViewer(conn.prisma, adminUser.id, adminUser.sessionVersion))!;
  const integration = await conn.prisma.resource.create({ data: { workspaceId: admin.workspaceId, type: "INTEGRATION", name: "Bench", meta: { kind: "postgres" } } });

  s = t0();
  const nodes = await readPostgresCatalog(srcUrl);
  console.log(`read catalog: ${nodes.length.toLocaleString("en-US")} items in ${ms(s)}`);
  s = t0();
  const first = await withViewer(admin, (tx) => applyCatalog(tx, admin, integration.id, nodes), { timeout: 30 * 60_000 });
  console.log(`first sync apply: ${JSON.stringify(first)} in ${ms(s)}`);
  s = t0();
  const again = await withViewer(admin, (tx) => applyCatalog(tx, admin, integration.id, nodes), { timeout: 30 * 60_000 });
  console.log(`unchanged re-sync apply: ${JSON.stringify(again)} in ${ms(s)}`);

  const db = await conn.prisma.resource.findFirstOrThrow({ where: { workspaceId: admin.workspaceId, type: "DATABASE", parentId: integration.id } });
  const initech = await conn.prisma.team.findFirstOrThrow({ where: { workspaceId: admin.workspaceId, name: "Initech" } });
  s = t0();
  const descendants = await withViewer(admin, (tx) => countDescendants(tx, admin, [db.id]));
  console.log(`preview: ${descendants.toLocaleString("en-US")} descendants counted in ${ms(s)}`);
  s = t0();
  await withViewer(admin, (tx) => tx.teamResource.create({ data: { workspaceId: admin.workspaceId, teamId: initech.id, resourceId: db.id, createdById: admin.userId } }));
  console.log(`assign the database to Initech (one row): ${ms(s)}`);

  const eveUser = await conn.prisma.user.findUniqueOrThrow({ where: { email: "eve@initech.test" } });
  const eve = (await resolveViewer(conn.prisma, eveUser.id, eveUser.sessionVersion))!;
  s = t0();
  const visible = await countVisibleResources(eve);
  console.log(`eve counts ${visible.toLocaleString("en-US")} visible resources in ${ms(s)}`);
  const table = await conn.prisma.resource.findFirstOrThrow({ where: { workspaceId: admin.workspaceId, type: "TABLE", name: `t${Math.ceil(tables / 2)}` } });
  s = t0();
  const page = await listChildren(eve, table.id, { page: 1, size: 25, sort: "name", dir: "asc", q: "" });
  console.log(`eve pages a table's columns (${page.total} in all) in ${ms(s)}`);
  await conn.close();
} finally {
  await on(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
