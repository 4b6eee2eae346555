import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/policy";

export type Viewer = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  workspaceId: string;
  workspaceName: string;
  /** Teams the viewer belongs to: direct, through groups, and General for every non-guest. */
  memberTeamIds: string[];
};

/**
 * Identity resolution reads as the system (before a viewer exists to scope anything by). It refuses a
 * missing, inactive or workspace-less user and a session minted before the last sessionVersion bump.
 */
export async function resolveViewer(prisma: PrismaClient, userId: string, sessionVersion: number): Promise<Viewer | null> {
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
  if (!user || !membership || user.status !== "ACTIVE" || user.sessionVersion !== sessionVersion) return null;
  const { workspaceId, role } = membership;
  const teams = await prisma.team.findMany({
    where: {
      workspaceId,
      OR: [
        { members: { some: { userId } } },
        { groups: { some: { group: { members: { some: { userId } } } } } },
        ...(role !== "GUEST" ? [{ isDefault: true }] : []),
      ],
    },
    select: { id: true },
  });
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
