import "server-only";
import { NotFoundError, UserError } from "@/lib/actions/authorized";
import { recordAudit } from "@/lib/audit/record";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { teamScope } from "@/lib/access/scope";
import { can } from "@/lib/policy";
import { newTokenSecret } from "./secret";
import type { TokenScope } from "./schemas";

export type CreatedToken = { id: string; token: string; name: string; scope: TokenScope; expiresAt: string };

const DAY_MS = 86_400_000;

/** Tokens are made by people in their own name (a session), never by another token. */
function refuseTokenViewer(viewer: Viewer) {
  if (viewer.apiToken) throw new UserError("A token cannot create tokens: sign in to the console to create one.");
}

/** A personal token of the viewer: it will act as the viewer, resolved at each call. The secret is returned once. */
export async function createPersonalToken(viewer: Viewer, input: { name: string; expiresInDays: number; scope: TokenScope }): Promise<CreatedToken> {
  refuseTokenViewer(viewer);
  const { token, tokenHash, prefix } = newTokenSecret();
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
  return withViewer(viewer, async (tx) => {
    const t = await tx.apiToken.create({
      data: { workspaceId: viewer.workspaceId, userId: viewer.userId, name: input.name, scope: input.scope, tokenHash, prefix, expiresAt, createdById: viewer.userId },
      select: { id: true },
    });
    await recordAudit(tx, viewer, { action: "token.created", targetType: "token", targetId: t.id, targetName: input.name, after: { kind: "personal", scope: input.scope, expiresAt: expiresAt.toISOString() } });
    return { id: t.id, token, name: input.name, scope: input.scope, expiresAt: expiresAt.toISOString() };
  });
}

/**
 * A team token (admins): it belongs to a client team (private, not General) and sees what a Guest of that team
 * sees, read-only. Its viewer is built from the token row at each call (lib/tokens/authenticate.ts).
 */
export async function createTeamToken(viewer: Viewer, input: { teamId: string; name: string; expiresInDays: number }): Promise<CreatedToken> {
  // An admin's write token may make a team token (POST /api/v1/teams/{id}/tokens): it never acts as the admin.
  if (!can(viewer.role, "tokens.manage")) throw new NotFoundError();
  const { token, tokenHash, prefix } = newTokenSecret();
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
  return withViewer(viewer, async (tx) => {
    const team = await tx.team.findFirst({ where: { AND: [teamScope(viewer), { id: input.teamId }] }, select: { id: true, name: true, visibility: true, isDefault: true } });
    if (!team) throw new NotFoundError();
    if (team.isDefault || team.visibility !== "PRIVATE") throw new UserError("Team tokens are for client teams: a private team other than General.");
    const t = await tx.apiToken.create({
      data: { workspaceId: viewer.workspaceId, teamId: team.id, name: input.name, scope: "read", tokenHash, prefix, expiresAt, createdById: viewer.userId },
      select: { id: true },
    });
    await recordAudit(tx, viewer, { action: "token.created", targetType: "token", targetId: t.id, targetName: input.name, after: { kind: "team", team: team.name, scope: "read", expiresAt: expiresAt.toISOString() } });
    return { id: t.id, token, name: input.name, scope: "read" as const, expiresAt: expiresAt.toISOString() };
  });
}

/** Revokes a token: its owner's own, or any of the workspace for an admin. Anything else is "Not found." */
export async function revokeToken(viewer: Viewer, tokenId: string): Promise<{ revoked: true }> {
  refuseTokenViewer(viewer);
  return withViewer(viewer, async (tx) => {
    const mine = can(viewer.role, "tokens.manage") ? {} : { userId: viewer.userId };
    const t = await tx.apiToken.findFirst({ where: { workspaceId: viewer.workspaceId, id: tokenId, ...mine }, select: { id: true, name: true, revokedAt: true, userId: true, teamId: true } });
    if (!t) throw new NotFoundError();
    if (t.revokedAt) return { revoked: true as const };
    await tx.apiToken.updateMany({ where: { workspaceId: viewer.workspaceId, id: t.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, viewer, { action: "token.revoked", targetType: "token", targetId: t.id, targetName: t.name, before: { kind: t.teamId ? "team" : "personal" } });
    return { revoked: true as const };
  });
}
