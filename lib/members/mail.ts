import "server-only";
import nodemailer from "nodemailer";

export type Delivery = "emailed" | "shown";

/**
 * Sends an invitation link when SMTP_URL is configured (smtp://user:pass@host:587 or smtps://…); otherwise
 * logs it to the server console so the admin can hand it over. A mail failure is logged, never an error:
 * the invitation exists and the link is shown to the admin either way.
 */
export async function deliverInvitation(to: { email: string; workspaceName: string; inviterName: string }, link: string): Promise<Delivery> {
  const url = process.env.SMTP_URL;
  if (!url) {
    console.log(`[invite] ${to.email}: ${link}`);
    return "shown";
  }
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
    console.error(`[invite] could not e-mail ${to.email}: ${(e as Error).message}; link: ${link}`);
    return "shown";
  }
}
