import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { teamScope } from "@/lib/access/scope";

export type TeamSummary = {
  id: string;
  name: string;
  slug: string;
  description: string;
  visibility: "PUBLIC" | "PRIVATE";
  isDefault: boolean;
  isMember: boolean;
};

/** Teams the viewer can see; `mine` keeps only the ones it belongs to (the sidebar, "My team"). */
export async function listVisibleTeams(viewer: Viewer, opts: { mine?: boolean } = {}): Promise<TeamSummary[]> {
  return withViewer(viewer, async (tx) => {
    const where = opts.mine ? { AND: [teamScope(viewer), { id: { in: viewer.memberTeamIds } }] } : teamScope(viewer);
    const teams = await tx.team.findMany({
      where,
      select: { id: true, name: true, slug: true, description: true, visibility: true, isDefault: true },
      orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    });
    return teams.map((t) => ({ ...t, isMember: viewer.memberTeamIds.includes(t.id) }));
  });
}
