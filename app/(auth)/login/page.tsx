import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Shield } from "lucide-react";
import { getViewer } from "@/lib/auth/viewer";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const error = typeof sp.error === "string" ? sp.error : undefined;
  // Only known notices are shown: the query string never puts words of its own on this page.
  const notice = sp.notice === "password-changed" ? "Your password was changed and every session was signed out. Sign in with the new password." : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <span className="mb-4 flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-white shadow-sm">
            <Shield className="h-5 w-5" aria-hidden />
          </span>
          <h1 className="text-xl font-semibold tracking-tight">Sign in to Enclave</h1>
          <p className="mt-1 text-sm text-slate-500">Your data catalog, and only what is yours to see.</p>
        </div>
        {notice ? (
          <p role="status" className="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">{notice}</p>
        ) : null}
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm callbackUrl={callbackUrl} initialError={error} />
        </div>
      </div>
    </main>
  );
}
