// The query plans of the main reads, as PostgreSQL runs them for a viewer: each app function's SQL is captured from
// Prisma's query events, then replayed under EXPLAIN (ANALYZE) in one transaction as the viewer (the app role and
// the viewer's context, as withViewer sets them). Used for bench/README.md and docs/deploy.md: which index each read
// uses, and that the workspace id leads it.
//
//   DATABASE_URL=postgres://owner:pw@127.0.0.1:5432/enclave_bench_… npx tsx --tsconfig bench/tsconfig.json bench/explain.ts
//     [--only search] [--summary]     (--summary: only the scan lines of each plan, with their index conditions)
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { setConnection } from "@/lib/db/client";
import { appRoleFor } from "@/lib/db/config";
import { resolveViewer, type Viewer } from "@/lib/auth/resolve-viewer";
import { search, searchFacets } from "@/lib/search/queries";
import { listTeamsTable } from "@/lib/teams/queries";
import { teamsUrl } from "@/lib/teams/schemas";
import { listAdminResources } from "@/lib/resources/queries";
import { adminResourcesUrl } from "@/lib/resources/schemas";
import { catalogOverview, getResourceDetail, listChildren } from "@/lib/catalog/queries";
import { listMembers } from "@/lib/members/queries";
import { membersUrl } from "@/lib/members/schemas";
import { childrenUrl } from "@/lib/catalog/schemas";
import { catalogTree } from "@/lib/catalog/tree";
import { listVisibleTeams } from "@/lib/teams/queries";
import { ADMIN_EMAIL, GUEST_EMAIL, SEARCH_TERM } from "./lib/workspace";
import { replayable, type Captured } from "./lib/measure";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL: the bench database, as its owner");
const argv = process.argv.slice(2);
// --only a,b: the reads whose names start with any of these prefixes.
const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1]!.split(",") : undefined;
const summary = argv.includes("--summary");

const events: { query: string; params: string }[] = [];
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }), log: [{ emit: "event", level: "query" }] });
(prisma as unknown as { $on: (e: "query", cb: (e: { query: string; params: string }) => void) => void }).$on("query", (e) => events.push(e));
setConnection({ prisma, engine: "postgres", close: () => prisma.$disconnect() });

async function viewerOf(email: string): Promise<Viewer> {
  const u = await prisma.user.findUniqueOrThrow({ where: { email } });
  return (await resolveViewer(prisma, u.id, u.sessionVersion))!;
}
// --as <email>: another person in the "guest" rows (e.g. an editor of the demo), --admin <email> another admin.
const admin = await viewerOf(argv.includes("--admin") ? argv[argv.indexOf("--admin") + 1]! : ADMIN_EMAIL);
const guest = await viewerOf(argv.includes("--as") ? argv[argv.indexOf("--as") + 1]! : GUEST_EMAIL);
const owner = new pg.Client({ connectionString: url });
await owner.connect();
const { rows: [who] } = await owner.query<{ u: string; su: boolean; v: string }>(`SELECT current_user AS u, rolsuper AS su, version() AS v FROM pg_roles WHERE rolname = current_user`);
console.log(`# as ${who!.u} (${who!.su ? "superuser" : "not a superuser"}), ${who!.v.split(" on ")[0]}`);
const guestTable = (await owner.query<{ id: string }>(
  // A table assigned to the guest's team itself (as bench/run.ts picks it): the earlier form, every resource under
  // each assignment, did not finish at 1,000,000 resources.
  `SELECT r.id FROM "TeamResource" tr JOIN "Resource" r ON r.id = tr."resourceId" WHERE tr."teamId" = ANY($1::uuid[]) AND r.type = 'TABLE' ORDER BY r.name LIMIT 1`,
  [guest.memberTeamIds],
)).rows[0]!.id;

