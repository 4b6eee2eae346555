import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Tx } from "@/lib/db/scoped";

export type AuditInput = {
  action: string;
  targetType: string;
  targetId?: string | null;
  targetName?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/** Who made a change: a viewer, or the system (no user) acting on behalf of one (an automation's run). */
export type AuditActor = Pick<Viewer, "workspaceId"> & { userId: string | null; email: string | null };

/** Records a change in the same transaction as the change itself, so one never lands without the other. */
export async function recordAudit(tx: Tx, viewer: AuditActor, e: AuditInput): Promise<void> {
  // createMany: a plain INSERT without RETURNING. Only admins may read audit events back, so the RETURNING of
  // create() would fail row-level security for everyone else (an editor joining a team, say).
  await tx.auditEvent.createMany({
    data: {
      workspaceId: viewer.workspaceId,
      actorId: viewer.userId,
      actorEmail: viewer.email,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId ?? null,
      targetName: e.targetName ?? null,
      before: e.before ?? undefined,
      after: e.after ?? undefined,
    },
  });
}
