import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { teamScope } from "@/lib/access/scope";
import type { TeamSummary } from "./queries";

// Teams as the REST API lists them: keyset pages (by id) of the teams the viewer may see.

const select = { id: true, name: true, slug: true, description: true, visibility: true, isDefault: true } as const;

export async function listTeamsPage(viewer: Viewer, f: { q?: string; after?: string; limit: number }): Promise<{ rows: TeamSummary[]; hasMore: boolean }> {
  return withViewer(viewer, async (tx) => {
    const teams = await tx.team.findMany({
      where: { AND: [teamScope(viewer), f.q ? { name: { contains: f.q, mode: "insensitive" } } : {}, f.after ? { id: { gt: f.after } } : {}] },
      select,
      orderBy: { id: "asc" },
      take: f.limit + 1,
    });
    return { rows: teams.slice(0, f.limit).map((t) => ({ ...t, isMember: viewer.memberTeamIds.includes(t.id) })), hasMore: teams.length > f.limit };
  });
}

/** One team the viewer may see, or null (a private team it is not in looks like no team at all). */
export async function getTeamById(viewer: Viewer, teamId: string): Promise<TeamSummary | null> {
  return withViewer(viewer, async (tx) => {
    const t = await tx.team.findFirst({ where: { AND: [teamScope(viewer), { id: teamId }] }, select });
    return t ? { ...t, isMember: viewer.memberTeamIds.includes(t.id) } : null;
  });
}
