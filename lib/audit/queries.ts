import "server-only";
import { textContains } from "@/lib/db/like";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { can } from "@/lib/policy";
import type { AuditParams } from "./schemas";

export type AuditRow = {
  id: string;
  createdAt: string;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetName: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
};

export type AuditPage = { rows: AuditRow[]; total: number; page: number; size: number; pageCount: number; actions: string[]; targetTypes: string[] };

function where(viewer: Viewer, p: AuditParams): Prisma.AuditEventWhereInput {
  const q = p.q;
  return {
    workspaceId: viewer.workspaceId,
    ...(p.action ? { action: p.action } : {}),
    ...(p.targetType ? { targetType: p.targetType } : {}),
    ...(p.from || p.to
      ? { createdAt: { ...(p.from ? { gte: new Date(`${p.from}T00:00:00Z`) } : {}), ...(p.to ? { lt: new Date(new Date(`${p.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) } }
      : {}),
    ...(q
      ? { OR: [{ targetName: textContains(q) }, { actorEmail: textContains(q) }, { action: textContains(q) }] }
      : {}),
  };
}

const toRow = (e: { id: string; createdAt: Date; actorEmail: string | null; action: string; targetType: string; targetName: string | null; targetId: string | null; before: unknown; after: unknown }): AuditRow => ({
  ...e,
  createdAt: e.createdAt.toISOString(),
});

/** The audit log, for admins only: anyone else gets null, which pages turn into a 404. */
export async function listAuditEvents(viewer: Viewer, p: AuditParams): Promise<AuditPage | null> {
  if (!can(viewer.role, "audit.read")) return null;
  return withViewer(viewer, async (tx) => {
    const w = where(viewer, p);
    const total = await tx.auditEvent.count({ where: w });
    const pageCount = Math.max(1, Math.ceil(total / p.size));
    const page = Math.min(p.page, pageCount);
    const rows = await tx.auditEvent.findMany({ where: w, orderBy: [{ [p.sort]: p.dir }, { id: "asc" }], skip: (page - 1) * p.size, take: p.size });
    const actions = await tx.auditEvent.findMany({ where: { workspaceId: viewer.workspaceId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
    const types = await tx.auditEvent.findMany({ where: { workspaceId: viewer.workspaceId }, distinct: ["targetType"], select: { targetType: true }, orderBy: { targetType: "asc" } });
    return { rows: rows.map(toRow), total, page, size: p.size, pageCount, actions: actions.map((a) => a.action), targetTypes: types.map((t) => t.targetType) };
  });
}

/** Every matching event, oldest first, in batches (the CSV export). */
export async function* exportAuditEvents(viewer: Viewer, p: AuditParams): AsyncGenerator<AuditRow[]> {
  if (!can(viewer.role, "audit.read")) return;
  let cursor: string | undefined;
  for (;;) {
    const batch = await withViewer(viewer, (tx) =>
      tx.auditEvent.findMany({ where: where(viewer, p), orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1000, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}) }),
    );
    if (!batch.length) return;
    yield batch.map(toRow);
    cursor = batch[batch.length - 1].id;
    if (batch.length < 1000) return;
  }
}