const reads: [string, Viewer, () => Promise<unknown>][] = [
  [`search(guest, "${SEARCH_TERM}")`, guest, () => search(guest, SEARCH_TERM)],
  [`search(admin, "${SEARCH_TERM}")`, admin, () => search(admin, SEARCH_TERM)],
  ["catalogOverview(guest)", guest, () => catalogOverview(guest, 8)],
  ["catalogOverview(admin)", admin, () => catalogOverview(admin, 8)],
  ["shell: my teams (guest)", guest, () => listVisibleTeams(guest, { mine: true })],
  ["catalogTree(guest)", guest, () => catalogTree(guest, null)],
  ["catalogTree(admin)", admin, () => catalogTree(admin, null)],
  ["resource detail (guest, a table)", guest, () => getResourceDetail(guest, guestTable)],
  ["resource detail (admin, a table)", admin, () => getResourceDetail(admin, guestTable)],
  ["resource children (guest, a table)", guest, () => listChildren(guest, guestTable, childrenUrl.load({}))],
  ["resource detail + children (guest, a table)", guest, async () => { await getResourceDetail(guest, guestTable); await listChildren(guest, guestTable, childrenUrl.load({})); }],
  ["members: name asc, page 1 (admin)", admin, () => listMembers(admin, membersUrl.load({ sort: "name" }))],
  ["members: text filter 'olga' (admin)", admin, () => listMembers(admin, membersUrl.load({ q: "olga" }))],
  [`searchFacets(admin, "${SEARCH_TERM}")`, admin, () => searchFacets(admin, SEARCH_TERM)],
  ["teams table: members desc (admin)", admin, () => listTeamsTable(admin, teamsUrl.load({ sort: "members", dir: "desc" }))],
  ["teams table: name asc (admin)", admin, () => listTeamsTable(admin, teamsUrl.load({ sort: "name" }))],
  ["resources table: name asc, page 1 (admin)", admin, () => listAdminResources(admin, adminResourcesUrl.load({}))],
  ["resources table: text filter 'revenue' (admin)", admin, () => listAdminResources(admin, adminResourcesUrl.load({ q: SEARCH_TERM }))],
  ["resources table: type Table, updated desc (admin)", admin, () => listAdminResources(admin, adminResourcesUrl.load({ type: "TABLE", sort: "updatedAt", dir: "desc" }))],
];

async function explain(v: Viewer, statements: Captured[]): Promise<string[][]> {
  const plans: string[][] = [];
  await owner.query("BEGIN");
  try {
    await owner.query(`SELECT set_config('app.user_id', $1, true), set_config('app.workspace_id', $2, true), set_config('jit', 'off', true)`, [v.userId, v.workspaceId]);
    await owner.query(`SET LOCAL ROLE ${appRoleFor(v)}`);
    for (const s of statements) {
      const { rows } = await owner.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${s.query}`, s.params);
      plans.push(rows.map((r) => r["QUERY PLAN"]));
    }
  } finally {
    await owner.query("ROLLBACK");
  }
  return plans;
}

/** The lines that say how a table is read: scans (and their index, heap and filter conditions), and the total. */
function scanLines(plan: string[]): string[] {
  return plan.filter((l) => /Scan|Index Cond|Recheck Cond|Buffers|Planning Time|Execution Time/.test(l)).map((l) => l.replace(/\s+$/, ""));
}

for (const [name, v, fn] of reads) {
  if (only && !only.some((o) => name.startsWith(o))) continue;
  events.length = 0;
  await fn();
  const statements = replayable(events).filter((s) => /^\s*(SELECT|WITH)/i.test(s.query));
  const plans = await explain(v, statements);
  console.log(`\n## ${name}: ${statements.length} statements`);
  plans.forEach((p, i) => {
    console.log(`\n-- ${i + 1}. ${statements[i]!.query.replace(/\s+/g, " ").slice(0, 160)}…`);
    console.log((summary ? scanLines(p) : p).join("\n"));
  });
}
await owner.end();
await prisma.$disconnect();
