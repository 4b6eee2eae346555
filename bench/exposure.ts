// Benchmark of the isolation guardrails (issue #16) on the generated workspace (1,000,000 resources, 100,000
// members: bench/generate.ts), as the admin, inside withViewer (the app role, row-level security on):
//   - the exposure check of one change, the write made and rolled back as a preview makes it:
//       assigning the `archive` database (100,000 columns) to a client team;
//       adding a group of 1,000 people (980 employees and 20 guests of another client) to a client team;
//   - the whole workspace's exposure report (Settings → Isolation), no cut-off.
//   flock /tmp/bench.lock npx tsx --tsconfig bench/tsconfig.json bench/exposure.ts [--db enclave_bench] [--runs 20]
// The database must have been generated (bench/generate.ts --db …). The group is created for the run and removed.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { setConnection } from "@/lib/db/client";
import { withViewer } from "@/lib/db/scoped";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { previewWrite } from "@/lib/isolation/preview";
import { reviewAssignment } from "@/lib/resources/assign";
import { reviewGroupToTeam } from "@/lib/teams/membership";
import { reportIn } from "@/lib/isolation/queries";
import { exposuresIn } from "@/lib/isolation/rule-sql";
import { dbUrl } from "./generate";
import { ADMIN_EMAIL, ARCHIVE_DB, clientName } from "./lib/workspace";
import { fmt, measure } from "./lib/measure";

const argv = process.argv.slice(2);
const opt = (n: string, d: string) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1]! : d;
};
const DB = opt("db", "enclave_bench");
const RUNS = Number(opt("runs", "20"));
const url = dbUrl(DB);
const owner = new pg.Pool({ connectionString: url, max: 2 });
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
setConnection({ prisma, engine: "postgres", close: () => prisma.$disconnect() });
const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await owner.query<T>(sql, params)).rows[0]!;

const u = await prisma.user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL } });
const admin = (await resolveViewer(prisma, u.id, u.sessionVersion))!;
const ws = admin.workspaceId;
const counts = await one<{ r: number; m: number; a: number }>(
  `SELECT (SELECT count(*) FROM "Resource" WHERE "workspaceId" = $1)::int AS r, (SELECT count(*) FROM "Membership" WHERE "workspaceId" = $1)::int AS m,
          (SELECT count(*) FROM "TeamResource" WHERE "workspaceId" = $1)::int AS a`,
  [ws],
);
console.log(`▸ ${DB}: ${counts.r.toLocaleString("en-US")} resources, ${counts.m.toLocaleString("en-US")} members, ${counts.a.toLocaleString("en-US")} assignments`);
const archive = (await one<{ id: string }>(`SELECT id FROM "Resource" WHERE "workspaceId" = $1 AND type = 'DATABASE' AND name = $2`, [ws, ARCHIVE_DB])).id;
const columns = (await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Resource" WHERE path @> ARRAY[$1::uuid] AND type = 'COLUMN'`, [archive])).n;
const client1 = (await one<{ id: string }>(`SELECT id FROM "Team" WHERE "workspaceId" = $1 AND name = $2`, [ws, clientName(0)])).id;
const client2 = (await one<{ id: string }>(`SELECT id FROM "Team" WHERE "workspaceId" = $1 AND name = $2`, [ws, clientName(1)])).id;

// A group of 1,000: 980 employees and the 20 guests of the second client (so the check finds, and words, exposures).
const group = (await one<{ id: string }>(`INSERT INTO "Group" (id, "workspaceId", name) VALUES (gen_random_uuid(), $1, 'bench exposure group') RETURNING id`, [ws])).id;
await owner.query(
  `INSERT INTO "GroupMember" ("workspaceId", "groupId", "userId")
   SELECT $1, $2, x.id FROM (
     (SELECT m."userId" AS id FROM "Membership" m WHERE m."workspaceId" = $1 AND m.role IN ('EDITOR', 'VIEWER') ORDER BY m."userId" LIMIT 980)
     UNION ALL
     (SELECT gm."userId" FROM "GroupMember" gm JOIN "TeamGroup" tg ON tg."groupId" = gm."groupId" WHERE tg."teamId" = $3 LIMIT 20)) x
   ON CONFLICT DO NOTHING`,
  [ws, group, client2],
);
const members = (await one<{ n: number }>(`SELECT count(*)::int AS n FROM "GroupMember" WHERE "groupId" = $1`, [group])).n;

const rows: string[] = [];
const line = (name: string, s: { p50: number; p95: number; p99: number }, target: string, ok: boolean, extra = "") => {
  const r = `| ${name} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${target} | ${ok ? "✓" : "✗"} |${extra}`;
  rows.push(r);
  console.log(r);
};
try {
  let found = 0;
  const a = await measure(async () => {
    const r = await previewWrite(admin, (tx) => reviewAssignment(tx, admin, { resourceIds: [archive], teamIds: [client1] }));
    found = r.count;
  }, RUNS, 2);
  line(`exposure check: assign a database of ${columns.toLocaleString("en-US")} columns to a client team (${found} exposures)`, a, "p95 ≤ 200 ms", a.p95 <= 200);

  const g = await measure(async () => {
    const r = await previewWrite(admin, (tx) => reviewGroupToTeam(tx, admin, { teamId: client1, groupId: group }));
    found = r.exposures.count;
  }, RUNS, 2);
  line(`exposure check: add a group of ${members.toLocaleString("en-US")} people to a client team (${found} exposures)`, g, "p95 ≤ 200 ms", g.p95 <= 200);

  let findings = 0;
  const rep = await measure(async () => {
    findings = (await withViewer(admin, (tx) => reportIn(tx, ws), { timeout: 120_000 })).findings;
  }, Math.min(RUNS, 5), 1);
  line(`workspace exposure report, whole workspace (${findings} exposures)`, rep, "≤ 2 s", rep.p95 <= 2000);

  const raw = await measure(() => withViewer(admin, (tx) => exposuresIn(tx, ws)), Math.min(RUNS, 5), 1);
  line("the rule's SQL alone, whole workspace", raw, "", true);
} finally {
  await owner.query(`DELETE FROM "Group" WHERE id = $1`, [group]);
  await prisma.$disconnect();
  await owner.end();
}
console.log("\n| measure | p50 ms | p95 ms | p99 ms | target | |\n| --- | --- | --- | --- | --- | --- |\n" + rows.join("\n"));
