import "server-only";
import { memberView, notDeactivatedIn, shownName, shownStatus } from "@/lib/access/people";
import { textContains } from "@/lib/db/like";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import type { Prisma } from "@/lib/generated/prisma/client";
import { groupScope, userScope, userScopeContext } from "@/lib/access/scope";
import { can, type Role } from "@/lib/policy";
import type { GroupsParams } from "./schemas";
import type { Candidate, Paged } from "@/lib/teams/queries";

export type GroupTeam = { id: string; name: string; slug: string; visibility: "PUBLIC" | "PRIVATE"; isDefault: boolean };
export type GroupRow = { id: string; name: string; description: string; members: number; guests: number; teams: GroupTeam[] };
export type GroupMemberDTO = { id: string; name: string; email: string; role: Role; status: "ACTIVE" | "INVITED" | "DEACTIVATED" };
export type GroupDetail = { id: string; name: string; description: string; teams: GroupTeam[]; members: GroupMemberDTO[] };

const teamSelect = { id: true, name: true, slug: true, visibility: true, isDefault: true } as const;

export async function listGroupsTable(viewer: Viewer, p: GroupsParams): Promise<Paged<GroupRow>> {
  if (!can(viewer.role, "groups.manage")) return { rows: [], total: 0, page: 1, size: p.size, pageCount: 1 };
  return withViewer(viewer, async (tx) => {
    const ws = viewer.workspaceId;
    const where: Prisma.GroupWhereInput = {
      AND: [groupScope(viewer), p.q ? { OR: [{ name: textContains(p.q) }, { description: textContains(p.q) }] } : {}],
    };
    const total = await tx.group.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / p.size));
    const page = Math.min(p.page, pageCount);
    const orderBy: Prisma.GroupOrderByWithRelationInput =
      p.sort === "members" ? { members: { _count: p.dir } } : p.sort === "teams" ? { teams: { _count: p.dir } } : { name: p.dir };
    const groups = await tx.group.findMany({
      where,
      select: {
        id: true,
        name: true,
        description: true,
        teams: { select: { team: { select: teamSelect } } },
        members: { select: { user: { select: { memberships: { where: { workspaceId: ws }, select: memberView } } } } },
      },
      orderBy: [orderBy, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * p.size,
      take: p.size,
    });
    const rows = groups.map((g) => ({
      id: g.id,
      name: g.name,
      description: g.description,
      members: g.members.length,
      guests: g.members.filter((m) => m.user.memberships[0]?.role === "GUEST").length,
      teams: g.teams.map((t) => t.team).sort((a, b) => a.name.localeCompare(b.name)),
    }));
    return { rows, total, page, size: p.size, pageCount };
  });
}

export async function getGroup(viewer: Viewer, groupId: string): Promise<GroupDetail | null> {
  if (!can(viewer.role, "groups.manage")) return null;
  return withViewer(viewer, async (tx) => {
    const ws = viewer.workspaceId;
    const g = await tx.group.findFirst({
      where: { AND: [groupScope(viewer), { id: groupId }] },
      select: {
        id: true,
        name: true,
        description: true,
        teams: { select: { team: { select: teamSelect } } },
        members: { select: { user: { select: { id: true, name: true, email: true, status: true, memberships: { where: { workspaceId: ws }, select: memberView } } } } },
      },
    });
    if (!g) return null;
    return {
      id: g.id,
      name: g.name,
      description: g.description,
      teams: g.teams.map((t) => t.team).sort((a, b) => a.name.localeCompare(b.name)),
      members: g.members
        .map(({ user: u }) => ({ id: u.id, name: shownName(u), email: u.email, status: shownStatus(u), role: (u.memberships[0]?.role ?? "GUEST") as Role }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}

/** People an admin may add to the group (members of the workspace not in it yet). */
export async function listGroupCandidates(viewer: Viewer, groupId: string): Promise<Candidate[]> {
  if (!can(viewer.role, "groups.manage")) return [];
  return withViewer(viewer, async (tx) => {
    const ws = viewer.workspaceId;
    const users = await tx.user.findMany({
      where: { AND: [userScope(viewer, await userScopeContext(tx, viewer)), notDeactivatedIn(ws), { groupMembers: { none: { workspaceId: ws, groupId } } }] },
      select: { id: true, name: true, email: true, status: true, memberships: { where: { workspaceId: ws }, select: memberView } },
      orderBy: { name: "asc" },
      take: 500,
    });
    return users.map((u) => ({ id: u.id, name: shownName(u), email: u.email, role: (u.memberships[0]?.role ?? "GUEST") as Role }));
  });
}
