import type { Metadata } from "next";
import Link from "next/link";
import { Shield } from "lucide-react";
import { getInvitationByToken, INVITATION_MESSAGES } from "@/lib/invitations/queries";
import { AcceptInvitationForm } from "@/components/members/accept-form";

export const metadata: Metadata = { title: "Accept your invitation", robots: { index: false } };
export const dynamic = "force-dynamic";

// Public: the invitee has no session yet. The random single-use token in the URL is the only key.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const inv = await getInvitationByToken(token);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <span className="mb-4 flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-white shadow-sm">
            <Shield className="h-5 w-5" aria-hidden />
          </span>
          <h1 className="text-xl font-semibold tracking-tight">{inv.state === "valid" ? `Join ${inv.workspaceName}` : "This link cannot be used"}</h1>
          <p className="mt-1 text-sm text-slate-500">
            {inv.state === "valid" ? <>You were invited as <span className="font-medium text-slate-700">{inv.email}</span>. Choose your name and a password.</> : "Enclave invitation"}
          </p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          {inv.state === "valid" ? (
            <AcceptInvitationForm token={token} email={inv.email!} />
          ) : (
            <div className="space-y-4 text-sm">
              <p data-testid="invite-problem" className="text-slate-700">{INVITATION_MESSAGES[inv.state]}</p>
              <Link href="/login" className="inline-block font-medium text-brand-600 hover:text-brand-700">Go to sign in</Link>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
