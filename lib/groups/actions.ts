"use server";
import { textEquals } from "@/lib/db/like";
import { authorizedAction, UserError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { previewWrite } from "@/lib/isolation/preview";
import { scopedPeople } from "@/lib/teams/membership";
import { addMembersToGroup, reviewMembersToGroup, scopedGroup } from "./membership";
import { addGroupMembersInput, createGroupInput, groupIdInput, removeGroupMembersInput, updateGroupInput } from "./schemas";

const groupSelect = { id: true, name: true, description: true } as const;

async function nameIsFree(tx: Tx, viewer: Viewer, name: string, exceptId?: string) {
  const clash = await tx.group.findFirst({
    where: { workspaceId: viewer.workspaceId, name: textEquals(name), ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new UserError("A group with that name exists already.");
}

function refreshGroup(id?: string, teamSlugs: string[] = []) {
  refresh("/settings/groups", "/settings/teams", "/my-team", ...(id ? [`/settings/groups/${id}`] : []), ...teamSlugs.map((s) => `/teams/${s}`));
}

export const createGroup = authorizedAction({ input: createGroupInput, permission: "groups.manage" }, async ({ viewer, input }) => {
  const group = await withViewer(viewer, async (tx) => {
    await nameIsFree(tx, viewer, input.name);
    const g = await tx.group.create({ data: { workspaceId: viewer.workspaceId, name: input.name, description: input.description }, select: groupSelect });
    await recordAudit(tx, viewer, { action: "group.created", targetType: "group", targetId: g.id, targetName: g.name, after: { name: g.name, description: g.description } });
    return g;
  });
  refreshGroup(group.id);
  return { id: group.id };
});

export const updateGroup = authorizedAction({ input: updateGroupInput, permission: "groups.manage" }, async ({ viewer, input }) => {
  const group = await withViewer(viewer, async (tx) => {
    const before = await scopedGroup(tx, viewer, input.groupId);
    if (input.name.toLowerCase() !== before.name.toLowerCase()) await nameIsFree(tx, viewer, input.name, before.id);
    const after = await tx.group.update({ where: { id: before.id }, data: { name: input.name, description: input.description }, select: groupSelect });
    await recordAudit(tx, viewer, {
      action: "group.updated",
      targetType: "group",
      targetId: after.id,
      targetName: after.name,
      before: { name: before.name, description: before.description },
      after: { name: after.name, description: after.description },
    });
    return { ...after, teams: before.teams };
  });
  refreshGroup(group.id, group.teams.map((t) => t.slug));
  return { id: group.id };
});

export const deleteGroup = authorizedAction({ input: groupIdInput, permission: "groups.manage" }, async ({ viewer, input }) => {
  const group = await withViewer(viewer, async (tx) => {
    const g = await scopedGroup(tx, viewer, input.groupId);
    const members = await tx.groupMember.count({ where: { workspaceId: viewer.workspaceId, groupId: g.id } });
    await tx.group.delete({ where: { id: g.id } });
    await recordAudit(tx, viewer, { action: "group.deleted", targetType: "group", targetId: g.id, targetName: g.name, before: { name: g.name, members, teams: g.teams.map((t) => t.name) } });
    return g;
  });
  refreshGroup(undefined, group.teams.map((t) => t.slug));
  return { deleted: true };
});

export const addGroupMembers = authorizedAction({ input: addGroupMembersInput, permission: "groups.manage" }, async ({ viewer, input }) => {
  const res = await withViewer(viewer, (tx) => addMembersToGroup(tx, viewer, input));
  refreshGroup(res.group.id, res.group.teams.map((t) => t.slug));
  return { added: res.added };
});

/** Before adding people to a group: the guardrail warnings and every cross-client exposure it would add. */
export const previewAddGroupMembers = authorizedAction({ input: addGroupMembersInput, permission: "groups.manage" }, async ({ viewer, input }) =>
  previewWrite(viewer, (tx) => reviewMembersToGroup(tx, viewer, input)),
);

export const removeGroupMembers = authorizedAction({ input: removeGroupMembersInput, permission: "groups.manage" }, async ({ viewer, input }) => {
  const res = await withViewer(viewer, async (tx) => {
    const group = await scopedGroup(tx, viewer, input.groupId);
    const people = await scopedPeople(tx, viewer, input.userIds);
    const ws = viewer.workspaceId;
    const { count } = await tx.groupMember.deleteMany({ where: { workspaceId: ws, groupId: group.id, userId: { in: people.map((p) => p.id) } } });
    if (!count) throw new UserError("None of them is in this group.");
    await recordAudit(tx, viewer, { action: "group.members.removed", targetType: "group", targetId: group.id, targetName: group.name, before: { users: people.map((p) => ({ id: p.id, email: p.email })) } });
    return { group, removed: count };
  });
  refreshGroup(res.group.id, res.group.teams.map((t) => t.slug));
  return { removed: res.removed };
});
