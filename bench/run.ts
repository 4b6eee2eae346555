// `npm run bench`: the scale suite of issue #10. Generates the large workspace (or reuses it), times the app's
// query functions next to the bare SQL that answers the same question, replays the app's own SQL with row-level
// security on and off, times an assignment of a 100,000-column database and a sync of 100,000 columns, then starts
// the production build against the same database and measures pages over HTTP (signed in as an admin and as a
// guest) and a 60 s load of guest searches with autocannon. Prints the table and writes it into bench/README.md.
//
//   npm run bench -- [--reuse] [--db enclave_bench] [--runs 20] [--load-seconds 60] [--connections 50]
//                    [--no-http] [--no-load] [--no-write] [generator sizes: --resources 1000000 --members 100000 …]
//   npm run bench -- --sizes 100000,1000000,3000000 [--sizes-http] [--pglite 100000]   the growth curve (bench/lib/sizes-run.ts)
//   npm run bench -- --engine pglite --resources 100000 [--data-dir .data/bench-pglite-100k]   the embedded database
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { signIn, startServer } from "./lib/server";
import { TARGETS, p95Within, type LoadTarget, type Target } from "./lib/targets";
import pg from "pg";
import autocannon from "autocannon";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openPglite, type OpenedPglite } from "@/lib/db/pglite";
import { applyMigrations } from "@/lib/db/migrate";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { setConnection } from "@/lib/db/client";
import { withViewer } from "@/lib/db/scoped";
import { appRoleFor } from "@/lib/db/config";
import { resolveViewer, type Viewer } from "@/lib/auth/resolve-viewer";
import { search } from "@/lib/search/queries";
import { buildResourceSearch } from "@/lib/search/sql";
import { SEARCH_PAGE_SIZE } from "@/lib/search/schemas";
import { catalogOverview, getResourceDetail, listChildren } from "@/lib/catalog/queries";
import { listMembers } from "@/lib/members/queries";
import { membersUrl } from "@/lib/members/schemas";
import { listTeamsTable } from "@/lib/teams/queries";
import { teamsUrl } from "@/lib/teams/schemas";
import { listAdminResources } from "@/lib/resources/queries";
import { adminResourcesUrl } from "@/lib/resources/schemas";
import { childrenUrl, SECTIONS } from "@/lib/catalog/schemas";
import { assignToTeams } from "@/lib/resources/assign";
import { readPostgresCatalog } from "@/lib/integrations/postgres";
import { applyCatalog } from "@/lib/integrations/sync";
import { preview, type PreviewInput } from "@/lib/automations/preview";
import { BENCH_SERVER, appUrl, dbUrl, generate, generatePglite, ownerRole, parseSizes } from "./generate";
import { pgliteDirFor, writeBlock } from "./lib/sizes";
import { pgBare, pgliteBare, type BareDb } from "./lib/bare-db";
import { ADMIN_EMAIL, ARCHIVE_DB, BENCH_PASSWORD, GUEST_EMAIL, SEARCH_TERM, clientName } from "./lib/workspace";
import { fmt, measure, replay, replayable, stats, type Stats } from "./lib/measure";

const argv = process.argv.slice(2);
// --sizes: the suite once per size in a child process each, then the growth table (bench/lib/sizes-run.ts).
if (argv.includes("--sizes")) {
  const { runSizes } = await import("./lib/sizes-run");
  await runSizes(argv);
  process.exit(0);
}
// The sync measure reads a source database on the local bench server: a loopback address the integration guard
// (lib/integrations/target.ts) refuses unless the operator lists it, as the tests and CI do.
process.env.ENCLAVE_INTEGRATION_HOSTS ??= "127.0.0.1,::1,localhost";
const flag = (n: string) => argv.includes(`--${n}`);
const opt = (n: string, d: number) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? Number(argv[i + 1]) : d;
};
const { db: DB, ...sizes } = parseSizes(argv);
// --engine pglite (or --pglite): the workspace in an embedded PGlite folder, the app's default engine; the bare SQL
// runs on the same (single-connection, in-process) instance. Its pages are held to p95 ≤ 300 ms (issue #20).
const ENGINE: "postgres" | "pglite" = flag("pglite") || argv[argv.indexOf("--engine") + 1] === "pglite" ? "pglite" : "postgres";
const PGLITE = ENGINE === "pglite";
const DATA_DIR = path.resolve(argv.includes("--data-dir") ? argv[argv.indexOf("--data-dir") + 1]! : pgliteDirFor(sizes.resources));
// Issue #20: "embedded PGlite, 100,000 resources: every page above p95 ≤ 300 ms": every judged row, in-process
// and over HTTP, is held to that instead of the 1M targets.
const PGLITE_GOAL = p95Within(300);
const RUNS = opt("runs", 20);
const LOAD_S = opt("load-seconds", 60);
const CONNS = opt("connections", 50);
const PORT = opt("port", Number(process.env.BENCH_PORT ?? 3104));
const BASE = `http://127.0.0.1:${PORT}`;
const root = process.cwd();
const started = performance.now();
const log = (s: string) => console.log(s);

