"use server";
import bcrypt from "bcryptjs";
import { authorizedAction, UserError } from "@/lib/actions/authorized";
import { ownerDb } from "@/lib/db/owner";
import { acceptInput } from "@/lib/members/schemas";
import { hashInvitationToken } from "@/lib/members/tokens";
import { INVITATION_MESSAGES, invitationState } from "./queries";

/**
 * Accepting an invitation: public (the invitee has no session; the random single-use token is the proof).
 * In one transaction: the link is consumed (only if still open), the person gets a name, a password and the
 * active status, and the acceptance is audited. The client then signs in with the same credentials.
 */
export const acceptInvitation = authorizedAction({ input: acceptInput, public: true }, async ({ input }) => {
  const passwordHash = await bcrypt.hash(input.password, 10);
  const prisma = await ownerDb("invitation-accept");
  const email = await prisma.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({
      where: { tokenHash: hashInvitationToken(input.token) },
      select: {
        id: true,
        workspaceId: true,
        userId: true,
        expiresAt: true,
        usedAt: true,
        revokedAt: true,
        user: { select: { email: true, name: true, status: true, memberships: { select: { workspaceId: true } } } },
      },
    });
    if (!inv) throw new UserError(INVITATION_MESSAGES.invalid);
    const state = invitationState(inv);
    if (state !== "valid") throw new UserError(INVITATION_MESSAGES[state]);
    // Consumed only if still open at this instant: two simultaneous submissions cannot both succeed.
    const consumed = await tx.invitation.updateMany({
      where: { id: inv.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (consumed.count !== 1) throw new UserError(INVITATION_MESSAGES.used);
    const updated = await tx.user.updateMany({
      where: { id: inv.userId, status: "INVITED" },
      data: { name: input.name, passwordHash, status: "ACTIVE", sessionVersion: { increment: 1 }, lastActiveAt: new Date() },
    });
    if (updated.count !== 1) throw new UserError(INVITATION_MESSAGES.revoked);
    await tx.auditEvent.create({
      data: {
        workspaceId: inv.workspaceId,
        actorId: inv.userId,
        actorEmail: inv.user.email,
        action: "invitation.accepted",
        targetType: "user",
        targetId: inv.userId,
        targetName: inv.user.email,
        before: { status: "INVITED", name: inv.user.name },
        after: { status: "ACTIVE", name: input.name },
      },
    });
    return inv.user.email;
  });
  return { email };
});
