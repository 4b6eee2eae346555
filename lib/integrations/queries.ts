import "server-only";
import { can } from "@/lib/policy";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { describeSource } from "./source";
import { INTERRUPTED, isInterrupted } from "./sync";

export type SyncRun = {
  id: string;
  status: "queued" | "running" | "succeeded" | "failed";
  phase: string;
  found: number;
  added: number;
  updated: number;
  removed: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type IntegrationSummary = {
  id: string;
  name: string;
  kind: string;
  /** postgres://user:•••@host/db — never the password */
  target: string;
  lastSync: SyncRun | null;
  resourceCount: number;
};

export type IntegrationDetail = IntegrationSummary & { runs: SyncRun[]; description: string };

type RunRow = { id: string; status: string; phase: string; found: number; added: number; updated: number; removed: number; error: string | null; createdAt: Date; startedAt: Date | null; heartbeatAt: Date | null; finishedAt: Date | null };

function run(r: RunRow): SyncRun {
  const { heartbeatAt, ...row } = r;
  void heartbeatAt;
  const times = { createdAt: r.createdAt.toISOString(), startedAt: r.startedAt?.toISOString() ?? null, finishedAt: r.finishedAt?.toISOString() ?? null };
  // A running run whose worker stopped beating is reported as what it is (its one transaction never committed), in the
  // minute before a worker's tick records it so (recoverSyncs).
  if (isInterrupted(r)) return { ...row, ...times, status: "failed", phase: "Failed", error: INTERRUPTED };
  return { ...row, ...times, status: r.status as SyncRun["status"] };
}

const runSelect = { id: true, status: true, phase: true, found: true, added: true, updated: true, removed: true, error: true, createdAt: true, startedAt: true, heartbeatAt: true, finishedAt: true } as const;

/** Connected integrations (admins only; the table's RLS says the same). */
export async function listIntegrations(viewer: Viewer): Promise<IntegrationSummary[]> {
  if (!can(viewer.role, "integrations.manage")) return [];
  return withViewer(viewer, async (tx) => {
    const rows = await tx.integration.findMany({
      where: { workspaceId: viewer.workspaceId },
      select: { resourceId: true, kind: true, secret: true, config: true, resource: { select: { name: true } }, syncs: { select: runSelect, orderBy: { createdAt: "desc" }, take: 1 } },
      orderBy: { resource: { name: "asc" } },
    });
    const out: IntegrationSummary[] = [];
    for (const r of rows) {
      const resourceCount = await tx.resource.count({ where: { workspaceId: viewer.workspaceId, path: { has: r.resourceId }, id: { not: r.resourceId }, removedAt: null } });
      out.push({ id: r.resourceId, name: r.resource.name, kind: r.kind, target: describeSource(r), lastSync: r.syncs[0] ? run(r.syncs[0]) : null, resourceCount });
    }
    return out;
  });
}

export async function getIntegration(viewer: Viewer, id: string): Promise<IntegrationDetail | null> {
  if (!can(viewer.role, "integrations.manage")) return null;
  return withViewer(viewer, async (tx) => {
    const r = await tx.integration.findFirst({
      where: { workspaceId: viewer.workspaceId, resourceId: id },
      select: { resourceId: true, kind: true, secret: true, config: true, resource: { select: { name: true, description: true } }, syncs: { select: runSelect, orderBy: { createdAt: "desc" }, take: 10 } },
    });
    if (!r) return null;
    const resourceCount = await tx.resource.count({ where: { workspaceId: viewer.workspaceId, path: { has: r.resourceId }, id: { not: r.resourceId }, removedAt: null } });
    const runs = r.syncs.map(run);
    return { id: r.resourceId, name: r.resource.name, description: r.resource.description, kind: r.kind, target: describeSource(r), lastSync: runs[0] ?? null, runs, resourceCount };
  });
}


/** The state of one sync run (GET /api/v1/integrations/{id}/runs/{runId}): admins only, as the table's RLS says. */
export async function getSyncRun(viewer: Viewer, integrationId: string, syncId: string): Promise<SyncRun | null> {
  if (!can(viewer.role, "integrations.manage")) return null;
  return withViewer(viewer, async (tx) => {
    const r = await tx.integrationSync.findFirst({ where: { workspaceId: viewer.workspaceId, integrationId, id: syncId }, select: runSelect });
    return r ? run(r) : null;
  });
}
