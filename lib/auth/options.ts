import "server-only";
import crypto from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { ownerDb } from "@/lib/db/owner";
import { clearSignInFailures, recordSignInFailure, signInWait } from "./rate-limit";
import { requestClientAddress } from "@/lib/net/client-address";
import { authSecret } from "./secret";
import { sameOriginPath } from "./callback-url";
import { rateLimitedError } from "./sign-in-messages";
import { passwordRefused } from "@/lib/sso/routing";

const credentials = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
  // The workspace to land in (the invitation just accepted): a preference only, honoured while active there.
  workspace: z.string().uuid().optional().catch(undefined),
});

// Compared against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = bcrypt.hashSync("enclave-timing-equaliser", 10);

function clientAddress(req: { headers?: Record<string, unknown> } | undefined): string {
  return requestClientAddress(req?.headers);
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, workspace: { label: "Workspace", type: "text" } },
      async authorize(raw, req) {
        const parsed = credentials.safeParse(raw ?? {});
        if (!parsed.success) return null;
        const { email, password, workspace } = parsed.data;
        const address = clientAddress(req as never);
        // "Enforce SSO": the address's domain signs in through its connection only; the password is not even tried.
        if (await passwordRefused(email)) return null;
        // Sign-in resolves identity, so it reads as the system, before any viewer exists.
        const prisma = await ownerDb("sign-in");
        const wait = await signInWait(prisma, email, address);
        if (wait > 0) {
          // A code, not a sentence: the sign-in page says it in words of its own (lib/auth/sign-in-messages.ts).
          throw new Error(rateLimitedError(wait));
        }
        const user = await prisma.user.findUnique({
          where: { email },
          select: { id: true, passwordHash: true, status: true, sessionVersion: true, memberships: { where: { status: "ACTIVE" }, select: { id: true, workspaceId: true }, orderBy: { createdAt: "asc" } } },
        });
        const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !ok || user.status !== "ACTIVE" || user.memberships.length === 0) {
          await recordSignInFailure(prisma, email, address);
          return null;
        }
        await clearSignInFailures(prisma, email, address);
        // Activity is counted where the session lands (the workspace asked for, else the first active membership).
        const now = new Date();
        await prisma.user.update({ where: { id: user.id }, data: { lastActiveAt: now } });
        const landing = user.memberships.find((m) => m.workspaceId === workspace) ?? user.memberships[0]!;
        await prisma.membership.update({ where: { id: landing.id }, data: { lastActiveAt: now } });
        return { id: user.id, sessionVersion: user.sessionVersion, workspaceId: landing.workspaceId };
      },
    }),
  ],
  callbacks: {
    // The token carries the user id, the session version and a per-sign-in id, nothing else: all the rest is read
    // per request.
    async jwt({ token, user }) {
      if (user) {
        const ws = (user as { workspaceId?: string }).workspaceId;
        return { sub: user.id, sv: (user as { sessionVersion?: number }).sessionVersion ?? 0, sid: crypto.randomUUID(), ...(ws ? { ws } : {}) };
      }
      // ws: the chosen workspace (lib/workspaces), a preference that resolve-viewer re-checks at every request.
      return { sub: token.sub, sv: token.sv, sid: token.sid, ...(token.ws ? { ws: token.ws } : {}), iat: token.iat, exp: token.exp, jti: token.jti };
    },
    async session({ session }) {
      return { expires: session.expires };
    },
    async redirect({ url, baseUrl }) {
      // Sign-out goes to /login, sign-in to a callback: either way only a checked path of this site.
      let path: string | null = null;
      if (url.startsWith("/")) path = sameOriginPath(url);
      else {
        try {
          const u = new URL(url);
          if (u.origin === new URL(baseUrl).origin) path = sameOriginPath(u.pathname + u.search + u.hash);
        } catch {
          /* not a URL */
        }
      }
      return `${baseUrl}${path ?? "/catalog"}`;
    },
  },
};
