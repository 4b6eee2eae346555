import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { can } from "@/lib/policy";

// Groups as the REST API lists them: admins only, as in the console (nobody else learns a group's name).

export type GroupItem = { id: string; name: string; description: string; members: number; teamIds: string[] };

export async function listGroupsPage(viewer: Viewer, f: { after?: string; limit: number }): Promise<{ rows: GroupItem[]; hasMore: boolean }> {
  if (!can(viewer.role, "groups.manage")) return { rows: [], hasMore: false };
  return withViewer(viewer, async (tx) => {
    const groups = await tx.group.findMany({
      where: { workspaceId: viewer.workspaceId, ...(f.after ? { id: { gt: f.after } } : {}) },
      select: { id: true, name: true, description: true, _count: { select: { members: true } }, teams: { select: { teamId: true } } },
      orderBy: { id: "asc" },
      take: f.limit + 1,
    });
    const rows = groups.slice(0, f.limit).map((g) => ({ id: g.id, name: g.name, description: g.description, members: g._count.members, teamIds: g.teams.map((t) => t.teamId).sort() }));
    return { rows, hasMore: groups.length > f.limit };
  });
}
