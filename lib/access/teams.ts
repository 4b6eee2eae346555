import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Tx } from "@/lib/db/scoped";

// Teams the viewer may see (lib/policy visibleTeamIds): all for admins, its own and the public ones for other
// internal people, its own only for a guest.

export function teamScope(viewer: Viewer): Prisma.TeamWhereInput {
  switch (viewer.role) {
    case "ADMIN":
      return { workspaceId: viewer.workspaceId };
    case "EDITOR":
    case "VIEWER":
      return { workspaceId: viewer.workspaceId, OR: [{ id: { in: viewer.memberTeamIds } }, { visibility: "PUBLIC" }] };
    case "GUEST":
      return { workspaceId: viewer.workspaceId, id: { in: viewer.memberTeamIds } };
    default:
      return { id: { in: [] } };
  }
}

/** The same scope as an SQL condition on the Team row aliased `t` (or another alias). */
export function teamScopeSql(viewer: Viewer, alias = "t"): Prisma.Sql {
  const t = Prisma.raw(`"${alias}"`);
  const ws = Prisma.sql`${t}."workspaceId" = ${viewer.workspaceId}::uuid`;
  switch (viewer.role) {
    case "ADMIN":
      return ws;
    case "EDITOR":
    case "VIEWER":
      return Prisma.sql`(${ws} AND (${t}.id = ANY(${viewer.memberTeamIds}::uuid[]) OR ${t}.visibility = 'PUBLIC'))`;
    case "GUEST":
      return Prisma.sql`(${ws} AND ${t}.id = ANY(${viewer.memberTeamIds}::uuid[]))`;
    default:
      return Prisma.sql`false`;
  }
}

export async function visibleTeamIds(tx: Tx, viewer: Viewer): Promise<string[]> {
  if (viewer.role === "GUEST") return viewer.memberTeamIds;
  const teams = await tx.team.findMany({ where: teamScope(viewer), select: { id: true } });
  return teams.map((t) => t.id);
}
