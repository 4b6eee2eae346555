// Time to last byte of the catalog page and a resource page over HTTP, against a running `npm start`, as
// bench/run.ts measures them (sign in, GET, read the whole body), admin and guest: a quick loop for a change's
// before and after without the whole suite (#20).
//
//   DATABASE_URL=postgres://…/enclave_bench_pg npx tsx --tsconfig bench/tsconfig.json bench/page-ttlb.ts --base http://127.0.0.1:3141 [--runs 20]
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { signIn } from "./lib/server";
import { ADMIN_EMAIL, BENCH_PASSWORD, GUEST_EMAIL } from "./lib/workspace";
import { fmt, measure } from "./lib/measure";
import os from "node:os";

const argv = process.argv.slice(2);
const arg = (k: string, d: string) => (argv.includes(k) ? argv[argv.indexOf(k) + 1]! : d);
const BASE = arg("--base", "http://127.0.0.1:3141");
const RUNS = Number(arg("--runs", "20"));
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL: the bench database, as its owner");

// The same table as bench/run.ts: the first table assigned to one of the guest's teams.
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) });
const u = await prisma.user.findUniqueOrThrow({ where: { email: GUEST_EMAIL } });
const guestTeams = (await resolveViewer(prisma, u.id, u.sessionVersion))!.memberTeamIds;
await prisma.$disconnect();
const c = new pg.Client({ connectionString: url });
await c.connect();
const table = (await c.query<{ id: string }>(
  `SELECT r.id FROM "TeamResource" tr JOIN "Resource" r ON r.id = tr."resourceId" WHERE tr."teamId" = ANY($1::uuid[]) AND r.type = 'TABLE' ORDER BY r.name LIMIT 1`,
  [guestTeams],
)).rows[0]!.id;
await c.end();

const admin = await signIn(BASE, ADMIN_EMAIL, BENCH_PASSWORD);
const guest = await signIn(BASE, GUEST_EMAIL, BENCH_PASSWORD);
async function get(p: string, cookie: string) {
  const res = await fetch(`${BASE}${p}`, { headers: { cookie }, redirect: "manual" });
  await res.text();
  if (res.status !== 200) throw new Error(`GET ${p} answered ${res.status}`);
}
console.log(`| page | p50 ms | p95 ms | load (1 min) |\n| --- | ---: | ---: | ---: |`);
const only = argv.includes("--only") ? arg("--only", "") : "";
for (const [name, p, cookie] of [
  ["catalog page (guest)", "/catalog", guest],
  ["catalog page (admin)", "/catalog", admin],
  ["resource page, a table (guest)", `/resources/${table}`, guest],
  ["resource page, same table (admin)", `/resources/${table}`, admin],
  // The floor: a page of the same shell that reads almost nothing (one small query of its own).
  ["account page (guest), the shell's floor", "/account", guest],
  ["account page (admin), the shell's floor", "/account", admin],
] as const) {
  if (only && !name.includes(only)) continue;
  const s = await measure(() => get(p, cookie), RUNS);
  console.log(`| ${name} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${os.loadavg()[0]!.toFixed(1)} |`);
}
