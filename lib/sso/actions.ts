"use server";
import { authorizedAction, NotFoundError, UserError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer, type Tx } from "@/lib/db/scoped";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { encryptSecret } from "@/lib/integrations/crypto";
import { connectionIdInput, createConnectionInput, updateConnectionInput } from "./schemas";
import { domainOwner } from "./routing";
import { newScimToken } from "./tokens";
import { forgetDiscovery } from "./oidc";

const PATH = "/settings/authentication";

type Fields = {
  kind: "company" | "client";
  teamId?: string;
  defaultRole: "EDITOR" | "VIEWER";
  groupsClaim: string;
  groupMap: { claim: string; groupId: string }[];
  domains: string[];
};

/** The bound team must be a client team (private, not General); mapped groups must be this workspace's. */
async function checkTargets(tx: Tx, viewer: Viewer, f: Fields) {
  if (f.kind === "client") {
    const team = await tx.team.findFirst({ where: { workspaceId: viewer.workspaceId, id: f.teamId, isDefault: false, visibility: "PRIVATE" }, select: { id: true, name: true } });
    if (!team) throw new UserError("Choose a client team: a private team other than General.");
    return { team, groupMap: {} as Record<string, string> };
  }
  const ids = [...new Set(f.groupMap.map((g) => g.groupId))];
  const found = ids.length ? await tx.group.count({ where: { workspaceId: viewer.workspaceId, id: { in: ids } } }) : 0;
  if (found !== ids.length) throw new NotFoundError();
  const claims = f.groupMap.map((g) => g.claim);
  if (new Set(claims).size !== claims.length) throw new UserError("Each claim value maps to one group.");
  return { team: null, groupMap: Object.fromEntries(f.groupMap.map((g) => [g.claim, g.groupId])) };
}

async function checkDomains(domains: string[], connectionId: string | null) {
  for (const d of domains) {
    const owner = await domainOwner(d);
    if (owner && owner !== connectionId) throw new UserError(`${d} is already routed to another connection.`);
  }
}

function stored(f: Fields, groupMap: Record<string, string>) {
  return {
    kind: f.kind,
    teamId: f.kind === "client" ? f.teamId! : null,
    // A client connection's people are Guests, whatever the claims say; a company connection never makes Guests.
    defaultRole: f.kind === "client" ? ("GUEST" as const) : f.defaultRole,
    groupsClaim: f.groupsClaim,
    groupMap,
  };
}

/** Adds an OIDC connection: the client secret is encrypted before it is stored. */
export const createAuthConnection = authorizedAction({ input: createConnectionInput, permission: "authentication.manage" }, async ({ viewer, input }) => {
  await checkDomains(input.domains, null);
  const out = await withViewer(viewer, async (tx) => {
    const { team, groupMap } = await checkTargets(tx, viewer, input);
    const c = await tx.authConnection.create({
      data: { workspaceId: viewer.workspaceId, name: input.name, issuer: input.issuer, clientId: input.clientId, clientSecret: encryptSecret(input.clientSecret), createdById: viewer.userId, ...stored(input, groupMap) },
      select: { id: true },
    });
    await tx.authDomain.createMany({ data: input.domains.map((domain) => ({ domain, workspaceId: viewer.workspaceId, connectionId: c.id, enforceSso: input.enforcedDomains.includes(domain) })) });
    await recordAudit(tx, viewer, {
      action: "auth_connection.created", targetType: "auth_connection", targetId: c.id, targetName: input.name,
      after: { kind: input.kind, issuer: input.issuer, team: team?.name ?? null, domains: input.domains, enforced: input.enforcedDomains },
    });
    return { id: c.id };
  });
  refresh(PATH);
  return out;
});

