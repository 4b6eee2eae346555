"use server";
import bcrypt from "bcryptjs";
import { authorizedAction, UserError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer } from "@/lib/db/scoped";
import { passwordCheckWait, recordPasswordCheckFailure } from "@/lib/auth/rate-limit";
import { ownerDb } from "@/lib/db/owner";
import { changePasswordInput, renameSelfInput } from "./schemas";

/**
 * Changes the signed-in person's own password. The current one must be given (a borrowed open session is not
 * enough) and wrong guesses count against the same per-account limit as sign-in. The session version moves
 * on, so every open session — this one too — ends at its next request; the page then asks to sign in again.
 */
export const changePassword = authorizedAction({ input: changePasswordInput }, async ({ viewer, input }) => {
  const prisma = await ownerDb("password-check-throttle");
  if ((await passwordCheckWait(prisma, viewer.userId)) > 0) {
    throw new UserError("Too many wrong passwords. Wait a few minutes and try again.");
  }
  const hash = await bcrypt.hash(input.next, 10);
  const changed = await withViewer(viewer, async (tx) => {
    const me = await tx.user.findFirst({ where: { id: viewer.userId }, select: { passwordHash: true } });
    if (!me?.passwordHash || !(await bcrypt.compare(input.current, me.passwordHash))) return false;
    await tx.user.update({ where: { id: viewer.userId }, data: { passwordHash: hash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, viewer, { action: "account.password_changed", targetType: "user", targetId: viewer.userId, targetName: viewer.name });
    return true;
  });
  // Counted after the transaction, on the owner connection (the embedded database has a single one).
  if (!changed) {
    await recordPasswordCheckFailure(prisma, viewer.userId);
    throw new UserError("Your current password is not right. Nothing was changed.");
  }
  return { signedOut: true };
});

/** Renames the signed-in person (the name others see in directories). */
export const renameSelf = authorizedAction({ input: renameSelfInput }, async ({ viewer, input }) => {
  await withViewer(viewer, async (tx) => {
    await tx.user.update({ where: { id: viewer.userId }, data: { name: input.name } });
    await recordAudit(tx, viewer, { action: "account.renamed", targetType: "user", targetId: viewer.userId, targetName: input.name, before: { name: viewer.name }, after: { name: input.name } });
  });
  refresh("/account");
  return { name: input.name };
});
