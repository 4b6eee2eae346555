import "server-only";
import { exposuresIn } from "@/lib/isolation/rule-sql";
import { loadExposureNames } from "@/lib/isolation/names";
import { describeExposures, diffExposures, type Exposure } from "@/lib/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/scoped";
import { ownerDb } from "@/lib/db/owner";
import { recordAudit } from "@/lib/audit/record";
import { compileRule, ruleSchema } from "./rule";

// Automation runs: created queued with their rule frozen on the row, then worked in resumable batches.

/** Queues a run (status "queued"); the action, teams and rule are frozen on it. Caller enqueues the job after commit. */
export async function createRun(
  tx: Tx,
  a: { id: string; workspaceId: string; rule: unknown; action: string; teamIds: string[] },
  opts: { trigger: string; startedById: string | null; kind?: "run" | "undo"; undoOfId?: string },
): Promise<string> {
  const run = await tx.automationRun.create({
    data: {
      workspaceId: a.workspaceId,
      automationId: a.id,
      status: "queued",
      kind: opts.kind ?? "run",
      undoOfId: opts.undoOfId ?? null,
      trigger: opts.trigger,
      action: a.action,
      teamIds: a.teamIds,
      rule: a.rule as Prisma.InputJsonValue,
      startedById: opts.startedById,
      heartbeatAt: new Date(),
    },
    select: { id: true },
  });
  return run.id;
}

type RunRow = {
  id: string;
  workspaceId: string;
  automationId: string;
  status: string;
  kind: string;
  undoOfId: string | null;
  action: string;
  teamIds: string[];
  rule: unknown;
  cursor: string | null;
  matched: number;
  processed: number;
  added: number;
  removed: number;
  startedById: string | null;
  startedAt: Date | null;
};

export class SimulatedCrash extends Error {}

export type ProcessOptions = {
  batchSize?: number;
  /** Stop (as if the process died) after this many batches: tests of resuming. */
  crashAfterBatches?: number;
};

/** A run's audit events name the person who started it (none for a schedule or a sync). */
async function audit(tx: Tx, run: { workspaceId: string; startedById: string | null }, e: { action: string; targetId: string; targetName: string; after?: Prisma.InputJsonValue }) {
  const actor = run.startedById ? await tx.user.findUnique({ where: { id: run.startedById }, select: { id: true, email: true } }) : null;
  await recordAudit(tx, { workspaceId: run.workspaceId, userId: actor?.id ?? null, email: actor?.email ?? null }, { ...e, targetType: "automation" });
}

/**
 * Works a run to its end in batches, each one transaction that locks the run row, applies the next slice of
 * resources (ordered by id, after the stored cursor), records exactly what changed, and moves the cursor and
 * counts. A crash loses at most the uncommitted batch; whoever picks the run up next continues after the cursor,
 * and two workers on one run take turns on the row lock. Runs as the system, confined to the run's workspace.
 */
