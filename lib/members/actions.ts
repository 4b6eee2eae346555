"use server";
import { refuseBoundPromotion } from "@/lib/sso/bound";
import { randomUUID } from "node:crypto";
import { authorizedAction, UserError, NotFoundError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer, type Tx } from "@/lib/db/scoped";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { actorOf, checkExposure, reviewExposure, type ExposureReview } from "@/lib/isolation/guard";
import { previewWrite } from "@/lib/isolation/preview";
import { ROLE_LABELS, type Role } from "@/lib/policy";
import { changeRoleInput, inviteInput, MAX_INVITES, memberInput, membersInput, splitEmails } from "./schemas";
import { accessFacts, emailsInUse, endSessionsUnlessActiveElsewhere, guardLastAdmin, listEmails, loadTargets, lockMembers, roleEffects, type RoleChangeGroup, type RoleChangePreview } from "./service";
import { INVITATION_TTL_MS, invitationLink, newInvitationToken } from "./tokens";
import { deliverInvitation, type Delivery } from "./mail";

/** `link` only when it was not e-mailed (no SMTP): the inviter then passes it on. */
export type InviteResult = { email: string; userId: string; link?: string; delivery: Delivery };

/** The rows of an invitation: each person invited, with a membership, teams and a single-use link. */
type Planned = { email: string; userId: string; name: string; existing: boolean };

/** Who each address becomes here: the existing account (of another workspace, or of none) reused, else a new one. */
async function planInvites(viewer: Viewer, valid: string[], names: Record<string, string>): Promise<{ members: string[]; planned: Planned[] }> {
  const inUse = await emailsInUse(viewer.workspaceId, valid);
  // The name given in the box ("Gina Reyes <gina@…>"), else the whole address until they accept and give theirs
  // (never a guess from the address's first half, which reads like a name and sorts like one).
  const planned = valid.map((email) => {
    const id = inUse.accounts.get(email);
    return { email, userId: id ?? randomUUID(), name: names[email] ?? email, existing: !!id };
  });
  return { members: inUse.members, planned };
}

async function writeInvites(tx: Tx, viewer: Viewer, planned: Planned[], role: Role, teamIds: string[]) {
  const teams = teamIds.length ? await tx.team.findMany({ where: { workspaceId: viewer.workspaceId, id: { in: teamIds } }, select: { id: true, name: true } }) : [];
  if (teams.length !== teamIds.length) throw new NotFoundError();
  const out: { email: string; userId: string; token: string }[] = [];
  for (const { email, userId, name, existing } of planned) {
    // No RETURNING (create would read the row back): the new person is not listable until its membership exists.
    // An existing account is reused as it is (nothing of it changes); what this workspace shows of the invited
    // person is the membership's: invited, under the name given here, until they accept.
    if (!existing) await tx.user.createMany({ data: [{ id: userId, email, name, status: "INVITED" }] });
    await tx.membership.createMany({ data: [{ workspaceId: viewer.workspaceId, userId, role, status: "INVITED", shownName: name }] });
    if (teams.length) await tx.teamMember.createMany({ data: teams.map((t) => ({ workspaceId: viewer.workspaceId, teamId: t.id, userId })) });
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    await tx.invitation.create({ data: { workspaceId: viewer.workspaceId, userId, tokenHash, expiresAt, createdById: viewer.userId } });
    await recordAudit(tx, viewer, {
      action: "member.invited",
      targetType: "user",
      targetId: userId,
      targetName: email,
      before: null,
      after: { email, role, status: "INVITED", teams: teams.map((t) => t.name), expiresAt: expiresAt.toISOString() },
    });
    out.push({ email, userId, token });
  }
  return out;
}

/** Before inviting: every cross-client exposure the invited people's teams would add (they count as accepted). */
export const previewInvite = authorizedAction({ input: inviteInput, permission: "members.manage" }, async ({ viewer, input }): Promise<ExposureReview> => {
  const { valid, names } = splitEmails(input.emails);
  const teamIds = [...new Set(input.teamIds)];
  if (!valid.length || !teamIds.length) return { lines: [], count: 0, confirmation: null, locked: false, blocked: false };
  const { planned: all } = await planInvites(viewer, valid.slice(0, MAX_INVITES), names);
  const planned = all;
  return previewWrite(viewer, async (tx) => (await reviewExposure(tx, actorOf(viewer), { users: planned.map((p) => p.userId) }, () => writeInvites(tx, viewer, planned, input.role, teamIds))).review);
});

