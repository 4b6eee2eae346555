import "server-only";
import { can } from "@/lib/policy";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { describeSource } from "./source";
import { STALE_MS } from "./sync";

export type SyncRun = {
  id: string;
  status: "running" | "succeeded" | "failed";
  phase: string;
  found: number;
  added: number;
  updated: number;
  removed: number;
  error: string | null;
  createdAt: string;
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

function run(r: { id: string; status: string; phase: string; found: number; added: number; updated: number; removed: number; error: string | null; createdAt: Date; finishedAt: Date | null }): SyncRun {
  // A run still "running" long after it began was cut short (a restart): its one transaction never committed.
  if (r.status === "running" && Date.now() - r.createdAt.getTime() > STALE_MS) {
    return { ...r, status: "failed", phase: "Failed", error: "The sync was interrupted (the server stopped).", createdAt: r.createdAt.toISOString(), finishedAt: null };
  }
  return { ...r, status: r.status as SyncRun["status"], createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null };
}

const runSelect = { id: true, status: true, phase: true, found: true, added: true, updated: true, removed: true, error: true, createdAt: true, finishedAt: true } as const;

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

