import type { Metadata } from "next";
import Link from "next/link";
import { getInvitationByToken, INVITATION_MESSAGES } from "@/lib/invitations/queries";
import { AcceptInvitationForm } from "@/components/members/accept-form";
import { AuthShell } from "@/components/auth/auth-shell";

export const metadata: Metadata = { title: "Accept your invitation", robots: { index: false } };
export const dynamic = "force-dynamic";

// Public: the invitee has no session yet. The random single-use token in the URL is the only key.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const inv = await getInvitationByToken(token);
  return (
    <AuthShell
      title={inv.state === "valid" ? `Join ${inv.workspaceName}` : "This link cannot be used"}
      subtitle={inv.state === "valid" ? <>You were invited as <span className="font-medium text-slate-700">{inv.email}</span>. Give your name and a password.</> : "Enclave invitation"}
    >
      {inv.state === "valid" ? (
        <AcceptInvitationForm token={token} email={inv.email!} />
      ) : (
        <div className="space-y-4 text-sm">
          <p data-testid="invite-problem" className="text-slate-700">{INVITATION_MESSAGES[inv.state]}</p>
          <Link href="/login" className="inline-block font-medium text-brand-700 hover:text-brand-700">Go to sign in</Link>
        </div>
      )}
    </AuthShell>
  );
}
