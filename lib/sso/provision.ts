import "server-only";
import { ownerDb } from "@/lib/db/owner";
import type { Prisma } from "@/lib/generated/prisma/client";
import { domainOf } from "./schemas";

type Tx = Prisma.TransactionClient;

export type Identity = { email: string; emailVerified?: unknown; name?: string; groups: string[]; subject: string };

/** Why a sign-in was refused: written to the audit log (admins), never shown to the person. */
export type Refusal = "connection" | "domain" | "unverified" | "deactivated" | "workspace" | "not-guest" | "outside-team";

export class SignInRefused extends Error {
  constructor(readonly reason: Refusal) {
    super(reason);
  }
}

export type Connection = {
  id: string;
  workspaceId: string;
  name: string;
  kind: string;
  teamId: string | null;
  defaultRole: "ADMIN" | "EDITOR" | "VIEWER" | "GUEST";
  groupsClaim: string;
  groupMap: Record<string, string>;
};

/** The teams a person belongs to in a workspace: directly or through a group. */
export async function teamsOf(tx: Tx, workspaceId: string, userId: string): Promise<string[]> {
  const [direct, viaGroups] = await Promise.all([
    tx.teamMember.findMany({ where: { workspaceId, userId }, select: { teamId: true } }),
    tx.teamGroup.findMany({ where: { workspaceId, group: { members: { some: { userId } } } }, select: { teamId: true } }),
  ]);
  return [...new Set([...direct, ...viaGroups].map((t) => t.teamId))];
}

/**
 * A client connection's rule, for OIDC and SCIM alike: the person is a Guest of the connection's team and of
 * nothing else. Refused (not repaired) when an existing account says otherwise: someone an admin made an
 * Editor, or a Guest of another client, is not taken over by a client's identity provider.
 */
export async function bindToClientTeam(tx: Tx, c: Connection, userId: string, role: string): Promise<void> {
  if (role !== "GUEST") throw new SignInRefused("not-guest");
  const teams = await teamsOf(tx, c.workspaceId, userId);
  if (teams.some((t) => t !== c.teamId)) throw new SignInRefused("outside-team");
  await tx.teamMember.createMany({ data: [{ workspaceId: c.workspaceId, teamId: c.teamId!, userId }], skipDuplicates: true });
}

/**
 * A company connection's group mapping: each mapped claim value present puts the person in its group, each
 * absent one takes them out (the identity provider is the source of truth for mapped groups only). Guests are
 * left alone: their teams are an admin's or a client connection's to decide.
 */
async function applyGroupMap(tx: Tx, c: Connection, userId: string, role: string, groups: string[]): Promise<string[]> {
  if (role === "GUEST") return [];
  const want = new Set(Object.entries(c.groupMap).filter(([claim]) => groups.includes(claim)).map(([, id]) => id));
  const mapped = [...new Set(Object.values(c.groupMap))];
  const remove = mapped.filter((id) => !want.has(id));
  if (remove.length) await tx.groupMember.deleteMany({ where: { workspaceId: c.workspaceId, userId, groupId: { in: remove } } });
  if (want.size) await tx.groupMember.createMany({ data: [...want].map((groupId) => ({ workspaceId: c.workspaceId, groupId, userId })), skipDuplicates: true });
  return [...want];
}

function displayName(identity: Identity): string {
  const n = (identity.name ?? "").trim().slice(0, 120);
  return n || identity.email.split("@")[0]!;
}

export async function loadConnection(tx: Tx, id: string): Promise<Connection | null> {
  const c = await tx.authConnection.findUnique({
    where: { id },
    select: { id: true, workspaceId: true, name: true, kind: true, teamId: true, defaultRole: true, groupsClaim: true, groupMap: true, enabled: true },
  });
  if (!c || !c.enabled) return null;
  return { ...c, groupMap: (c.groupMap ?? {}) as Record<string, string> };
}

/**
 * The sign-in of a person the connection's provider vouched for, as the system (no viewer exists yet): finds or
 * creates the account, applies the connection's rule, audits it, and returns what the session needs. Any
 * refusal is audited with its reason and thrown as SignInRefused; the person is shown one plain message.
 */
