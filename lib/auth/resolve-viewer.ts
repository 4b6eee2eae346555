import type { PrismaClient } from "@/lib/generated/prisma/client";
import { can, type Role } from "@/lib/policy";
import { memberTeamsWhere } from "@/lib/access/team-members";

export type Viewer = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  workspaceId: string;
  workspaceName: string;
  /** Teams the viewer belongs to: direct, through groups, and General for every non-guest. */
  memberTeamIds: string[];
  /**
   * Set while an admin views the console as this person ("View as"): the admin who is really there. Every
   * read runs as the person above; every write is refused (lib/actions/authorized.ts).
   */
  actingAdmin?: { userId: string; name: string; email: string };
};

/**
 * Identity resolution reads as the system (before a viewer exists to scope anything by). It refuses a
 * missing, inactive or workspace-less user and a session minted before the last sessionVersion bump.
 */
export async function resolveViewer(prisma: PrismaClient, userId: string, sessionVersion: number): Promise<Viewer | null> {
  return resolve(prisma, userId, sessionVersion);
}

async function resolve(prisma: PrismaClient, userId: string, sessionVersion: number | null): Promise<Viewer | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      status: true,
      sessionVersion: true,
      memberships: { select: { role: true, workspaceId: true, workspace: { select: { name: true } } }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  const membership = user?.memberships[0];
  if (!user || !membership || user.status !== "ACTIVE" || (sessionVersion !== null && user.sessionVersion !== sessionVersion)) return null;
  const { workspaceId, role } = membership;
  const teams = await prisma.team.findMany({ where: memberTeamsWhere(workspaceId, userId, role), select: { id: true } });
  return {
    userId,
    email: user.email,
    name: user.name,
    role: role as Role,
    workspaceId,
    workspaceName: membership.workspace.name,
    memberTeamIds: teams.map((t) => t.id),
  };
}

/**
 * "View as": the viewer of the person an admin chose, resolved by the very path above (so every page, query
 * and row-level security policy sees exactly that person), with `actingAdmin` naming the admin. Null, and the
 * claim ignored, unless the signed-in viewer is an admin (now, not when the claim was made), the claim is that
 * admin's and was made in the current session (same session id, same session version), and the person is someone else, active, in the same workspace.
 */
export async function resolveViewAs(
  prisma: PrismaClient,
  admin: Viewer,
  adminSessionVersion: number,
  claim: { adminUserId: string; targetUserId: string; sv: number; sid?: string },
  adminSessionId: string | null,
): Promise<Viewer | null> {
  if (admin.actingAdmin || !can(admin.role, "view-as.start")) return null;
  if (claim.adminUserId !== admin.userId || claim.sv !== adminSessionVersion || claim.targetUserId === admin.userId) return null;
  // Made in this very session: after any sign-out and a new sign-in the claim is someone else's past.
  if (!adminSessionId || claim.sid !== adminSessionId) return null;
  const target = await resolve(prisma, claim.targetUserId, null);
  if (!target || target.workspaceId !== admin.workspaceId) return null;
  return { ...target, actingAdmin: { userId: admin.userId, name: admin.name, email: admin.email } };
}
