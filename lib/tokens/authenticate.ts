import "server-only";
import { ownerDb } from "@/lib/db/owner";
import { resolveTokenOwner, type Viewer } from "@/lib/auth/resolve-viewer";
import { hashToken } from "./secret";
import { TOKEN_PATTERN } from "./schemas";

/** The last use is written at most this often per token (and whenever the address changes). */
const LAST_USE_EVERY_MS = 60_000;

/** The UUID that is nobody: a team token's viewer has no person behind it. */
export const NOBODY = "00000000-0000-0000-0000-000000000000";

/**
 * The viewer of a bearer token, exactly as a session is resolved: read as the system (before a viewer exists),
 * at every call. A personal token acts as its owner with the owner's current role, teams and status (so a
 * deactivation or a demotion counts at the next call); a team token is "a Guest of that team", read-only.
 * Null for a malformed, unknown, expired or revoked token, a deactivated owner, or one no longer in the workspace.
 */
export async function authenticateToken(token: string, address: string | null, now = new Date()): Promise<Viewer | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const prisma = await ownerDb("api-token-resolution");
  const t = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true, workspaceId: true, userId: true, teamId: true, scope: true, expiresAt: true, revokedAt: true, lastUsedAt: true, lastUsedIp: true,
      team: { select: { id: true, name: true, slug: true } },
      workspace: { select: { name: true } },
    },
  });
  if (!t || t.revokedAt || t.expiresAt <= now) return null;
  const scope = t.scope === "write" ? "write" : "read";
  let viewer: Viewer | null;
  if (t.teamId && t.team) {
    viewer = {
      userId: NOBODY,
      email: "",
      name: t.team.name,
      role: "GUEST",
      workspaceId: t.workspaceId,
      workspaceName: t.workspace.name,
      memberTeamIds: [t.team.id],
      apiToken: { id: t.id, scope: "read", teamId: t.team.id },
    };
  } else {
    const owner = t.userId ? await resolveTokenOwner(prisma, t.userId, t.workspaceId) : null;
    viewer = owner && owner.workspaceId === t.workspaceId ? { ...owner, apiToken: { id: t.id, scope, teamId: null } } : null;
  }
  if (!viewer) return null;
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() >= LAST_USE_EVERY_MS || (address && address !== t.lastUsedIp)) {
    await prisma.apiToken.updateMany({ where: { id: t.id }, data: { lastUsedAt: now, lastUsedIp: address } });
  }
  return viewer;
}
