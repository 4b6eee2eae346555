import "server-only";
import nodemailer from "nodemailer";

/**
 * "emailed": the link went to the invitee only. "failed": SMTP is set but the message could not be sent (the admin
 * makes a new link later). "shown": no SMTP, so the link is handed to the inviter once, to pass on.
 */
export type Delivery = "emailed" | "failed" | "shown";

/** Whether invitation links go out by e-mail (SMTP_URL set): then the inviter never sees them. */
export function mailConfigured(): boolean {
  return !!process.env.SMTP_URL;
}

/**
 * Sends an invitation link when SMTP_URL is configured (smtp://user:pass@host:587 or smtps://…). The link is a
 * credential (whoever holds it sets the invitee's password), so it is never logged, and with SMTP set it never
 * reaches the inviter either, even when sending fails; without SMTP the caller returns it to the inviter, once.
 */
export async function deliverInvitation(to: { email: string; workspaceName: string; inviterName: string }, link: string): Promise<Delivery> {
  const url = process.env.SMTP_URL;
  if (!url) return "shown";
  try {
    const transport = nodemailer.createTransport(url);
    await transport.sendMail({
      from: process.env.SMTP_FROM ?? "Enclave <no-reply@enclave.local>",
      to: to.email,
      subject: `${to.inviterName} invited you to ${to.workspaceName} on Enclave`,
      text: `${to.inviterName} invited you to the ${to.workspaceName} workspace on Enclave.\n\nSet your name and password here (the link works once and expires in 7 days):\n${link}\n`,
    });
    return "emailed";
  } catch (e) {
    // The reason, never the link.
    console.error(`[invite] could not e-mail an invitation: ${(e as Error).message}`);
    return "failed";
  }
}
