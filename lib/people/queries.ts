import "server-only";
import { memberView, shownName, shownNameOrEmailContains, shownStatus } from "@/lib/access/people";
import { textContains } from "@/lib/db/like";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { teamLinks, teamMembersWhere, teamScope, userScope, userScopeContext } from "@/lib/access/scope";
import type { Role } from "@/lib/policy";

export type PersonSummary = { id: string; name: string; email: string; role: Role; status: "ACTIVE" | "INVITED" | "DEACTIVATED" };

/** The people directory as the viewer may see it: a guest sees only the people of its own teams. */
export async function listVisiblePeople(viewer: Viewer, opts: { q?: string; teamId?: string; take?: number } = {}): Promise<PersonSummary[]> {
  return withViewer(viewer, async (tx) => {
    const scope = userScope(viewer, await userScopeContext(tx, viewer));
    const q = opts.q?.trim();
    const users = await tx.user.findMany({
      where: {
        AND: [
          scope,
          q ? shownNameOrEmailContains(viewer.workspaceId, textContains(q)) : {},
        ],
      },
      select: { id: true, name: true, email: true, status: true, memberships: { where: { workspaceId: viewer.workspaceId }, select: memberView } },
      orderBy: { name: "asc" },
      take: opts.take ?? 500,
    });
    return users.map((u) => ({ id: u.id, name: shownName(u), email: u.email, status: shownStatus(u), role: (u.memberships[0]?.role ?? "GUEST") as Role }));
  });
}

export async function listVisibleUserIds(viewer: Viewer): Promise<string[]> {
  return withViewer(viewer, async (tx) => {
    const users = await tx.user.findMany({ where: userScope(viewer, await userScopeContext(tx, viewer)), select: { id: true } });
    return users.map((u) => u.id);
  });
}

/** The people of one team the viewer can see (direct, through groups, everyone internal for General). */
export async function listTeamPeople(viewer: Viewer, teamId: string, opts: { take?: number } = {}): Promise<PersonSummary[]> {
  return withViewer(viewer, async (tx) => {
    const team = await tx.team.findFirst({ where: { AND: [teamScope(viewer), { id: teamId }] }, select: { id: true, isDefault: true } });
    if (!team) return [];
    const ws = viewer.workspaceId;
    const inTeam = teamMembersWhere(ws, await teamLinks(tx, ws, [team]));
    const users = await tx.user.findMany({
      where: { AND: [userScope(viewer, await userScopeContext(tx, viewer)), inTeam] },
      select: { id: true, name: true, email: true, status: true, memberships: { where: { workspaceId: ws }, select: memberView } },
      orderBy: { name: "asc" },
      take: opts.take ?? 200,
    });
    return users.map((u) => ({ id: u.id, name: shownName(u), email: u.email, status: shownStatus(u), role: (u.memberships[0]?.role ?? "GUEST") as Role }));
  });
}

