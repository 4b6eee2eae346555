import "server-only";
import { NotFoundError, UserError } from "@/lib/actions/authorized";
import { recordAudit } from "@/lib/audit/record";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Tx } from "@/lib/db/scoped";
import { groupScope } from "@/lib/access/scope";
import { actorOf, checkExposure, reviewExposure, type ExposureReview } from "@/lib/isolation/guard";
import { additionWarnings } from "@/lib/policy";
import { scopedPeople } from "@/lib/teams/membership";
import { refuseBoundElsewhere } from "@/lib/sso/bound";

// Adding people to a group: the service function the action (and the REST API) calls, through the exposure
// check of lib/isolation. The group's teams are where these people arrive.

const groupSelect = { id: true, name: true, description: true } as const;

export async function scopedGroup(tx: Tx, viewer: Viewer, groupId: string) {
  const group = await tx.group.findFirst({
    where: { AND: [groupScope(viewer), { id: groupId }] },
    select: { ...groupSelect, teams: { select: { team: { select: { id: true, name: true, slug: true, visibility: true, isDefault: true } } } } },
  });
  if (!group) throw new NotFoundError();
  return { ...group, teams: group.teams.map((t) => t.team) };
}

type AddMembers = { groupId: string; userIds: string[]; confirm?: boolean; confirmExposures?: string | null };

async function plan(tx: Tx, viewer: Viewer, input: AddMembers) {
  const group = await scopedGroup(tx, viewer, input.groupId);
  const people = await scopedPeople(tx, viewer, input.userIds);
  const ws = viewer.workspaceId;
  const existing = new Set((await tx.groupMember.findMany({ where: { workspaceId: ws, groupId: group.id, userId: { in: people.map((p) => p.id) } }, select: { userId: true } })).map((r) => r.userId));
  const toAdd = people.filter((p) => !existing.has(p.id));
  // The same guardrails as adding them to each of the group's teams.
  const warnings = group.teams.flatMap((t) => additionWarnings(t, t.isDefault ? toAdd.filter((p) => p.role === "GUEST") : toAdd).map((w) => `Through ${group.name}, in ${t.name}: ${w}`));
  const write = async () => {
    await tx.groupMember.createMany({ data: toAdd.map((p) => ({ workspaceId: ws, groupId: group.id, userId: p.id })) });
  };
  // Exactly the rows the write inserts (those already in the group are left out of toAdd).
  const written = () => ({ groupMembers: toAdd.map((p) => ({ groupId: group.id, userId: p.id })) });
  return { group, toAdd, warnings, write, written, focus: { users: toAdd.map((p) => p.id), groups: [group.id] } };
}

export async function addMembersToGroup(tx: Tx, viewer: Viewer, input: AddMembers) {
  const { group, toAdd, warnings, write, written, focus } = await plan(tx, viewer, input);
  if (!toAdd.length) return { group, added: 0 };
  await refuseBoundElsewhere(tx, viewer, toAdd.map((p) => p.id), group.teams.map((t) => t.id));
  if (warnings.length && !input.confirm) throw new UserError(`${warnings.join(" ")} Confirm to go ahead.`);
  const { review } = await checkExposure(tx, actorOf(viewer), { focus, written, confirm: input.confirmExposures, target: { type: "group", id: group.id, name: group.name, action: "group.members.added" } }, write);
  await recordAudit(tx, viewer, { action: "group.members.added", targetType: "group", targetId: group.id, targetName: group.name, after: { users: toAdd.map((p) => ({ id: p.id, email: p.email, role: p.role })), confirmed: !!input.confirm, exposures: review.count } });
  return { group, added: toAdd.length };
}

export async function reviewMembersToGroup(tx: Tx, viewer: Viewer, input: AddMembers): Promise<{ warnings: string[]; exposures: ExposureReview }> {
  const { warnings, write, written, focus } = await plan(tx, viewer, input);
  const { review } = await reviewExposure(tx, actorOf(viewer), focus, write, written);
  return { warnings, exposures: review };
}
