// Lineage at scale (issue #18), on a generated workspace (bench/generate.ts, 1,000,000 resources):
//   1. adds lineage: a table of the bench guest's client whose depth-3 neighbourhood holds ~10,000 edges (20 → 400 →
//      9,600 downstream, among tables of that client and of others, so the guest's walk is cut where the admin's
//      goes on), plus 100,000 random edges elsewhere;
//   2. times lineageOf(viewer, table, { direction: "both", depth: 3 }) as the guest and as the admin (server time:
//      the function's own wall clock, in this process, through withViewer and row-level security);
//   3. imports a dbt manifest of 5,000 models (made by lib/dbt/generate-manifest.ts) matched to 5,000 of the
//      workspace's tables, as the admin.
//
//   flock /tmp/bench.lock npx tsx --tsconfig bench/tsconfig.json bench/lineage.ts --db enclave_bench_lineage [--runs 20] [--keep] [--no-dbt] [--limit 500]
// --keep reuses the lineage a previous run added (same start, same edges) instead of writing it again; --no-dbt skips
// the manifest import; --limit also times the capped view the resource page asks for (lineageOf's `limit`).
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { setConnection } from "@/lib/db/client";
import { withViewer } from "@/lib/db/scoped";
import { resolveViewer, type Viewer } from "@/lib/auth/resolve-viewer";
import { lineageOf } from "@/lib/lineage/queries";
import { generateManifest, type GenModel } from "@/lib/dbt/generate-manifest";
import { parseManifest } from "@/lib/dbt/manifest";
import { applyManifest } from "@/lib/dbt/import";
import { dbUrl } from "./generate";
import { ADMIN_EMAIL, GUEST_EMAIL } from "./lib/workspace";
import { fmt, measure } from "./lib/measure";

const argv = process.argv.slice(2);
const opt = (n: string, d: string) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : d);
const DB = opt("db", "enclave_bench_lineage");
const RUNS = Number(opt("runs", "20"));
const KEEP = argv.includes("--keep");
const DBT = !argv.includes("--no-dbt");
const LIMIT = argv.includes("--limit") ? Number(opt("limit", "500")) : null;
const url = dbUrl(DB);

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
setConnection({ prisma, engine: "postgres", close: () => prisma.$disconnect() });
const sql = new pg.Client({ connectionString: url });
await sql.connect();

async function viewer(email: string): Promise<Viewer> {
  const u = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  return (await resolveViewer(prisma, u.id, u.sessionVersion))!;
}
const admin = await viewer(ADMIN_EMAIL);
const guest = await viewer(GUEST_EMAIL);
const ws = admin.workspaceId;

// Tables the guest can see, and tables it cannot.
const roots = (await sql.query(`SELECT DISTINCT "resourceId" AS id FROM "TeamResource" WHERE "workspaceId" = $1 AND "teamId" = ANY($2::uuid[])`, [ws, guest.memberTeamIds])).rows.map((r) => r.id);
const mine = (await sql.query(`SELECT id FROM "Resource" WHERE "workspaceId" = $1 AND type = 'TABLE' AND path && $2::uuid[] ORDER BY id LIMIT 6000`, [ws, roots])).rows.map((r) => r.id);
const others = (await sql.query(`SELECT id FROM "Resource" WHERE "workspaceId" = $1 AND type = 'TABLE' AND NOT (path && $2::uuid[]) ORDER BY id LIMIT 20000`, [ws, roots])).rows.map((r) => r.id);
console.log(`guest sees ${mine.length} tables (sampled), others ${others.length}`);
const start = mine[0];

