import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { ownerDb } from "@/lib/db/owner";
import { clearSignInFailures, recordSignInFailure, signInBlocked } from "./rate-limit";
import { authSecret } from "./secret";
import { passwordRefused } from "@/lib/sso/routing";

const credentials = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

// Compared against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = bcrypt.hashSync("enclave-timing-equaliser", 10);

export const RATE_LIMITED_PREFIX = "Too many sign-in attempts";

function clientAddress(req: { headers?: Record<string, unknown> } | undefined): string {
  const h = req?.headers ?? {};
  const fwd = String(h["x-forwarded-for"] ?? "").split(",")[0]?.trim();
  return fwd || String(h["x-real-ip"] ?? "local");
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentials.safeParse(raw ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const address = clientAddress(req as never);
        const limit = signInBlocked(email, address);
        if (limit.blocked) {
          throw new Error(`${RATE_LIMITED_PREFIX}. Try again in ${Math.ceil(limit.retryAfterS / 60)} minute(s).`);
        }
        // "Enforce SSO": the address's domain signs in through its connection only; the password is not even tried.
        if (await passwordRefused(email)) return null;
        // Sign-in resolves identity, so it reads as the system, before any viewer exists.
        const prisma = await ownerDb("sign-in");
        const user = await prisma.user.findUnique({
          where: { email },
          select: { id: true, passwordHash: true, status: true, sessionVersion: true, memberships: { select: { id: true }, take: 1 } },
        });
        const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !ok || user.status !== "ACTIVE" || user.memberships.length === 0) {
          recordSignInFailure(email, address);
          return null;
        }
        clearSignInFailures(email);
        await prisma.user.update({ where: { id: user.id }, data: { lastActiveAt: new Date() } });
        return { id: user.id, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries the user id and the session version, nothing else: all the rest is read per request.
    async jwt({ token, user }) {
      if (user) {
        return { sub: user.id, sv: (user as { sessionVersion?: number }).sessionVersion ?? 0 };
      }
      return { sub: token.sub, sv: token.sv, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    async session({ session }) {
      return { expires: session.expires };
    },
    async redirect({ url, baseUrl }) {
      if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === baseUrl) return url;
      } catch {
        /* not a URL */
      }
      return `${baseUrl}/catalog`;
    },
  },
};
