import { z } from "zod";

/** An e-mail domain as routed by the sign-in page: lower-case labels, at least one dot, no wildcard. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Enter a domain such as example.com (no @, no wildcard).");

/** https only, except a provider on this machine (development and the end-to-end tests). */
export function issuerAllowed(raw: string): boolean {
  try {
    const u = new URL(raw);
    if (u.search || u.hash || u.username || u.password) return false;
    if (u.protocol === "https:") return true;
    return u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname);
  } catch {
    return false;
  }
}

const issuer = z
  .string()
  .trim()
  .max(500)
  .refine(issuerAllowed, "The issuer must be an https:// URL (http:// only for localhost), without query or fragment.");

const groupMapEntry = z.object({
  claim: z.string().trim().min(1, "A group mapping needs the claim's value.").max(200),
  groupId: z.uuid("Choose an Enclave group."),
});

const fields = {
  name: z.string().trim().min(1, "Give the connection a name.").max(120),
  issuer,
  clientId: z.string().trim().min(1, "Enter the client id.").max(300),
  domains: z.array(domainSchema).min(1, "Route at least one e-mail domain to the connection.").max(20, "At most 20 domains."),
  /** The domains (among `domains`) whose people may not use a password. */
  enforcedDomains: z.array(domainSchema).max(20).default([]),
  kind: z.enum(["company", "client"]),
  teamId: z.uuid().optional(),
  defaultRole: z.enum(["EDITOR", "VIEWER"]).default("VIEWER"),
  groupsClaim: z.string().trim().regex(/^[A-Za-z0-9_:./-]{1,100}$/, "The groups claim is a claim name such as groups.").default("groups"),
  groupMap: z.array(groupMapEntry).max(100).default([]),
};

function consistent<T extends { domains: string[]; enforcedDomains: string[]; kind: string; teamId?: string }>(v: T, ctx: z.RefinementCtx) {
  if (new Set(v.domains).size !== v.domains.length) ctx.addIssue({ code: "custom", path: ["domains"], message: "A domain is listed twice." });
  if (v.enforcedDomains.some((d) => !v.domains.includes(d))) ctx.addIssue({ code: "custom", path: ["enforcedDomains"], message: "Enforce SSO only on the connection's own domains." });
  if (v.kind === "client" && !v.teamId) ctx.addIssue({ code: "custom", path: ["teamId"], message: "A client connection is bound to one client team: choose it." });
}

export const createConnectionInput = z
  .object({ ...fields, clientSecret: z.string().min(1, "Enter the client secret.").max(2000) })
  .superRefine(consistent);

export const updateConnectionInput = z
  .object({ ...fields, connectionId: z.uuid(), clientSecret: z.string().max(2000).optional(), enabled: z.boolean().default(true) })
  .superRefine(consistent);

export const connectionIdInput = z.object({ connectionId: z.uuid() });

export const emailInput = z.object({ email: z.string().trim().toLowerCase().email("Enter your e-mail address.").max(320) });

export const linkRequestInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter your e-mail address.").max(320),
  callbackUrl: z.string().max(2000).optional(),
});

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}
