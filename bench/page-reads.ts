// Each read of the catalog page and the resource page, timed in-process as the page makes it (its own withViewer
// transaction), admin and guest, with the number of statements each sends: where a page's time goes (#20).
//
//   DATABASE_URL=postgres://…/enclave_bench_pg npx tsx --tsconfig bench/tsconfig.json bench/page-reads.ts [--runs 10]
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { setConnection } from "@/lib/db/client";
import { resolveViewer, type Viewer } from "@/lib/auth/resolve-viewer";
import { catalogOverview, getResourceDetail, listChildren } from "@/lib/catalog/queries";
import { catalogTree } from "@/lib/catalog/tree";
import { childrenUrl } from "@/lib/catalog/schemas";
import { listVisibleTeams } from "@/lib/teams/queries";
import { adminTeamOptions } from "@/lib/resources/queries";
import { LINEAGE_VIEW_LIMIT, lineageOf } from "@/lib/lineage/queries";
import { ADMIN_EMAIL, GUEST_EMAIL } from "./lib/workspace";
import { fmt, measure } from "./lib/measure";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL: the bench database, as its owner");
const argv = process.argv.slice(2);
const RUNS = argv.includes("--runs") ? Number(argv[argv.indexOf("--runs") + 1]) : 10;
const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1]!.split(",") : undefined;

let statements = 0;
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }), log: [{ emit: "event", level: "query" }] });
(prisma as unknown as { $on: (e: "query", cb: () => void) => void }).$on("query", () => { statements++; });
setConnection({ prisma, engine: "postgres", close: () => prisma.$disconnect() });

async function viewerOf(email: string): Promise<Viewer> {
  const u = await prisma.user.findUniqueOrThrow({ where: { email } });
  return (await resolveViewer(prisma, u.id, u.sessionVersion))!;
}
const admin = await viewerOf(ADMIN_EMAIL);
const guest = await viewerOf(GUEST_EMAIL);
const owner = new pg.Client({ connectionString: url });
await owner.connect();
const table = (await owner.query<{ id: string }>(
  `SELECT r.id FROM "TeamResource" tr JOIN "Resource" r ON r.id = tr."resourceId" WHERE tr."teamId" = ANY($1::uuid[]) AND r.type = 'TABLE' ORDER BY r.name LIMIT 1`,
  [guest.memberTeamIds],
)).rows[0]!.id;
await owner.end();

const reads: [string, () => Promise<unknown>][] = [];
for (const [who, v] of [["guest", guest], ["admin", admin]] as const) {
  reads.push(
    [`layout: listVisibleTeams mine (${who})`, () => listVisibleTeams(v, { mine: true })],
    [`catalog: catalogOverview (${who})`, () => catalogOverview(v, 8)],
    [`catalog: catalogTree (${who})`, () => catalogTree(v, null)],
    [`resource: getResourceDetail (${who})`, () => getResourceDetail(v, table)],
    [`resource: listChildren (${who})`, () => listChildren(v, table, childrenUrl.load({}))],
    [`resource: lineageOf (${who})`, () => lineageOf(v, table, { limit: LINEAGE_VIEW_LIMIT })],
  );
  if (who === "admin") reads.push([`resource: adminTeamOptions (${who})`, () => adminTeamOptions(v)]);
}
console.log(`| read | statements | p50 ms | p95 ms |\n| --- | ---: | ---: | ---: |`);
for (const [name, fn] of reads) {
  if (only && !only.some((o) => name.includes(o))) continue;
  statements = 0;
  await fn();
  const n = statements;
  const s = await measure(fn, RUNS, 2);
  console.log(`| ${name} | ${n} | ${fmt(s.p50)} | ${fmt(s.p95)} |`);
}
await prisma.$disconnect();
