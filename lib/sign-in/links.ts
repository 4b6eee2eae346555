import "server-only";
import crypto from "node:crypto";
import nodemailer from "nodemailer";
import { ownerDb } from "@/lib/db/owner";
import { appBaseUrl } from "@/lib/members/tokens";
import { passwordRefused } from "@/lib/sso/routing";
import { sha256 } from "@/lib/sso/tokens";
import { recordSignInFailure, signInWait } from "@/lib/auth/rate-limit";

/**
 * Throttles link requests like sign-in (the same limits and table), under keys of their own so that asking for
 * links never locks a password out: every request counts. Returns the seconds to wait (0: go ahead).
 */
export async function linkRequestWait(email: string, address: string): Promise<number> {
  const prisma = await ownerDb("sign-in-links");
  const wait = await signInWait(prisma, `link:${email}`, `link:${address}`);
  if (wait > 0) return wait;
  await recordSignInFailure(prisma, `link:${email}`, `link:${address}`);
  return 0;
}

/** The cookie binding a link to the browser that asked for it: a random nonce whose SHA-256 the link row keeps. */
export const LINK_COOKIE = "enclave-sign-in-link";
export const LINK_TTL_MS = 15 * 60_000;
export const LINK_SENT = "If this address can sign in with a link, one is on its way. It works once, for 15 minutes, in this browser.";

export function linksEnabled(): boolean {
  return !!process.env.SMTP_URL;
}

export function newBrowserNonce(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/**
 * Issues a link when the address belongs to an active Guest whose domain does not enforce SSO, and e-mails it.
 * Says nothing either way (the caller answers the same for every address); the mail goes out in the background
 * so the answer takes as long for an unknown address. The link is never logged.
 */
export async function issueSignInLink(email: string, browserNonce: string): Promise<void> {
  if (!linksEnabled() || (await passwordRefused(email))) return;
  const prisma = await ownerDb("sign-in-links");
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, status: true, memberships: { where: { status: "ACTIVE" }, select: { role: true, workspace: { select: { name: true } } }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const membership = user?.memberships[0];
  if (!user || user.status !== "ACTIVE" || membership?.role !== "GUEST") return;
  const token = crypto.randomBytes(32).toString("base64url");
  await prisma.signInLink.create({ data: { userId: user.id, tokenHash: sha256(token), browserHash: sha256(browserNonce), expiresAt: new Date(Date.now() + LINK_TTL_MS) } });
  const link = `${appBaseUrl()}/api/auth/link?token=${token}`;
  void nodemailer
    .createTransport(process.env.SMTP_URL!)
    .sendMail({
      from: process.env.SMTP_FROM ?? "Enclave <no-reply@enclave.local>",
      to: email,
      subject: `Your sign-in link for ${membership.workspace.name}`,
      text: `Use this link to sign in to ${membership.workspace.name} on Enclave. It works once, for 15 minutes, in the browser where you asked for it:\n\n${link}\n\nIf you did not ask for it, ignore this e-mail.\n`,
    })
    .catch((e: Error) => console.error(`[sign-in link] could not e-mail a link: ${e.message}`));
}

export type Consumed = { id: string; sessionVersion: number } | null;

/**
 * Consumes a link: only from the browser that asked (a mail scanner's visit, without the cookie, consumes
 * nothing), only once (the update is conditional), within 15 minutes, for a person still an active Guest.
 */
export async function consumeSignInLink(token: string, browserNonce: string | undefined): Promise<Consumed> {
  if (!browserNonce || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const prisma = await ownerDb("sign-in-links");
  const link = await prisma.signInLink.findUnique({ where: { tokenHash: sha256(token) }, select: { id: true, userId: true, browserHash: true, expiresAt: true, usedAt: true } });
  if (!link || link.usedAt || link.expiresAt.getTime() <= Date.now()) return null;
  const a = Buffer.from(link.browserHash);
  const b = Buffer.from(sha256(browserNonce));
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return null;
  return prisma.$transaction(async (tx) => {
    const used = await tx.signInLink.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (used.count !== 1) return null;
    const user = await tx.user.findUnique({
      where: { id: link.userId },
      select: { id: true, email: true, status: true, sessionVersion: true, memberships: { where: { status: "ACTIVE" }, select: { id: true, role: true, workspaceId: true }, orderBy: { createdAt: "asc" }, take: 1 } },
    });
    const m = user?.memberships[0];
    if (!user || user.status !== "ACTIVE" || m?.role !== "GUEST") return null;
    const now = new Date();
    await tx.user.update({ where: { id: user.id }, data: { lastActiveAt: now } });
    await tx.membership.update({ where: { id: m.id }, data: { lastActiveAt: now } });
    await tx.auditEvent.create({ data: { workspaceId: m.workspaceId, actorId: user.id, actorEmail: user.email, action: "link.used", targetType: "user", targetId: user.id, targetName: user.email } });
    return { id: user.id, sessionVersion: user.sessionVersion };
  });
}
