"use server";
import { authorizedAction, NotFoundError, UserError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer, type Tx } from "@/lib/db/scoped";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Prisma } from "@/lib/generated/prisma/client";
import { referencedResourceIds, ruleSchema, type Rule } from "./rule";
import { nextRun } from "./cron";
import { preview, validateRegexes } from "./preview";
import { createRun } from "./runner";
import { enqueueRun } from "./queue";
import { automationIdInput, createAutomationInput, previewInput, runIdInput, setEnabledInput, updateAutomationInput, type AutomationInput } from "./schemas";

/** The teams and referenced resources must all be in the viewer's workspace; otherwise a plain "Not found." */
async function checkRefs(tx: Tx, viewer: Viewer, input: { rule: Rule; teamIds: string[]; integrationId?: string | null; trigger?: string }) {
  const teamIds = [...new Set(input.teamIds)];
  const teams = await tx.team.findMany({ where: { workspaceId: viewer.workspaceId, id: { in: teamIds } }, select: { id: true, name: true } });
  if (teams.length !== teamIds.length) throw new NotFoundError();
  const refs = referencedResourceIds(input.rule);
  if (refs.length) {
    const found = await tx.resource.count({ where: { workspaceId: viewer.workspaceId, id: { in: refs } } });
    if (found !== refs.length) throw new NotFoundError();
  }
  if (input.trigger === "after_sync") {
    const i = await tx.integration.findFirst({ where: { workspaceId: viewer.workspaceId, resourceId: input.integrationId! }, select: { resourceId: true } });
    if (!i) throw new NotFoundError();
  }
  return teams;
}

function data(input: AutomationInput) {
  return {
    name: input.name,
    rule: input.rule as Prisma.InputJsonValue,
    action: input.action,
    teamIds: [...new Set(input.teamIds)],
    trigger: input.trigger,
    cron: input.trigger === "schedule" ? input.cron! : null,
    triggerIntegrationId: input.trigger === "after_sync" ? input.integrationId! : null,
    nextRunAt: input.trigger === "schedule" ? nextRun(input.cron!) : null,
    enabled: input.enabled,
  };
}

const snapshot = (d: ReturnType<typeof data>, teams: { name: string }[]) => ({
  rule: d.rule, action: d.action, teams: teams.map((t) => t.name), trigger: d.trigger, cron: d.cron, enabled: d.enabled,
});

/** The dry run of an unsaved rule: matches, a sample, the changes and the cross-client warnings. */
export const previewAutomation = authorizedAction({ input: previewInput, permission: "automations.manage" }, async ({ viewer, input }) => {
  await validateRegexes(input.rule);
  return withViewer(viewer, async (tx) => {
    await checkRefs(tx, viewer, input);
    return preview(tx, viewer.workspaceId, { rule: input.rule, action: input.action, teamIds: [...new Set(input.teamIds)] });
  });
});

export const createAutomation = authorizedAction({ input: createAutomationInput, permission: "automations.manage" }, async ({ viewer, input }) => {
  await validateRegexes(input.rule);
  const out = await withViewer(viewer, async (tx) => {
    const teams = await checkRefs(tx, viewer, input);
    const clash = await tx.automation.findFirst({ where: { workspaceId: viewer.workspaceId, name: input.name }, select: { id: true } });
    if (clash) throw new UserError("An automation with that name already exists.", { field: "name" });
    const d = data(input);
    const a = await tx.automation.create({ data: { ...d, workspaceId: viewer.workspaceId, createdById: viewer.userId }, select: { id: true } });
    await recordAudit(tx, viewer, { action: "automation.created", targetType: "automation", targetId: a.id, targetName: input.name, after: snapshot(d, teams) });
    return { id: a.id };
  });
  refresh("/settings/automations");
  return out;
});

export const updateAutomation = authorizedAction({ input: updateAutomationInput, permission: "automations.manage" }, async ({ viewer, input }) => {
  await validateRegexes(input.rule);
  await withViewer(viewer, async (tx) => {
    const before = await tx.automation.findFirst({ where: { workspaceId: viewer.workspaceId, id: input.id }, select: { id: true, name: true, rule: true, action: true, teamIds: true, trigger: true, cron: true, enabled: true } });
    if (!before) throw new NotFoundError();
    const teams = await checkRefs(tx, viewer, input);
    const clash = await tx.automation.findFirst({ where: { workspaceId: viewer.workspaceId, name: input.name, id: { not: input.id } }, select: { id: true } });
    if (clash) throw new UserError("An automation with that name already exists.", { field: "name" });
    const d = data(input);
    await tx.automation.update({ where: { id: before.id }, data: d });
    await recordAudit(tx, viewer, { action: "automation.updated", targetType: "automation", targetId: before.id, targetName: input.name, before: { name: before.name, rule: before.rule as Prisma.InputJsonValue, action: before.action, trigger: before.trigger, cron: before.cron, enabled: before.enabled }, after: snapshot(d, teams) });
  });
  refresh("/settings/automations", `/settings/automations/${input.id}`);
  return { id: input.id };
});

export const setAutomationEnabled = authorizedAction({ input: setEnabledInput, permission: "automations.manage" }, async ({ viewer, input }) => {
  await withViewer(viewer, async (tx) => {
    const a = await tx.automation.findFirst({ where: { workspaceId: viewer.workspaceId, id: input.id }, select: { id: true, name: true, enabled: true, trigger: true, cron: true } });
    if (!a) throw new NotFoundError();
    if (a.enabled === input.enabled) return;
    await tx.automation.update({ where: { id: a.id }, data: { enabled: input.enabled, nextRunAt: input.enabled && a.trigger === "schedule" && a.cron ? nextRun(a.cron) : null } });
    await recordAudit(tx, viewer, { action: input.enabled ? "automation.enabled" : "automation.disabled", targetType: "automation", targetId: a.id, targetName: a.name });
  });
  refresh("/settings/automations", `/settings/automations/${input.id}`);
  return { enabled: input.enabled };
});

