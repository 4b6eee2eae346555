"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { acceptInvitation } from "@/lib/invitations/actions";
import { Button } from "@/components/ui/button";

const input = "block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) return setError("The two passwords do not match.");
    setPending(true);
    setError(null);
    const res = await acceptInvitation({ token, name: String(form.get("name") ?? ""), password });
    if (!res.ok) {
      setPending(false);
      return setError(res.error);
    }
    const signed = await signIn("credentials", { email: res.data.email, password, redirect: false, callbackUrl: "/catalog" });
    // A full load on purpose: the new session cookie must reach every server component, not a client cache.
    if (!signed || signed.error) {
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/login?callbackUrl=%2Fcatalog");
      return;
    }
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/catalog");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="invite-email" className="mb-1 block text-sm font-medium text-slate-700">Email</label>
        <input id="invite-email" value={email} readOnly autoComplete="username" className={`${input} bg-slate-50 text-slate-500`} />
      </div>
      <div>
        <label htmlFor="name" className="mb-1 block text-sm font-medium text-slate-700">Your name</label>
        <input id="name" name="name" required maxLength={100} autoComplete="name" autoFocus className={input} />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium text-slate-700">Password</label>
        <input id="password" name="password" type="password" required minLength={10} autoComplete="new-password" className={input} />
        <p className="mt-1 text-xs text-slate-500">At least 10 characters.</p>
      </div>
      <div>
        <label htmlFor="confirm" className="mb-1 block text-sm font-medium text-slate-700">Repeat the password</label>
        <input id="confirm" name="confirm" type="password" required autoComplete="new-password" className={input} />
      </div>
      {error ? <p data-testid="accept-error" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-inset ring-rose-200">{error}</p> : null}
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Setting up…" : "Join the workspace"}</Button>
    </form>
  );
}
