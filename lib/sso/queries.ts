import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer } from "@/lib/db/scoped";
import { can } from "@/lib/policy";
import { appBaseUrl } from "@/lib/members/tokens";

export type ConnectionSummary = {
  id: string;
  name: string;
  kind: "company" | "client";
  issuer: string;
  clientId: string;
  enabled: boolean;
  team: { id: string; name: string } | null;
  defaultRole: "EDITOR" | "VIEWER" | "GUEST";
  groupsClaim: string;
  groupMap: { claim: string; groupId: string; groupName: string }[];
  domains: { domain: string; enforceSso: boolean }[];
  hasScimToken: boolean;
  people: number;
};

export type AuthenticationSettings = {
  connections: ConnectionSummary[];
  clientTeams: { id: string; name: string }[];
  groups: { id: string; name: string }[];
  /** What an admin enters at the identity provider. */
  redirectUri: string;
  scimBaseUrl: string;
  linksEnabled: boolean;
};

/** Settings → Authentication (admins only; the tables' row-level security says the same). */
export async function getAuthenticationSettings(viewer: Viewer): Promise<AuthenticationSettings | null> {
  if (!can(viewer.role, "authentication.manage")) return null;
  return withViewer(viewer, async (tx) => {
    const ws = viewer.workspaceId;
    const [rows, clientTeams, groups] = await Promise.all([
      tx.authConnection.findMany({
        where: { workspaceId: ws },
        orderBy: { name: "asc" },
        select: {
          id: true, name: true, kind: true, issuer: true, clientId: true, enabled: true, defaultRole: true, groupsClaim: true, groupMap: true, scimTokenHash: true,
          team: { select: { id: true, name: true } },
          domains: { select: { domain: true, enforceSso: true }, orderBy: { domain: "asc" } },
          _count: { select: { memberships: true } },
        },
      }),
      tx.team.findMany({ where: { workspaceId: ws, isDefault: false, visibility: "PRIVATE" }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
      tx.group.findMany({ where: { workspaceId: ws }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ]);
    const groupName = new Map(groups.map((g) => [g.id, g.name]));
    return {
      connections: rows.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind === "client" ? "client" : "company",
        issuer: r.issuer,
        clientId: r.clientId,
        enabled: r.enabled,
        team: r.team,
        defaultRole: r.kind === "client" ? "GUEST" : (r.defaultRole as "EDITOR" | "VIEWER"),
        groupsClaim: r.groupsClaim,
        groupMap: Object.entries((r.groupMap ?? {}) as Record<string, string>)
          .filter(([, id]) => groupName.has(id))
          .map(([claim, groupId]) => ({ claim, groupId, groupName: groupName.get(groupId)! })),
        domains: r.domains,
        hasScimToken: !!r.scimTokenHash,
        people: r._count.memberships,
      })),
      clientTeams,
      groups,
      redirectUri: `${appBaseUrl()}/api/auth/oidc/callback`,
      scimBaseUrl: `${appBaseUrl()}/scim/v2`,
      linksEnabled: !!process.env.SMTP_URL,
    };
  });
}