export const deleteAutomation = authorizedAction({ input: automationIdInput, permission: "automations.manage" }, async ({ viewer, input }) => {
  await withViewer(viewer, async (tx) => {
    const a = await tx.automation.findFirst({ where: { workspaceId: viewer.workspaceId, id: input.id }, select: { id: true, name: true, rule: true, action: true, trigger: true } });
    if (!a) throw new NotFoundError();
    const busy = await tx.automationRun.findFirst({ where: { workspaceId: viewer.workspaceId, automationId: a.id, status: { in: ["queued", "running"] } }, select: { id: true } });
    if (busy) throw new UserError("A run of this automation is in progress; delete it once the run has finished.");
    await tx.automation.delete({ where: { id: a.id } });
    await recordAudit(tx, viewer, { action: "automation.deleted", targetType: "automation", targetId: a.id, targetName: a.name, before: { rule: a.rule as Prisma.InputJsonValue, action: a.action, trigger: a.trigger } });
  });
  refresh("/settings/automations");
  return { deleted: true };
});

async function loadSaved(tx: Tx, viewer: Viewer, id: string) {
  const a = await tx.automation.findFirst({ where: { workspaceId: viewer.workspaceId, id }, select: { id: true, workspaceId: true, name: true, rule: true, action: true, teamIds: true } });
  if (!a) throw new NotFoundError();
  const rule = ruleSchema.safeParse(a.rule);
  if (!rule.success) throw new UserError("The saved rule is not valid; edit the automation first.");
  return { ...a, parsed: rule.data };
}

/** The dry run of a saved automation, shown before each manual run. */
export const previewSavedAutomation = authorizedAction({ input: automationIdInput, permission: "automations.manage" }, async ({ viewer, input }) => {
  return withViewer(viewer, async (tx) => {
    const a = await loadSaved(tx, viewer, input.id);
    const teams = await tx.team.findMany({ where: { workspaceId: viewer.workspaceId, id: { in: a.teamIds } }, select: { id: true } });
    return preview(tx, viewer.workspaceId, { rule: a.parsed, action: a.action === "remove" ? "remove" : "add", teamIds: teams.map((t) => t.id) });
  });
});

async function ensureIdle(tx: Tx, viewer: Viewer, automationId: string) {
  const busy = await tx.automationRun.findFirst({ where: { workspaceId: viewer.workspaceId, automationId, status: { in: ["queued", "running"] } }, select: { id: true } });
  if (busy) throw new UserError("A run of this automation is already in progress.");
}

/** Queues a manual run; the worker processes it in batches and the page follows its progress. */
export const runAutomation = authorizedAction({ input: automationIdInput, permission: "automations.manage" }, async ({ viewer, input }) => {
  const runId = await withViewer(viewer, async (tx) => {
    const a = await loadSaved(tx, viewer, input.id);
    await ensureIdle(tx, viewer, a.id);
    const teams = await tx.team.count({ where: { workspaceId: viewer.workspaceId, id: { in: a.teamIds } } });
    if (!teams) throw new UserError("The automation's teams no longer exist; edit it first.");
    const id = await createRun(tx, a, { trigger: "manual", startedById: viewer.userId });
    await recordAudit(tx, viewer, { action: "automation.run.queued", targetType: "automation", targetId: a.id, targetName: a.name, after: { runId: id } });
    return id;
  });
  await enqueueRun(runId);
  refresh(`/settings/automations/${input.id}`, "/settings/automations");
  return { runId };
});

/** Undoes a finished run: removes exactly what it added and puts back what it removed. */
export const undoAutomationRun = authorizedAction({ input: runIdInput, permission: "automations.manage" }, async ({ viewer, input }) => {
  const out = await withViewer(viewer, async (tx) => {
    const run = await tx.automationRun.findFirst({ where: { workspaceId: viewer.workspaceId, id: input.runId }, select: { id: true, kind: true, status: true, undoneAt: true, automationId: true, teamIds: true, action: true } });
    if (!run) throw new NotFoundError();
    if (run.kind !== "run") throw new UserError("An undo cannot itself be undone; run the automation again instead.");
    if (run.status !== "succeeded") throw new UserError("Only a finished run can be undone.");
    if (run.undoneAt) throw new UserError("This run has already been undone.");
    await ensureIdle(tx, viewer, run.automationId);
    const a = await tx.automation.findFirst({ where: { workspaceId: viewer.workspaceId, id: run.automationId }, select: { id: true, workspaceId: true, name: true, rule: true } });
    if (!a) throw new NotFoundError();
    const claimed = await tx.automationRun.updateMany({ where: { id: run.id, undoneAt: null }, data: { undoneAt: new Date(), undoneById: viewer.userId } });
    if (!claimed.count) throw new UserError("This run has already been undone.");
    const id = await createRun(tx, { ...a, action: run.action, teamIds: run.teamIds }, { trigger: "manual", startedById: viewer.userId, kind: "undo", undoOfId: run.id });
    await recordAudit(tx, viewer, { action: "automation.undo.queued", targetType: "automation", targetId: a.id, targetName: a.name, after: { runId: run.id, undoRunId: id } });
    return { runId: id, automationId: a.id };
  });
  await enqueueRun(out.runId);
  refresh(`/settings/automations/${out.automationId}`);
  return { runId: out.runId };
});