/** Changes a connection. An empty secret keeps the stored one; a client connection with people keeps its team. */
export const updateAuthConnection = authorizedAction({ input: updateConnectionInput, permission: "authentication.manage" }, async ({ viewer, input }) => {
  await checkDomains(input.domains, input.connectionId);
  await withViewer(viewer, async (tx) => {
    const before = await tx.authConnection.findFirst({
      where: { workspaceId: viewer.workspaceId, id: input.connectionId },
      select: { id: true, kind: true, teamId: true, issuer: true, name: true, enabled: true, domains: { select: { domain: true, enforceSso: true } }, _count: { select: { memberships: true } } },
    });
    if (!before) throw new NotFoundError();
    const { groupMap } = await checkTargets(tx, viewer, input);
    const rebinds = before.kind !== input.kind || (before.kind === "client" && before.teamId !== input.teamId);
    if (rebinds && before._count.memberships > 0) {
      throw new UserError("People already sign in through this connection: its kind and team cannot change. Add a new connection instead.");
    }
    await tx.authConnection.update({
      where: { id: before.id },
      data: {
        name: input.name, issuer: input.issuer, clientId: input.clientId, enabled: input.enabled, ...stored(input, groupMap),
        ...(input.clientSecret ? { clientSecret: encryptSecret(input.clientSecret) } : {}),
      },
    });
    await tx.authDomain.deleteMany({ where: { workspaceId: viewer.workspaceId, connectionId: before.id } });
    await tx.authDomain.createMany({ data: input.domains.map((domain) => ({ domain, workspaceId: viewer.workspaceId, connectionId: before.id, enforceSso: input.enforcedDomains.includes(domain) })) });
    await recordAudit(tx, viewer, {
      action: "auth_connection.updated", targetType: "auth_connection", targetId: before.id, targetName: input.name,
      before: { issuer: before.issuer, enabled: before.enabled, domains: before.domains.map((d) => d.domain), enforced: before.domains.filter((d) => d.enforceSso).map((d) => d.domain) },
      after: { issuer: input.issuer, enabled: input.enabled, domains: input.domains, enforced: input.enforcedDomains, secretReplaced: !!input.clientSecret },
    });
  });
  forgetDiscovery(input.connectionId);
  refresh(PATH);
  return { ok: true };
});

/** Removes a connection: its domains sign in with passwords again; its people keep their accounts, unbound. */
export const deleteAuthConnection = authorizedAction({ input: connectionIdInput, permission: "authentication.manage" }, async ({ viewer, input }) => {
  await withViewer(viewer, async (tx) => {
    const c = await tx.authConnection.findFirst({ where: { workspaceId: viewer.workspaceId, id: input.connectionId }, select: { id: true, name: true } });
    if (!c) throw new NotFoundError();
    await tx.membership.updateMany({ where: { workspaceId: viewer.workspaceId, connectionId: c.id }, data: { connectionId: null } });
    await tx.group.updateMany({ where: { workspaceId: viewer.workspaceId, connectionId: c.id }, data: { connectionId: null } });
    await tx.authConnection.delete({ where: { id: c.id } });
    await recordAudit(tx, viewer, { action: "auth_connection.deleted", targetType: "auth_connection", targetId: c.id, targetName: c.name });
  });
  forgetDiscovery(input.connectionId);
  refresh(PATH);
  return { ok: true };
});

/** A new SCIM bearer token for the connection, shown once; the previous one stops working at once. */
export const rotateScimToken = authorizedAction({ input: connectionIdInput, permission: "authentication.manage" }, async ({ viewer, input }) => {
  const { token, hash } = newScimToken();
  await withViewer(viewer, async (tx) => {
    const c = await tx.authConnection.findFirst({ where: { workspaceId: viewer.workspaceId, id: input.connectionId }, select: { id: true, name: true, scimTokenHash: true } });
    if (!c) throw new NotFoundError();
    await tx.authConnection.update({ where: { id: c.id }, data: { scimTokenHash: hash } });
    await recordAudit(tx, viewer, { action: c.scimTokenHash ? "auth_connection.scim_token_rotated" : "auth_connection.scim_token_created", targetType: "auth_connection", targetId: c.id, targetName: c.name });
  });
  refresh(PATH);
  return { token };
});
