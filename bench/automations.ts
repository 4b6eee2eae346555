// Benchmark: an automation whose rule matches 100,000 of 1,000,000 resources — preview, run (batches through
// processRun, as the queue's worker does), an identical second run (changes nothing), and undo.
//   DATABASE_URL=postgres://… npx tsx --tsconfig bench/tsconfig.json bench/automations.ts [total=1000000] [batch]
// Without DATABASE_URL it runs on an in-memory PGlite. On a server it creates and drops its own database.
import crypto from "node:crypto";
import pg from "pg";
import { connect } from "@/lib/db/connect";
import { openMemoryPglite } from "@/lib/db/pglite";
import { applyMigrations } from "@/lib/db/migrate";
import { setConnection } from "@/lib/db/client";
import { withViewer } from "@/lib/db/scoped";
import { seedDemo } from "@/prisma/seed/demo";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { preview } from "@/lib/automations/preview";
import { createRun, processRun } from "@/lib/automations/runner";
import type { Rule } from "@/lib/automations/rule";

const total = Number(process.argv[2] ?? 1_000_000);
const batchSize = process.argv[3] ? Number(process.argv[3]) : undefined; // default: about twenty batches a run
const t0 = () => performance.now();
const ms = (since: number) => `${Math.round(performance.now() - since).toLocaleString("en-US")} ms`;

const server = process.env.DATABASE_URL;
const dbName = `enclave_bench_${crypto.randomBytes(3).toString("hex")}`;
let url: string | undefined;
if (server) {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  await c.query(`CREATE DATABASE ${dbName}`);
  await c.end();
  const u = new URL(server);
  u.pathname = `/${dbName}`;
  url = u.toString();
}
try {
  const conn = url ? await connect({ url }) : await (async () => { const lite = await openMemoryPglite(); await applyMigrations({ pglite: lite }); return connect({ pglite: lite }); })();
  if (url) await applyMigrations({ url });
  setConnection(conn);
  await seedDemo(conn.prisma);
  const p = conn.prisma;
  const adminUser = await p.user.findUniqueOrThrow({ where: { email: "admin@acme.test" } });
  const admin = (await resolveViewer(p, adminUser.id, adminUser.sessionVersion))!;
  const ws = admin.workspaceId;
  const globex = await p.team.findFirstOrThrow({ where: { workspaceId: ws, name: "Globex" }, select: { id: true } });
  const northwind = await p.team.findFirstOrThrow({ where: { workspaceId: ws, name: "Northwind" }, select: { id: true } });

  // 1,000 folders (schemas) under one integration, 999 resources in each: every tenth a "Globex …" dashboard.
  let s = t0();
  const root = await p.resource.create({ data: { workspaceId: ws, type: "INTEGRATION", name: "Bench" }, select: { id: true } });
  const folders = 1000;
  const perFolder = Math.ceil(total / folders) - 1;
  await p.$executeRawUnsafe(
    `INSERT INTO "Resource" (id, "workspaceId", type, name, "parentId", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, 'SCHEMA', 'folder_' || g, $2::uuid, now() FROM generate_series(1, ${folders}) g`, ws, root.id);
  const folderIds = (await p.resource.findMany({ where: { workspaceId: ws, parentId: root.id }, select: { id: true } })).map((f) => f.id);
  await p.$executeRawUnsafe("SET plan_cache_mode = force_custom_plan");
  for (let i = 0; i < folderIds.length; i += 50) {
    await p.$executeRawUnsafe(
      `INSERT INTO "Resource" (id, "workspaceId", type, name, "parentId", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid,
              (CASE WHEN g % 10 = 1 THEN 'DASHBOARD' ELSE 'TABLE' END)::"ResourceType",
              (CASE WHEN g % 10 = 1 THEN 'Globex dash ' ELSE 'table ' END) || f.n || '_' || g, f.id, now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS f(id, n) CROSS JOIN generate_series(1, ${perFolder}) g`,
      ws, folderIds.slice(i, i + 50));
  }
  await p.$executeRawUnsafe(`ANALYZE "Resource"`);
  const count = await p.resource.count({ where: { workspaceId: ws } });
  console.log(`generated: ${count.toLocaleString("en-US")} resources in ${ms(s)}`);
  // A tenth of the matches already belong to Northwind (private): the preview warns about them.
  await p.$executeRawUnsafe(
    `INSERT INTO "TeamResource" ("workspaceId", "teamId", "resourceId", source)
     SELECT $1::uuid, $2::uuid, id, 'MANUAL' FROM "Resource" WHERE "workspaceId" = $1::uuid AND type = 'DASHBOARD' AND name LIKE 'Globex dash %' AND name LIKE 'Globex dash %1\\_%'` /* the folders whose number ends in 1: a tenth */, ws, northwind.id);
  await p.$executeRawUnsafe(`ANALYZE "TeamResource"`); // as autovacuum would after such an insert

  const rule: Rule = { match: "all", conditions: [{ kind: "type", value: "DASHBOARD" }, { kind: "nameStartsWith", value: "Globex dash" }] };
  s = t0();
  const pv = await withViewer(admin, (tx) => preview(tx, ws, { rule, action: "add", teamIds: [globex.id] }), { timeout: 10 * 60_000 });
  console.log(`preview: matched ${pv.matched.toLocaleString("en-US")}, would add ${pv.wouldAdd.toLocaleString("en-US")}, conflicts ${pv.conflictCount.toLocaleString("en-US")} in ${ms(s)}`);

  const automation = await p.automation.create({ data: { workspaceId: ws, name: "Bench", rule, action: "add", teamIds: [globex.id] }, select: { id: true, workspaceId: true, rule: true, action: true, teamIds: true } });
  const runOnce = async (label: string, kind: "run" | "undo" = "run", undoOfId?: string) => {
    const runId = await p.$transaction((tx) => createRun(tx, automation, { trigger: "manual", startedById: admin.userId, kind, undoOfId }));
    const st = t0();
    await processRun(runId, { batchSize });
    const r = await p.automationRun.findUniqueOrThrow({ where: { id: runId } });
    console.log(`${label}: ${r.status}, matched ${r.matched.toLocaleString("en-US")}, added ${r.added.toLocaleString("en-US")}, removed ${r.removed.toLocaleString("en-US")} in ${ms(st)} (batches of ${batchSize ?? "matched/20"})`);
    return runId;
  };
  const first = await runOnce("run");
  await runOnce("second identical run");
  await runOnce("undo", "undo", first);
  const left = await p.teamResource.count({ where: { workspaceId: ws, automationId: automation.id } });
  console.log(`assignments by the automation after undo: ${left}`);
  await conn.close();
} finally {
  if (server) {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  }
}
