import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import type { Prisma } from "@/lib/generated/prisma/client";
import { teamScope } from "@/lib/access/scope";
import { can } from "@/lib/policy";

export type TokenStatus = "active" | "expired" | "revoked";

export type TokenRow = {
  id: string;
  name: string;
  scope: "read" | "write";
  prefix: string;
  owner: { kind: "user"; id: string; name: string; email: string } | { kind: "team"; id: string; name: string; slug: string };
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  status: TokenStatus;
};

const select = {
  id: true,
  name: true,
  scope: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
  user: { select: { id: true, name: true, email: true } },
  team: { select: { id: true, name: true, slug: true } },
} as const;

type Row = Prisma.ApiTokenGetPayload<{ select: typeof select }>;

export function tokenStatus(t: { revokedAt: Date | null; expiresAt: Date }, now = new Date()): TokenStatus {
  if (t.revokedAt) return "revoked";
  return t.expiresAt <= now ? "expired" : "active";
}

function toRow(t: Row): TokenRow {
  return {
    id: t.id,
    name: t.name,
    scope: t.scope === "write" ? "write" : "read",
    prefix: t.prefix,
    owner: t.team ? { kind: "team", ...t.team } : { kind: "user", id: t.user!.id, name: t.user!.name, email: t.user!.email },
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: t.lastUsedIp,
    status: tokenStatus(t),
  };
}

/** "Your account → API tokens": the viewer's own personal tokens, newest first. */
export async function listMyTokens(viewer: Viewer): Promise<TokenRow[]> {
  if (viewer.apiToken?.teamId) return [];
  return withViewer(viewer, async (tx) => {
    const rows = await tx.apiToken.findMany({ where: { workspaceId: viewer.workspaceId, userId: viewer.userId }, select, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 200 });
    return rows.map(toRow);
  });
}

/** "Settings → API tokens": every token of the workspace (admins only; anyone else gets none). */
export async function listWorkspaceTokens(viewer: Viewer): Promise<TokenRow[]> {
  if (!can(viewer.role, "tokens.manage")) return [];
  return withViewer(viewer, async (tx) => {
    const rows = await tx.apiToken.findMany({ where: { workspaceId: viewer.workspaceId }, select, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 1000 });
    return rows.map(toRow);
  });
}

/** The team page: the team's own tokens (admins only). */
export async function listTeamTokens(viewer: Viewer, teamId: string): Promise<TokenRow[]> {
  if (!can(viewer.role, "tokens.manage")) return [];
  return withViewer(viewer, async (tx) => {
    const rows = await tx.apiToken.findMany({ where: { workspaceId: viewer.workspaceId, teamId, team: teamScope(viewer) }, select, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 200 });
    return rows.map(toRow);
  });
}
