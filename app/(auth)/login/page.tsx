import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { LoginForm } from "@/components/auth/login-form";
import { AuthShell } from "@/components/auth/auth-shell";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { linksEnabled } from "@/lib/sign-in/links";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const error = typeof sp.error === "string" ? sp.error : undefined;
  // Only known notices are shown: the query string never puts words of its own on this page.
  const notice = sp.notice === "password-changed" ? "Your password was changed and every session was signed out. Sign in with the new password." : undefined;
  return (
    <AuthShell
      title="Sign in to Enclave"
      subtitle="Your data catalog, and only what is yours to see."
      notice={notice ? <p role="status" className="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">{notice}</p> : null}
    >
      <LoginForm callbackUrl={callbackUrl} initialError={error} linksEnabled={linksEnabled()} />
    </AuthShell>
  );
}
