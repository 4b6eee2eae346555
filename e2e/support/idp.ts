// Identity providers and a mail server of the tests' own, all on this machine: a real OpenID provider
// (oidc-provider), an impostor that serves the real one's discovery document from another address (its issuer
// then mismatches), a provider that tampers with the ID tokens it issues (the signature no longer verifies), and
// an SMTP server (smtp-server) that keeps what it receives.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { SMTPServer } from "smtp-server";

export const IDP_PEOPLE: Record<string, { name: string; groups: string[] }> = {
  "kim@northwind.example": { name: "Kim Tanaka", groups: ["acme-admins", "globex-people"] },
  "lea@acme.example": { name: "Lea Fischer", groups: ["data-engineers", "everyone"] },
};

export type Clients = { clientId: string; clientSecret: string }[];

function provider(issuer: string, redirectUri: string, clients: Clients, opts: { idTokenClaims?: boolean } = {}) {
  return new Provider(issuer, {
    clients: clients.map((c) => ({ client_id: c.clientId, client_secret: c.clientSecret, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] })),
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    conformIdTokenClaims: !opts.idTokenClaims,
    cookies: { keys: ["enclave-e2e-idp-cookie-key"] },
    async findAccount(_ctx, id) {
      const person = IDP_PEOPLE[id] ?? { name: id.split("@")[0], groups: [] };
      return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true, name: person.name, groups: person.groups }) };
    },
  });
}

function listen(server: http.Server, port: number): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/**
 * Rewrites the ID token's e-mail to someone else of the same domain, keeping the signature: every other check
 * (issuer, audience, nonce, domain) still passes, so only the signature check stands between it and a session.
 */
function tamper(jwt: string): string {
  const [h, p, s] = jwt.split(".");
  const payload = JSON.parse(Buffer.from(p, "base64url").toString());
  payload.email = `admin@${String(payload.email).split("@")[1]}`;
  return [h, Buffer.from(JSON.stringify(payload)).toString("base64url"), s].join(".");
}

export type TestIdps = { issuer: string; impostor: string; tampering: string; close(): Promise<void> };

export async function startIdps(basePort: number, appUrl: string, clients: Clients): Promise<TestIdps> {
  const issuer = `http://localhost:${basePort + 5}`;
  const impostor = `http://localhost:${basePort + 6}`;
  const tampering = `http://localhost:${basePort + 7}`;
  const redirectUri = `${appUrl}/api/auth/oidc/callback`;

  const real = provider(issuer, redirectUri, clients);
  const realServer = await listen(http.createServer(real.callback()), basePort + 5);

  // Everything proxied to the real provider: the discovery document it returns names the real issuer, not this one.
  const impostorServer = await listen(
    http.createServer((req, res) => {
      const up = http.request({ host: "127.0.0.1", port: basePort + 5, path: req.url, method: req.method, headers: { ...req.headers, host: `localhost:${basePort + 5}` } }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      req.pipe(up);
    }),
    basePort + 6,
  );

  const bad = provider(tampering, redirectUri, clients, { idTokenClaims: true });
  bad.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && body && typeof body === "object" && body.id_token) ctx.body = { ...body, id_token: tamper(body.id_token) };
  });
  const badServer = await listen(http.createServer(bad.callback()), basePort + 7);

  const close = (s: http.Server) => new Promise<void>((r) => { s.closeAllConnections?.(); s.close(() => r()); });
  return { issuer, impostor, tampering, close: async () => void (await Promise.all([realServer, impostorServer, badServer].map(close))) };
}

export type Mail = { to: string[]; raw: string };

/** An SMTP server on 127.0.0.1 that accepts anything (no TLS, no auth) and keeps each message. */
export async function startSmtp(port: number): Promise<{ mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export function portOf(server: http.Server): number {
  return (server.address() as AddressInfo).port;
}
