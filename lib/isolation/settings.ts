import "server-only";
import type { Tx } from "@/lib/db/scoped";

/** Whether the isolation lock is on: a workspace without a settings row has the default, on. */
export async function isolationLocked(tx: Tx, workspaceId: string): Promise<boolean> {
  const row = await tx.workspaceSettings.findUnique({ where: { workspaceId }, select: { isolationLock: true } });
  return row?.isolationLock ?? true;
}
