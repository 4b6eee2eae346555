import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { can } from "@/lib/policy";

export type DbtImportSummary = { at: string; by: string | null; matched: number; unmatched: number; enriched: number; edges: number; project: string | null };

/** The last dbt import (admins: audit events are theirs to read, under RLS too). */
export async function lastDbtImport(viewer: Viewer): Promise<DbtImportSummary | null> {
  if (!can(viewer.role, "audit.read")) return null;
  return withViewer(viewer, async (tx) => {
    const e = await tx.auditEvent.findFirst({ where: { workspaceId: viewer.workspaceId, action: "dbt.imported" }, orderBy: { createdAt: "desc" }, select: { createdAt: true, actorEmail: true, after: true } });
    if (!e) return null;
    const a = (e.after ?? {}) as Record<string, unknown>;
    const n = (k: string) => (typeof a[k] === "number" ? (a[k] as number) : 0);
    return { at: e.createdAt.toISOString(), by: e.actorEmail, matched: n("matched"), unmatched: n("unmatched"), enriched: n("enriched"), edges: n("edges"), project: typeof a.project === "string" ? a.project : null };
  });
}
