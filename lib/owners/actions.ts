"use server";
// Owners of a resource: editors and admins name people (and admins groups) they can see, on resources they can see.
// An owner grants no visibility: a viewer sees an owner only when it may see that person or group already
// (lib/owners/queries.ts and the RLS policy), so the cross-client exposure rule has nothing to check here.
import { authorizedAction, NotFoundError, UserError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { groupScope, resourceScope, userScope, userScopeContext } from "@/lib/access/scope";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { ownerInput, ownerSearchInput, OWNERS_MAX, type OwnerInput } from "./schemas";
import { ownerCandidates } from "./queries";

/** The resource and the owner as the viewer may see them; either out of sight is "Not found." (nothing says which). */
async function resolve(tx: Tx, viewer: Viewer, input: OwnerInput) {
  const scope = await resourceScope(tx, viewer);
  const resource = await tx.resource.findFirst({ where: { AND: [scope.where, { id: input.resourceId }] }, select: { id: true, name: true } });
  if (!resource) throw new NotFoundError();
  if (input.userId) {
    const u = await tx.user.findFirst({ where: { AND: [userScope(viewer, await userScopeContext(tx, viewer)), { id: input.userId }] }, select: { id: true, name: true, memberships: { where: { workspaceId: viewer.workspaceId }, select: { status: true, shownName: true } } } });
    if (!u) throw new NotFoundError();
    return { resource, owner: { userId: u.id, groupId: null, name: u.memberships[0]?.shownName ?? u.name, active: u.memberships[0]?.status === "ACTIVE" } };
  }
  const g = await tx.group.findFirst({ where: { AND: [groupScope(viewer), { id: input.groupId! }] }, select: { id: true, name: true } });
  if (!g) throw new NotFoundError();
  return { resource, owner: { userId: null, groupId: g.id, name: g.name, active: true } };
}

export const addResourceOwner = authorizedAction({ input: ownerInput, permission: "resources.edit" }, async ({ viewer, input }) => {
  await withViewer(viewer, async (tx) => {
    const { resource, owner } = await resolve(tx, viewer, input);
    if (!owner.active) throw new UserError(`${owner.name} is not an active member: only active people can own resources.`);
    const ws = viewer.workspaceId;
    const existing = await tx.resourceOwner.findFirst({ where: { workspaceId: ws, resourceId: resource.id, userId: owner.userId, groupId: owner.groupId }, select: { id: true } });
    if (existing) throw new UserError(`${owner.name} already owns ${resource.name}.`);
    if ((await tx.resourceOwner.count({ where: { workspaceId: ws, resourceId: resource.id } })) >= OWNERS_MAX) {
      throw new UserError(`A resource has at most ${OWNERS_MAX} owners.`);
    }
    await tx.resourceOwner.createMany({ data: [{ workspaceId: ws, resourceId: resource.id, userId: owner.userId, groupId: owner.groupId, createdById: viewer.userId }] });
    await recordAudit(tx, viewer, { action: "resource.owner.added", targetType: "resource", targetId: resource.id, targetName: resource.name, after: { owner: owner.name, kind: owner.userId ? "person" : "group" } });
  });
  refresh(`/resources/${input.resourceId}`, "/search");
  return { added: true };
});

export const removeResourceOwner = authorizedAction({ input: ownerInput, permission: "resources.edit" }, async ({ viewer, input }) => {
  await withViewer(viewer, async (tx) => {
    const { resource, owner } = await resolve(tx, viewer, input);
    const { count } = await tx.resourceOwner.deleteMany({ where: { workspaceId: viewer.workspaceId, resourceId: resource.id, userId: owner.userId, groupId: owner.groupId } });
    if (!count) throw new NotFoundError();
    await recordAudit(tx, viewer, { action: "resource.owner.removed", targetType: "resource", targetId: resource.id, targetName: resource.name, before: { owner: owner.name, kind: owner.userId ? "person" : "group" } });
  });
  refresh(`/resources/${input.resourceId}`, "/search");
  return { removed: true };
});

/**
 * The owner picker's type-ahead: the first people and groups matching the text whom the viewer may name as owners
 * of this resource (lib/owners/queries.ts ownerCandidates: the scopes in the query, under RLS); a resource out of
 * sight is "Not found." A read, but only the first step of a change: while an admin views as someone it is refused
 * like the change itself, so the picker says at the first keystroke that changes are turned off.
 */
export const findOwnerCandidates = authorizedAction({ input: ownerSearchInput, permission: "resources.edit" }, async ({ viewer, input }) => {
  const found = await ownerCandidates(viewer, input.resourceId, input.q);
  if (!found) throw new NotFoundError();
  return found;
});
