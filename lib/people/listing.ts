import "server-only";
import { memberView, shownName, shownNameOrEmailContains, shownStatus } from "@/lib/access/people";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { textContains } from "@/lib/db/like";
import { teamLinks, teamMembersWhere, teamScope, userScope, userScopeContext } from "@/lib/access/scope";
import type { Role } from "@/lib/policy";
import type { PersonSummary } from "./queries";

// People as the REST API lists them: keyset pages (by id) of exactly the directory the viewer has in the console.

const select = (ws: string) => ({ id: true, name: true, email: true, status: true, memberships: { where: { workspaceId: ws }, select: memberView } }) as const;

function toPerson(u: { id: string; name: string; email: string; status: string; memberships: { role: string; status: PersonSummary["status"]; shownName: string | null }[] }): PersonSummary {
  return { id: u.id, name: shownName(u), email: u.email, status: shownStatus(u), role: (u.memberships[0]?.role ?? "GUEST") as Role };
}

export async function listPeoplePage(viewer: Viewer, f: { q?: string; after?: string; limit: number }): Promise<{ rows: PersonSummary[]; hasMore: boolean }> {
  return withViewer(viewer, async (tx) => {
    const q = f.q?.trim();
    const users = await tx.user.findMany({
      where: {
        AND: [
          userScope(viewer, await userScopeContext(tx, viewer)),
          q ? shownNameOrEmailContains(viewer.workspaceId, textContains(q)) : {},
          f.after ? { id: { gt: f.after } } : {},
        ],
      },
      select: select(viewer.workspaceId),
      orderBy: { id: "asc" },
      take: f.limit + 1,
    });
    return { rows: users.slice(0, f.limit).map(toPerson), hasMore: users.length > f.limit };
  });
}

/** A team's people as the viewer may see them, or null when the team is out of its sight. */
export async function listTeamPeoplePage(viewer: Viewer, teamId: string, f: { after?: string; limit: number }): Promise<{ rows: PersonSummary[]; hasMore: boolean } | null> {
  return withViewer(viewer, async (tx) => {
    const team = await tx.team.findFirst({ where: { AND: [teamScope(viewer), { id: teamId }] }, select: { id: true, isDefault: true } });
    if (!team) return null;
    const ws = viewer.workspaceId;
    const inTeam = teamMembersWhere(ws, await teamLinks(tx, ws, [team]));
    const users = await tx.user.findMany({
      where: { AND: [userScope(viewer, await userScopeContext(tx, viewer)), inTeam, f.after ? { id: { gt: f.after } } : {}] },
      select: select(ws),
      orderBy: { id: "asc" },
      take: f.limit + 1,
    });
    return { rows: users.slice(0, f.limit).map(toPerson), hasMore: users.length > f.limit };
  });
}
