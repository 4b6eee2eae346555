"use server";
import { z } from "zod";
import { authorizedAction, NotFoundError, UserError } from "@/lib/actions/authorized";
import { getSignedInViewer, setViewAsCookie, clearViewAsCookie } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/record";
import { withViewer } from "@/lib/db/scoped";

const startInput = z.object({ userId: z.string().uuid("Choose a person from the list.") });

/**
 * An admin starts viewing the console as someone of the workspace: from the next request every page, search
 * and list is rendered with that person's viewer, and every change is refused until they exit.
 */
export const startViewAs = authorizedAction({ input: startInput, permission: "view-as.start" }, async ({ viewer, input }) => {
  const target = await withViewer(viewer, async (tx) => {
    const m = await tx.membership.findFirst({
      where: { workspaceId: viewer.workspaceId, userId: input.userId },
      select: { role: true, status: true, shownName: true, user: { select: { id: true, name: true, email: true, status: true } } },
    });
    if (!m) throw new NotFoundError();
    if (m.user.id === viewer.userId) throw new UserError("You already see the console as yourself: choose someone else.");
    if (m.status !== "ACTIVE" || m.user.status !== "ACTIVE") throw new UserError(`${m.shownName ?? m.user.name} is not active, so there is nothing to view as them.`);
    await recordAudit(tx, viewer, {
      action: "view_as.started",
      targetType: "user",
      targetId: m.user.id,
      targetName: m.user.name,
      after: { email: m.user.email, role: m.role },
    });
    return { id: m.user.id, name: m.user.name };
  });
  await setViewAsCookie(target.id);
  return target;
});

/** Back to the admin's own view; recorded as the admin. The one action allowed while viewing as. */
export const stopViewAs = authorizedAction({ input: z.object({}).strict(), whileViewingAs: "allow" }, async ({ viewer }) => {
  const acting = viewer.actingAdmin;
  const admin = acting ? await getSignedInViewer() : null;
  if (acting && admin && admin.userId === acting.userId) {
    await withViewer(admin, (tx) =>
      recordAudit(tx, admin, { action: "view_as.stopped", targetType: "user", targetId: viewer.userId, targetName: viewer.name }),
    );
  }
  await clearViewAsCookie();
  return { stopped: !!acting };
});
