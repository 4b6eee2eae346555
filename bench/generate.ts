// The large-workspace generator: a fresh PostgreSQL database, migrated by the project's own runner (so row-level
// security, the path trigger and the indexes are the real ones), then filled with COPY from the pure rows of
// bench/lib/workspace.ts. Reproducible from --seed.
//
//   npx tsx --tsconfig bench/tsconfig.json bench/generate.ts [--db enclave_bench] [--seed 1] [--resources 1000000]
//     [--members 100000] [--teams 2000] [--groups 5000] [--clients 50] [--guests 20] [--big-columns 100000]
//
// The server comes from BENCH_PG (default postgres://enclave:enclave@127.0.0.1:5432/postgres); the database named
// by --db is dropped and created again. While loading, triggers and foreign-key checks are off
// (session_replication_role = replica) and Resource's non-unique indexes are dropped; the paths are computed
// here exactly as the trigger would (parent's path + own id), the indexes are re-created from their own
// definitions, and a check compares every path and depth with its parent's before the run counts as done.
//
// --owner-role <name> (or BENCH_OWNER_ROLE) builds the database a managed PostgreSQL gives: the role (created if
// missing, LOGIN CREATEROLE, password BENCH_OWNER_PASSWORD or the name) owns the database and runs the
// migrations, so it owns the tables and the helpers and nothing is LEAKPROOF; only the bulk load runs as the
// server's superuser (session_replication_role needs one). The app and the suite then connect as that owner.
import { pathToFileURL } from "node:url";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import bcrypt from "bcryptjs";
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { applyMigrations } from "@/lib/db/migrate";
import { openPglite } from "@/lib/db/pglite";
import {
  BENCH_PASSWORD,
  DEFAULT_SIZES,
  copyLine,
  emptyPicks,
  generateAssignments,
  generatePeople,
  generateResources,
  type Sizes,
} from "./lib/workspace";
import { pgliteDirFor } from "./lib/sizes";

export const BENCH_SERVER = process.env.BENCH_PG ?? "postgres://enclave:enclave@127.0.0.1:5432/postgres";

export function dbUrl(name: string, server = BENCH_SERVER): string {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The non-superuser owner of --owner-role mode, or null for the superuser's own database. */
export type OwnerRole = { name: string; password: string } | null;

export function ownerRole(argv: string[]): OwnerRole {
  const i = argv.indexOf("--owner-role");
  const name = i >= 0 ? argv[i + 1] : process.env.BENCH_OWNER_ROLE;
  if (!name) return null;
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || name.startsWith("pg_")) throw new Error(`--owner-role ${name}: a plain lower-case role name`);
  return { name, password: process.env.BENCH_OWNER_PASSWORD ?? name };
}

/** The database's URL as the app connects to it: as the owner role when there is one. */
export function appUrl(name: string, owner: OwnerRole): string {
  const u = new URL(dbUrl(name));
  if (owner) {
    u.username = owner.name;
    u.password = owner.password;
  }
  return u.toString();
}

/** One bcrypt hash for every generated account (fixed salt: the database is the same from one run to the next). */
export const PASSWORD_HASH = bcrypt.hashSync(BENCH_PASSWORD, "$2b$10$benchbenchbenchbenchbe");

/** Joins short lines into ~256 kB chunks: COPY is then limited by the server, not by stream overhead. */
function* chunked(lines: Iterable<string>): Generator<string> {
  let buf = "";
  for (const l of lines) {
    buf += l;
    if (buf.length > 256_000) {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}

/** What the loading needs of a database: statements and a bulk COPY of text-format lines. */
type Loader = {
  engine: "postgres" | "pglite";
  query<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  copy(table: string, columns: string[], lines: Iterable<string>): Promise<void>;
};

const copySql = (table: string, columns: string[], from: string) => `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM ${from}`;

function pgLoader(client: pg.Client): Loader {
  return {
    engine: "postgres",
    query: async (sql, params) => client.query(sql, params),
    async copy(table, columns, lines) {
      await pipeline(Readable.from(chunked(lines)), client.query(copyFrom(copySql(table, columns, "STDIN"))));
    },
  };
}

/**
 * PGlite has no COPY FROM STDIN; it reads a Blob as the file '/dev/blob'. The lines go in blobs of ~32 MB (one
 * COPY each), so a large table never sits in memory whole.
 */
function pgliteLoader(db: PGlite): Loader {
  return {
    engine: "pglite",
    query: async (sql, params) => db.query(sql, params),
    async copy(table, columns, lines) {
      let parts: string[] = [];
      let size = 0;
      const flush = async () => {
        if (!parts.length) return;
        await db.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob(parts) });
        parts = [];
        size = 0;
      };
      for (const chunk of chunked(lines)) {
        parts.push(chunk);
        size += chunk.length;
        if (size > 32_000_000) await flush();
      }
      await flush();
    },
  };
}

