"use server";
import { refuseBoundElsewhere } from "@/lib/sso/bound";
import { authorizedAction, NotFoundError, UserError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { teamScope, userScope, userScopeContext } from "@/lib/access/scope";
import { additionWarnings, type Role } from "@/lib/policy";
import { teamDeletionImpact } from "./queries";
import {
  addTeamMembersInput,
  createTeamInput,
  removeTeamMembersInput,
  slugify,
  teamGroupInput,
  teamIdInput,
  updateTeamInput,
} from "./schemas";

const teamSelect = { id: true, name: true, slug: true, description: true, visibility: true, isDefault: true } as const;

/** The team, if the viewer can see it: anything else is "not found", whatever the reason. */
async function scopedTeam(tx: Tx, viewer: Viewer, teamId: string) {
  const team = await tx.team.findFirst({ where: { AND: [teamScope(viewer), { id: teamId }] }, select: teamSelect });
  if (!team) throw new NotFoundError();
  return team;
}

/** The people of the viewer's workspace among ids, each with its role; one unknown id refuses them all. */
async function scopedPeople(tx: Tx, viewer: Viewer, ids: string[]) {
  const unique = [...new Set(ids)];
  const users = await tx.user.findMany({
    where: { AND: [userScope(viewer, await userScopeContext(tx, viewer)), { id: { in: unique } }] },
    select: { id: true, name: true, email: true, memberships: { where: { workspaceId: viewer.workspaceId }, select: { role: true } } },
  });
  if (users.length !== unique.length) throw new NotFoundError();
  return users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: (u.memberships[0]?.role ?? "GUEST") as Role }));
}

function needsConfirmation(warnings: string[], confirm: boolean) {
  if (warnings.length && !confirm) throw new UserError(`${warnings.join(" ")} Confirm to go ahead.`);
}

function refreshTeam(slug?: string) {
  refresh("/settings/teams", "/settings/groups", "/teams", "/my-team", ...(slug ? [`/teams/${slug}`] : []));
}

