import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { Tx } from "@/lib/db/scoped";
import { ownerDb } from "@/lib/db/owner";
import { NotFoundError, UserError } from "@/lib/actions/authorized";
import type { Role } from "@/lib/policy";
import type { MemberStatus } from "./schemas";

/** Serialises every change to the people of a workspace, so the last-admin check cannot race. */
export async function lockMembers(tx: Tx, viewer: Viewer): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS ok FROM (SELECT pg_advisory_xact_lock(hashtext(${"members:" + viewer.workspaceId}))) AS l`;
}

export type Target = { userId: string; email: string; name: string; role: Role; status: MemberStatus; hasPassword: boolean; joined: boolean };

/** The members of the viewer's workspace with these ids; any id out of scope is "not found", naming nothing. */
export async function loadTargets(tx: Tx, viewer: Viewer, userIds: string[]): Promise<Target[]> {
  const ids = [...new Set(userIds)];
  const rows = await tx.membership.findMany({
    where: { workspaceId: viewer.workspaceId, userId: { in: ids } },
    select: { role: true, status: true, shownName: true, user: { select: { id: true, email: true, name: true, passwordHash: true } } },
  });
  if (rows.length !== ids.length) throw new NotFoundError();
  // Status and name are this workspace's: the membership's standing, and the name it knows until the person joins.
  return rows.map((r) => ({
    userId: r.user.id,
    email: r.user.email,
    name: r.shownName ?? r.user.name,
    role: r.role as Role,
    status: r.status,
    hasPassword: !!r.user.passwordHash,
    joined: r.shownName === null,
  }));
}

/** Refuses when the change would leave the workspace without an active admin (read after lockMembers). */
export async function guardLastAdmin(tx: Tx, viewer: Viewer, losing: Target[], verb: string): Promise<void> {
  const admins = losing.filter((t) => t.role === "ADMIN" && t.status === "ACTIVE");
  if (!admins.length) return;
  const remaining = await tx.membership.count({
    where: { workspaceId: viewer.workspaceId, role: "ADMIN", status: "ACTIVE", user: { status: "ACTIVE" }, userId: { notIn: admins.map((a) => a.userId) } },
  });
  if (remaining === 0) {
    throw new UserError(`${admins.length === 1 ? admins[0]!.name + " is" : "These members include"} the last active admin: the workspace needs at least one, so nobody was ${verb}. Make someone else an admin first.`);
  }
}

/**
 * The invited addresses as this workspace must treat them (read as the system): `members` are already members
 * here (this workspace's own knowledge, said to its admin); `accounts` maps an address that has an account but no
 * membership here to that account, which the invitation then reuses. An account of another workspace is never
 * a reason to refuse nor anything the admin is told: the invitation goes exactly as for a new address.
 */
export async function emailsInUse(workspaceId: string, emails: string[]): Promise<{ members: string[]; accounts: Map<string, string> }> {
  const prisma = await ownerDb("emails-in-use");
  const users = await prisma.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, memberships: { where: { workspaceId }, select: { id: true } } },
  });
  return {
    members: users.filter((u) => u.memberships.length).map((u) => u.email),
    accounts: new Map(users.filter((u) => !u.memberships.length).map((u) => [u.email, u.id])),
  };
}

/**
 * After a deactivation or removal here: the sessions of each person who has no active membership left anywhere
 * end (the session version). Someone still active in another workspace keeps their session, which from the next
 * request on can no longer resolve to this workspace (lib/auth/resolve-viewer.ts): signing them out would
 * reach into the other workspace. Read and written as the system, since the other memberships are not the
 * admin's to see; it tells the admin nothing.
 */
export async function endSessionsUnlessActiveElsewhere(userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  const prisma = await ownerDb("member-sessions");
  await prisma.user.updateMany({
    where: { id: { in: userIds }, memberships: { none: { status: "ACTIVE" } } },
    data: { sessionVersion: { increment: 1 } },
  });
}

export function listEmails(xs: string[], max = 5): string {
  return xs.slice(0, max).join(", ") + (xs.length > max ? ` and ${xs.length - max} more` : "");
}

// ---- what a role change does to a person's access ----------------------------------------------------------

export type RoleChangeGroup = { from: Role; to: Role; names: string[]; count: number; effects: string[] };
export type RoleChangePreview = { groups: RoleChangeGroup[]; unchanged: number; altersAccess: boolean };

/** Counts computed with the admin's scoped reads: General's resources (its assignments and their subtrees) and public teams. */
export async function accessFacts(tx: Tx, viewer: Viewer): Promise<{ generalName: string; generalResources: number; publicTeams: number }> {
  const ws = viewer.workspaceId;
  const general = await tx.team.findFirst({ where: { workspaceId: ws, isDefault: true }, select: { id: true, name: true } });
  let generalResources = 0;
  if (general) {
    const roots = await tx.teamResource.findMany({ where: { workspaceId: ws, teamId: general.id }, select: { resourceId: true } });
    if (roots.length) generalResources = await tx.resource.count({ where: { workspaceId: ws, path: { hasSome: roots.map((r) => r.resourceId) } } });
  }
  const publicTeams = await tx.team.count({ where: { workspaceId: ws, visibility: "PUBLIC", isDefault: false } });
  return { generalName: general?.name ?? "General", generalResources, publicTeams };
}

export function roleEffects(from: Role, to: Role, f: { generalName: string; generalResources: number; publicTeams: number }): string[] {
  if (from === to) return [];
  const n = (k: number, one: string, many = `${one}s`) => `${k.toLocaleString("en-US")} ${k === 1 ? one : many}`;
  const effects: string[] = [];
  if (to === "GUEST") {
    effects.push(`Leaves ${f.generalName} and no longer sees its ${n(f.generalResources, "resource")}.`);
    if (f.publicTeams) effects.push(`No longer sees the ${n(f.publicTeams, "public team")} they are not a member of, nor their resources.`);
    effects.push("Sees only the people and resources of their own teams.");
  }
  if (from === "GUEST") {
    effects.push(`Joins ${f.generalName} and sees its ${n(f.generalResources, "resource")}.`);
    if (f.publicTeams) effects.push(`Can see the ${n(f.publicTeams, "public team")} and their resources, and everyone in the workspace.`);
  }
  if (to === "ADMIN") effects.push("Becomes an admin: sees every team and resource, and manages people, teams and settings.");
  if (from === "ADMIN") effects.push("Loses admin rights: no settings, and only the resources of their teams.");
  if (to === "EDITOR" && from !== "ADMIN") effects.push("Can edit descriptions and tags of what they see.");
  if (from === "EDITOR" && to !== "ADMIN") effects.push("Can no longer edit descriptions and tags.");
  return effects;
}
