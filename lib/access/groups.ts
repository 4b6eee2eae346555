import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { can } from "@/lib/policy";

// Groups are managed by admins only; nobody else gets a row (guests never learn a group's name).

export function groupScope(viewer: Viewer): Prisma.GroupWhereInput {
  return can(viewer.role, "groups.manage") ? { workspaceId: viewer.workspaceId } : { id: { in: [] } };
}

/** The same scope as an SQL condition on the Group row aliased `g` (or another alias). */
export function groupScopeSql(viewer: Viewer, alias = "g"): Prisma.Sql {
  return can(viewer.role, "groups.manage") ? Prisma.sql`${Prisma.raw(`"${alias}"`)}."workspaceId" = ${viewer.workspaceId}::uuid` : Prisma.sql`false`;
}
