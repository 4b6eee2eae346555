import "server-only";
import { ownerDb } from "@/lib/db/owner";
import { domainOf } from "./schemas";

export type DomainRoute = { connectionId: string; workspaceId: string; enforceSso: boolean };

/**
 * Where the sign-in page sends an address: the enabled connection its domain is routed to, if any. Read as the
 * system (the visitor has no viewer yet); it says only what the address's own domain does.
 */
export async function routeFor(email: string): Promise<DomainRoute | null> {
  const domain = domainOf(email);
  if (!domain) return null;
  const prisma = await ownerDb("sso-routing");
  const row = await prisma.authDomain.findUnique({
    where: { domain },
    select: { connectionId: true, workspaceId: true, enforceSso: true, connection: { select: { enabled: true } } },
  });
  if (!row || !row.connection.enabled) return null;
  return { connectionId: row.connectionId, workspaceId: row.workspaceId, enforceSso: row.enforceSso };
}

/** Whether the address's domain refuses passwords ("Enforce SSO"); the password sign-in checks it on the server. */
export async function passwordRefused(email: string): Promise<boolean> {
  return (await routeFor(email))?.enforceSso ?? false;
}

/** The connection a domain already belongs to (for the admin's form: one connection per domain anywhere). */
export async function domainOwner(domain: string): Promise<string | null> {
  const prisma = await ownerDb("sso-routing");
  return (await prisma.authDomain.findUnique({ where: { domain }, select: { connectionId: true } }))?.connectionId ?? null;
}
