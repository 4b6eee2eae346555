import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { ownerDb } from "@/lib/db/owner";

export type WorkspaceChoice = { id: string; name: string; current: boolean };

/**
 * The workspaces the signed-in person may switch to: those where their own membership is active, read as the
 * system (a person's memberships are theirs to know, though no workspace's admin may see the others). Empty while
 * an admin views as someone: the person's other workspaces are not the admin's to learn, and with a token.
 */
export async function listMyWorkspaces(viewer: Viewer): Promise<WorkspaceChoice[]> {
  if (viewer.actingAdmin || viewer.apiToken) return [];
  const prisma = await ownerDb("my-workspaces");
  const rows = await prisma.membership.findMany({
    where: { userId: viewer.userId, status: "ACTIVE", user: { status: "ACTIVE" } },
    select: { workspaceId: true, workspace: { select: { name: true } } },
    orderBy: [{ workspace: { name: "asc" } }, { workspaceId: "asc" }],
  });
  return rows.map((r) => ({ id: r.workspaceId, name: r.workspace.name, current: r.workspaceId === viewer.workspaceId }));
}

/** Whether the person's membership in that workspace is active now (the switch's check, as the system). */
export async function isActiveMemberOf(userId: string, workspaceId: string): Promise<boolean> {
  const prisma = await ownerDb("my-workspaces");
  const m = await prisma.membership.findFirst({ where: { userId, workspaceId, status: "ACTIVE", user: { status: "ACTIVE" } }, select: { id: true } });
  return !!m;
}
