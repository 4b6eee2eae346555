import "server-only";
import { memberView, shownName } from "@/lib/access/people";
import { refuseBoundElsewhere } from "@/lib/sso/bound";
import { NotFoundError, UserError } from "@/lib/actions/authorized";
import { recordAudit } from "@/lib/audit/record";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Tx } from "@/lib/db/scoped";
import { teamScope, userScope, userScopeContext } from "@/lib/access/scope";
import { actorOf, checkExposure, reviewExposure, type ExposureReview } from "@/lib/isolation/guard";
import { additionWarnings, type Role } from "@/lib/policy";

// Adding people or a group to a team: the service functions the actions (and the REST API) call. Both writes go
// through the exposure check of lib/isolation; the older guardrails (a Guest into General, an employee into a
// client team) still ask for `confirm` first.

const teamSelect = { id: true, name: true, slug: true, description: true, visibility: true, isDefault: true } as const;

/** The team, if the viewer can see it: anything else is "not found", whatever the reason. */
export async function scopedTeam(tx: Tx, viewer: Viewer, teamId: string) {
  const team = await tx.team.findFirst({ where: { AND: [teamScope(viewer), { id: teamId }] }, select: teamSelect });
  if (!team) throw new NotFoundError();
  return team;
}

/** The people of the viewer's workspace among ids, each with its role; one unknown id refuses them all. */
export async function scopedPeople(tx: Tx, viewer: Viewer, ids: string[]) {
  const unique = [...new Set(ids)];
  const users = await tx.user.findMany({
    where: { AND: [userScope(viewer, await userScopeContext(tx, viewer)), { id: { in: unique } }] },
    select: { id: true, name: true, email: true, memberships: { where: { workspaceId: viewer.workspaceId }, select: memberView } },
  });
  if (users.length !== unique.length) throw new NotFoundError();
  return users.map((u) => ({ id: u.id, name: shownName(u), email: u.email, role: (u.memberships[0]?.role ?? "GUEST") as Role }));
}

export function needsConfirmation(warnings: string[], confirm: boolean) {
  if (warnings.length && !confirm) throw new UserError(`${warnings.join(" ")} Confirm to go ahead.`);
}

type AddMembers = { teamId: string; userIds: string[]; confirm?: boolean; confirmExposures?: string | null };

async function planMembers(tx: Tx, viewer: Viewer, input: AddMembers) {
  const team = await scopedTeam(tx, viewer, input.teamId);
  const people = await scopedPeople(tx, viewer, input.userIds);
  const existing = new Set((await tx.teamMember.findMany({ where: { workspaceId: viewer.workspaceId, teamId: team.id, userId: { in: people.map((p) => p.id) } }, select: { userId: true } })).map((r) => r.userId));
  // Every non-guest is in General already; adding them to it directly changes nothing.
  const toAdd = people.filter((p) => !existing.has(p.id) && !(team.isDefault && p.role !== "GUEST"));
  const write = async () => {
    await tx.teamMember.createMany({ data: toAdd.map((p) => ({ workspaceId: viewer.workspaceId, teamId: team.id, userId: p.id })) });
  };
  // Exactly the rows the write inserts (those already in the team are left out of toAdd).
  const written = () => ({ teamMembers: toAdd.map((p) => ({ teamId: team.id, userId: p.id })) });
  return { team, toAdd, write, written, focus: { users: toAdd.map((p) => p.id) } };
}

/** Adds people to a team directly. */
export async function addMembersToTeam(tx: Tx, viewer: Viewer, input: AddMembers) {
  const { team, toAdd, write, written, focus } = await planMembers(tx, viewer, input);
  if (!toAdd.length) return { team, added: 0 };
  await refuseBoundElsewhere(tx, viewer, toAdd.map((p) => p.id), [team.id]);
  needsConfirmation(additionWarnings(team, toAdd), !!input.confirm);
  const { review } = await checkExposure(tx, actorOf(viewer), { focus, written, confirm: input.confirmExposures, target: { type: "team", id: team.id, name: team.name, action: "team.members.added" } }, write);
  await recordAudit(tx, viewer, { action: "team.members.added", targetType: "team", targetId: team.id, targetName: team.name, after: { users: toAdd.map((p) => ({ id: p.id, email: p.email, role: p.role })), confirmed: !!input.confirm, exposures: review.count } });
  return { team, added: toAdd.length };
}

