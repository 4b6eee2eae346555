"use server";
import { authorizedAction, UserError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer } from "@/lib/db/scoped";
import { isolationLockInput } from "./schemas";
import { isolationLocked } from "./settings";

/**
 * Turns the isolation lock on or off. Turning it off is confirmed by typing the workspace's name, and audited
 * (so is turning it back on).
 */
export const setIsolationLock = authorizedAction({ input: isolationLockInput, permission: "settings.manage" }, async ({ viewer, input }) => {
  const out = await withViewer(viewer, async (tx) => {
    const before = await isolationLocked(tx, viewer.workspaceId);
    if (before === input.locked) return { locked: before, changed: false };
    if (!input.locked && (input.confirmName ?? "").toLowerCase() !== viewer.workspaceName.trim().toLowerCase()) {
      throw new UserError(`Type the workspace's name, ${viewer.workspaceName}, to turn the isolation lock off. Nothing was changed.`);
    }
    await tx.workspaceSettings.upsert({
      where: { workspaceId: viewer.workspaceId },
      create: { workspaceId: viewer.workspaceId, isolationLock: input.locked, updatedById: viewer.userId },
      update: { isolationLock: input.locked, updatedById: viewer.userId },
    });
    await recordAudit(tx, viewer, {
      action: input.locked ? "workspace.isolation_lock.enabled" : "workspace.isolation_lock.disabled",
      targetType: "workspace",
      targetId: viewer.workspaceId,
      targetName: viewer.workspaceName,
      before: { isolationLock: before },
      after: { isolationLock: input.locked },
    });
    return { locked: input.locked, changed: true };
  });
  refresh("/settings/workspace", "/settings/isolation");
  return out;
});