export async function signInThroughConnection(connectionId: string, identity: Identity): Promise<{ id: string; sessionVersion: number; workspaceId: string }> {
  const prisma = await ownerDb("sso-sign-in");
  const email = identity.email.trim().toLowerCase();
  let refusal: { workspaceId: string; reason: Refusal; connection: string } | null = null;
  try {
    return await prisma.$transaction(async (tx) => {
      const c = await loadConnection(tx, connectionId);
      if (!c) throw new SignInRefused("connection");
      const fail = (reason: Refusal) => {
        refusal = { workspaceId: c.workspaceId, reason, connection: c.name };
        return new SignInRefused(reason);
      };
      const routed = await tx.authDomain.findFirst({ where: { domain: domainOf(email), connectionId: c.id }, select: { domain: true } });
      if (!routed || !/^[^@\s]+@[^@\s]+$/.test(email)) throw fail("domain");
      if (identity.emailVerified === false || identity.emailVerified === "false") throw fail("unverified");

      const memberSelect = { select: { workspaceId: true, role: true, connectionId: true, status: true }, where: { workspaceId: c.workspaceId } } as const;
      let user = await tx.user.findUnique({ where: { email }, select: { id: true, status: true, name: true, memberships: memberSelect } });
      if (user?.status === "DEACTIVATED") throw fail("deactivated");
      // Only this workspace's membership is read: an account that also lives in another workspace signs in here
      // exactly as a new one would (its other memberships are neither a reason to refuse nor told to anyone).
      let membership = user?.memberships[0];
      if (membership?.status === "DEACTIVATED") throw fail("deactivated");
      if (!user) {
        user = await tx.user.create({ data: { email, name: displayName(identity), status: "ACTIVE" }, select: { id: true, status: true, name: true, memberships: memberSelect } });
      } else if (user.status === "INVITED") {
        // The provider proved the address: the account is usable from now on.
        await tx.user.update({ where: { id: user.id }, data: { status: "ACTIVE", name: user.name || displayName(identity) } });
      }
      // "created" means new to this workspace, whatever the account's life elsewhere.
      const created = !membership;
      if (!membership) {
        const role = c.kind === "client" ? "GUEST" : c.defaultRole === "GUEST" || c.defaultRole === "ADMIN" ? "VIEWER" : c.defaultRole;
        await tx.membership.create({ data: { workspaceId: c.workspaceId, userId: user.id, role, connectionId: c.id } });
        membership = { workspaceId: c.workspaceId, role, connectionId: c.id, status: "ACTIVE" };
      } else if (membership.status === "INVITED") {
        // Invited here: the provider's proof of the address accepts the invitation (this workspace's links only).
        await tx.membership.update({ where: { workspaceId_userId: { workspaceId: c.workspaceId, userId: user.id } }, data: { status: "ACTIVE" } });
        await tx.invitation.updateMany({ where: { workspaceId: c.workspaceId, userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
      }
      let groups: string[] = [];
      if (c.kind === "client") {
        try {
          await bindToClientTeam(tx, c, user.id, membership.role);
        } catch (e) {
          if (e instanceof SignInRefused) throw fail(e.reason);
          throw e;
        }
        if (membership.connectionId !== c.id) await tx.membership.update({ where: { workspaceId_userId: { workspaceId: c.workspaceId, userId: user.id } }, data: { connectionId: c.id } });
      } else {
        groups = await applyGroupMap(tx, c, user.id, membership.role, identity.groups);
      }
      const now = new Date();
      const after = await tx.user.update({ where: { id: user.id }, data: { lastActiveAt: now }, select: { sessionVersion: true } });
      // Joined and active here from now on: this workspace shows the account's own name.
      await tx.membership.update({ where: { workspaceId_userId: { workspaceId: c.workspaceId, userId: user.id } }, data: { lastActiveAt: now, shownName: null } });
      await tx.auditEvent.create({
        data: {
          workspaceId: c.workspaceId, actorId: user.id, actorEmail: email, action: "sso.authenticated", targetType: "auth_connection", targetId: c.id, targetName: c.name,
          after: { role: membership.role, created, ...(c.kind === "company" ? { groups } : { team: c.teamId }) },
        },
      });
      return { id: user.id, sessionVersion: after.sessionVersion, workspaceId: c.workspaceId };
    });
  } catch (e) {
    const r = refusal as { workspaceId: string; reason: Refusal; connection: string } | null;
    if (r) await recordRefusal(r.workspaceId, connectionId, r.connection, email, r.reason);
    throw e;
  }
}

/** A refused sign-in through a connection, for the admins' audit log (in its own statement: the sign-in rolled back). */
export async function recordRefusal(workspaceId: string, connectionId: string | null, connectionName: string | null, email: string, reason: string): Promise<void> {
  const prisma = await ownerDb("sso-sign-in");
  await prisma.auditEvent.create({
    data: { workspaceId, actorEmail: email.slice(0, 320), action: "sso.sign_in_refused", targetType: "auth_connection", targetId: connectionId, targetName: connectionName, after: { reason } },
  }).catch((e) => console.error("[sso] could not audit a refused sign-in", e));
}

/** A flow that failed before the person was known (token exchange, signature, state, issuer): audited on its connection. */
export async function recordFlowFailure(connectionId: string, error: unknown): Promise<void> {
  const prisma = await ownerDb("sso-sign-in");
  const c = await prisma.authConnection.findUnique({ where: { id: connectionId }, select: { workspaceId: true, name: true } }).catch(() => null);
  if (c) await recordRefusal(c.workspaceId, connectionId, c.name, "", `token: ${String((error as Error)?.message ?? error).slice(0, 200)}`);
}