/** What adding these people would expose (the caller's preview transaction rolls the write back). */
export async function reviewMembersToTeam(tx: Tx, viewer: Viewer, input: AddMembers): Promise<{ warnings: string[]; exposures: ExposureReview }> {
  const { team, toAdd, write, written, focus } = await planMembers(tx, viewer, input);
  const { review } = await reviewExposure(tx, actorOf(viewer), focus, write, written);
  return { warnings: additionWarnings(team, toAdd), exposures: review };
}

type AddGroup = { teamId: string; groupId: string; confirm?: boolean; confirmExposures?: string | null };

async function planGroup(tx: Tx, viewer: Viewer, input: AddGroup) {
  const team = await scopedTeam(tx, viewer, input.teamId);
  const ws = viewer.workspaceId;
  const group = await tx.group.findFirst({
    where: { workspaceId: ws, id: input.groupId },
    select: { id: true, name: true, members: { select: { userId: true } } },
  });
  if (!group) throw new NotFoundError();
  // The members' standing and shown name from their memberships (sortName is what this workspace shows): a read
  // of User would hash every membership of the workspace under User's policy, ~74 ms at 100,000 members.
  const memberships = new Map(
    (await tx.membership.findMany({ where: { workspaceId: ws, userId: { in: group.members.map((m) => m.userId) } }, select: { userId: true, role: true, sortName: true } })).map((m) => [m.userId, m]),
  );
  const linked = await tx.teamGroup.findFirst({ where: { workspaceId: ws, teamId: team.id, groupId: group.id }, select: { groupId: true } });
  if (linked) throw new UserError(`${group.name} is in ${team.name} already.`);
  const people = group.members.map((m) => ({ id: m.userId, name: memberships.get(m.userId)?.sortName ?? "", role: (memberships.get(m.userId)?.role ?? "GUEST") as Role }));
  const warnings = additionWarnings(team, people).map((w) => `Through the group ${group.name}: ${w}`);
  const write = async () => {
    await tx.teamGroup.create({ data: { workspaceId: ws, teamId: team.id, groupId: group.id } });
  };
  const written = () => ({ teamGroups: [{ teamId: team.id, groupId: group.id }] });
  return { team, group, people, warnings, write, written, focus: { users: people.map((p) => p.id) } };
}

/** Adds a group to a team: all its members become members of the team. */
export async function addGroupToTeam(tx: Tx, viewer: Viewer, input: AddGroup) {
  const { team, group, people, warnings, write, written, focus } = await planGroup(tx, viewer, input);
  await refuseBoundElsewhere(tx, viewer, people.map((p) => p.id), [team.id]);
  needsConfirmation(warnings, !!input.confirm);
  const { review } = await checkExposure(tx, actorOf(viewer), { focus, written, confirm: input.confirmExposures, target: { type: "team", id: team.id, name: team.name, action: "team.group.added" } }, write);
  await recordAudit(tx, viewer, { action: "team.group.added", targetType: "team", targetId: team.id, targetName: team.name, after: { groupId: group.id, groupName: group.name, members: people.length, confirmed: !!input.confirm, exposures: review.count } });
  return team;
}

export async function reviewGroupToTeam(tx: Tx, viewer: Viewer, input: AddGroup): Promise<{ warnings: string[]; exposures: ExposureReview }> {
  const { warnings, write, written, focus } = await planGroup(tx, viewer, input);
  const { review } = await reviewExposure(tx, actorOf(viewer), focus, write, written);
  return { warnings, exposures: review };
}
