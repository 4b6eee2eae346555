import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ownerDb } from "@/lib/db/owner";
import { appBaseUrl } from "@/lib/members/tokens";
import { sha256 } from "@/lib/sso/tokens";
import { ScimError } from "./protocol";

export type Tx = Prisma.TransactionClient;

/** What a SCIM token stands for: its connection, and through it the people and groups it may see and change. */
export type ScimContext = {
  connectionId: string;
  workspaceId: string;
  name: string;
  kind: "company" | "client";
  teamId: string | null;
  teamName: string | null;
  defaultRole: "EDITOR" | "VIEWER" | "GUEST";
  domains: string[];
  base: string;
};

/** The connection of a bearer token (only its SHA-256 is stored), or a 401 that says nothing more. */
export async function authenticate(req: Request): Promise<ScimContext> {
  const m = (req.headers.get("authorization") ?? "").match(/^Bearer\s+(scim_[A-Za-z0-9_-]{20,100})$/);
  if (!m) throw new ScimError(401, "A valid bearer token is required.");
  const prisma = await ownerDb("scim-auth");
  const c = await prisma.authConnection.findUnique({
    where: { scimTokenHash: sha256(m[1]) },
    select: { id: true, workspaceId: true, name: true, kind: true, teamId: true, defaultRole: true, enabled: true, team: { select: { name: true } }, domains: { select: { domain: true } } },
  });
  if (!c || !c.enabled) throw new ScimError(401, "A valid bearer token is required.");
  return {
    connectionId: c.id,
    workspaceId: c.workspaceId,
    name: c.name,
    kind: c.kind === "client" ? "client" : "company",
    teamId: c.teamId,
    teamName: c.team?.name ?? null,
    defaultRole: c.kind === "client" ? "GUEST" : c.defaultRole === "EDITOR" ? "EDITOR" : "VIEWER",
    domains: c.domains.map((d) => d.domain),
    base: `${appBaseUrl()}/scim/v2`,
  };
}

export function inDomains(ctx: ScimContext, email: string): boolean {
  return ctx.domains.includes(email.slice(email.lastIndexOf("@") + 1).toLowerCase());
}

/**
 * The memberships a token manages: people of the workspace at the connection's domains; for a client connection,
 * only Guests who belong to no team but the connection's own (directly or through a group). Everyone else is
 * absent: not listed, not found by a filter, a 404 by id.
 */
export function userScope(ctx: ScimContext): Prisma.MembershipWhereInput {
  const ws = ctx.workspaceId;
  const domains: Prisma.UserWhereInput = { OR: ctx.domains.map((d) => ({ email: { endsWith: `@${d}` } })) };
  if (ctx.kind === "company") return { workspaceId: ws, user: domains };
  return {
    workspaceId: ws,
    role: "GUEST",
    user: {
      AND: [
        domains,
        { teamMembers: { none: { workspaceId: ws, teamId: { not: ctx.teamId! } } } },
        { groupMembers: { none: { workspaceId: ws, group: { teams: { some: { teamId: { not: ctx.teamId! } } } } } } },
      ],
    },
  };
}

/**
 * The groups a token manages: a client connection's own groups (each linked to its team alone); for a company
 * connection also the workspace's groups that are linked to no client team (clients' groups are an admin's).
 */
export function groupScope(ctx: ScimContext): Prisma.GroupWhereInput {
  if (ctx.kind === "client") return { workspaceId: ctx.workspaceId, connectionId: ctx.connectionId };
  return {
    workspaceId: ctx.workspaceId,
    OR: [{ connectionId: ctx.connectionId }, { connectionId: null, teams: { none: { team: { isDefault: false, visibility: "PRIVATE" } } } }],
  };
}

/** A client connection's groups carry its team's name in front, so their names never meet another client's. */
export function storedGroupName(ctx: ScimContext, displayName: string): string {
  return ctx.kind === "client" ? `${ctx.teamName} · ${displayName}` : displayName;
}

export function shownGroupName(ctx: ScimContext, name: string): string {
  const prefix = `${ctx.teamName} · `;
  return ctx.kind === "client" && name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

export async function audit(tx: Tx, ctx: ScimContext, e: { action: string; targetType: string; targetId?: string; targetName?: string; after?: Prisma.InputJsonValue }) {
  await tx.auditEvent.create({
    data: { workspaceId: ctx.workspaceId, actorEmail: `scim:${ctx.name}`.slice(0, 320), action: e.action, targetType: e.targetType, targetId: e.targetId ?? null, targetName: e.targetName ?? null, after: e.after ?? undefined },
  });
}
