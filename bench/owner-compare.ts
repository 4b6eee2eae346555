// Superuser vs non-superuser owner, side by side (issue #22): the same generated workspace in two databases, one
// migrated by a superuser (LEAKPROOF set on the array and full-text operators) and one by `--owner-role` (a LOGIN
// CREATEROLE owner: nothing LEAKPROOF, the policies' own conditions drive the indexes). Each measure runs on both,
// back to back, so both columns see the same machine load. Writes the table into bench/README.md.
//
//   npx tsx --tsconfig bench/tsconfig.json bench/owner-compare.ts --su enclave_bench --owner enclave_bench_owner \
//     --owner-role bench_owner [--runs 20] [--no-write]
// Both databases come from bench/generate.ts with the same sizes (the second one with --owner-role).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { setConnection } from "@/lib/db/client";
import { resolveViewer, type Viewer } from "@/lib/auth/resolve-viewer";
import { search } from "@/lib/search/queries";
import { catalogOverview, getResourceDetail, listChildren } from "@/lib/catalog/queries";
import { childrenUrl } from "@/lib/catalog/schemas";
import { appUrl, ownerRole } from "./generate";
import { ADMIN_EMAIL, GUEST_EMAIL, SEARCH_TERM } from "./lib/workspace";
import { fmt, measure, type Stats } from "./lib/measure";

const argv = process.argv.slice(2);
const opt = (n: string) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : undefined);
const SU = opt("su") ?? "enclave_bench";
const OWN = opt("owner") ?? "enclave_bench_owner";
const owner = ownerRole(argv);
if (!owner) throw new Error("--owner-role <name>: the owner of the --owner database");
const RUNS = Number(opt("runs") ?? 20);

type Side = { prisma: PrismaClient; admin: Viewer; guest: Viewer; guestTable: string; who: string };
async function side(url: string): Promise<Side> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  const viewerOf = async (email: string) => {
    const u = await prisma.user.findUniqueOrThrow({ where: { email } });
    return (await resolveViewer(prisma, u.id, u.sessionVersion))!;
  };
  const guest = await viewerOf(GUEST_EMAIL);
  const [t] = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT r.id::text AS id FROM "TeamResource" tr JOIN "Resource" r ON r.id = tr."resourceId" WHERE tr."teamId" = ANY($1::uuid[]) AND r.type = 'TABLE' ORDER BY r.name LIMIT 1`,
    guest.memberTeamIds,
  );
  const [me] = await prisma.$queryRawUnsafe<{ u: string; su: boolean }[]>(`SELECT current_user AS u, rolsuper AS su FROM pg_roles WHERE rolname = current_user`);
  return { prisma, admin: await viewerOf(ADMIN_EMAIL), guest, guestTable: t!.id, who: `${me!.u}${me!.su ? " (superuser)" : " (not a superuser)"}` };
}

const su = await side(appUrl(SU, null));
const own = await side(appUrl(OWN, owner));
const connectTo = (s: Side) => setConnection({ prisma: s.prisma, engine: "postgres", close: () => s.prisma.$disconnect() });

const measures: [string, (s: Side) => Promise<unknown>, string?][] = [
  [`search(guest, "${SEARCH_TERM}")`, (s) => search(s.guest, SEARCH_TERM), "p95 ≤ 50 ms"],
  ["catalogOverview(guest)", (s) => catalogOverview(s.guest, 8)],
  ["resource detail + children page (guest, a table)", async (s) => { await getResourceDetail(s.guest, s.guestTable); await listChildren(s.guest, s.guestTable, childrenUrl.load({})); }],
  ["catalogOverview(admin)", (s) => catalogOverview(s.admin, 8)],
  ["resource detail + children page (admin, same table)", async (s) => { await getResourceDetail(s.admin, s.guestTable); await listChildren(s.admin, s.guestTable, childrenUrl.load({})); }],
  [`search(admin, "${SEARCH_TERM}")`, (s) => search(s.admin, SEARCH_TERM)],
];

const started = new Date();
const load0 = os.loadavg()[0]!;
const results: [string, Stats, Stats, string][] = [];
for (const [name, fn, target] of measures) {
  connectTo(su);
  const a = await measure(() => fn(su), RUNS);
  connectTo(own);
  const b = await measure(() => fn(own), RUNS);
  console.log(`  ${name.padEnd(52)} superuser p50 ${fmt(a.p50)} p95 ${fmt(a.p95)} | owner p50 ${fmt(b.p50)} p95 ${fmt(b.p95)} ms`);
  results.push([name, a, b, target ?? ""]);
}

const load = os.loadavg().map((x) => x.toFixed(1)).join(" / ");
let md = `Run: \`bench/owner-compare.ts\`, ${RUNS} measured runs after 3 warm-ups per measure and side, the two sides back to back, ` +
  `${started.toISOString().slice(0, 16).replace("T", " ")} UTC; load average ${load0.toFixed(1)} at the start, ${load} (1/5/15 min) at the end ` +
  `on ${os.cpus().length} cores shared with other sessions: absolute figures are inflated and noisy, compare the columns.  \n` +
  `Superuser side: \`${SU}\` as ${su.who}. Owner side: \`${OWN}\` as ${own.who}, LOGIN CREATEROLE, nothing LEAKPROOF.\n\n` +
  `| measure | superuser p50 | superuser p95 | owner p50 | owner p95 | target |\n| --- | ---: | ---: | ---: | ---: | --- |\n`;
for (const [name, a, b, target] of results) md += `| ${name} | ${fmt(a.p50)} | ${fmt(a.p95)} | ${fmt(b.p50)} | ${fmt(b.p95)} | ${target} |\n`;
console.log(`\n${md}`);
if (!argv.includes("--no-write")) {
  const readme = path.join(process.cwd(), "bench", "README.md");
  const text = fs.readFileSync(readme, "utf8");
  const [a, b] = ["<!-- bench:owner -->", "<!-- /bench:owner -->"];
  if (text.includes(a) && text.includes(b)) {
    fs.writeFileSync(readme, `${text.slice(0, text.indexOf(a) + a.length)}\n${md}\n${text.slice(text.indexOf(b))}`);
    console.log("▸ Wrote the table into bench/README.md");
  }
}
process.exit(0);
