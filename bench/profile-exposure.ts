// EXPLAIN (ANALYZE, BUFFERS) of the exposure statement, as the owner, parameters inlined, inside rolled-back
// transactions: the whole workspace, and the checks of bench/exposure.ts (the write made, then the one statement).
//   flock /tmp/bench.lock npx tsx --tsconfig bench/tsconfig.json bench/profile-exposure.ts --db enclave_bench_guard [--which all,assign,group] [--full]
import pg from "pg";
import { exposureSql, type Focus, type Written } from "@/lib/isolation/rule-sql";
import { dbUrl } from "./generate";
import { ADMIN_EMAIL, ARCHIVE_DB, clientName } from "./lib/workspace";

const argv = process.argv.slice(2);
const opt = (n: string, d: string) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1]! : d;
};
const DB = opt("db", "enclave_bench");
const which = opt("which", "all,assign,group").split(",");
const full = argv.includes("--full");
const c = new pg.Client({ connectionString: dbUrl(DB) });
await c.connect();
const one = async <T,>(sql: string, p: unknown[] = []) => (await c.query(sql, p)).rows[0] as T;
const lit = (v: unknown): string =>
  Array.isArray(v) ? `ARRAY[${v.map(lit).join(",")}]::text[]` : typeof v === "boolean" ? String(v) : v === null ? "NULL" : `'${String(v).replace(/'/g, "''")}'`;
const inline = (q: { text: string; values: unknown[] }) => q.text.replace(/\$(\d+)/g, (_, n) => lit(q.values[Number(n) - 1]));

async function explain(label: string, focus: Focus, written: Written | null) {
  const q = exposureSql(ws, focus, written);
  await c.query(`SET LOCAL jit = ${process.env.JIT ?? "off"}`);
  const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${inline(q)}`);
  const lines = r.rows.map((x) => x["QUERY PLAN"] as string);
  console.log(`\n### ${label}`);
  for (const l of lines) if (full || /^\s*(CTE \w+|->  .*CTE Scan on (k1|ov|gm|asg)|Planning Time|Execution Time)/.test(l) || /^[A-Z]/.test(l)) console.log(l);
}

const ws = (await one<{ id: string }>(`SELECT m."workspaceId" AS id FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`, [ADMIN_EMAIL])).id;
const archive = (await one<{ id: string }>(`SELECT id FROM "Resource" WHERE "workspaceId" = $1 AND type = 'DATABASE' AND name = $2`, [ws, ARCHIVE_DB])).id;
const client1 = (await one<{ id: string }>(`SELECT id FROM "Team" WHERE "workspaceId" = $1 AND name = $2`, [ws, clientName(0)])).id;
const client2 = (await one<{ id: string }>(`SELECT id FROM "Team" WHERE "workspaceId" = $1 AND name = $2`, [ws, clientName(1)])).id;
try {
  if (which.includes("all")) {
    await c.query("BEGIN");
    await explain("whole workspace", null, null);
    await c.query("ROLLBACK");
  }
  if (which.includes("assign")) {
    await c.query("BEGIN");
    await c.query(`INSERT INTO "TeamResource" ("workspaceId", "teamId", "resourceId", source) VALUES ($1, $2, $3, 'MANUAL')`, [ws, client1, archive]);
    await explain("assign archive to client 1: one statement after the write", { teams: [client1] }, { assignments: [{ teamId: client1, resourceId: archive }] });
    if (argv.includes("--two")) await explain("assign archive to client 1: the after read of the two-pass", { teams: [client1] }, null);
    await c.query("ROLLBACK");
  }
  if (which.includes("group")) {
    await c.query("BEGIN");
    const g = (await one<{ id: string }>(`INSERT INTO "Group" (id, "workspaceId", name) VALUES (gen_random_uuid(), $1, 'profile group') RETURNING id`, [ws])).id;
    await c.query(
      `INSERT INTO "GroupMember" ("workspaceId", "groupId", "userId")
       SELECT $1, $2, x.id FROM (
         (SELECT m."userId" AS id FROM "Membership" m WHERE m."workspaceId" = $1 AND m.role IN ('EDITOR', 'VIEWER') ORDER BY m."userId" LIMIT 980)
         UNION ALL
         (SELECT gm."userId" FROM "GroupMember" gm JOIN "TeamGroup" tg ON tg."groupId" = gm."groupId" WHERE tg."teamId" = $3 LIMIT 20)) x
       ON CONFLICT DO NOTHING`,
      [ws, g, client2],
    );
    const users = (await c.query(`SELECT "userId" AS id FROM "GroupMember" WHERE "groupId" = $1`, [g])).rows.map((r) => r.id as string);
    await c.query(`INSERT INTO "TeamGroup" ("workspaceId", "teamId", "groupId") VALUES ($1, $2, $3)`, [ws, client1, g]);
    await explain(`add a group of ${users.length} to client 1: one statement after the write`, { users }, { teamGroups: [{ teamId: client1, groupId: g }] });
    if (argv.includes("--two")) await explain("add the group: the after read of the two-pass", { users }, null);
    await c.query("ROLLBACK");
  }
} finally {
  await c.end();
}