type Row = { section: string; name: string; app?: Stats; bare?: Stats; value?: string; target?: string; ok?: boolean; goal?: Target };
const rows: Row[] = [];
const add = (r: Row) => {
  // A goal of issue #20's table judges the row: its text then says met, or by how much it is missed.
  if (r.goal && PGLITE) r.goal = PGLITE_GOAL;
  if (r.goal && r.app) {
    const v = r.goal.judge(r.app, r.bare);
    r.target = v.text;
    r.ok = v.met;
  }
  delete r.goal;
  rows.push(r);
  const ratio = r.app && r.bare ? ` ×${(r.app.p50 / r.bare.p50).toFixed(1)} bare` : "";
  log(`  ${r.name.padEnd(58)} ${r.value ?? (r.app ? `p50 ${fmt(r.app.p50)} p95 ${fmt(r.app.p95)} p99 ${fmt(r.app.p99)} ms` : "")}${r.bare ? ` | bare p50 ${fmt(r.bare.p50)} ms${ratio}` : ""}`);
};

// ---- the database ---------------------------------------------------------------------------------------------

async function exists(name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: BENCH_SERVER });
  await c.connect();
  try {
    return (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  } finally {
    await c.end();
  }
}

let generation = "reused";
// --owner-role <name>: the database a managed PostgreSQL gives (its owner is not a superuser; nothing LEAKPROOF), and
// the app, the bare SQL and the HTTP server all connect as that owner. Without it, as BENCH_PG's role (a superuser).
const OWNER = ownerRole(argv);
const url = appUrl(DB, OWNER);
let opened: OpenedPglite | undefined;
if (PGLITE) {
  if (!flag("reuse") || !fs.existsSync(path.join(DATA_DIR, "PG_VERSION"))) {
    log(`▸ Generating the PGlite folder ${DATA_DIR} ${JSON.stringify(sizes)}`);
    const g = await generatePglite(sizes, DATA_DIR, log);
    generation = `${g.seconds.toFixed(0)} s`;
    log(`  ${JSON.stringify(g.counts)}`);
  } else log(`▸ Reusing ${DATA_DIR}`);
  opened = await openPglite(DATA_DIR);
} else if (!flag("reuse") || !(await exists(DB))) {
  log(`▸ Generating ${DB} ${JSON.stringify(sizes)}${OWNER ? ` owned by ${OWNER.name}` : ""}`);
  const g = await generate(sizes, DB, log, OWNER);
  generation = `${g.seconds.toFixed(0)} s`;
  log(`  ${JSON.stringify(g.counts)}`);
} else log(`▸ Reusing ${DB}`);

