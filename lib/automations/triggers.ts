import "server-only";
import { ownerDb } from "@/lib/db/owner";
import { nextRun } from "./cron";
import { createRun } from "./runner";

// What starts a run besides a click: a schedule coming due, and a finished sync of the rule's integration.

/**
 * Scheduled automations that are due: each is claimed by moving its nextRunAt forward in the same statement
 * (so two servers never both queue it) and gets a run. Returns the new run ids.
 */
export async function queueDueSchedules(now: Date = new Date()): Promise<string[]> {
  const prisma = await ownerDb("automation-triggers");
  const due = await prisma.automation.findMany({ where: { trigger: "schedule", enabled: true, nextRunAt: { lte: now } }, select: { id: true, cron: true, nextRunAt: true }, take: 100 });
  const out: string[] = [];
  for (const a of due) {
    const id = await prisma.$transaction(async (tx) => {
      const next = a.cron ? nextRun(a.cron, now) : null;
      const claimed = await tx.automation.updateMany({ where: { id: a.id, nextRunAt: a.nextRunAt }, data: { nextRunAt: next } });
      if (!claimed.count) return null;
      const full = await tx.automation.findUniqueOrThrow({ where: { id: a.id }, select: { id: true, workspaceId: true, rule: true, action: true, teamIds: true } });
      return createRun(tx, full, { trigger: "schedule", startedById: null });
    });
    if (id) out.push(id);
  }
  return out;
}

/** After a successful sync: a run of every enabled after-sync automation of that integration. */
export async function queueAfterSync(workspaceId: string, integrationId: string): Promise<string[]> {
  const prisma = await ownerDb("automation-triggers");
  return prisma.$transaction(async (tx) => {
    const list = await tx.automation.findMany({
      where: { workspaceId, trigger: "after_sync", enabled: true, triggerIntegrationId: integrationId },
      select: { id: true, workspaceId: true, rule: true, action: true, teamIds: true },
    });
    const ids: string[] = [];
    for (const a of list) ids.push(await createRun(tx, a, { trigger: "after_sync", startedById: null }));
    return ids;
  });
}
