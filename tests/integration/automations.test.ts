// Automations: preview (with the cross-client warning), runs through the queue that are idempotent, resume after a
// crash with exact counts, undo exactly, the after-sync trigger, and every action refused to non-admins.
import { afterAll, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import {
  createAutomation, deleteAutomation, previewAutomation, previewSavedAutomation, runAutomation, setAutomationEnabled, undoAutomationRun, updateAutomation,
} from "@/lib/automations/actions";
import { getAutomation, getRun, listAutomations } from "@/lib/automations/queries";
import { automationsUrl } from "@/lib/automations/schemas";
import { processRun, SimulatedCrash } from "@/lib/automations/runner";
import { queueDueSchedules } from "@/lib/automations/triggers";
import { startAutomationWorker, stopAutomationWorker, tick } from "@/lib/automations/queue";
import { getResourceDetail, listVisibleResourceIds } from "@/lib/catalog/queries";
import { createIntegration, syncIntegration } from "@/lib/integrations/actions";
import { waitForSync } from "@/lib/integrations/sync";
import crypto from "node:crypto";
import pg from "pg";
import { said } from "../helpers/refusal";

const db = await setupTestDb();
afterAll(() => stopAutomationWorker());

const teamId = async (name: string) => (await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE name = $1`, [name]))[0].id;
const idsOf = async (where: string, params: unknown[] = []) => (await db.sql<{ id: string }>(`SELECT id FROM "Resource" r WHERE ${where} ORDER BY id`, params)).map((r) => r.id);
const assignments = async () => db.sql<{ t: string; r: string; s: string; a: string | null }>(`SELECT "teamId"::text AS t, "resourceId"::text AS r, source::text AS s, "automationId"::text AS a FROM "TeamResource" ORDER BY 1, 2`);
const state = async () => ({
  automations: await db.sql(`SELECT * FROM "Automation" ORDER BY id`),
  runs: await db.sql(`SELECT * FROM "AutomationRun" ORDER BY id`),
  assignments: await assignments(),
  audit: await db.sql(`SELECT count(*)::int AS n FROM "AuditEvent"`),
});
const run = async (id: string) =>
  (await db.sql<{ status: string; matched: number; processed: number; added: number; removed: number; kind: string; error: string | null }>(
    `SELECT status, matched, processed, added, removed, kind, error FROM "AutomationRun" WHERE id = $1`, [id]))[0];
async function waitFor(runId: string, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    const r = await run(runId);
    if (r.status === "succeeded" || r.status === "failed") return r;
    if (Date.now() > until) throw new Error(`run ${runId} still ${r.status}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

const admin = await db.viewer("admin@acme.test");
const globex = await teamId("Globex");
const northwind = await teamId("Northwind");
const globexDashboards = { match: "all" as const, conditions: [{ kind: "type" as const, value: "DASHBOARD" as const }, { kind: "nameStartsWith" as const, value: "Globex" }] };

describe("preview", () => {
  it("counts, samples and warns when a match already belongs to another client's private team", async () => {
    actAs(admin);
    const dashboards = await idsOf(`type = 'DASHBOARD' AND name LIKE 'Globex%'`);
    expect(dashboards.length).toBeGreaterThan(0);
    const p = await previewAutomation({ rule: globexDashboards, action: "add", teamIds: [globex] });
    expect(p.ok && p.data).toMatchObject({ matched: dashboards.length, wouldAdd: 0, conflictCount: 0 });
    expect(p.ok && p.data.sample.every((s) => s.name.startsWith("Globex"))).toBe(true);
    // The same dashboards to Northwind: each already belongs to Globex's private team.
    const q = await previewAutomation({ rule: globexDashboards, action: "add", teamIds: [northwind] });
    expect(q.ok && q.data).toMatchObject({ matched: dashboards.length, wouldAdd: dashboards.length, conflictCount: dashboards.length });
    expect(q.ok && q.data.conflicts.every((c) => c.teamName === "Globex")).toBe(true);
    const r = await previewAutomation({ rule: globexDashboards, action: "remove", teamIds: [globex] });
    expect(r.ok && r.data).toMatchObject({ wouldRemove: dashboards.length, conflictCount: 0 });
  });

  it("an invalid regular expression or an empty rule is a clear error", async () => {
    actAs(admin);
    const bad = await previewAutomation({ rule: { match: "all", conditions: [{ kind: "nameMatches", value: "(unclosed" }] }, action: "add", teamIds: [globex] });
    expect(bad).toEqual({ ok: false, error: "“(unclosed” is not a valid regular expression." });
    const empty = await previewAutomation({ rule: { match: "all", conditions: [] }, action: "add", teamIds: [globex] });
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.error).toMatch(/at least one condition/);
    const ok = await previewAutomation({ rule: { match: "any", conditions: [{ kind: "nameMatches", value: "^globex (revenue|product)" }] }, action: "add", teamIds: [globex] });
    expect(ok.ok && ok.data.matched).toBe(2);
  });
});

describe("runs", () => {
  let automationId = "";
  it("creates, runs through the queue with progress, and a second identical run changes nothing", async () => {
    actAs(admin);
    await startAutomationWorker({ schedule: false, pollSeconds: 0.5 });
    // Take the seed's direct assignments away first, so the automation has work to do.
    const dashboards = await idsOf(`type = 'DASHBOARD' AND name LIKE 'Globex%'`);
    await db.sql(`DELETE FROM "TeamResource" WHERE "teamId" = $1 AND "resourceId" = ANY($2::uuid[])`, [globex, dashboards]);
    const cara = await db.viewer("cara@globex.test");
    expect((await listVisibleResourceIds(cara)).filter((id) => dashboards.includes(id))).toEqual([]);

    const res = await createAutomation({ name: "Globex dashboards", rule: globexDashboards, action: "add", teamIds: [globex], trigger: "manual" });
    expect(res.ok).toBe(true);
    automationId = res.ok ? res.data.id : "";
    const started = await runAutomation({ id: automationId });
    expect(started.ok).toBe(true);
    const runId = started.ok ? started.data.runId : "";
    expect(await waitFor(runId)).toMatchObject({ status: "succeeded", matched: dashboards.length, processed: dashboards.length, added: dashboards.length });
    expect(new Set(await listVisibleResourceIds(await db.viewer("cara@globex.test")))).toEqual(expect.objectContaining({}));
    const visible = new Set(await listVisibleResourceIds(await db.viewer("cara@globex.test")));
    for (const d of dashboards) expect(visible.has(d)).toBe(true);
    const rows = (await assignments()).filter((a) => a.t === globex && dashboards.includes(a.r));
    expect(rows.every((a) => a.s === "AUTOMATION" && a.a === automationId)).toBe(true);
    // The resource page says which automation.
    const detail = await getResourceDetail(admin, dashboards[0]);
    expect(detail?.teams.find((t) => t.teamId === globex)?.source).toMatchObject({ kind: "direct", by: "AUTOMATION", automation: "Globex dashboards" });

    const before = await assignments();
    const again = await runAutomation({ id: automationId });
    const second = await waitFor(again.ok ? again.data.runId : "");
    expect(second).toMatchObject({ status: "succeeded", matched: dashboards.length, added: 0 });
    expect(await assignments()).toEqual(before);
    const audit = await db.sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "targetId" = $1 ORDER BY "createdAt"`, [automationId]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["automation.created", "automation.run.queued", "automation.run.started", "automation.run.finished"]));

    const detailDto = await getAutomation(admin, automationId);
    expect(detailDto?.runs[0]).toMatchObject({ status: "succeeded", startedBy: "admin@acme.test" });
    const list = await listAutomations(admin, automationsUrl.load({}));
    expect(list.rows.find((r) => r.id === automationId)).toMatchObject({ ruleSummary: "type is dashboard and name starts with “Globex”", teams: ["Globex"], triggerSummary: "manually" });
  });

  it("undo removes exactly what the run added, and leaves an assignment made by hand", async () => {
    actAs(admin);
    // A fresh run that adds the Globex dashboards to Initech, one of which Initech already had by hand. They are
    // taken out of Globex first: a run never opens one client's resources to another (isolation-guard.test.ts).
    const initech = await teamId("Initech");
    const dashboards = await idsOf(`type = 'DASHBOARD' AND name LIKE 'Globex%'`);
    const globexRows = await db.sql<{ teamId: string; resourceId: string; source: string; automationId: string | null }>(
      `DELETE FROM "TeamResource" WHERE "teamId" = $1 AND "resourceId" = ANY($2::uuid[]) RETURNING "teamId", "resourceId", source::text, "automationId"`,
      [globex, dashboards],
    );
    await db.sql(`INSERT INTO "TeamResource" ("workspaceId", "teamId", "resourceId", source) VALUES ($1, $2, $3, 'MANUAL')`, [admin.workspaceId, initech, dashboards[0]]);
    const before = await assignments();
    const a = await createAutomation({ name: "To Initech", rule: globexDashboards, action: "add", teamIds: [initech], trigger: "manual" });
    const id = a.ok ? a.data.id : "";
    const r = await runAutomation({ id });
    const runId = r.ok ? r.data.runId : "";
    expect(await waitFor(runId)).toMatchObject({ added: dashboards.length - 1 });
    const u = await undoAutomationRun({ runId });
    expect(u.ok).toBe(true);
    expect(await waitFor(u.ok ? u.data.runId : "")).toMatchObject({ kind: "undo", status: "succeeded", removed: dashboards.length - 1 });
    expect(await assignments()).toEqual(before);
    expect(await undoAutomationRun({ runId })).toEqual({ ok: false, error: "This run has already been undone." });

    // A remove-run takes Initech's manual one away; its undo puts it back as it was (MANUAL).
    const rm = await createAutomation({ name: "Off Initech", rule: globexDashboards, action: "remove", teamIds: [initech], trigger: "manual" });
    const rr = await runAutomation({ id: rm.ok ? rm.data.id : "" });
    expect(await waitFor(rr.ok ? rr.data.runId : "")).toMatchObject({ removed: 1 });
    expect((await assignments()).some((x) => x.t === initech && x.r === dashboards[0])).toBe(false);
    const ru = await undoAutomationRun({ runId: rr.ok ? rr.data.runId : "" });
    expect(await waitFor(ru.ok ? ru.data.runId : "")).toMatchObject({ added: 1 });
    expect(await assignments()).toEqual(before);
    for (const r of globexRows) {
      await db.sql(`INSERT INTO "TeamResource" ("workspaceId", "teamId", "resourceId", source, "automationId") VALUES ($1, $2, $3, $4::"AssignmentSource", $5)`, [admin.workspaceId, r.teamId, r.resourceId, r.source, r.automationId]);
    }
  });

  it("a worker killed mid-run: the next one completes it with exact counts and no duplicates", async () => {
    actAs(admin);
    await stopAutomationWorker();
    // Northwind's own columns (all columns would open the other clients' to Northwind: a run refuses that).
    const schema = (await idsOf(`type = 'SCHEMA' AND name = 'northwind'`))[0];
    const tables = await idsOf(`type = 'COLUMN' AND path @> ARRAY[$1::uuid]`, [schema]);
    expect(tables.length).toBeGreaterThan(5);
    const general = await teamId("Engineering").catch(() => null);
    const target = general ?? northwind;
    const a = await createAutomation({ name: "All columns", rule: { match: "all", conditions: [{ kind: "type", value: "COLUMN" }, { kind: "under", id: schema }] }, action: "add", teamIds: [target], trigger: "manual" });
    const id = a.ok ? a.data.id : "";
    const wouldAdd = await previewSavedAutomation({ id });
    const expected = wouldAdd.ok ? wouldAdd.data.wouldAdd : -1;
    const before = (await assignments()).length;
    const r = await runAutomation({ id }); // no worker now: it stays queued
    const runId = r.ok ? r.data.runId : "";
    expect((await run(runId)).status).toBe("queued");
    // First worker: the start, then one batch of 3, then it dies.
    await expect(processRun(runId, { batchSize: 3, crashAfterBatches: 2 })).rejects.toBeInstanceOf(SimulatedCrash);
    const mid = await run(runId);
    expect(mid).toMatchObject({ status: "running", processed: 3 });
    expect((await assignments()).length).toBe(before + mid.added);
    // A new worker starts: it finds the unfinished run and completes it.
    await startAutomationWorker({ schedule: false, pollSeconds: 0.5, staleMs: 0 });
    const done = await waitFor(runId);
    expect(done).toMatchObject({ status: "succeeded", processed: tables.length, matched: tables.length, added: expected });
    const after = await assignments();
    expect(after.length).toBe(before + expected);
    expect(new Set(after.map((x) => `${x.t}|${x.r}`)).size).toBe(after.length);
    const changes = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "AutomationRunChange" WHERE "runId" = $1`, [runId]);
    expect(changes[0].n).toBe(expected);
    expect(await getRun(admin, runId)).toMatchObject({ processed: tables.length });
  });

  it("scheduled automations are queued when due, once", async () => {
    actAs(admin);
    const a = await createAutomation({ name: "Nightly", rule: globexDashboards, action: "add", teamIds: [globex], trigger: "schedule", cron: "0 6 * * *" });
    expect(a.ok).toBe(true);
    const id = a.ok ? a.data.id : "";
    const [row] = await db.sql<{ next: Date }>(`SELECT "nextRunAt" AS next FROM "Automation" WHERE id = $1`, [id]);
    expect(new Date(row.next).getUTCHours()).toBe(6);
    const later = new Date(new Date(row.next).getTime() + 1000);
    const ids = await queueDueSchedules(later);
    expect(ids).toHaveLength(1);
    expect(await queueDueSchedules(later)).toHaveLength(0);
    await tick();
    expect(await waitFor(ids[0])).toMatchObject({ status: "succeeded" });
    const bad = await createAutomation({ name: "Bad cron", rule: globexDashboards, action: "add", teamIds: [globex], trigger: "schedule", cron: "every day" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^A schedule has five fields/);
    const list = await listAutomations(admin, automationsUrl.load({ q: "Nightly" }));
    expect(list.rows[0].triggerSummary).toBe("every day at 06:00 (UTC)");
  });
});

const SERVER = process.env.SOURCE_PG_URL ?? "postgres://enclave:enclave@127.0.0.1:5432/postgres";
const srcName = `enclave_src_${crypto.randomBytes(4).toString("hex")}`;
async function onServer(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}
const unreachable = await onServer(SERVER, "SELECT 1").then(() => null, (e: Error) => e.message);
if (unreachable) console.warn(`[automations] after-sync test skipped: no PostgreSQL at ${new URL(SERVER).host} (${unreachable})`);

describe.skipIf(!!unreachable)("after-sync trigger", () => {
  const srcUrl = (() => { const u = new URL(SERVER); u.pathname = `/${srcName}`; return u.toString(); })();
  afterAll(() => onServer(SERVER, `DROP DATABASE IF EXISTS ${srcName} WITH (FORCE)`).catch(() => undefined));

  it("a successful sync queues the integration's enabled after-sync automations, which assign the new tables", async () => {
    actAs(admin);
    await startAutomationWorker({ schedule: false, pollSeconds: 0.5 });
    await onServer(SERVER, `CREATE DATABASE ${srcName}`);
    await onServer(srcUrl, `CREATE SCHEMA acct; CREATE TABLE acct.globex_orders (id int); CREATE TABLE acct.globex_refunds (id int); CREATE TABLE acct.internal (id int);`);
    const i = await createIntegration({ name: "Accounts DB", connectionString: srcUrl, teamIds: [] });
    expect(i.ok).toBe(true);
    const integrationId = i.ok ? i.data.id : "";
    const rule = { match: "all" as const, conditions: [{ kind: "integration" as const, id: integrationId }, { kind: "type" as const, value: "TABLE" as const }, { kind: "nameStartsWith" as const, value: "globex_" }] };
    const a = await createAutomation({ name: "Globex tables", rule, action: "add", teamIds: [globex], trigger: "after_sync", integrationId });
    expect(a.ok).toBe(true);
    const off = await createAutomation({ name: "Disabled one", rule, action: "add", teamIds: [northwind], trigger: "after_sync", integrationId, enabled: false });
    expect(off.ok).toBe(true);
    const s = await syncIntegration({ integrationId });
    expect(s.ok).toBe(true);
    await waitForSync(s.ok ? s.data.syncId : "");
    // The sync's worker queues them after its run has committed as succeeded (lib/integrations/sync.ts), so they
    // may arrive a moment after waitForSync returns: wait for them (a run that never comes fails below).
    const runsOf = () => db.sql<{ id: string; trigger: string }>(`SELECT id, trigger FROM "AutomationRun" WHERE "automationId" = $1`, [a.ok ? a.data.id : ""]);
    let runs = await runsOf();
    for (const until = Date.now() + 10_000; !runs.length && Date.now() < until; runs = await runsOf()) await new Promise((r) => setTimeout(r, 100));
    expect(runs).toHaveLength(1);
    expect(runs[0].trigger).toBe("after_sync");
    expect(await waitFor(runs[0].id)).toMatchObject({ status: "succeeded", matched: 2, added: 2 });
    expect(await db.sql(`SELECT id FROM "AutomationRun" WHERE "automationId" = $1`, [off.ok ? off.data.id : ""])).toEqual([]);
    const cara = new Set(await listVisibleResourceIds(await db.viewer("cara@globex.test")));
    const tables = await db.sql<{ id: string; name: string }>(`SELECT id, name FROM "Resource" WHERE path[1] = $1 AND type = 'TABLE'`, [integrationId]);
    expect(tables.filter((t) => cara.has(t.id)).map((t) => t.name).sort()).toEqual(["globex_orders", "globex_refunds"]);
  });
});

describe("refused and bad input", () => {
  it("non-admins calling every action directly are refused and nothing changes; a guest reads nothing", async () => {
    const [{ id }] = await db.sql<{ id: string }>(`SELECT id FROM "Automation" WHERE name = 'Globex dashboards'`);
    const [{ id: runId }] = await db.sql<{ id: string }>(`SELECT id FROM "AutomationRun" WHERE "automationId" = $1 AND kind = 'run' ORDER BY "createdAt" DESC LIMIT 1`, [id]);
    const snap = await state();
    const input = { name: "X", rule: globexDashboards, action: "add" as const, teamIds: [globex], trigger: "manual" as const };
    for (const email of ["editor@acme.test", "viewer@acme.test", "ana@northwind.test"]) {
      const v = await db.viewer(email);
      actAs(v);
      const calls = [
        previewAutomation({ rule: globexDashboards, action: "add", teamIds: [globex] }),
        createAutomation(input),
        updateAutomation({ id, ...input }),
        setAutomationEnabled({ id, enabled: false }),
        deleteAutomation({ id }),
        previewSavedAutomation({ id }),
        runAutomation({ id }),
        undoAutomationRun({ runId }),
      ];
      for (const res of await Promise.all(calls)) expect(res).toEqual({ ok: false, error: "You do not have permission to do this." });
      expect(await getAutomation(v, id)).toBeNull();
      expect(await getRun(v, runId)).toBeNull();
      expect(await listAutomations(v, automationsUrl.load({}))).toEqual({ rows: [], total: 0 });
      // RLS alone, with no app filter: no automation, run or change row.
      for (const t of ["Automation", "AutomationRun", "AutomationRunChange"]) expect(await db.sqlAs(v, `SELECT * FROM "${t}"`)).toEqual([]);
    }
    expect(await state()).toEqual(snap);
  });

  it("wrong types, 1 MB strings, unknown and malformed ids: a clear error, nothing changed", async () => {
    actAs(admin);
    const [{ id }] = await db.sql<{ id: string }>(`SELECT id FROM "Automation" WHERE name = 'Globex dashboards'`);
    const snap = await state();
    const huge = "x".repeat(1_000_000);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const base = { name: "Y", rule: globexDashboards, action: "add", teamIds: [globex], trigger: "manual" };
    const cases: [unknown, RegExp][] = [
      [{ ...base, name: huge }, /at most 80/],
      [{ ...base, rule: { match: "all", conditions: [{ kind: "nameContains", value: huge }] } }, /longer than 200/],
      [{ ...base, rule: { match: "all", conditions: [{ kind: "nameMatches", value: huge }] } }, /longer than 200/],
      [{ ...base, rule: "type = dashboard" }, /rule/],
      [{ ...base, rule: { match: "some", conditions: [] } }, /all or any/],
      [{ ...base, rule: { match: "all", conditions: [{ kind: "sql", value: "1=1" }] } }, /./],
      [{ ...base, teamIds: [] }, /at least one team/],
      [{ ...base, teamIds: ["nope"] }, /Not a valid id/],
      [{ ...base, teamIds: [unknown] }, /^Not found\.$/],
      [{ ...base, rule: { match: "all", conditions: [{ kind: "under", id: unknown }] } }, /^Not found\.$/],
      [{ ...base, trigger: "after_sync" }, /integration/],
      [{ ...base, trigger: "after_sync", integrationId: unknown }, /^Not found\.$/],
      [{ ...base, action: "move" }, /add or remove/],
      [{ ...base, rule: { match: "all", conditions: [{ kind: "createdAfter", value: "2026-02-31" }] } }, /does not exist/],
      [null, /./],
      [42, /./],
    ];
    for (const [raw, msg] of cases) {
      const res = await createAutomation(raw as never);
      expect(res.ok).toBe(false);
      expect(said(res)).toMatch(msg);
    }
    expect(await updateAutomation({ ...base, id: unknown } as never)).toEqual({ ok: false, error: "Not found." });
    expect(await setAutomationEnabled({ id: unknown, enabled: false })).toEqual({ ok: false, error: "Not found." });
    expect(await setAutomationEnabled({ id, enabled: "no" } as never)).toMatchObject({ ok: false });
    expect(await deleteAutomation({ id: "not-a-uuid" })).toMatchObject({ ok: false, error: expect.stringMatching(/Not a valid id/) });
    expect(await runAutomation({ id: unknown })).toEqual({ ok: false, error: "Not found." });
    expect(await undoAutomationRun({ runId: unknown })).toEqual({ ok: false, error: "Not found." });
    expect(await previewSavedAutomation({ id: huge })).toMatchObject({ ok: false });
    expect(await state()).toEqual(snap);
  });

  it("enable, disable and delete are audited", async () => {
    actAs(admin);
    const a = await createAutomation({ name: "Short-lived", rule: globexDashboards, action: "add", teamIds: [globex], trigger: "manual" });
    const id = a.ok ? a.data.id : "";
    expect(await setAutomationEnabled({ id, enabled: false })).toEqual({ ok: true, data: { enabled: false } });
    expect(await updateAutomation({ id, name: "Short-lived 2", rule: globexDashboards, action: "add", teamIds: [globex], trigger: "manual", enabled: false })).toMatchObject({ ok: true });
    expect(await deleteAutomation({ id })).toEqual({ ok: true, data: { deleted: true } });
    const audit = await db.sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "targetId" = $1 ORDER BY "createdAt"`, [id]);
    expect(audit.map((x) => x.action)).toEqual(["automation.created", "automation.disabled", "automation.updated", "automation.deleted"]);
    expect(await db.sql(`SELECT * FROM "Automation" WHERE id = $1`, [id])).toEqual([]);
  });
});
