import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { groupScope, resourceScope, userScope, userScopeContext } from "@/lib/access/scope";
import { can } from "@/lib/policy";

import type { OwnerDto, OwnerOption } from "./types";
export type { OwnerDto, OwnerOption };

/**
 * The owner rows the viewer may read: the resource visible to it and the owner too (a person in its user scope, a
 * group in its group scope). The same rule is in the RLS policy (prisma/migrations/*_owners_references_rls).
 */
export async function ownerRowScope(tx: Tx, viewer: Viewer): Promise<Prisma.ResourceOwnerWhereInput> {
  const [resources, people] = [await resourceScope(tx, viewer), userScope(viewer, await userScopeContext(tx, viewer))];
  return {
    workspaceId: viewer.workspaceId,
    resource: resources.where,
    OR: [
      { userId: { not: null }, user: people },
      { groupId: { not: null }, group: groupScope(viewer) },
    ],
  };
}

/** A resource's owners as the viewer may see them (people first, then groups, by name). */
export async function ownersIn(tx: Tx, viewer: Viewer, resourceId: string): Promise<OwnerDto[]> {
  const rows = await tx.resourceOwner.findMany({
    where: { AND: [await ownerRowScope(tx, viewer), { resourceId }] },
    select: { user: { select: { id: true, name: true, email: true } }, group: { select: { id: true, name: true } } },
  });
  const out: OwnerDto[] = rows.flatMap((r): OwnerDto[] => (r.user ? [{ kind: "user", ...r.user }] : r.group ? [{ kind: "group", ...r.group }] : []));
  return out.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "user" ? -1 : 1));
}

export async function resourceOwners(viewer: Viewer, resourceId: string): Promise<OwnerDto[]> {
  return withViewer(viewer, (tx) => ownersIn(tx, viewer, resourceId));
}

/** How many people the owner picker offers at most; the rest are reached by typing (the picker filters). */
const PICKER_PEOPLE = 500;

/**
 * Whom an editor or admin may name as owner: active people in its user scope, and groups in its group scope
 * (admins). Null for anyone who may not set owners.
 */
export async function ownerOptions(viewer: Viewer): Promise<OwnerOption[] | null> {
  if (!can(viewer.role, "resources.edit")) return null;
  return withViewer(viewer, async (tx) => {
    const people = await tx.user.findMany({
      where: { AND: [userScope(viewer, await userScopeContext(tx, viewer)), { memberships: { some: { workspaceId: viewer.workspaceId, status: "ACTIVE" } } }] },
      select: { id: true, name: true, email: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: PICKER_PEOPLE,
    });
    // Groups as people: the first of them by name (5,000 groups made every resource page of an admin 0.7 s).
    const groups = await tx.group.findMany({ where: groupScope(viewer), select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: PICKER_PEOPLE });
    return [
      ...people.map((u) => ({ kind: "user" as const, id: u.id, label: `${u.name} (${u.email})` })),
      ...groups.map((g) => ({ kind: "group" as const, id: g.id, label: `${g.name} (group)` })),
    ];
  });
}

/** People and groups that own something the viewer can see and whom it may see: the "Owned by" filter's choices. */
export async function ownerFilterOptions(viewer: Viewer): Promise<OwnerOption[]> {
  return withViewer(viewer, async (tx) => {
    const rows = await tx.resourceOwner.findMany({
      where: await ownerRowScope(tx, viewer),
      select: { user: { select: { id: true, name: true } }, group: { select: { id: true, name: true } } },
      distinct: ["userId", "groupId"],
      take: 200,
    });
    const out = rows.flatMap((r): OwnerOption[] => (r.user ? [{ kind: "user", id: r.user.id, label: r.user.name }] : r.group ? [{ kind: "group", id: r.group.id, label: r.group.name }] : []));
    return out.sort((a, b) => a.label.localeCompare(b.label));
  });
}