async function uniqueSlug(tx: Tx, viewer: Viewer, name: string, exceptId?: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await tx.team.findMany({ where: { workspaceId: viewer.workspaceId, slug: { startsWith: base }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { slug: true } })).map((t) => t.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

async function nameIsFree(tx: Tx, viewer: Viewer, name: string, exceptId?: string) {
  const clash = await tx.team.findFirst({
    where: { workspaceId: viewer.workspaceId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new UserError("A team with that name exists already.");
}

export const createTeam = authorizedAction({ input: createTeamInput, permission: "teams.manage" }, async ({ viewer, input }) => {
  const team = await withViewer(viewer, async (tx) => {
    await nameIsFree(tx, viewer, input.name);
    const slug = await uniqueSlug(tx, viewer, input.name);
    const created = await tx.team.create({
      data: { workspaceId: viewer.workspaceId, name: input.name, slug, description: input.description, visibility: input.visibility },
      select: teamSelect,
    });
    await recordAudit(tx, viewer, { action: "team.created", targetType: "team", targetId: created.id, targetName: created.name, after: { name: created.name, slug, visibility: created.visibility, description: created.description } });
    return created;
  });
  refreshTeam(team.slug);
  return { id: team.id, slug: team.slug };
});

export const updateTeam = authorizedAction({ input: updateTeamInput, permission: "teams.manage" }, async ({ viewer, input }) => {
  const team = await withViewer(viewer, async (tx) => {
    const before = await scopedTeam(tx, viewer, input.teamId);
    if (input.name.toLowerCase() !== before.name.toLowerCase()) await nameIsFree(tx, viewer, input.name, before.id);
    const after = await tx.team.update({
      where: { id: before.id },
      data: { name: input.name, description: input.description, visibility: input.visibility },
      select: teamSelect,
    });
    await recordAudit(tx, viewer, {
      action: "team.updated",
      targetType: "team",
      targetId: after.id,
      targetName: after.name,
      before: { name: before.name, description: before.description, visibility: before.visibility },
      after: { name: after.name, description: after.description, visibility: after.visibility },
    });
    return after;
  });
  refreshTeam(team.slug);
  return { id: team.id, slug: team.slug };
});

export const deleteTeam = authorizedAction({ input: teamIdInput, permission: "teams.manage" }, async ({ viewer, input }) => {
  await withViewer(viewer, async (tx) => {
    const team = await scopedTeam(tx, viewer, input.teamId);
    if (team.isDefault) throw new UserError(`${team.name} is the default team: it cannot be deleted.`);
    const impact = await teamDeletionImpact(tx, viewer, team.id);
    // Automations that target the team stop targeting it.
    const automations = await tx.automation.findMany({ where: { workspaceId: viewer.workspaceId, teamIds: { has: team.id } }, select: { id: true, teamIds: true } });
    for (const a of automations) await tx.automation.update({ where: { id: a.id }, data: { teamIds: a.teamIds.filter((id) => id !== team.id) } });
    await tx.team.delete({ where: { id: team.id } });
    await recordAudit(tx, viewer, { action: "team.deleted", targetType: "team", targetId: team.id, targetName: team.name, before: { ...team, impact } });
  });
  refreshTeam();
  return { deleted: true };
});

export const addTeamMembers = authorizedAction({ input: addTeamMembersInput, permission: "teams.manage" }, async ({ viewer, input }) => {
  const res = await withViewer(viewer, async (tx) => {
    const team = await scopedTeam(tx, viewer, input.teamId);
    const people = await scopedPeople(tx, viewer, input.userIds);
    const existing = new Set((await tx.teamMember.findMany({ where: { workspaceId: viewer.workspaceId, teamId: team.id, userId: { in: people.map((p) => p.id) } }, select: { userId: true } })).map((r) => r.userId));
    // Every non-guest is in General already; adding them to it directly changes nothing.
    const toAdd = people.filter((p) => !existing.has(p.id) && !(team.isDefault && p.role !== "GUEST"));
    if (!toAdd.length) return { team, added: 0 };
    await refuseBoundElsewhere(tx, viewer, toAdd.map((p) => p.id), [team.id]);
    needsConfirmation(additionWarnings(team, toAdd), input.confirm);
    await tx.teamMember.createMany({ data: toAdd.map((p) => ({ workspaceId: viewer.workspaceId, teamId: team.id, userId: p.id })) });
    await recordAudit(tx, viewer, { action: "team.members.added", targetType: "team", targetId: team.id, targetName: team.name, after: { users: toAdd.map((p) => ({ id: p.id, email: p.email, role: p.role })), confirmed: input.confirm } });
    return { team, added: toAdd.length };
  });
  refreshTeam(res.team.slug);
  return { added: res.added };
});

export const removeTeamMembers = authorizedAction({ input: removeTeamMembersInput, permission: "teams.manage" }, async ({ viewer, input }) => {
  const res = await withViewer(viewer, async (tx) => {
    const team = await scopedTeam(tx, viewer, input.teamId);
    const people = await scopedPeople(tx, viewer, input.userIds);
    const rows = await tx.teamMember.findMany({ where: { workspaceId: viewer.workspaceId, teamId: team.id, userId: { in: people.map((p) => p.id) } }, select: { userId: true } });
    if (!rows.length) throw new UserError("None of them is a direct member: people who belong through a group leave when they leave the group.");
    const { count } = await tx.teamMember.deleteMany({ where: { workspaceId: viewer.workspaceId, teamId: team.id, userId: { in: rows.map((r) => r.userId) } } });
    const removed = people.filter((p) => rows.some((r) => r.userId === p.id));
    await recordAudit(tx, viewer, { action: "team.members.removed", targetType: "team", targetId: team.id, targetName: team.name, before: { users: removed.map((p) => ({ id: p.id, email: p.email })) } });
    return { team, removed: count, skipped: people.length - rows.length };
  });
  refreshTeam(res.team.slug);
  return { removed: res.removed, skipped: res.skipped };
});

export const addTeamGroup = authorizedAction({ input: teamGroupInput, permission: "teams.manage" }, async ({ viewer, input }) => {
  const team = await withViewer(viewer, async (tx) => {
    const team = await scopedTeam(tx, viewer, input.teamId);
    const ws = viewer.workspaceId;
    const group = await tx.group.findFirst({
      where: { workspaceId: ws, id: input.groupId },
      select: { id: true, name: true, members: { select: { userId: true, user: { select: { name: true, memberships: { where: { workspaceId: ws }, select: { role: true } } } } } } },
    });
    if (!group) throw new NotFoundError();
    const linked = await tx.teamGroup.findFirst({ where: { workspaceId: ws, teamId: team.id, groupId: group.id }, select: { groupId: true } });
    if (linked) throw new UserError(`${group.name} is in ${team.name} already.`);
    const people = group.members.map((m) => ({ name: m.user.name, role: (m.user.memberships[0]?.role ?? "GUEST") as Role }));
    await refuseBoundElsewhere(tx, viewer, group.members.map((m) => m.userId), [team.id]);
    needsConfirmation(additionWarnings(team, people).map((w) => `Through the group ${group.name}: ${w}`), input.confirm);
    await tx.teamGroup.create({ data: { workspaceId: ws, teamId: team.id, groupId: group.id } });
    await recordAudit(tx, viewer, { action: "team.group.added", targetType: "team", targetId: team.id, targetName: team.name, after: { groupId: group.id, groupName: group.name, members: people.length, confirmed: input.confirm } });
    return team;
  });
  refreshTeam(team.slug);
  return { ok: true };
});

export const removeTeamGroup = authorizedAction({ input: teamGroupInput, permission: "teams.manage" }, async ({ viewer, input }) => {
  const team = await withViewer(viewer, async (tx) => {
    const team = await scopedTeam(tx, viewer, input.teamId);
    const ws = viewer.workspaceId;
    const group = await tx.group.findFirst({ where: { workspaceId: ws, id: input.groupId }, select: { id: true, name: true } });
    if (!group) throw new NotFoundError();
    // Only the path through the group goes: direct memberships stay.
    const { count } = await tx.teamGroup.deleteMany({ where: { workspaceId: ws, teamId: team.id, groupId: group.id } });
    if (!count) throw new UserError(`${group.name} is not in ${team.name}.`);
    await recordAudit(tx, viewer, { action: "team.group.removed", targetType: "team", targetId: team.id, targetName: team.name, before: { groupId: group.id, groupName: group.name } });
    return team;
  });
  refreshTeam(team.slug);
  return { ok: true };
});

/** Internal people join public teams themselves (a private team they are not in does not exist for them). */
export const joinTeam = authorizedAction({ input: teamIdInput, permission: "teams.join-public" }, async ({ viewer, input }) => {
  const team = await withViewer(viewer, async (tx) => {
    const team = await scopedTeam(tx, viewer, input.teamId);
    if (team.isDefault) throw new UserError(`Everyone is in ${team.name} already.`);
    if (team.visibility !== "PUBLIC") throw new UserError("Only an admin adds people to a private team.");
    const ws = viewer.workspaceId;
    const existing = await tx.teamMember.findFirst({ where: { workspaceId: ws, teamId: team.id, userId: viewer.userId }, select: { userId: true } });
    if (existing) throw new UserError(`You are in ${team.name} already.`);
    await tx.teamMember.create({ data: { workspaceId: ws, teamId: team.id, userId: viewer.userId } });
    await recordAudit(tx, viewer, { action: "team.joined", targetType: "team", targetId: team.id, targetName: team.name });
    return team;
  });
  refreshTeam(team.slug);
  return { ok: true };
});

export const leaveTeam = authorizedAction({ input: teamIdInput, permission: "teams.join-public" }, async ({ viewer, input }) => {
  const team = await withViewer(viewer, async (tx) => {
    const team = await scopedTeam(tx, viewer, input.teamId);
    if (team.isDefault) throw new UserError(`Everyone who is not a Guest is always in ${team.name}.`);
    const ws = viewer.workspaceId;
    const { count } = await tx.teamMember.deleteMany({ where: { workspaceId: ws, teamId: team.id, userId: viewer.userId } });
    if (!count) throw new UserError("You are not a direct member of this team (a group you are in may be).");
    await recordAudit(tx, viewer, { action: "team.left", targetType: "team", targetId: team.id, targetName: team.name });
    return team;
  });
  refreshTeam(team.slug);
  return { ok: true };
});

/** Before a deletion: what the team's members would lose (counts only), shown in the confirmation. */
export const previewDeleteTeam = authorizedAction({ input: teamIdInput, permission: "teams.manage" }, async ({ viewer, input }) => {
  return withViewer(viewer, async (tx) => {
    const team = await scopedTeam(tx, viewer, input.teamId);
    if (team.isDefault) throw new UserError(`${team.name} is the default team: it cannot be deleted.`);
    const impact = await teamDeletionImpact(tx, viewer, team.id);
    if (!impact) throw new NotFoundError();
    return impact;
  });
});
