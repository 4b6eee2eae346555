import "server-only";
import { can } from "@/lib/policy";
import { textContains } from "@/lib/db/like";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeRule, referencedResourceIds, ruleSchema, type Rule } from "./rule";
import { cronInWords } from "./cron";
import type { AutomationsParams } from "./schemas";
import { tableOrder } from "@/lib/db/order";

export type RunDto = {
  id: string;
  kind: "run" | "undo";
  status: "queued" | "running" | "succeeded" | "failed";
  trigger: string;
  matched: number;
  processed: number;
  added: number;
  removed: number;
  error: string | null;
  startedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  undoneAt: string | null;
  undoOfId: string | null;
};

export type AutomationRow = {
  id: string;
  name: string;
  ruleSummary: string;
  action: "add" | "remove";
  teams: string[];
  trigger: "manual" | "after_sync" | "schedule";
  triggerSummary: string;
  enabled: boolean;
  lastRun: RunDto | null;
};

export type AutomationDetail = AutomationRow & {
  rule: Rule;
  teamIds: string[];
  integrationId: string | null;
  cron: string | null;
  nextRunAt: string | null;
  runs: RunDto[];
};

export type AutomationFormOptions = {
  teams: { id: string; name: string; visibility: "PUBLIC" | "PRIVATE"; isDefault: boolean }[];
  integrations: { id: string; name: string }[];
  /** Containers a rule can say "under": integrations, databases, schemas and tables (first 1,000 by name). */
  parents: { id: string; name: string; type: string }[];
};

const runSelect = {
  id: true, kind: true, status: true, trigger: true, matched: true, processed: true, added: true, removed: true, error: true,
  startedById: true, createdAt: true, startedAt: true, finishedAt: true, undoneAt: true, undoOfId: true,
} as const;
type RunRow = Prisma.AutomationRunGetPayload<{ select: typeof runSelect }>;

function runDto(r: RunRow, emails: Map<string, string>): RunDto {
  return {
    id: r.id,
    kind: r.kind === "undo" ? "undo" : "run",
    status: r.status as RunDto["status"],
    trigger: r.trigger,
    matched: r.matched,
    processed: r.processed,
    added: r.added,
    removed: r.removed,
    error: r.error,
    startedBy: r.startedById ? (emails.get(r.startedById) ?? "a former member") : null,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
    undoneAt: r.undoneAt?.toISOString() ?? null,
    undoOfId: r.undoOfId,
  };
}

async function emailsOf(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}