const kept = KEEP && (await sql.query(`SELECT 1 FROM "LineageEdge" WHERE "workspaceId" = $1 AND "fromId" = $2 LIMIT 1`, [ws, start])).rowCount;
console.log(`start ${start}${kept ? " (lineage kept from a previous run)" : ""}`);
if (!kept) await sql.query(`DELETE FROM "LineageEdge" WHERE "workspaceId" = $1`, [ws]);
const edges: [string, string][] = [];
let a = 1;
let b = 0;
const pick = (i: number) => (i % 3 === 0 ? others[b++ % others.length] : mine[a++ % mine.length]);
const level1 = Array.from({ length: 20 }, (_, i) => pick(i + 1));
for (const n of level1) edges.push([start, n]);
const level2 = level1.flatMap((p) => Array.from({ length: 20 }, (_, i) => [p, pick(i + 1)] as [string, string]));
edges.push(...level2);
for (const [, p] of level2) for (let i = 0; i < 24; i++) edges.push([p, pick(i + 1)]);
// background edges
for (let i = 0; i < 100_000; i++) edges.push([others[(i * 7919) % others.length], others[(i * 104729 + 13) % others.length]]);
const uniq = [...new Map(edges.filter(([f, t]) => f !== t).map((e) => [`${e[0]}>${e[1]}`, e])).values()];
for (let i = 0; !kept && i < uniq.length; i += 10_000) {
  const chunk = uniq.slice(i, i + 10_000);
  await sql.query(
    `INSERT INTO "LineageEdge" (id, "workspaceId", "fromId", "toId", kind, source) SELECT gen_random_uuid(), $1, f, t, 'manual', 'bench' FROM unnest($2::uuid[], $3::uuid[]) AS u(f, t) ON CONFLICT DO NOTHING`,
    [ws, chunk.map((e) => e[0]), chunk.map((e) => e[1])],
  );
}
if (!kept) await sql.query(`ANALYZE "LineageEdge"`);

const out: string[] = [];
const cases: [string, Viewer, number | undefined][] = [["admin", admin, undefined], ["guest", guest, undefined]];
if (LIMIT) cases.push([`admin, nearest ${LIMIT}`, admin, LIMIT], [`guest, nearest ${LIMIT}`, guest, LIMIT]);
for (const [name, v, limit] of cases) {
  const opts = { direction: "both" as const, depth: 3, ...(limit ? { limit } : {}) };
  const got = await lineageOf(v, start, opts);
  const s = await measure(() => lineageOf(v, start, opts), RUNS);
  const line = `lineage of a table, depth 3, ${name}: ${got!.nodes.length.toLocaleString("en-US")} nodes, ${got!.edges.length.toLocaleString("en-US")} edges — p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms, p99 ${fmt(s.p99)} ms (${s.n} runs)`;
  console.log(line);
  out.push(line);
}

if (DBT) {
  // dbt: 5,000 models matched to 5,000 tables (by schema.name), each reading two others.
  const rels = (await sql.query(
    `SELECT t.name, s.name AS schema, d.name AS database FROM "Resource" t JOIN "Resource" s ON s.id = t."parentId" JOIN "Resource" d ON d.id = s."parentId"
      WHERE t."workspaceId" = $1 AND t.type = 'TABLE' AND t."externalKey" IS NOT NULL ORDER BY t.id LIMIT 5000`, [ws])).rows as { name: string; schema: string; database: string }[];
  const models: GenModel[] = rels.map((r, i) => ({
    kind: "model",
    schema: r.schema,
    name: r.name,
    description: `Model ${i} as documented in dbt.`,
    owner: "data@bench.test",
    columns: [{ name: "id", description: "Key.", tests: ["unique", "not_null"] }],
    dependsOn: i > 1 ? [`model.bench.${rels[i - 1].name}`, `model.bench.${rels[i - 2].name}`] : [],
  }));
  const text = JSON.stringify(generateManifest({ project: "bench", database: rels[0]?.database ?? "db", models }));
  const t0 = performance.now();
  const counts = await withViewer(admin, (tx) => applyManifest(tx, ws, parseManifest(text, 500 * 1024 * 1024), admin.userId), { timeout: 15 * 60_000 });
  const dbtLine = `dbt manifest of ${models.length.toLocaleString("en-US")} models (${(text.length / 1024 / 1024).toFixed(1)} MB): ${((performance.now() - t0) / 1000).toFixed(1)} s — ${counts.matched} matched, ${counts.enriched} updated, ${counts.edges} edges`;
  console.log(dbtLine);
  out.push(dbtLine);
}
console.log(JSON.stringify(out));
await sql.end();
await prisma.$disconnect();
