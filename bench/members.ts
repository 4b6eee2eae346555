// The members table at scale: 50,000 members in one workspace on PostgreSQL, then the table's query (the same
// listMembers the page calls: count + one sorted, filtered page + teams/groups/invitations of the page's rows)
// timed over sorted and filtered pages. Prints p50/p95 per scenario.
//
//   DATABASE_URL=postgres://enclave:enclave@127.0.0.1:5432/enclave_test \
//     node --conditions=react-server --import tsx bench/members.ts [--members 50000] [--runs 30] [--keep]
//
// It creates its own database next to DATABASE_URL's (enclave_bench_<random>) and drops it afterwards.
import crypto from "node:crypto";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { connect } from "@/lib/db/connect";
import { setConnection } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/demo";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { listMembers } from "@/lib/members/queries";
import { membersUrl } from "@/lib/members/schemas";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MEMBERS = arg("members", 50_000);
const RUNS = arg("runs", 30);
const KEEP = process.argv.includes("--keep");

const FIRST = ["Ana", "Ben", "Cara", "Dan", "Eve", "Finn", "Gina", "Hal", "Ida", "Jo", "Kim", "Lee", "Max", "Ned", "Olga", "Pat", "Quinn", "Rosa", "Sven", "Tara"];
const LAST = ["Souza", "Carter", "Mendes", "Okafor", "Larsen", "Walsh", "Russo", "Ng", "Berg", "Novak", "Silva", "Kaur", "Ito", "Moreau", "Dubois", "Khan"];

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main() {
  const server = process.env.DATABASE_URL;
  if (!server?.startsWith("postgres")) throw new Error("Set DATABASE_URL to a PostgreSQL server (postgres://…).");
  const name = `enclave_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const t0 = Date.now();
  try {
    await applyMigrations({ url: url.toString() });
    const conn = await connect({ url: url.toString() });
    setConnection(conn);
    await seedDemo(conn.prisma);
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    const { rows: [ws] } = await pool.query(`SELECT id FROM "Workspace" LIMIT 1`);
    const teams = (await pool.query(`SELECT id, name FROM "Team" WHERE "workspaceId" = $1 ORDER BY name`, [ws.id])).rows as { id: string; name: string }[];
    const groups = (await pool.query(`SELECT id FROM "Group" WHERE "workspaceId" = $1`, [ws.id])).rows as { id: string }[];
    const roles = ["GUEST", "GUEST", "GUEST", "VIEWER", "VIEWER", "EDITOR", "ADMIN"];
    const statuses = ["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "INVITED", "DEACTIVATED"];

    // Batched inserts: 5,000 people per statement for users, memberships, team and group memberships.
    const BATCH = 5_000;
    for (let start = 0; start < MEMBERS; start += BATCH) {
      const n = Math.min(BATCH, MEMBERS - start);
      const ids = Array.from({ length: n }, () => crypto.randomUUID());
      const i = Array.from({ length: n }, (_, k) => start + k);
      await pool.query(
        `INSERT INTO "User" (id, email, name, status, "createdAt", "lastActiveAt")
         SELECT id, email, name, status::"UserStatus", now() - (k || ' minutes')::interval, CASE WHEN k % 5 = 0 THEN NULL ELSE now() - ((k * 7) % 100000 || ' minutes')::interval END
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS t(id, email, name, status, k)`,
        [ids, i.map((k) => `member${k}@bench${k % 97}.test`), i.map((k) => `${FIRST[k % FIRST.length]} ${LAST[(k * 7) % LAST.length]} ${k}`), i.map((k) => statuses[k % statuses.length]), i],
      );
      await pool.query(
        // The standing and activity the members table reads are the membership's (#15 item 8).
        `INSERT INTO "Membership" (id, "workspaceId", "userId", role, "createdAt", status, "lastActiveAt")
         SELECT gen_random_uuid(), $1, t.id, t.role::"Role", now() - (t.k || ' minutes')::interval, u.status, u."lastActiveAt"
           FROM unnest($2::uuid[], $3::text[], $4::int[]) AS t(id, role, k) JOIN "User" u ON u.id = t.id`,
        [ws.id, ids, i.map((k) => roles[k % roles.length]), i],
      );
      await pool.query(
        `INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") SELECT $1, team, id FROM unnest($2::uuid[], $3::uuid[]) AS t(id, team) WHERE team IS NOT NULL`,
        [ws.id, ids, i.map((k) => (k % 3 === 0 ? teams[k % teams.length]!.id : null))],
      );
      await pool.query(
        `INSERT INTO "GroupMember" ("workspaceId", "groupId", "userId") SELECT $1, g, id FROM unnest($2::uuid[], $3::uuid[]) AS t(id, g) WHERE g IS NOT NULL`,
        [ws.id, ids, i.map((k) => (k % 4 === 0 ? groups[k % groups.length]!.id : null))],
      );
    }
    await pool.query("ANALYZE");
    const total = (await pool.query(`SELECT count(*)::int AS n FROM "Membership"`)).rows[0].n;
    console.log(`Generated ${total.toLocaleString("en-US")} members in ${((Date.now() - t0) / 1000).toFixed(1)} s (database ${name}).`);

    const u = await conn.prisma.user.findUniqueOrThrow({ where: { email: "admin@acme.test" } });
    const viewer = (await resolveViewer(conn.prisma, u.id, u.sessionVersion))!;
    const globex = teams.find((t) => t.name === "Globex")!.id;
    const general = teams.find((t) => t.name === "General")!.id;
    const scenarios: [string, Record<string, string>][] = [
      ["name asc, page 1", { sort: "name" }],
      ["name desc, page 1000 (size 25)", { sort: "name", dir: "desc", page: "1000" }],
      ["email asc, size 100", { sort: "email", size: "100" }],
      ["joined desc", { sort: "joined", dir: "desc" }],
      ["last active desc", { sort: "lastActive", dir: "desc" }],
      ["role = Guest, sorted by name", { role: "GUEST" }],
      ["status = Invited, sorted by email", { status: "INVITED", sort: "email" }],
      ["text filter 'olga', sorted by name", { q: "olga" }],
      ["text filter 'bench42', page 3", { q: "bench42", page: "3" }],
      ["team = Globex (direct or via group)", { team: globex }],
      ["team = General (all non-guests) + role Editor", { team: general, role: "EDITOR" }],
    ];
    const all: number[] = [];
    console.log(`\n${"scenario".padEnd(48)} ${"rows".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
    for (const [label, sp] of scenarios) {
      const params = membersUrl.load(sp);
      const times: number[] = [];
      let totalRows = 0;
      for (let r = 0; r < RUNS + 3; r++) {
        const s = performance.now();
        const page = await listMembers(viewer, params);
        const ms = performance.now() - s;
        totalRows = page!.total;
        if (r >= 3) times.push(ms); // 3 warm-up runs
      }
      all.push(...times);
      console.log(`${label.padEnd(48)} ${String(totalRows).padStart(7)} ${pct(times, 50).toFixed(1).padStart(8)} ${pct(times, 95).toFixed(1).padStart(8)}`);
    }
    console.log(`${"all scenarios".padEnd(48)} ${"".padStart(7)} ${pct(all, 50).toFixed(1).padStart(8)} ${pct(all, 95).toFixed(1).padStart(8)}`);
    await pool.end();
    await conn.close();
  } finally {
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    else console.log(`Kept database ${name}.`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