async function namesOf(tx: Tx, workspaceId: string, ids: string[]): Promise<Record<string, string>> {
  if (!ids.length) return {};
  const rows = await tx.resource.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

function triggerSummary(trigger: string, cron: string | null, integrationName: string | null): string {
  if (trigger === "schedule" && cron) return `${cronInWords(cron)} (UTC)`;
  if (trigger === "after_sync") return `after each sync of ${integrationName ?? "a removed integration"}`;
  return "manually";
}

type AutomationRowSource = { id: string; name: string; rule: unknown; action: string; teamIds: string[]; trigger: string; cron: string | null; triggerIntegrationId: string | null; enabled: boolean };

async function rowsOf(tx: Tx, viewer: Viewer, list: AutomationRowSource[], runsBy: Map<string, RunRow>): Promise<AutomationRow[]> {
  const ruleOf = (a: AutomationRowSource) => ruleSchema.safeParse(a.rule);
  const refIds = list.flatMap((a) => {
    const r = ruleOf(a);
    return [...(r.success ? referencedResourceIds(r.data) : []), ...(a.triggerIntegrationId ? [a.triggerIntegrationId] : [])];
  });
  const names = await namesOf(tx, viewer.workspaceId, [...new Set(refIds)]);
  const teamIds = [...new Set(list.flatMap((a) => a.teamIds))];
  const teams = await tx.team.findMany({ where: { workspaceId: viewer.workspaceId, id: { in: teamIds } }, select: { id: true, name: true } });
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const emails = await emailsOf(tx, [...runsBy.values()].map((r) => r.startedById));
  return list.map((a) => {
    const r = ruleOf(a);
    const run = runsBy.get(a.id);
    return {
      id: a.id,
      name: a.name,
      ruleSummary: r.success ? describeRule(r.data, names) : "(invalid rule)",
      action: a.action === "remove" ? "remove" : "add",
      teams: a.teamIds.flatMap((id) => (teamName.has(id) ? [teamName.get(id)!] : [])),
      trigger: a.trigger as AutomationRow["trigger"],
      triggerSummary: triggerSummary(a.trigger, a.cron, a.triggerIntegrationId ? (names[a.triggerIntegrationId] ?? null) : null),
      enabled: a.enabled,
      lastRun: run ? runDto(run, emails) : null,
    };
  });
}

const automationSelect = { id: true, name: true, rule: true, action: true, teamIds: true, trigger: true, cron: true, triggerIntegrationId: true, enabled: true, nextRunAt: true } as const;

/** The automations table (admins only; RLS says the same). */
export async function listAutomations(viewer: Viewer, p: AutomationsParams): Promise<{ rows: AutomationRow[]; total: number }> {
  if (!can(viewer.role, "automations.manage")) return { rows: [], total: 0 };
  return withViewer(viewer, async (tx) => {
    const where: Prisma.AutomationWhereInput = { workspaceId: viewer.workspaceId, ...(p.q ? { name: textContains(p.q) } : {}) };
    const total = await tx.automation.count({ where });
    const list = await tx.automation.findMany({
      where,
      select: automationSelect,
      orderBy: tableOrder(p.sort, p.dir),
      skip: (Math.min(p.page, Math.max(1, Math.ceil(total / p.size))) - 1) * p.size,
      take: p.size,
    });
    const runs = await tx.automationRun.findMany({
      where: { workspaceId: viewer.workspaceId, automationId: { in: list.map((a) => a.id) } },
      select: { ...runSelect, automationId: true },
      orderBy: { createdAt: "desc" },
      distinct: ["automationId"],
    });
    const runsBy = new Map(runs.map((r) => [r.automationId, r]));
    return { rows: await rowsOf(tx, viewer, list, runsBy), total };
  });
}

export async function getAutomation(viewer: Viewer, id: string): Promise<AutomationDetail | null> {
  if (!can(viewer.role, "automations.manage")) return null;
  return withViewer(viewer, async (tx) => {
    const a = await tx.automation.findFirst({ where: { workspaceId: viewer.workspaceId, id }, select: automationSelect });
    if (!a) return null;
    const runs = await tx.automationRun.findMany({ where: { workspaceId: viewer.workspaceId, automationId: a.id }, select: runSelect, orderBy: { createdAt: "desc" }, take: 20 });
    const [row] = await rowsOf(tx, viewer, [a], new Map(runs.length ? [[a.id, runs[0]]] : []));
    const emails = await emailsOf(tx, runs.map((r) => r.startedById));
    const parsed = ruleSchema.safeParse(a.rule);
    return {
      ...row,
      rule: parsed.success ? parsed.data : { match: "all", conditions: [] },
      teamIds: a.teamIds,
      integrationId: a.triggerIntegrationId,
      cron: a.cron,
      nextRunAt: a.nextRunAt?.toISOString() ?? null,
      runs: runs.map((r) => runDto(r, emails)),
    };
  });
}

/** One run's progress (the progress bar polls it through the page). */
export async function getRun(viewer: Viewer, runId: string): Promise<RunDto | null> {
  if (!can(viewer.role, "automations.manage")) return null;
  return withViewer(viewer, async (tx) => {
    const r = await tx.automationRun.findFirst({ where: { workspaceId: viewer.workspaceId, id: runId }, select: runSelect });
    if (!r) return null;
    return runDto(r, await emailsOf(tx, [r.startedById]));
  });
}

export async function automationFormOptions(viewer: Viewer): Promise<AutomationFormOptions> {
  if (!can(viewer.role, "automations.manage")) return { teams: [], integrations: [], parents: [] };
  return withViewer(viewer, async (tx) => {
    const teams = await tx.team.findMany({ where: { workspaceId: viewer.workspaceId }, select: { id: true, name: true, visibility: true, isDefault: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] });
    // Integrations are roots (`parentId IS NULL`: an index under row-level security, see lib/resources/queries.ts).
    const integrations = await tx.resource.findMany({ where: { workspaceId: viewer.workspaceId, parentId: null, type: "INTEGRATION", removedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
    const parents = await tx.resource.findMany({
      where: { workspaceId: viewer.workspaceId, type: { in: ["INTEGRATION", "DATABASE", "SCHEMA", "TABLE"] }, removedAt: null },
      select: { id: true, name: true, type: true },
      orderBy: [{ depth: "asc" }, { name: "asc" }],
      take: 1000,
    });
    return { teams, integrations, parents };
  });
}
