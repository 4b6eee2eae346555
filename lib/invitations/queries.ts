import "server-only";
import { ownerDb } from "@/lib/db/owner";
import { hashInvitationToken } from "@/lib/members/tokens";
import { inviteToken } from "@/lib/members/schemas";

export type InvitationState = "valid" | "invalid" | "expired" | "used" | "revoked";
export type InvitationView = { state: InvitationState; email?: string; name?: string; workspaceName?: string };

export const INVITATION_MESSAGES: Record<Exclude<InvitationState, "valid">, string> = {
  invalid: "This invitation link is not valid. Check that you copied all of it, or ask an admin for a new one.",
  expired: "This invitation has expired. Ask an admin of the workspace to send you a new one.",
  used: "This invitation has already been used. Sign in with your email and password.",
  revoked: "This invitation was withdrawn. Ask an admin of the workspace for a new one.",
};

/**
 * The invitation behind a link, read as the system: the invitee has no session yet. Knowing the random
 * token is the authorization; only its sha256 is stored. Names only the invitee's own email and workspace.
 */
export async function getInvitationByToken(token: string): Promise<InvitationView> {
  if (!inviteToken.safeParse(token).success) return { state: "invalid" };
  const prisma = await ownerDb("invitation-lookup");
  const inv = await prisma.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      workspaceId: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      workspace: { select: { name: true } },
      user: { select: { email: true, name: true, status: true, memberships: { select: { workspaceId: true, status: true, shownName: true } } } },
    },
  });
  if (!inv) return { state: "invalid" };
  const state = invitationState(inv);
  if (state !== "valid") return { state };
  // The name this workspace gave in the invitation, never the account's (it may have joined another workspace).
  const shown = inv.user.memberships.find((m) => m.workspaceId === inv.workspaceId)?.shownName ?? inv.user.name;
  return { state, email: inv.user.email, name: shown, workspaceName: inv.workspace.name };
}

export function invitationState(inv: {
  workspaceId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  user: { status: string; memberships: { workspaceId: string; status: string }[] };
}): InvitationState {
  if (inv.usedAt) return "used";
  if (inv.revokedAt) return "revoked";
  // Still invited in this workspace (the account may well be active elsewhere, or be new).
  if (!inv.user.memberships.some((m) => m.workspaceId === inv.workspaceId && m.status === "INVITED") || inv.user.status === "DEACTIVATED") return "revoked";
  if (inv.expiresAt.getTime() <= Date.now()) return "expired";
  return "valid";
}
