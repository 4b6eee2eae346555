"use server";
import bcrypt from "bcryptjs";
import { authorizedAction, UserError } from "@/lib/actions/authorized";
import { ownerDb } from "@/lib/db/owner";
import { passwordCheckWait, recordPasswordCheckFailure } from "@/lib/auth/rate-limit";
import { acceptInput } from "@/lib/members/schemas";
import { hashInvitationToken } from "@/lib/members/tokens";
import { INVITATION_MESSAGES, invitationState } from "./queries";

// An account without a password (single sign-on only) never matches: it accepts by signing in through its connection.
const NO_PASSWORD = bcrypt.hashSync("enclave-no-password", 10);

/** Said when the account already exists and the password given is not its own (throttled like a password check). */
const NOT_THE_PASSWORD = "That password does not match. If you already have an Enclave account, enter its password.";

/**
 * Accepting an invitation: public (the invitee has no session; the random single-use token is the proof).
 * In one transaction: the link is consumed (only if still open), the membership of this workspace becomes active,
 * and the acceptance is audited. A new account gets its name and password here; an account that already exists
 * (it joined another workspace before) proves itself with its own password, which stays as it is, and keeps its
 * name. The client then signs in with the same credentials, into this workspace.
 */
export const acceptInvitation = authorizedAction({ input: acceptInput, public: true }, async ({ input }) => {
  const prisma = await ownerDb("invitation-accept");
  const found = await prisma.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(input.token) },
    select: { workspaceId: true, user: { select: { id: true, status: true, passwordHash: true } } },
  });
  const existing = !!found && found.user.status === "ACTIVE";
  if (existing && (await passwordCheckWait(prisma, found.user.id)) > 0) throw new UserError("Too many attempts. Try again in a few minutes.");
  const passwordOk = existing ? await bcrypt.compare(input.password, found.user.passwordHash ?? NO_PASSWORD) : false;
  const passwordHash = existing ? null : await bcrypt.hash(input.password, 10);
  const result = await prisma.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({
      where: { tokenHash: hashInvitationToken(input.token) },
      select: {
        id: true,
        workspaceId: true,
        userId: true,
        expiresAt: true,
        usedAt: true,
        revokedAt: true,
        user: { select: { email: true, name: true, status: true, memberships: { select: { workspaceId: true, status: true, shownName: true } } } },
      },
    });
    if (!inv) throw new UserError(INVITATION_MESSAGES.invalid);
    const state = invitationState(inv);
    if (state !== "valid") throw new UserError(INVITATION_MESSAGES[state]);
    if (existing !== (inv.user.status === "ACTIVE")) throw new UserError(INVITATION_MESSAGES.used);
    if (existing && !passwordOk) return { refused: true as const, userId: inv.userId };
    // Consumed only if still open at this instant: two simultaneous submissions cannot both succeed.
    const consumed = await tx.invitation.updateMany({
      where: { id: inv.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (consumed.count !== 1) throw new UserError(INVITATION_MESSAGES.used);
    const now = new Date();
    const joined = await tx.membership.updateMany({
      where: { workspaceId: inv.workspaceId, userId: inv.userId, status: "INVITED" },
      data: { status: "ACTIVE", shownName: null, lastActiveAt: now },
    });
    if (joined.count !== 1) throw new UserError(INVITATION_MESSAGES.revoked);
    if (!existing) {
      const updated = await tx.user.updateMany({
        where: { id: inv.userId, status: "INVITED" },
        data: { name: input.name, passwordHash, status: "ACTIVE", sessionVersion: { increment: 1 }, lastActiveAt: now },
      });
      if (updated.count !== 1) throw new UserError(INVITATION_MESSAGES.revoked);
    }
    const shown = inv.user.memberships.find((m) => m.workspaceId === inv.workspaceId)?.shownName ?? inv.user.name;
    await tx.auditEvent.create({
      data: {
        workspaceId: inv.workspaceId,
        actorId: inv.userId,
        actorEmail: inv.user.email,
        action: "invitation.accepted",
        targetType: "user",
        targetId: inv.userId,
        targetName: inv.user.email,
        // This workspace's names only: the one it knew, and the one it shows from now on.
        before: { status: "INVITED", name: shown },
        after: { status: "ACTIVE", name: existing ? inv.user.name : input.name },
      },
    });
    return { refused: false as const, email: inv.user.email, workspaceId: inv.workspaceId };
  });
  if (result.refused) {
    await recordPasswordCheckFailure(prisma, result.userId);
    throw new UserError(NOT_THE_PASSWORD, { field: "password" });
  }
  return { email: result.email, workspaceId: result.workspaceId };
});