const PATH = "/settings/members";

/** Invites one or many people: each becomes an invited member with a single-use link; all or nothing. */
export const inviteMembers = authorizedAction({ input: inviteInput, permission: "members.manage" }, async ({ viewer, input }) => {
  const { valid, invalid, names } = splitEmails(input.emails);
  const emails = { field: "emails" };
  if (invalid.length) throw new UserError(`Not a valid email address: ${listEmails(invalid)}. Nobody was invited.`, emails);
  if (!valid.length) throw new UserError("Enter at least one email address.", emails);
  if (valid.length > MAX_INVITES) throw new UserError(`At most ${MAX_INVITES} addresses at once. Nobody was invited.`, emails);
  const { members, planned } = await planInvites(viewer, valid, names);
  if (members.length) throw new UserError(`Already a member: ${listEmails(members)}. Nobody was invited.`, emails);
  const teamIds = [...new Set(input.teamIds)];
  const created = await withViewer(viewer, async (tx) => {
    await lockMembers(tx, viewer);
    // Invited Guests count as if they had accepted: their teams are checked now, with the rest of the invitation.
    const { result } = await checkExposure(
      tx,
      actorOf(viewer),
      { focus: { users: planned.map((p) => p.userId) }, confirm: input.confirmExposures, target: { type: "user", id: planned.length === 1 ? planned[0].userId : null, name: listEmails(valid), action: "member.invited" } },
      () => writeInvites(tx, viewer, planned, input.role, teamIds),
    );
    return result;
  });

  const results: InviteResult[] = [];
  for (const c of created) {
    const link = invitationLink(c.token);
    const delivery = await deliverInvitation({ email: c.email, workspaceName: viewer.workspaceName, inviterName: viewer.name }, link);
    results.push({ email: c.email, userId: c.userId, delivery, ...(delivery === "shown" ? { link } : {}) });
  }
  refresh(PATH);
  return results;
});

