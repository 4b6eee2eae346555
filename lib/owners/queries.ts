import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { groupScope, resourceScope, userScope, userScopeContext, type ResourceScope } from "@/lib/access/scope";
import { memberView, shownName, shownNameOrEmailContains } from "@/lib/access/people";
import { textContains, textStartsWith } from "@/lib/db/like";
import { can } from "@/lib/policy";

import { OWNER_CANDIDATES_MAX } from "./schemas";
import type { OwnerCandidate, OwnerDto, OwnerOption } from "./types";
export type { OwnerCandidate, OwnerDto, OwnerOption };

/**
 * The owner rows the viewer may read: the resource visible to it and the owner too (a person in its user scope, a
 * group in its group scope). The same rule is in the RLS policy (prisma/migrations/*_owners_references_rls).
 */
export async function ownerRowScope(tx: Tx, viewer: Viewer, known?: ResourceScope): Promise<Prisma.ResourceOwnerWhereInput> {
  const [resources, people] = [known ?? (await resourceScope(tx, viewer)), userScope(viewer, await userScopeContext(tx, viewer))];
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
export async function ownersIn(tx: Tx, viewer: Viewer, resourceId: string, known?: ResourceScope): Promise<OwnerDto[]> {
  // Most resources have no owner: one indexed probe (under the resource scope and RLS) spares the people scope
  // (a guest's team-mates, its groups: five statements of a resource page at 1,000,000 resources) where nothing
  // would be filtered by it. The owners themselves are read below under the whole rule.
  const resources = known ?? (await resourceScope(tx, viewer));
  const any = await tx.resourceOwner.findFirst({ where: { workspaceId: viewer.workspaceId, resourceId, resource: resources.where }, select: { id: true } });
  if (!any) return [];
  const rows = await tx.resourceOwner.findMany({
    where: { AND: [await ownerRowScope(tx, viewer, resources), { resourceId }] },
    select: { user: { select: { id: true, name: true, email: true } }, group: { select: { id: true, name: true } } },
  });
  const out: OwnerDto[] = rows.flatMap((r): OwnerDto[] => (r.user ? [{ kind: "user", ...r.user }] : r.group ? [{ kind: "group", ...r.group }] : []));
  return out.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "user" ? -1 : 1));
}

export async function resourceOwners(viewer: Viewer, resourceId: string): Promise<OwnerDto[]> {
  return withViewer(viewer, (tx) => ownersIn(tx, viewer, resourceId));
}

export { OWNER_CANDIDATES_MAX };
/** Places of an answer kept for groups when people alone would fill it. */
const GROUPS_KEPT = 5;

/**
 * The owner picker's type-ahead: the first people and groups matching `q` (case-insensitively, in the name this
 * workspace shows or the e-mail; `%`, `_` and `\` match literally) whom the viewer may name as owners of this
 * resource: active people in its user scope and groups in its group scope (admins), both scopes inside the
 * query's where, under RLS; the resource's current owners left out. Names that start with `q` come first, then
 * those that contain it, each by name. Null when the viewer may not set owners or cannot see the resource, so a
 * foreign resource id gets what a missing one gets.
 */
export async function ownerCandidates(viewer: Viewer, resourceId: string, q: string): Promise<OwnerCandidate[] | null> {
  if (!can(viewer.role, "resources.edit")) return null;
  const needle = q.trim();
  const ws = viewer.workspaceId;
  return withViewer(viewer, async (tx) => {
    const resources = await resourceScope(tx, viewer);
    const resource = await tx.resource.findFirst({ where: { AND: [resources.where, { id: resourceId }] }, select: { id: true } });
    if (!resource) return null;
    const owned = await tx.resourceOwner.findMany({ where: { workspaceId: ws, resourceId: resource.id }, select: { userId: true, groupId: true } });
    const ownedUsers = owned.flatMap((o) => (o.userId ? [o.userId] : []));
    const ownedGroups = owned.flatMap((o) => (o.groupId ? [o.groupId] : []));
    const people: Prisma.UserWhereInput = {
      AND: [
        userScope(viewer, await userScopeContext(tx, viewer)),
        // Only active people can own resources (addResourceOwner refuses the others).
        { status: { not: "DEACTIVATED" }, memberships: { some: { workspaceId: ws, status: "ACTIVE" } } },
        ...(ownedUsers.length ? [{ id: { notIn: ownedUsers } }] : []),
      ],
    };
    const groups: Prisma.GroupWhereInput = { AND: [groupScope(viewer), ...(ownedGroups.length ? [{ id: { notIn: ownedGroups } }] : [])] };
    const select = { id: true, name: true, email: true, memberships: { where: { workspaceId: ws }, select: memberView } } as const;
    const order = [{ name: "asc" as const }, { id: "asc" as const }];
    const matches = needle ? [textStartsWith(needle), textContains(needle)] : [undefined];

    // Per kind, what starts with the text first, then what merely contains it (never the same row twice).
    async function ranked<T extends { id: string }>(find: (match: Prisma.StringFilter | undefined, skip: string[], take: number) => Promise<T[]>): Promise<T[]> {
      const out: T[] = [];
      for (const match of matches) {
        if (out.length >= OWNER_CANDIDATES_MAX) break;
        out.push(...(await find(match, out.map((r) => r.id), OWNER_CANDIDATES_MAX - out.length)));
      }
      return out;
    }
    const users = await ranked((match, skip, take) =>
      tx.user.findMany({ where: { AND: [people, match ? shownNameOrEmailContains(ws, match) : {}, skip.length ? { id: { notIn: skip } } : {}] }, select, orderBy: order, take }),
    );
    const teams = await ranked((match, skip, take) =>
      tx.group.findMany({ where: { AND: [groups, match ? { name: match } : {}, skip.length ? { id: { notIn: skip } } : {}] }, select: { id: true, name: true }, orderBy: order, take }),
    );
    // People fill the answer, but a few places stay for matching groups, so "globex" finds "Globex people" even
    // among thousands of people at globex.test.
    const groupsShown = teams.slice(0, Math.max(GROUPS_KEPT, OWNER_CANDIDATES_MAX - users.length));
    return [
      ...users.slice(0, OWNER_CANDIDATES_MAX - groupsShown.length).map((u): OwnerCandidate => ({ kind: "user", id: u.id, name: shownName(u), detail: u.email })),
      ...groupsShown.map((g): OwnerCandidate => ({ kind: "group", id: g.id, name: g.name, detail: "Group" })),
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