export async function processRun(runId: string, opts: ProcessOptions = {}): Promise<"done" | "missing"> {
  const prisma = await ownerDb("automation-worker");
  // About twenty batches a run (each one scan for the next slice), between 500 and 20,000 resources each.
  let batchSize = opts.batchSize ?? 1000;
  let batches = 0;
  for (;;) {
    const state = await prisma.$transaction(
      async (tx) => {
        const [run] = await tx.$queryRaw<RunRow[]>`
          SELECT id, "workspaceId", "automationId", status, kind, "undoOfId", action, "teamIds"::text[] AS "teamIds", rule, cursor, matched, processed, added, removed, "startedById", "startedAt"
            FROM "AutomationRun" WHERE id = ${runId}::uuid FOR UPDATE`;
        if (!run) return "missing" as const;
        if (run.status !== "queued" && run.status !== "running") return "done" as const;
        const ws = run.workspaceId;
        const automation = await tx.automation.findFirst({ where: { workspaceId: ws, id: run.automationId }, select: { id: true, name: true, createdById: true } });
        if (!automation) return "missing" as const;
        // The teams are re-checked in the run's own workspace on every batch: one deleted since is skipped.
        const teams = (await tx.team.findMany({ where: { workspaceId: ws, id: { in: run.teamIds } }, select: { id: true } })).map((t) => t.id);
        const fail = async (message: string) => {
          await tx.automationRun.update({ where: { id: run.id }, data: { status: "failed", error: message, finishedAt: new Date(), heartbeatAt: new Date() } });
          await audit(tx, run, { action: "automation.run.finished", targetId: automation.id, targetName: automation.name, after: { runId: run.id, status: "failed", error: message } });
          return "done" as const;
        };

        // The worker writes as the system, so the authority is re-checked here, on every batch: the admin who started
        // the run (or, for a schedule or a sync trigger, who made the automation) must still be an active admin of
        // this workspace. A demoted or deactivated admin's run stops, and says why.
        const accountable = run.startedById ?? automation.createdById;
        const admin = accountable
          ? await tx.membership.findFirst({ where: { workspaceId: ws, userId: accountable, role: "ADMIN", status: "ACTIVE", user: { status: "ACTIVE" } }, select: { id: true } })
          : null;
        if (!admin) return fail("Stopped: the admin behind this run is no longer an active admin of the workspace. An admin can run it again.");

        if (run.status === "queued") {
          let matched: number;
          if (run.kind === "undo") {
            matched = await tx.automationRunChange.count({ where: { workspaceId: ws, runId: run.undoOfId! } });
          } else {
            const parsed = ruleSchema.safeParse(run.rule);
            if (!parsed.success) return fail("The rule is not valid.");
            const [m] = await tx.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM "Resource" r WHERE ${compileRule(ws, parsed.data)}`);
            matched = m.n;
          }
          await tx.automationRun.update({ where: { id: run.id }, data: { status: "running", startedAt: new Date(), heartbeatAt: new Date(), matched } });
          await audit(tx, run, { action: run.kind === "undo" ? "automation.undo.started" : "automation.run.started", targetId: automation.id, targetName: automation.name, after: { runId: run.id, matched, trigger: run.kind } });
          return "continue" as const;
        }

        if (!opts.batchSize) batchSize = Math.min(20_000, Math.max(500, Math.ceil(run.matched / 20)));
        let n = 0;
        let added = 0;
        let removed = 0;
        let cursor: string | null = run.cursor;
        if (run.kind === "run") {
          const rule = ruleSchema.parse(run.rule);
          const cursorSql = run.cursor ? Prisma.sql`AND r.id > ${run.cursor}::uuid` : Prisma.empty;
          const ids = (await tx.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT r.id FROM "Resource" r WHERE ${compileRule(ws, rule)} ${cursorSql} ORDER BY r.id LIMIT ${batchSize}`)).map((r) => r.id);
          n = ids.length;
          if (n && teams.length) {
            if (run.action === "add") {
              // Re-checked at every execution (manual, scheduled or after a sync), batch by batch: a batch that would
              // add a cross-client exposure is rolled back and the run fails, naming it. Sharing between clients is
              // a deliberate act of an admin, one confirmed assignment at a time, never a rule's side effect.
              const before = await exposuresIn(tx, ws, { teams });
              await tx.$executeRawUnsafe("SAVEPOINT exposure_check");
              const [row] = await tx.$queryRaw<{ n: number }[]>`
                WITH ins AS (
                  INSERT INTO "TeamResource" ("workspaceId", "teamId", "resourceId", source, "automationId", "createdById")
                  SELECT ${ws}::uuid, t.id, r.id, 'AUTOMATION', ${automation.id}::uuid, ${run.startedById}::uuid
                    FROM unnest(${ids}::uuid[]) AS r(id) CROSS JOIN unnest(${teams}::uuid[]) AS t(id)
                  ON CONFLICT DO NOTHING
                  RETURNING "teamId", "resourceId"
                ), rec AS (
                  INSERT INTO "AutomationRunChange" ("workspaceId", "runId", "teamId", "resourceId", op)
                  SELECT ${ws}::uuid, ${run.id}::uuid, "teamId", "resourceId", 'added' FROM ins
                  ON CONFLICT DO NOTHING RETURNING 1
                )
                SELECT count(*)::int AS n FROM rec`;
              added = row.n;
              const exposed = added ? diffExposures(before, await exposuresIn(tx, ws, { teams })) : [];
              if (exposed.length) return fail(await refuseBatch(tx, ws, exposed));
              await tx.$executeRawUnsafe("RELEASE SAVEPOINT exposure_check");
            } else {
              const [row] = await tx.$queryRaw<{ n: number }[]>`
                WITH del AS (
                  DELETE FROM "TeamResource" tr WHERE tr."workspaceId" = ${ws}::uuid AND tr."teamId" = ANY(${teams}::uuid[]) AND tr."resourceId" = ANY(${ids}::uuid[])
                  RETURNING tr."teamId", tr."resourceId", tr.source, tr."automationId", tr."createdById", tr."createdAt"
                ), rec AS (
                  INSERT INTO "AutomationRunChange" ("workspaceId", "runId", "teamId", "resourceId", op, "prevSource", "prevAutomationId", "prevCreatedById", "prevCreatedAt")
                  SELECT ${ws}::uuid, ${run.id}::uuid, "teamId", "resourceId", 'removed', source, "automationId", "createdById", "createdAt" FROM del
                  ON CONFLICT DO NOTHING RETURNING 1
                )
                SELECT count(*)::int AS n FROM rec`;
              removed = row.n;
            }
          }
          cursor = n ? ids[n - 1] : cursor;
        } else {
          // Undo: walk the original run's changes in key order and revert each, if it still stands.
          const [lastTeam, lastRes] = run.cursor ? run.cursor.split("|") : [null, null];
          const cursorSql = lastTeam ? Prisma.sql`AND (c."teamId", c."resourceId") > (${lastTeam}::uuid, ${lastRes}::uuid)` : Prisma.empty;
          const changes = await tx.$queryRaw<{ teamId: string; resourceId: string; op: string }[]>(Prisma.sql`
            SELECT c."teamId", c."resourceId", c.op FROM "AutomationRunChange" c
             WHERE c."workspaceId" = ${ws}::uuid AND c."runId" = ${run.undoOfId}::uuid ${cursorSql}
             ORDER BY c."teamId", c."resourceId" LIMIT ${batchSize}`);
          n = changes.length;
          if (n) {
            const last = changes[n - 1];
            cursor = `${last.teamId}|${last.resourceId}`;
            const before = await exposuresIn(tx, ws, { teams });
            await tx.$executeRawUnsafe("SAVEPOINT exposure_check");
            const [row] = await tx.$queryRaw<{ removed: number; added: number }[]>`
              WITH batch AS (
                SELECT c.* FROM "AutomationRunChange" c
                 WHERE c."workspaceId" = ${ws}::uuid AND c."runId" = ${run.undoOfId}::uuid
                   AND (c."teamId", c."resourceId") IN (SELECT * FROM unnest(${changes.map((c) => c.teamId)}::uuid[], ${changes.map((c) => c.resourceId)}::uuid[]))
                   AND c."teamId" = ANY(${teams}::uuid[])
              ), del AS (
                DELETE FROM "TeamResource" tr USING batch b
                 WHERE b.op = 'added' AND tr."workspaceId" = ${ws}::uuid AND tr."teamId" = b."teamId" AND tr."resourceId" = b."resourceId"
                   AND tr.source = 'AUTOMATION' AND tr."automationId" = ${automation.id}::uuid
                RETURNING tr."teamId", tr."resourceId"
              ), ins AS (
                INSERT INTO "TeamResource" ("workspaceId", "teamId", "resourceId", source, "automationId", "createdById", "createdAt")
                SELECT ${ws}::uuid, b."teamId", b."resourceId", coalesce(b."prevSource", 'MANUAL'), b."prevAutomationId", b."prevCreatedById", coalesce(b."prevCreatedAt", now())
                  FROM batch b JOIN "Resource" r ON r."workspaceId" = ${ws}::uuid AND r.id = b."resourceId"
                 WHERE b.op = 'removed'
                ON CONFLICT DO NOTHING
                RETURNING "teamId", "resourceId"
              ), rec AS (
                INSERT INTO "AutomationRunChange" ("workspaceId", "runId", "teamId", "resourceId", op)
                SELECT ${ws}::uuid, ${run.id}::uuid, "teamId", "resourceId", 'removed' FROM del
                UNION ALL
                SELECT ${ws}::uuid, ${run.id}::uuid, "teamId", "resourceId", 'added' FROM ins
                ON CONFLICT DO NOTHING RETURNING op
              )
              SELECT count(*) FILTER (WHERE op = 'removed')::int AS removed, count(*) FILTER (WHERE op = 'added')::int AS added FROM rec`;
            added = row.added;
            removed = row.removed;
            // Putting back what a run removed can expose a client too, when the workspace changed since.
            const exposed = added ? diffExposures(before, await exposuresIn(tx, ws, { teams })) : [];
            if (exposed.length) return fail(await refuseBatch(tx, ws, exposed));
            await tx.$executeRawUnsafe("RELEASE SAVEPOINT exposure_check");
          }
        }

        if (!n) {
          await tx.automationRun.update({ where: { id: run.id }, data: { status: "succeeded", finishedAt: new Date(), heartbeatAt: new Date() } });
          await audit(tx, run, {
            action: run.kind === "undo" ? "automation.undo.finish" : "automation.run.finished",
            targetId: automation.id,
            targetName: automation.name,
            after: { runId: run.id, status: "succeeded", matched: run.matched, added: run.added, removed: run.removed },
          });
          return "done" as const;
        }
        await tx.automationRun.update({
          where: { id: run.id },
          data: { cursor, processed: { increment: n }, added: { increment: added }, removed: { increment: removed }, heartbeatAt: new Date() },
        });
        return "continue" as const;
      },
      { maxWait: 30_000, timeout: 5 * 60_000 },
    );
    if (state !== "continue") return state;
    batches++;
    if (opts.crashAfterBatches !== undefined && batches >= opts.crashAfterBatches) throw new SimulatedCrash("Simulated crash");
  }
}

/** Rolls the batch back (to the savepoint before it) and says what it would have exposed. */
async function refuseBatch(tx: Tx, workspaceId: string, exposed: Exposure[]): Promise<string> {
  await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT exposure_check");
  const lines = describeExposures(exposed, await loadExposureNames(tx, workspaceId, exposed), "would").map((l) => l.text);
  return `Stopped: this run would expose one client to another. ${lines.slice(0, 6).join(" ")}${lines.length > 6 ? ` And ${lines.length - 6} more.` : ""} Assign such resources by hand, with confirmation, if the sharing is intended.`;
}

/** Runs (queued or running) whose last heartbeat is older than staleMs: their worker is gone. */
export async function staleRuns(staleMs: number): Promise<string[]> {
  const prisma = await ownerDb("automation-worker");
  const rows = await prisma.automationRun.findMany({
    where: { status: { in: ["queued", "running"] }, heartbeatAt: { lt: new Date(Date.now() - staleMs) } },
    select: { id: true },
    take: 100,
  });
  return rows.map((r) => r.id);
}
