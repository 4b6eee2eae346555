"use server";
import { textEquals } from "@/lib/db/like";
import { authorizedAction, NotFoundError, UserError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { previewWrite } from "@/lib/isolation/preview";
import { addGroupToTeam, addMembersToTeam, reviewGroupToTeam, reviewMembersToTeam, scopedPeople, scopedTeam } from "./membership";
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
    where: { workspaceId: viewer.workspaceId, name: textEquals(name), ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new UserError("A team with that name exists already.", { field: "name" });
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
    // A bound connection makes everyone who signs in through it a Guest of this team: without the team they would
    // arrive bound to nothing, so the connection goes (or is rebound) first, by a decision of its own.
    if (impact?.connections.length) throw new UserError(bindingRefusal(team.name, impact.connections));
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
  const res = await withViewer(viewer, (tx) => addMembersToTeam(tx, viewer, input));
  refreshTeam(res.team.slug);
  return { added: res.added };
});

/** Before adding people: the guardrail warnings and every cross-client exposure the addition would add. */
export const previewAddTeamMembers = authorizedAction({ input: addTeamMembersInput, permission: "teams.manage" }, async ({ viewer, input }) =>
  previewWrite(viewer, (tx) => reviewMembersToTeam(tx, viewer, input)),
);

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
  const team = await withViewer(viewer, (tx) => addGroupToTeam(tx, viewer, input));
  refreshTeam(team.slug);
  return { ok: true };
});

/** Before adding a group: the guardrail warnings and every cross-client exposure it would add. */
export const previewAddTeamGroup = authorizedAction({ input: teamGroupInput, permission: "teams.manage" }, async ({ viewer, input }) =>
  previewWrite(viewer, (tx) => reviewGroupToTeam(tx, viewer, input)),
);

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

function bindingRefusal(team: string, connections: string[]): string {
  const names = connections.map((c) => `“${c}”`).join(", ");
  return `${team} is bound to the sign-in ${connections.length === 1 ? "connection" : "connections"} ${names}: delete ${connections.length === 1 ? "it" : "them"} or bind ${connections.length === 1 ? "it" : "them"} to another team under Settings → Authentication first. Nothing was deleted.`;
}

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
