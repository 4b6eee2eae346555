import "server-only";
import * as oidc from "openid-client";
import { ownerDb } from "@/lib/db/owner";
import { decryptSecret } from "@/lib/integrations/crypto";
import { authSecret } from "@/lib/auth/secret";
import { appBaseUrl } from "@/lib/members/tokens";
import { openValue, sealValue, sha256 } from "./tokens";
import { issuerAllowed } from "./schemas";

/** The cookie that carries the flow's state, nonce and PKCE verifier from /start to /callback (10 minutes). */
export const OIDC_COOKIE = "enclave-oidc";
const FLOW_TTL_MS = 10 * 60_000;
const PURPOSE = "oidc-flow";

export type Flow = { c: string; state: string; nonce: string; verifier: string; back: string; exp: number };

export function redirectUri(): string {
  return `${appBaseUrl()}/api/auth/oidc/callback`;
}

type Cached = { key: string; config: oidc.Configuration; at: number };
const g = globalThis as unknown as { __enclaveOidc?: Map<string, Cached> };
const cache = (g.__enclaveOidc ??= new Map());

/** Drops a connection's cached discovery (its issuer, client or secret changed). */
export function forgetDiscovery(connectionId: string): void {
  cache.delete(connectionId);
}

/**
 * The provider's configuration from its discovery document. openid-client checks that the document's issuer is
 * exactly the configured one (a mismatched issuer fails here) and, with non-repudiation checks on, verifies the
 * ID token's signature against the provider's JWKS as well as its iss, aud, exp and nonce.
 */
export async function providerConfig(connectionId: string): Promise<{ config: oidc.Configuration; connection: { id: string; workspaceId: string; name: string; groupsClaim: string; issuer: string } } | null> {
  const prisma = await ownerDb("sso-discovery");
  const c = await prisma.authConnection.findUnique({ where: { id: connectionId }, select: { id: true, workspaceId: true, name: true, issuer: true, clientId: true, clientSecret: true, groupsClaim: true, enabled: true } });
  if (!c || !c.enabled || !issuerAllowed(c.issuer)) return null;
  const key = sha256(`${c.issuer}\n${c.clientId}\n${c.clientSecret}`);
  const hit = cache.get(c.id);
  if (hit && hit.key === key && Date.now() - hit.at < 10 * 60_000) return { config: hit.config, connection: c };
  const insecure = new URL(c.issuer).protocol === "http:";
  const config = await oidc.discovery(new URL(c.issuer), c.clientId, { client_secret: decryptSecret(c.clientSecret), id_token_signed_response_alg: "RS256" }, undefined, {
    execute: insecure ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] : [oidc.enableNonRepudiationChecks],
    timeout: 10,
  });
  cache.set(c.id, { key, config, at: Date.now() });
  return { config, connection: c };
}

/** The provider's authorization URL for a connection, and the sealed flow for the cookie. */
export async function startFlow(connectionId: string, back: string, loginHint: string): Promise<{ url: URL; sealed: string } | null> {
  const p = await providerConfig(connectionId);
  if (!p) return null;
  const verifier = oidc.randomPKCECodeVerifier();
  const flow: Flow = { c: connectionId, state: oidc.randomState(), nonce: oidc.randomNonce(), verifier, back, exp: Date.now() + FLOW_TTL_MS };
  const url = oidc.buildAuthorizationUrl(p.config, {
    redirect_uri: redirectUri(),
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
    login_hint: loginHint,
  });
  return { url, sealed: sealValue(flow, authSecret(), PURPOSE) };
}

export function openFlow(raw: string | undefined): Flow | null {
  return openValue<Flow>(raw, authSecret(), PURPOSE);
}

export type Claims = { email: string; emailVerified: unknown; name?: string; groups: string[]; subject: string };

function stringList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string").slice(0, 500);
  if (typeof v === "string") return [v];
  return [];
}

/**
 * Completes the flow: exchanges the code with the PKCE verifier, checks state and nonce, verifies the ID token,
 * and reads the person's e-mail, name and groups (from the ID token, else from userinfo). Throws on anything amiss.
 */
export async function finishFlow(flow: Flow, currentUrl: URL): Promise<{ connectionId: string; claims: Claims }> {
  const p = await providerConfig(flow.c);
  if (!p) throw new Error("connection unavailable");
  const tokens = await oidc.authorizationCodeGrant(p.config, currentUrl, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
  const id = tokens.claims();
  if (!id || id.iss !== p.connection.issuer) throw new Error("issuer mismatch");
  let source: Record<string, unknown> = id;
  if (typeof id.email !== "string") source = { ...(await oidc.fetchUserInfo(p.config, tokens.access_token, id.sub)), ...id };
  const claim = p.connection.groupsClaim;
  let groups = stringList(source[claim]);
  if (!groups.length && !(claim in source) && tokens.access_token) {
    const info = await oidc.fetchUserInfo(p.config, tokens.access_token, id.sub).catch(() => null);
    groups = stringList(info?.[claim]);
  }
  const email = typeof source.email === "string" ? source.email : "";
  if (!email) throw new Error("no e-mail claim");
  return {
    connectionId: p.connection.id,
    claims: { email, emailVerified: source.email_verified, name: typeof source.name === "string" ? source.name : undefined, groups, subject: id.sub },
  };
}