export type Generated = { url: string; seconds: number; counts: Record<string, number>; sizes: Sizes };

export async function generate(sizes: Sizes, name: string, log: (s: string) => void = console.log, owner: OwnerRole = null): Promise<Generated> {
  if (!/^enclave_bench[a-z0-9_]*$/.test(name)) throw new Error(`Refusing to (re)create ${name}: bench databases are named enclave_bench*.`);
  const t0 = performance.now();
  const lap = (what: string) => log(`  ${what.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  const admin = new pg.Client({ connectionString: BENCH_SERVER });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    if (owner) {
      const { rowCount } = await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [owner.name]);
      if (!rowCount) await admin.query(`CREATE ROLE ${owner.name} LOGIN CREATEROLE PASSWORD '${owner.password.replace(/'/g, "''")}'`);
      const { rows: [r] } = await admin.query<{ rolsuper: boolean; rolbypassrls: boolean }>(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`, [owner.name]);
      if (r!.rolsuper || r!.rolbypassrls) throw new Error(`--owner-role ${owner.name} is a superuser or BYPASSRLS: that is not the managed-database case`);
      await admin.query(`CREATE DATABASE ${name} OWNER ${owner.name}`);
    } else await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = dbUrl(name);
  await applyMigrations({ url: appUrl(name, owner) });
  lap("created and migrated");

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const counts = await fill(pgLoader(c), sizes, lap);
    return { url: appUrl(name, owner), seconds: (performance.now() - t0) / 1000, counts, sizes };
  } finally {
    await c.end();
  }
}

/**
 * The same workspace in an embedded PGlite folder (the app's default engine): the folder is emptied, opened
 * as the app opens it (lib/db/pglite.ts: its extensions, its lock), migrated by the same runner and filled the
 * same way, COPY reading blobs. PGlite's one user is a superuser, as the load needs.
 */
export async function generatePglite(sizes: Sizes, dataDir: string, log: (s: string) => void = console.log): Promise<Omit<Generated, "url"> & { dataDir: string }> {
  const dir = path.resolve(dataDir);
  if (!/bench/.test(path.basename(dir))) throw new Error(`Refusing to empty ${dir}: bench data folders have "bench" in their name.`);
  const t0 = performance.now();
  const lap = (what: string) => log(`  ${what.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  fs.rmSync(dir, { recursive: true, force: true });
  const opened = await openPglite(dir);
  try {
    await applyMigrations({ pglite: opened.db });
    lap("created and migrated");
    const counts = await fill(pgliteLoader(opened.db), sizes, lap);
    await opened.db.query("CHECKPOINT");
    return { dataDir: dir, seconds: (performance.now() - t0) / 1000, counts, sizes };
  } finally {
    await opened.close();
  }
}

/** Fills a migrated, empty database: triggers off, Resource's non-unique indexes dropped and rebuilt, checked. */
async function fill(c: Loader, sizes: Sizes, lap: (what: string) => void): Promise<Record<string, number>> {
    await c.query(`SET session_replication_role = replica`); // no triggers, no FK checks while loading
    await c.query(`SET maintenance_work_mem = '${c.engine === "pglite" ? "128MB" : "512MB"}'`);
    const { rows: idx } = await c.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class x ON x.relname = i.indexname JOIN pg_index ix ON ix.indexrelid = x.oid
        WHERE i.tablename = 'Resource' AND NOT ix.indisunique`,
    );
    for (const i of idx) await c.query(`DROP INDEX "${i.indexname}"`);

    const people = generatePeople(sizes);
    const ws = people.workspace.id;
    const adminId = people.users[0]!.id;
    await c.copy("Workspace", ["id", "name", "slug"], [copyLine([ws, people.workspace.name, people.workspace.slug])]);
    await c.copy("User", ["id", "email", "name", "passwordHash", "status", "createdAt", "lastActiveAt"],
      people.users.map((u) => copyLine([u.id, u.email, u.name, PASSWORD_HASH, u.status, u.createdAt, u.lastActiveAt])));
    await c.copy("Membership", ["id", "workspaceId", "userId", "role", "createdAt", "status", "lastActiveAt"], people.memberships.map((m) => copyLine([m.id, ws, m.userId, m.role, m.createdAt, m.status, m.lastActiveAt])));
    await c.copy("Team", ["id", "workspaceId", "name", "slug", "description", "visibility", "isDefault"],
      people.teams.map((t) => copyLine([t.id, ws, t.name, t.slug, t.description, t.visibility, t.isDefault])));
    await c.copy("Group", ["id", "workspaceId", "name", "description"], people.groups.map((g) => copyLine([g.id, ws, g.name, g.description])));
    await c.copy("TeamMember", ["workspaceId", "teamId", "userId"], people.teamMembers.map((x) => copyLine([ws, x.teamId, x.userId])));
    await c.copy("GroupMember", ["workspaceId", "groupId", "userId"], people.groupMembers.map((x) => copyLine([ws, x.groupId, x.userId])));
    await c.copy("TeamGroup", ["workspaceId", "teamId", "groupId"], people.teamGroups.map((x) => copyLine([ws, x.teamId, x.groupId])));
    lap(`people: ${people.users.length.toLocaleString("en-US")} members, ${people.teams.length} teams, ${people.groups.length} groups`);

    const picks = emptyPicks();
    let n = 0;
    const resourceLines = function* () {
      for (const r of generateResources(sizes, picks)) {
        n++;
        yield copyLine([r.id, ws, r.type, r.name, r.description, r.parentId, r.path, r.path.length - 1, r.externalKey, JSON.stringify(r.meta), r.createdAt, r.createdAt]);
      }
    };
    await c.copy("Resource", ["id", "workspaceId", "type", "name", "description", "parentId", "path", "depth", "externalKey", "meta", "createdAt", "updatedAt"], resourceLines());
    lap(`resources: ${n.toLocaleString("en-US")} copied`);
    const assignments = generateAssignments(sizes, people, picks);
    await c.copy("TeamResource", ["workspaceId", "teamId", "resourceId", "source", "createdById"],
      assignments.map((a) => copyLine([ws, a.teamId, a.resourceId, "MANUAL", adminId])));
    // Each assignment's copy of its resource's path, as the (disabled) trigger team_resource_path would write it.
    await c.query(`UPDATE "TeamResource" tr SET path = r.path FROM "Resource" r WHERE r.id = tr."resourceId" AND r."workspaceId" = tr."workspaceId"`);
    // The search vector, as the (disabled) trigger would have written it, in one set-based pass before the GIN
    // indexes come back: the words of the name (A), the description (B) and the ancestors' names in path order (C).
    await c.query(
      `UPDATE "Resource" r SET search =
          setweight(to_tsvector('simple', search_words(r.name)), 'A')
       || setweight(to_tsvector('simple', search_words(r.description)), 'B')
       || setweight(to_tsvector('simple', coalesce((
            SELECT string_agg(search_words(a.name), ' ' ORDER BY p.ord)
              FROM unnest(r.path) WITH ORDINALITY AS p(aid, ord) JOIN "Resource" a ON a.id = p.aid AND a."workspaceId" = r."workspaceId"
             WHERE p.aid <> r.id), '')), 'C')`,
    );
    lap("search vectors computed");
    // The members table's sort keys, as the (disabled) trigger membership_sort_keys would write them.
    await c.query(`UPDATE "Membership" m SET "sortName" = coalesce(m."shownName", u.name), "sortEmail" = u.email FROM "User" u WHERE u.id = m."userId"`);
    // Every team's member count, as the (disabled) team_member_count triggers would keep it: one recount by the rule.
    await c.query(`SELECT team_member_recount(ARRAY(SELECT id FROM "Team"))`);
    for (const i of idx) await c.query(i.indexdef);
    lap(`${assignments.length.toLocaleString("en-US")} assignments; Resource indexes re-created`);
    await c.query(`RESET session_replication_role`);

    // The trigger's rule, checked on every row: path = parent's path + own id, depth = path length - 1, and
    // every parent exists in the workspace (foreign keys were not checked while loading).
    const { rows: [bad] } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Resource" r LEFT JOIN "Resource" p ON p.id = r."parentId" AND p."workspaceId" = r."workspaceId"
        WHERE r.path IS DISTINCT FROM (CASE WHEN r."parentId" IS NULL THEN ARRAY[r.id] ELSE p.path || r.id END)
           OR r.depth <> array_length(r.path, 1) - 1`,
    );
    if (bad!.n) throw new Error(`${bad!.n} resources have a path the trigger would not have computed`);
    const { rows: [badSearch] } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT * FROM "Resource" TABLESAMPLE BERNOULLI (0.2) REPEATABLE (1)) r
        WHERE r.search IS DISTINCT FROM resource_search_vector(r."workspaceId", r.id, r.path, r.name, r.description)`,
    );
    if (badSearch!.n) throw new Error(`${badSearch!.n} sampled resources have a search vector the trigger would not have computed`);
    const { rows: [orphans] } = await c.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM "TeamResource" tr WHERE NOT EXISTS (SELECT 1 FROM "Resource" r WHERE r.id = tr."resourceId" AND r.path = tr.path))
             + (SELECT count(*) FROM "Membership" m WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = m."userId")))::int AS n`,
    );
    if (orphans!.n) throw new Error(`${orphans!.n} rows point at nothing`);
    const { rows: [badKeys] } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Membership" m JOIN "User" u ON u.id = m."userId"
        WHERE m."sortName" IS DISTINCT FROM coalesce(m."shownName", u.name) OR m."sortEmail" IS DISTINCT FROM u.email`,
    );
    if (badKeys!.n) throw new Error(`${badKeys!.n} memberships have sort keys the trigger would not have computed`);
    lap("paths and references checked");
    await c.query(`VACUUM ANALYZE`);
    lap("vacuum analyze");
    const counts: Record<string, number> = {};
    for (const t of ["User", "Membership", "Team", "Group", "TeamMember", "GroupMember", "TeamGroup", "Resource", "TeamResource"]) {
      counts[t] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]!.n;
    }
    return counts;
}

export function parseSizes(argv: string[]): Sizes & { db: string } {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, d: number) => {
    const v = arg(name);
    if (v === undefined) return d;
    const n = Number(v.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not ${v}`);
    return n;
  };
  return {
    db: arg("db") ?? "enclave_bench",
    seed: num("seed", DEFAULT_SIZES.seed),
    resources: num("resources", DEFAULT_SIZES.resources),
    members: num("members", DEFAULT_SIZES.members),
    teams: num("teams", DEFAULT_SIZES.teams),
    groups: num("groups", DEFAULT_SIZES.groups),
    clients: num("clients", DEFAULT_SIZES.clients),
    guestsPerClient: num("guests", DEFAULT_SIZES.guestsPerClient),
    bigColumns: num("big-columns", DEFAULT_SIZES.bigColumns),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2);
  const { db, ...sizes } = parseSizes(argv);
  const at = argv.indexOf("--data-dir");
  const done = (seconds: number, counts: Record<string, number>, where: string) => console.log(`Done in ${seconds.toFixed(1)} s: ${JSON.stringify(counts)}\n${where}`);
  const run =
    argv.includes("--pglite") || argv[argv.indexOf("--engine") + 1] === "pglite"
      ? (() => {
          const dir = at >= 0 ? argv[at + 1]! : pgliteDirFor(sizes.resources);
          console.log(`Generating the embedded PGlite folder ${dir}: ${JSON.stringify(sizes)}`);
          return generatePglite(sizes, dir).then((g) => done(g.seconds, g.counts, `ENCLAVE_DATA_DIR=${g.dataDir}`));
        })()
      : (() => {
          const owner = ownerRole(argv);
          console.log(`Generating ${db}${owner ? ` owned by ${owner.name}` : ""}: ${JSON.stringify(sizes)}`);
          return generate(sizes, db, console.log, owner).then((g) => done(g.seconds, g.counts, `DATABASE_URL=${g.url}`));
        })();
  run.catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