/** A new link for an invited member; every earlier link of theirs stops working. */
export const resendInvitation = authorizedAction({ input: memberInput, permission: "members.manage" }, async ({ viewer, input }) => {
  const { token, email } = await withViewer(viewer, async (tx) => {
    await lockMembers(tx, viewer);
    const [t] = await loadTargets(tx, viewer, [input.userId]);
    if (t!.status !== "INVITED") throw new UserError(`${t!.name} is not waiting for an invitation: only invited members get a new link.`);
    const now = new Date();
    const revoked = await tx.invitation.updateMany({ where: { workspaceId: viewer.workspaceId, userId: t!.userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    await tx.invitation.create({ data: { workspaceId: viewer.workspaceId, userId: t!.userId, tokenHash, expiresAt, createdById: viewer.userId } });
    await recordAudit(tx, viewer, {
      action: "invitation.resent",
      targetType: "user",
      targetId: t!.userId,
      targetName: t!.email,
      before: { openInvitations: revoked.count },
      after: { openInvitations: 1, expiresAt: expiresAt.toISOString() },
    });
    return { token, email: t!.email };
  });
  const link = invitationLink(token);
  const delivery = await deliverInvitation({ email, workspaceName: viewer.workspaceName, inviterName: viewer.name }, link);
  refresh(PATH);
  return { email, delivery, ...(delivery === "shown" ? { link } : {}) } satisfies Omit<InviteResult, "userId">;
});

/** Revokes a member's open invitation link(s); the invited member stays until removed. */
export const revokeInvitation = authorizedAction({ input: memberInput, permission: "members.manage" }, async ({ viewer, input }) => {
  await withViewer(viewer, async (tx) => {
    await lockMembers(tx, viewer);
    const [t] = await loadTargets(tx, viewer, [input.userId]);
    const revoked = await tx.invitation.updateMany({ where: { workspaceId: viewer.workspaceId, userId: t!.userId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (!revoked.count) throw new UserError(`${t!.name} has no open invitation to revoke.`);
    await recordAudit(tx, viewer, {
      action: "invitation.revoked",
      targetType: "user",
      targetId: t!.userId,
      targetName: t!.email,
      before: { openInvitations: revoked.count },
      after: { openInvitations: 0 },
    });
  });
  refresh(PATH);
  return { revoked: true };
});

/** What a role change would do, for the confirmation step (reads only). */
export const previewRoleChange = authorizedAction({ input: changeRoleInput, permission: "members.manage" }, async ({ viewer, input }): Promise<RoleChangePreview & { exposures: ExposureReview }> => {
  const base = await withViewer(viewer, async (tx): Promise<RoleChangePreview> => {
    const targets = await loadTargets(tx, viewer, input.userIds);
    const facts = await accessFacts(tx, viewer);
    const byFrom = new Map<Role, RoleChangeGroup>();
    let unchanged = 0;
    for (const t of targets) {
      if (t.role === input.role) {
        unchanged++;
        continue;
      }
      const g = byFrom.get(t.role) ?? { from: t.role, to: input.role, names: [], count: 0, effects: roleEffects(t.role, input.role, facts) };
      g.count++;
      if (g.names.length < 5) g.names.push(t.name);
      byFrom.set(t.role, g);
    }
    const groups = [...byFrom.values()];
    return { groups, unchanged, altersAccess: groups.some((g) => g.effects.length > 0) };
  });
  const changing = (await withViewer(viewer, (tx) => loadTargets(tx, viewer, input.userIds))).filter((t) => t.role !== input.role);
  const exposures = changing.length
    ? await previewWrite(viewer, async (tx) => (await reviewExposure(tx, actorOf(viewer), { users: changing.map((t) => t.userId) }, () => tx.membership.updateMany({ where: { workspaceId: viewer.workspaceId, userId: { in: changing.map((t) => t.userId) } }, data: { role: input.role } }))).review)
    : { lines: [], count: 0, confirmation: null, locked: false, blocked: false };
  return { ...base, exposures };
});

/** Changes the role of one or many members; applies at their next request (the role is read per request). */
export const changeRole = authorizedAction({ input: changeRoleInput, permission: "members.manage" }, async ({ viewer, input }) => {
  const changed = await withViewer(viewer, async (tx) => {
    await lockMembers(tx, viewer);
    const targets = (await loadTargets(tx, viewer, input.userIds)).filter((t) => t.role !== input.role);
    await refuseBoundPromotion(tx, viewer, targets.map((t) => t.userId), input.role);
    if (input.role !== "ADMIN") await guardLastAdmin(tx, viewer, targets, "changed");
    if (!targets.length) return 0;
    // A Viewer made Guest stops being in General and starts being watched: in two client teams, say.
    const { result: updated } = await checkExposure(
      tx,
      actorOf(viewer),
      { focus: { users: targets.map((t) => t.userId) }, confirm: input.confirmExposures, target: { type: "user", id: targets.length === 1 ? targets[0].userId : null, name: targets.length === 1 ? targets[0].email : `${targets.length} members`, action: "member.role_changed" } },
      () => tx.membership.updateMany({ where: { workspaceId: viewer.workspaceId, userId: { in: targets.map((t) => t.userId) } }, data: { role: input.role } }),
    );
    if (updated.count !== targets.length) throw new NotFoundError();
    for (const t of targets) {
      await recordAudit(tx, viewer, { action: "member.role_changed", targetType: "user", targetId: t.userId, targetName: t.email, before: { role: t.role }, after: { role: input.role } });
    }
    return targets.length;
  });
  refresh(PATH, "/", "/catalog");
  return { changed, role: ROLE_LABELS[input.role] };
});

/** Deactivates members: their open sessions end at the next request, they cannot sign in, their history stays. */
export const deactivateMembers = authorizedAction({ input: membersInput, permission: "members.manage" }, async ({ viewer, input }) => {
  const changed = await withViewer(viewer, async (tx) => {
    await lockMembers(tx, viewer);
    const all = await loadTargets(tx, viewer, input.userIds);
    if (all.some((t) => t.userId === viewer.userId)) throw new UserError("You cannot deactivate yourself. Nobody was deactivated.");
    const targets = all.filter((t) => t.status !== "DEACTIVATED");
    await guardLastAdmin(tx, viewer, targets, "deactivated");
    for (const t of targets) {
      // This workspace's membership only: the account, and its life in any other workspace, are untouched. The
      // person's sessions lose this workspace at their next request (the viewer is resolved per request), and end
      // altogether after the commit when no other workspace keeps them.
      await tx.membership.update({ where: { workspaceId_userId: { workspaceId: viewer.workspaceId, userId: t.userId } }, data: { status: "DEACTIVATED" } });
      await tx.invitation.updateMany({ where: { workspaceId: viewer.workspaceId, userId: t.userId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
      await recordAudit(tx, viewer, { action: "member.deactivated", targetType: "user", targetId: t.userId, targetName: t.email, before: { status: t.status }, after: { status: "DEACTIVATED" } });
    }
    return targets;
  });
  await endSessionsUnlessActiveElsewhere(changed.map((t) => t.userId));
  refresh(PATH);
  return { changed: changed.length };
});

/** Reactivates members: those who had accepted become active again; those who never had become invited (a new link is needed). */
export const reactivateMembers = authorizedAction({ input: membersInput, permission: "members.manage" }, async ({ viewer, input }) => {
  const changed = await withViewer(viewer, async (tx) => {
    await lockMembers(tx, viewer);
    const targets = (await loadTargets(tx, viewer, input.userIds)).filter((t) => t.status === "DEACTIVATED");
    for (const t of targets) {
      const status = t.joined && t.hasPassword ? "ACTIVE" : "INVITED";
      await tx.membership.update({ where: { workspaceId_userId: { workspaceId: viewer.workspaceId, userId: t.userId } }, data: { status } });
      await recordAudit(tx, viewer, { action: "member.reactivated", targetType: "user", targetId: t.userId, targetName: t.email, before: { status: t.status }, after: { status } });
    }
    return targets.length;
  });
  refresh(PATH);
  return { changed };
});

/** Removes a member from the workspace: membership, team and group memberships here; audit history stays. */
export const removeMember = authorizedAction({ input: memberInput, permission: "members.manage" }, async ({ viewer, input }) => {
  const removed = await withViewer(viewer, async (tx) => {
    await lockMembers(tx, viewer);
    const [t] = await loadTargets(tx, viewer, [input.userId]);
    if (t!.userId === viewer.userId) throw new UserError("You cannot remove yourself from the workspace.");
    await guardLastAdmin(tx, viewer, [t!], "removed");
    const ws = viewer.workspaceId;
    const [teams, groups] = await Promise.all([
      tx.teamMember.findMany({ where: { workspaceId: ws, userId: t!.userId }, select: { team: { select: { name: true } } } }),
      tx.groupMember.findMany({ where: { workspaceId: ws, userId: t!.userId }, select: { group: { select: { name: true } } } }),
    ]);
    // Sessions: ended after the commit unless another workspace keeps the person (endSessionsUnlessActiveElsewhere).
    await tx.invitation.updateMany({ where: { workspaceId: ws, userId: t!.userId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.teamMember.deleteMany({ where: { workspaceId: ws, userId: t!.userId } });
    await tx.groupMember.deleteMany({ where: { workspaceId: ws, userId: t!.userId } });
    await tx.membership.deleteMany({ where: { workspaceId: ws, userId: t!.userId } });
    await recordAudit(tx, viewer, {
      action: "member.removed",
      targetType: "user",
      targetId: t!.userId,
      targetName: t!.email,
      before: { role: t!.role, status: t!.status, teams: teams.map((x) => x.team.name), groups: groups.map((x) => x.group.name) },
      after: null,
    });
    return t!.userId;
  });
  await endSessionsUnlessActiveElsewhere([removed]);
  refresh(PATH);
  return { removed: true };
});