// A reused database may predate migrations merged since it was generated: apply them (as `npm start` would).
if (flag("reuse")) {
  const applied = await applyMigrations(opened ? { pglite: opened.db } : { url });
  if (applied.length) log(`  applied migrations newer than the database: ${applied.join(", ")}`);
}
const owner: BareDb = opened ? pgliteBare(opened.db) : pgBare(new pg.Pool({ connectionString: url, max: 4 }));
const dbVersion = (await owner.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!;
const counts = Object.fromEntries(
  await Promise.all(["Resource", "Membership", "Team", "Group", "TeamResource"].map(async (t) => [t, (await owner.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n as number])),
) as Record<string, number>;

// Two Prisma clients: one for timing, one that logs its SQL (the RLS on/off replay).
const adapter = (max: number) => (opened ? new PrismaPGlite(opened.db) : new PrismaPg({ connectionString: url, max }));
const prisma = new PrismaClient({ adapter: adapter(10) });
const logging = new PrismaClient({ adapter: adapter(2), log: [{ emit: "event", level: "query" }] });
const events: { query: string; params: string }[] = [];
(logging as unknown as { $on: (e: "query", cb: (e: { query: string; params: string }) => void) => void }).$on("query", (e) => events.push(e));
const timingConnection = () => setConnection({ prisma, engine: ENGINE, pglite: opened?.db, close: () => prisma.$disconnect() });
const loggingConnection = () => setConnection({ prisma: logging, engine: ENGINE, pglite: opened?.db, close: () => logging.$disconnect() });
timingConnection();

async function viewerOf(email: string): Promise<Viewer> {
  const u = await prisma.user.findUniqueOrThrow({ where: { email } });
  return (await resolveViewer(prisma, u.id, u.sessionVersion))!;
}
const admin = await viewerOf(ADMIN_EMAIL);
const guest = await viewerOf(GUEST_EMAIL);
const ws = admin.workspaceId;
const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await owner.query<T>(sql, params)).rows[0]!;
const guestTable = (await one<{ id: string }>(
  `SELECT r.id FROM "TeamResource" tr JOIN "Resource" r ON r.id = tr."resourceId" WHERE tr."teamId" = ANY($1::uuid[]) AND r.type = 'TABLE' ORDER BY r.name LIMIT 1`,
  [guest.memberTeamIds],
)).id;
const archive = (await one<{ id: string }>(`SELECT id FROM "Resource" WHERE "workspaceId" = $1 AND type = 'DATABASE' AND name = $2`, [ws, ARCHIVE_DB])).id;
const archiveSize = (await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Resource" WHERE path @> ARRAY[$1::uuid] AND type = 'COLUMN'`, [archive])).n;
const internalTeam = (await one<{ id: string }>(
  `SELECT t.id FROM "Team" t WHERE t."workspaceId" = $1 AND NOT t."isDefault" AND t.visibility = 'PUBLIC' ORDER BY (SELECT count(*) FROM "TeamMember" tm WHERE tm."teamId" = t.id) DESC LIMIT 1`, [ws],
)).id;
const general = (await one<{ id: string }>(`SELECT id FROM "Team" WHERE "workspaceId" = $1 AND "isDefault"`, [ws])).id;
const clientTeam2 = (await one<{ id: string }>(`SELECT id FROM "Team" WHERE "workspaceId" = $1 AND name = $2`, [ws, clientName(1)])).id;
const like = `%${SEARCH_TERM}%`;

// ---- bare SQL: the same questions, asked directly as the owner ------------------------------------------------

const bare = {
  async search(v: Viewer) {
    const c = await owner.connect();
    try {
      // The resources: the very statement the app runs (lib/search/sql.ts), with the scope computed here.
      const admin = v.role === "ADMIN";
      const roots: string[] = admin
        ? []
        : (await c.query<{ r: string[] }>(`SELECT coalesce(array_agg(DISTINCT "resourceId")::text[], '{}') AS r FROM "TeamResource" WHERE "workspaceId" = $1 AND "teamId" = ANY($2::uuid[])`, [ws, v.memberTeamIds])).rows[0].r;
      const stmt = buildResourceSearch({ workspaceId: ws, roots: admin ? "all" : roots, teams: admin ? "all" : v.memberTeamIds, q: SEARCH_TERM, limit: SEARCH_PAGE_SIZE, offset: 0 });
      // An admin's statement asks app_search_admin, which answers only in an admin's context: set it (as the owner,
      // so row-level security still plays no part); without it the function returned nothing, and "bare" was 4 ms.
      await c.query("BEGIN");
      try {
        await c.query(`SELECT set_config('app.user_id', $1, true), set_config('app.workspace_id', $2, true), set_config('jit', 'off', true)`, [v.userId, ws]);
        const { rows } = await c.query(stmt.text, stmt.values);
        if (admin && !rows.length) throw new Error("bare admin search found nothing: its context is missing");
      } finally {
        await c.query("COMMIT");
      }
      if (admin) {
        await c.query(`SELECT u.id, u.name, u.email FROM "User" u WHERE u.id IN (SELECT "userId" FROM "Membership" WHERE "workspaceId" = $1) AND (u.name ILIKE $2 OR u.email ILIKE $2) LIMIT 10`, [ws, like]);
        await c.query(`SELECT id, slug, name, description FROM "Team" WHERE "workspaceId" = $1 AND name ILIKE $2 LIMIT 10`, [ws, like]);
      } else {
        await c.query(
          `SELECT u.id, u.name, u.email FROM "User" u WHERE u.status <> 'DEACTIVATED' AND (u.name ILIKE $2 OR u.email ILIKE $2)
              AND (u.id IN (SELECT "userId" FROM "TeamMember" WHERE "workspaceId" = $1 AND "teamId" = ANY($3::uuid[]))
                OR u.id IN (SELECT gm."userId" FROM "TeamGroup" tg JOIN "GroupMember" gm ON gm."workspaceId" = tg."workspaceId" AND gm."groupId" = tg."groupId"
                             WHERE tg."workspaceId" = $1 AND tg."teamId" = ANY($3::uuid[]))) LIMIT 10`, [ws, like, v.memberTeamIds]);
        await c.query(`SELECT id, slug, name, description FROM "Team" WHERE "workspaceId" = $1 AND id = ANY($3::uuid[]) AND name ILIKE $2 LIMIT 10`, [ws, like, v.memberTeamIds]);
      }
    } finally {
      c.release();
    }
  },
  /** The catalog home: each section's count and first 8 tops, with their visible child counts, in one statement. */
  async catalog(v: Viewer) {
    const section = `CASE ${Object.entries(SECTIONS).map(([k, s]) => `WHEN r.type IN (${s.types.map((t) => `'${t}'`).join(", ")}) THEN '${k}'`).join(" ")} END`;
    const scoped = v.role === "ADMIN";
    await owner.query(
      `WITH roots AS (SELECT coalesce(array_agg(DISTINCT "resourceId"), '{}') AS ids FROM "TeamResource" WHERE "workspaceId" = $1 AND "teamId" = ANY($2::uuid[])),
       tops AS (
         SELECT r.id, r.type, r.name, r.description, r.tags, r.meta, ${section} AS section FROM "Resource" r
          WHERE r."workspaceId" = $1 AND r."removedAt" IS NULL AND ${scoped ? `r."parentId" IS NULL` : `r.path && (SELECT ids FROM roots) AND (r."parentId" IS NULL OR NOT EXISTS (SELECT 1 FROM "Resource" p WHERE p."workspaceId" = $1 AND p.id = r."parentId" AND p.path && (SELECT ids FROM roots)))`}),
       ranked AS (SELECT t.*, row_number() OVER (PARTITION BY section ORDER BY type, name, id) AS rn, count(*) OVER (PARTITION BY section) AS total FROM tops t)
       SELECT ranked.*, (SELECT count(*) FROM "Resource" c WHERE c."workspaceId" = $1 AND c."parentId" = ranked.id ${scoped ? "" : "AND c.path && (SELECT ids FROM roots)"}) AS children
         FROM ranked WHERE rn <= 8`,
      [ws, v.memberTeamIds],
    );
  },
  async resource(v: Viewer, id: string) {
    const roots = v.role === "ADMIN" ? null : (await owner.query(`SELECT array_agg(DISTINCT "resourceId") AS ids FROM "TeamResource" WHERE "workspaceId" = $1 AND "teamId" = ANY($2::uuid[])`, [ws, v.memberTeamIds])).rows[0].ids;
    const scope = roots ? `AND path && $3::uuid[]` : "";
    const p = roots ? [ws, id, roots] : [ws, id];
    await owner.query(`SELECT r.*, (SELECT json_agg(a) FROM "Resource" a WHERE a.id = ANY(r.path) ${scope.replace("path", "a.path")}) AS ancestors FROM "Resource" r WHERE "workspaceId" = $1 AND id = $2 ${scope}`, p);
    await owner.query(`SELECT count(*) FROM "Resource" WHERE "workspaceId" = $1 AND "parentId" = $2 ${scope}`, p);
    await owner.query(`SELECT id, type, name, description FROM "Resource" WHERE "workspaceId" = $1 AND "parentId" = $2 ${scope} ORDER BY name, id LIMIT 25`, p);
  },
  async members(f: { sort: string; dir: string; page: number; q?: string; role?: string; team?: string; general?: boolean }) {
    const conds = [`m."workspaceId" = $1`];
    const params: unknown[] = [ws];
    if (f.role) { params.push(f.role); conds.push(`m.role = $${params.length}::"Role"`); }
    if (f.q) { params.push(`%${f.q}%`); conds.push(`(u.name ILIKE $${params.length} OR u.email ILIKE $${params.length})`); }
    if (f.team) {
      params.push(f.team);
      const t = `$${params.length}::uuid`;
      conds.push(`(m."userId" IN (SELECT tm."userId" FROM "TeamMember" tm WHERE tm."workspaceId" = $1 AND tm."teamId" = ${t}
          UNION SELECT gm."userId" FROM "TeamGroup" tg JOIN "GroupMember" gm ON gm."workspaceId" = tg."workspaceId" AND gm."groupId" = tg."groupId" WHERE tg."workspaceId" = $1 AND tg."teamId" = ${t})
        ${f.general ? `OR m.role <> 'GUEST'` : ""})`);
    }
    const where = conds.join(" AND ");
    await owner.query(`SELECT count(*) FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE ${where}`, params);
    await owner.query(`SELECT m.id, u.name, u.email, m.role, u.status, m."createdAt", u."lastActiveAt" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE ${where}
      ORDER BY u.${f.sort} ${f.dir}, u.email, m.id LIMIT 25 OFFSET ${(f.page - 1) * 25}`, params);
  },
  async teams() {
    // The same question as the app asks it: the teams' maintained member counts (Team."memberCount"), sorted.
    await owner.query(
      `SELECT t.id, t.name, t."memberCount" AS members,
              (SELECT count(*) FROM "TeamGroup" tg WHERE tg."teamId" = t.id) AS groups,
              (SELECT count(*) FROM "TeamResource" tr WHERE tr."teamId" = t.id) AS resources
         FROM "Team" t WHERE t."workspaceId" = $1 ORDER BY members DESC, lower(name), id LIMIT 25`, [ws]);
  },
  async resources(f: { q?: string; type?: string; sort: string; dir: string; team?: string }) {
    const conds = [`"workspaceId" = $1`];
    const params: unknown[] = [ws];
    if (f.q) { params.push(`%${f.q}%`); conds.push(`name ILIKE $${params.length}`); }
    if (f.type) { params.push(f.type); conds.push(`type = $${params.length}::"ResourceType"`); }
    if (f.team) { params.push(f.team); conds.push(`path && (SELECT array_agg("resourceId") FROM "TeamResource" WHERE "workspaceId" = $1 AND "teamId" = $${params.length}::uuid)`); }
    const where = conds.join(" AND ");
    await owner.query(`SELECT count(*) FROM "Resource" WHERE ${where}`, params);
    await owner.query(`SELECT id, type, name, path FROM "Resource" WHERE ${where} ORDER BY "${f.sort}" ${f.dir}, id LIMIT 25`, params);
  },
};

// ---- in-process: the app's query functions next to the bare SQL ----------------------------------------------

log(`\n▸ Query functions (server time), ${RUNS} runs after 3 warm-ups`);
const S = "Query functions vs bare SQL";
add({ section: S, name: `search(guest, "${SEARCH_TERM}")`, app: await measure(() => search(guest, SEARCH_TERM), RUNS), bare: await measure(() => bare.search(guest), RUNS), goal: TARGETS.search });
add({ section: S, name: `search(admin, "${SEARCH_TERM}")`, app: await measure(() => search(admin, SEARCH_TERM), RUNS), bare: await measure(() => bare.search(admin), RUNS), goal: TARGETS.search });
add({ section: S, name: "catalogOverview(guest)", app: await measure(() => catalogOverview(guest, 8), RUNS), bare: await measure(() => bare.catalog(guest), RUNS) });
add({ section: S, name: "catalogOverview(admin)", app: await measure(() => catalogOverview(admin, 8), RUNS), bare: await measure(() => bare.catalog(admin), RUNS) });
const childParams = childrenUrl.load({});
add({ section: S, name: "resource detail + children page (guest, a table)", app: await measure(async () => { await getResourceDetail(guest, guestTable); await listChildren(guest, guestTable, childParams); }, RUNS), bare: await measure(() => bare.resource(guest, guestTable), RUNS) });
add({ section: S, name: "resource detail + children page (admin, same table)", app: await measure(async () => { await getResourceDetail(admin, guestTable); await listChildren(admin, guestTable, childParams); }, RUNS), bare: await measure(() => bare.resource(admin, guestTable), RUNS) });

const memberScenarios: [string, Record<string, string>, Parameters<typeof bare.members>[0]][] = [
  ["members: name asc, page 1", { sort: "name" }, { sort: "name", dir: "asc", page: 1 }],
  ["members: name desc, page 1000", { sort: "name", dir: "desc", page: "1000" }, { sort: "name", dir: "desc", page: 1000 }],
  ["members: text filter 'olga'", { q: "olga" }, { sort: "name", dir: "asc", page: 1, q: "olga" }],
  ["members: role Guest", { role: "GUEST" }, { sort: "name", dir: "asc", page: 1, role: "GUEST" }],
  ["members: team filter (largest internal team)", { team: internalTeam }, { sort: "name", dir: "asc", page: 1, team: internalTeam }],
  ["members: team General + role Editor", { team: general, role: "EDITOR" }, { sort: "name", dir: "asc", page: 1, team: general, role: "EDITOR", general: true }],
  ["members: last active desc", { sort: "lastActive", dir: "desc" }, { sort: `"lastActiveAt"`, dir: "desc NULLS LAST", page: 1 }],
];
for (const [name, sp, b] of memberScenarios) {
  const p = membersUrl.load(sp);
  add({ section: S, name, app: await measure(() => listMembers(admin, p), RUNS), bare: await measure(() => bare.members(b), RUNS), goal: TARGETS.members });
}
add({ section: S, name: "teams table: sorted by members desc", app: await measure(() => listTeamsTable(admin, teamsUrl.load({ sort: "members", dir: "desc" })), RUNS), bare: await measure(() => bare.teams(), RUNS), goal: TARGETS.teamsTable });
add({ section: S, name: "teams table: name asc", app: await measure(() => listTeamsTable(admin, teamsUrl.load({ sort: "name" })), RUNS), goal: TARGETS.teamsTable });
const resourceScenarios: [string, Record<string, string>, Parameters<typeof bare.resources>[0]][] = [
  ["resources table: name asc, page 1", {}, { sort: "name", dir: "asc" }],
  [`resources table: text filter '${SEARCH_TERM}'`, { q: SEARCH_TERM }, { sort: "name", dir: "asc", q: SEARCH_TERM }],
  ["resources table: type Table, updated desc", { type: "TABLE", sort: "updatedAt", dir: "desc" }, { sort: "updatedAt", dir: "desc", type: "TABLE" }],
  ["resources table: in the guest's client team", { team: guest.memberTeamIds[0]! }, { sort: "name", dir: "asc", team: guest.memberTeamIds[0]! }],
];
for (const [name, sp, b] of resourceScenarios) {
  const p = adminResourcesUrl.load(sp);
  add({ section: S, name, app: await measure(() => listAdminResources(admin, p), RUNS), bare: await measure(() => bare.resources(b), RUNS), goal: TARGETS.resourcesTable });
}

// ---- RLS on/off: the app's own SQL, replayed as the viewer (RLS on) and as the owner (RLS bypassed) ----------

log(`\n▸ Row-level security on/off (the app's captured SQL replayed)`);
async function capture(fn: () => Promise<unknown>) {
  loggingConnection();
  events.length = 0;
  await fn();
  timingConnection();
  return replayable(events);
}
for (const [name, v, fn] of [
  [`search(guest, "${SEARCH_TERM}")`, guest, () => search(guest, SEARCH_TERM)],
  [`search(admin, "${SEARCH_TERM}")`, admin, () => search(admin, SEARCH_TERM)],
  ["catalogOverview(guest)", guest, () => catalogOverview(guest, 8)],
  ["catalogOverview(admin)", admin, () => catalogOverview(admin, 8)],
] as const) {
  const statements = await capture(fn);
  const c = await owner.connect();
  try {
    const on = await measure(() => replay(c, statements, { userId: v.userId, workspaceId: ws, rls: true, role: appRoleFor(v) }), RUNS);
    const off = await measure(() => replay(c, statements, { userId: v.userId, workspaceId: ws, rls: false }), RUNS);
    add({ section: "Row-level security on/off", name: `${name}: ${statements.length} statements, RLS on vs off`, app: on, bare: off });
  } finally {
    c.release();
  }
}

// ---- writes ----------------------------------------------------------------------------------------------------

log(`\n▸ Writes`);
{
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const out = await withViewer(admin, (tx) => assignToTeams(tx, admin, { resourceIds: [archive], teamIds: [clientTeam2] }));
    xs.push(performance.now() - t);
    if (out.added !== 1) throw new Error("the archive was already in the team");
    await owner.query(`DELETE FROM "TeamResource" WHERE "teamId" = $1 AND "resourceId" = $2`, [clientTeam2, archive]);
    await owner.query(`DELETE FROM "AuditEvent" WHERE "targetId" = $1`, [archive]);
  }
  add({ section: "Writes", name: `assign a database of ${archiveSize.toLocaleString("en-US")} columns to a client team`, app: stats(xs), goal: TARGETS.assign });
}
// --no-sync leaves the sync out (on PGlite at 100,000 resources it alone takes minutes).
if (!flag("no-sync")) {
  // A source database of 1,000 tables × 100 columns, kept between runs; synced into a new integration inside a
  // transaction that is rolled back, so the workspace stays as generated.
  const srcName = "enclave_bench_src";
  const srcUrl = dbUrl(srcName);
  if (!(await exists(srcName))) {
    const a = new pg.Client({ connectionString: BENCH_SERVER });
    await a.connect();
    await a.query(`CREATE DATABASE ${srcName}`);
    await a.end();
    const s = new pg.Client({ connectionString: srcUrl });
    await s.connect();
    const cols = Array.from({ length: 100 }, (_, i) => `c${i} ${i % 3 ? "text" : "integer"}`).join(", ");
    await s.query(`CREATE SCHEMA bench; DO $$ BEGIN FOR i IN 1..1000 LOOP EXECUTE format('CREATE TABLE bench.t%s (${cols})', i); END LOOP; END $$;`);
    await s.end();
  }
  let t = performance.now();
  const nodes = await readPostgresCatalog(srcUrl);
  const read = performance.now() - t;
  let first = 0;
  let again = 0;
  let added = 0;
  class Rollback extends Error {}
  try {
    await withViewer(admin, async (tx) => {
      const integ = await tx.resource.create({ data: { workspaceId: ws, type: "INTEGRATION", name: "Bench sync", meta: { kind: "postgres" } }, select: { id: true } });
      t = performance.now();
      added = (await applyCatalog(tx, admin, integ.id, nodes)).added;
      first = performance.now() - t;
      t = performance.now();
      await applyCatalog(tx, admin, integ.id, nodes);
      again = performance.now() - t;
      throw new Rollback();
    }, { timeout: 30 * 60_000 });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  add({ section: "Writes", name: `sync: read a source catalog of ${nodes.length.toLocaleString("en-US")} items`, value: `${fmt(read)} ms` });
  add({ section: "Writes", name: `sync: first apply, ${added.toLocaleString("en-US")} new resources`, value: `${fmt(first)} ms` });
  add({ section: "Writes", name: "sync: re-sync, nothing changed", value: `${fmt(again)} ms` });
}

// ---- Automation preview ------------------------------------------------------------------------------------------
// Timed as the admin, inside withViewer like the preview action: a rule matching every table (about 47,000 at the
// default size) added to a client team.
{
  const input = { rule: { match: "all" as const, conditions: [{ kind: "type" as const, value: "TABLE" }] }, action: "add" as const, teamIds: [clientTeam2] };
  add({ section: "Writes", name: "automation preview: every table → a client team", app: await measure(() => withViewer(admin, (tx) => preview(tx, ws, input as PreviewInput)), Math.min(RUNS, 10), 1) });
}
// The pages the HTTP part times, each with the bare SQL of its question.
// Issue #20 sets no target for the settings pages over HTTP (its settings targets are the in-process rows above).
type Page = [name: string, path: string, who: "guest" | "admin", bare: (() => Promise<unknown>) | null, goal?: Target];
const pageList: Page[] = [
  ["catalog page (guest)", "/catalog", "guest", () => bare.catalog(guest), TARGETS.page],
  ["catalog page (admin)", "/catalog", "admin", () => bare.catalog(admin), TARGETS.page],
  ["resource page, a table (guest)", `/resources/${guestTable}`, "guest", () => bare.resource(guest, guestTable), TARGETS.page],
  ["resource page, same table (admin)", `/resources/${guestTable}`, "admin", () => bare.resource(admin, guestTable), TARGETS.page],
  [`search '${SEARCH_TERM}' (guest)`, `/search?q=${SEARCH_TERM}`, "guest", () => bare.search(guest), TARGETS.searchPage],
  [`search '${SEARCH_TERM}' (admin)`, `/search?q=${SEARCH_TERM}`, "admin", () => bare.search(admin), TARGETS.searchPage],
  ["settings/members, name asc", "/settings/members?sort=name", "admin", () => bare.members({ sort: "name", dir: "asc", page: 1 })],
  ["settings/members, text filter 'olga'", "/settings/members?q=olga", "admin", () => bare.members({ sort: "name", dir: "asc", page: 1, q: "olga" })],
  ["settings/members, team filter", `/settings/members?team=${internalTeam}`, "admin", () => bare.members({ sort: "name", dir: "asc", page: 1, team: internalTeam })],
  ["settings/teams, members desc", "/settings/teams?sort=members&dir=desc", "admin", () => bare.teams()],
  ["settings/teams, name asc", "/settings/teams?sort=name", "admin", null],
  [`settings/resources, text filter '${SEARCH_TERM}'`, `/settings/resources?q=${SEARCH_TERM}`, "admin", () => bare.resources({ sort: "name", dir: "asc", q: SEARCH_TERM })],
  ["settings/resources, type Table, updated desc", "/settings/resources?type=TABLE&sort=updatedAt&dir=desc", "admin", () => bare.resources({ sort: "updatedAt", dir: "desc", type: "TABLE" })],
];
const pages = PGLITE ? pageList.map(([n, p, w, b]): Page => [n, p, w, b, PGLITE_GOAL]) : pageList;
// PGlite: one process at a time on a folder, so the pages' bare SQL runs now, before the server opens it.
const pageBare = new Map<string, Stats>();
if (PGLITE && !flag("no-http")) {
  log(`\n▸ The pages' bare SQL, on the PGlite instance before the server takes the folder`);
  for (const [name, , , b] of pages) if (b) pageBare.set(name, await measure(b, RUNS));
}
await prisma.$disconnect();
await logging.$disconnect();
await opened?.close();

// ---- HTTP against the production build ---------------------------------------------------------------------------

let server: ChildProcess | undefined;
function descendants(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    for (const t of fs.readdirSync(`/proc/${p}/task`, { withFileTypes: true })) {
      const kids = fs.readFileSync(`/proc/${p}/task/${t.name}/children`, "utf8").trim();
      for (const k of kids ? kids.split(/\s+/).map(Number) : []) { out.push(k); visit(k); }
    }
  };
  try { visit(pid); } catch { /* gone */ }
  return out;
}
/** Resident memory of the Next.js server: its process tree minus the wrappers (tsx, scripts/start.ts). */
function serverRssMb(): number {
  if (!server?.pid) return NaN;
  let kb = 0;
  for (const p of descendants(server.pid)) {
    try {
      const cmd = fs.readFileSync(`/proc/${p}/cmdline`, "utf8");
      // The wrappers: tsx's command-line runner and scripts/start.ts. The server itself (scripts/serve.ts, under
      // tsx's loader: its command line names tsx too) counts.
      if (/tsx\/dist\/cli\.mjs|scripts\/start\.ts/.test(cmd)) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch { /* exited */ }
  }
  return kb / 1024;
}

/** CPU time (user + system, ms) of a process, from /proc; 0 once it has exited. */
function cpuMs(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100; // Linux's USER_HZ

/** The Next.js server's processes (as serverRssMb counts them). */
function serverPids(): number[] {
  if (!server?.pid) return [];
  return descendants(server.pid).filter((p) => {
    try { return !/tsx\/dist\/cli\.mjs|scripts\/start\.ts/.test(fs.readFileSync(`/proc/${p}/cmdline`, "utf8")); } catch { return false; }
  });
}

/**
 * CPU spent during a load run by the server and by PostgreSQL's backends of the bench database: each process's CPU
 * when last seen minus when first seen (a backend that appears during the run counts from zero). Sampled every
 * second, so it tells where a request's cost goes on a machine whose two cores both serve it.
 */
function cpuMeter(db: string) {
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const see = (kind: string, pid: number, fresh: boolean) => {
    const k = `${kind}:${pid}`;
    const v = cpuMs(pid);
    if (!first.has(k)) first.set(k, fresh ? 0 : v);
    if (v > 0) last.set(k, v);
  };
  const sample = async (fresh: boolean) => {
    for (const p of serverPids()) see("node", p, false);
    if (!db) return; // PGlite: the database is the server's own process
    const { rows } = await owner.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [db]);
    for (const r of rows) see("pg", r.pid, fresh);
  };
  const sum = (kind: string) => [...last].filter(([k]) => k.startsWith(`${kind}:`)).reduce((a, [k, v]) => a + v - (first.get(k) ?? 0), 0);
  return { sample, node: () => sum("node"), pg: () => sum("pg") };
}

async function get(pathname: string, cookie: string): Promise<void> {
  const res = await fetch(`${BASE}${pathname}`, { headers: { cookie }, redirect: "manual" });
  await res.text(); // time to last byte
  if (res.status !== 200) throw new Error(`GET ${pathname} answered ${res.status}`);
}

if (!flag("no-http")) {
  log(`\n▸ Production server on :${PORT} (${PGLITE ? `ENCLAVE_DATA_DIR=${DATA_DIR}, no DATABASE_URL` : `DATABASE_URL=${DB}`})`);
  // scripts/start.ts: migrations (already applied), `next build` when the sources are newer than the build, `next start`.
  const env = { ...process.env, DATABASE_URL: PGLITE ? "" : url, ...(PGLITE ? { ENCLAVE_DATA_DIR: DATA_DIR } : {}), PORT: String(PORT), NEXTAUTH_URL: `http://127.0.0.1:${PORT}`, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-bench-secret-bench-secret", NEXT_TELEMETRY_DISABLED: "1", ENCLAVE_SEED_DEMO: "" };
  const started = await startServer(BASE, env);
  server = started.child;
  const stop = started.stop;
  try {
    const adminCookie = await signIn(BASE, ADMIN_EMAIL, BENCH_PASSWORD);
    const guestCookie = await signIn(BASE, GUEST_EMAIL, BENCH_PASSWORD);
    const H = "HTTP, time to last byte";
    const cookieOf = { guest: guestCookie, admin: adminCookie };
    for (const [name, p, who, b, goal] of pages) {
      const app = await measure(() => get(p, cookieOf[who]), RUNS);
      const bareStats = PGLITE ? pageBare.get(name) : b ? await measure(b, RUNS) : undefined;
      add({ section: H, name, app, bare: bareStats, goal });
    }
    add({ section: H, name: "server resident memory after the pages", value: `${serverRssMb().toFixed(0)} MB` });

    // PGlite serves one statement at a time: its load run is opt-in (--load); its target is the pages'.
    if (!flag("no-load") && (!PGLITE || flag("load"))) {
      // The search endpoint (what the ⌘K palette asks, one search per keystroke pause) carries the target; the
      // whole /search page (search, facets, recent searches, the shell) is loaded for a third of the time, for
      // information.
      // The floor: a route handler that reads nothing (no session, no database), so that the search's own cost can
      // be told from what Next.js and this machine take per request.
      const H_CEIL = `the floor: /api/health (no session, no database), ${CONNS} connections, 10 s`;
      const runs: [string, string, number, LoadTarget | undefined][] = [
        [H_CEIL, "/api/health", 10, undefined],
        [`guest searches (/api/search), ${CONNS} connections, ${LOAD_S} s`, `/api/search?q=${SEARCH_TERM}`, LOAD_S, TARGETS.palette],
        [`guest /search pages, ${CONNS} connections, ${Math.ceil(LOAD_S / 3)} s`, `/search?q=${SEARCH_TERM}`, Math.ceil(LOAD_S / 3), TARGETS.searchPages],
      ];
      for (const [name, url, seconds, goal] of runs) {
        log(`\n▸ Load: ${name}`);
        let rss = serverRssMb();
        const cpu = cpuMeter(PGLITE ? "" : DB);
        await cpu.sample(false);
        const sampler = setInterval(() => { rss = Math.max(rss, serverRssMb()); void cpu.sample(true); }, 1000);
        const r = await autocannon({ url: `${BASE}${url}`, connections: CONNS, duration: seconds, headers: { cookie: guestCookie } });
        clearInterval(sampler);
        await cpu.sample(true);
        const l = { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, rss, total: r.requests.total };
        const verdict = goal?.judge({ rps: l.rps, p99: l.p99, errors: l.errors, non2xx: l.non2xx, rssMb: l.rss });
        const perRequest = l.total ? `; CPU per request: server ${fmt(cpu.node() / l.total)} ms${PGLITE ? "" : `, PostgreSQL ${fmt(cpu.pg() / l.total)} ms`}` : "";
        add({ section: "Load", name, value: `${l.rps.toFixed(0)} req/s, p99 ${l.p99} ms, ${l.total.toLocaleString("en-US")} requests, ${l.errors} errors, ${l.non2xx} non-2xx, server RSS max ${l.rss.toFixed(0)} MB${perRequest}`, target: verdict?.text, ok: verdict?.met });
      }
    }
  } finally {
    stop();
  }
}
await owner.end();

// ---- the table ------------------------------------------------------------------------------------------------

const pgliteVersion = (JSON.parse(fs.readFileSync(path.join(root, "node_modules", "@electric-sql", "pglite", "package.json"), "utf8")) as { version: string }).version;
const engineName = PGLITE ? `embedded PGlite ${pgliteVersion} (PostgreSQL ${dbVersion.v}, in-process)` : `PostgreSQL ${dbVersion.v}`;
const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${engineName}, Node ${process.version}; load average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")} (1/5/15 min)`;
const workspace = `${counts.Resource!.toLocaleString("en-US")} resources, ${counts.Membership!.toLocaleString("en-US")} members, ${counts.Team!.toLocaleString("en-US")} teams, ${counts.Group!.toLocaleString("en-US")} groups, ${counts.TeamResource!.toLocaleString("en-US")} assignments (generated in ${generation})`;
const total = ((performance.now() - started) / 60_000).toFixed(1);
const shownDir = path.relative(root, DATA_DIR).startsWith("..") ? DATA_DIR : path.relative(root, DATA_DIR);
const as = PGLITE ? `the PGlite folder ${shownDir} (its one user, a superuser; the app's transactions switch to enclave_app / enclave_admin)` : OWNER ? `the owner role ${OWNER.name} (LOGIN CREATEROLE, not a superuser: no LEAKPROOF)` : `${new URL(BENCH_SERVER).username} (a superuser)`;
let md = `Machine: ${machine}.  \nWorkspace: ${workspace}, connected as ${as}.  \nRun: \`npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}\`, ${RUNS} measured runs after 3 warm-ups, whole suite ${total} min, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.\n`;
for (const section of [...new Set(rows.map((r) => r.section))]) {
  const rs = rows.filter((r) => r.section === section);
  const rls = section.startsWith("Row-level");
  md += `\n**${section}**\n\n| measure | p50 ms | p95 ms | p99 ms | ${rls ? "RLS off p50 ms | on/off" : "bare SQL p50 ms | ratio"} | target |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n`;
  for (const r of rs) {
    if (r.value) { md += `| ${r.name} | ${r.value} | | | | | ${r.target ?? ""} |\n`; continue; }
    md += `| ${r.name} | ${fmt(r.app!.p50)} | ${fmt(r.app!.p95)} | ${fmt(r.app!.p99)} | ${r.bare ? fmt(r.bare.p50) : ""} | ${r.bare ? `${(r.app!.p50 / r.bare.p50).toFixed(1)}×` : ""} | ${r.target ?? ""} |\n`;
  }
}
console.log(`\n${md}`);
const jsonAt = argv.indexOf("--json");
if (jsonAt >= 0) fs.writeFileSync(argv[jsonAt + 1]!, JSON.stringify({ engine: ENGINE, resources: counts.Resource, minutes: Number(total), load: os.loadavg(), as, machine, workspace, rows, md }, null, 1));
if (!flag("no-write")) {
  const readme = path.join(root, "bench", "README.md");
  const text = fs.readFileSync(readme, "utf8");
  // The PGlite run has its own block, so it never replaces the PostgreSQL table.
  const block = PGLITE ? "pglite" : "results";
  const next = writeBlock(text, block, md);
  if (next) {
    fs.writeFileSync(readme, next);
    log(`▸ Wrote the table into bench/README.md (bench:${block})`);
  }
}
process.exit(0);
