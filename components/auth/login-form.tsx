"use client";
import { useRef, useState } from "react";
import { signIn } from "next-auth/react";
import { KeyRound, Mail } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { requestSignInLink, signInOptions } from "@/lib/sign-in/actions";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInMessage as messageFor } from "@/lib/auth/sign-in-messages";


type Route = { email: string; sso: boolean; password: boolean };

const field = "block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
const looksLikeEmail = (s: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s.trim());

/**
 * E-mail first: as soon as the address is known, its domain decides. A domain routed to a connection continues
 * with single sign-on ("Enforce SSO" hides the password altogether); every other address signs in with its
 * password, or, where SMTP is configured, asks for a sign-in link.
 */
export function LoginForm({ callbackUrl, initialError, linksEnabled = false }: { callbackUrl: string; initialError?: string; linksEnabled?: boolean }) {
  const [error, setError] = useState<string | null>(messageFor(initialError));
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [route, setRoute] = useState<Route | null>(null);
  const [usePassword, setUsePassword] = useState(false);
  // Uncontrolled (a form filled before hydration keeps its value); `email` only follows it for rendering.
  const [email, setEmail] = useState("");
  const emailRef = useRef<HTMLInputElement>(null);
  // A failed look-up says nothing: the address then signs in with its password, as any unknown domain does.
  const options = useAction(signInOptions, { fields: [] });
  const linking = useAction(requestSignInLink, { fields: [], onSuccess: (d) => setNotice(d.message), onError: setError });

  async function lookup(email: string): Promise<Route | null> {
    const e = email.trim().toLowerCase();
    if (!looksLikeEmail(e)) return null;
    if (route?.email === e) return route;
    const found = await options.run({ email: e });
    const next = found ? { email: e, ...found.data } : null;
    setRoute(next);
    setUsePassword(false);
    return next;
  }

  const current = route && route.email === email.trim().toLowerCase() ? route : null;
  const sso = !!current?.sso && !usePassword;
  const showPassword = !sso && current?.password !== false;

  function startSso(email: string) {
    // A full navigation: the route handler answers with a redirect to the identity provider.
    const start = new URL("/api/auth/oidc/start", window.location.origin);
    start.searchParams.set("email", email);
    start.searchParams.set("callbackUrl", safeCallbackUrl(callbackUrl));
    window.location.assign(start.toString());
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const address = String(form.get("email") ?? "").trim().toLowerCase();
    setEmail(address);
    setPending(true);
    setError(null);
    setNotice(null);
    const r = await lookup(address);
    if (r?.sso && (!usePassword || !r.password)) return startSso(address);
    const res = await signIn("credentials", { email: address, password: String(form.get("password") ?? ""), redirect: false, callbackUrl });
    if (!res || res.error) {
      setPending(false);
      setError(messageFor(res?.error ?? "CredentialsSignin"));
      return;
    }
    // Checked again here: the prop came from the server, but the form is where the navigation happens.
    window.location.assign(safeCallbackUrl(callbackUrl));
  }

  async function sendLink() {
    const email = emailRef.current?.value ?? "";
    setError(null);
    setNotice(null);
    if (!looksLikeEmail(email)) return setError("Enter your e-mail address first.");
    setPending(true);
    await linking.run({ email, callbackUrl });
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium text-slate-700">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus className={field}
          ref={emailRef} onChange={(e) => setEmail(e.currentTarget.value)} onBlur={(e) => void lookup(e.currentTarget.value)} />
      </div>
      {showPassword ? (
        <div>
          <label htmlFor="password" className="mb-1 block text-sm font-medium text-slate-700">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required className={field} />
        </div>
      ) : (
        <p data-testid="sso-note" className="flex items-start gap-2 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-600 ring-1 ring-inset ring-slate-200">
          <KeyRound className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" aria-hidden />
          <span>
            Your organisation signs you in with single sign-on.
            {current?.password ? (
              <>
                {" "}
                <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setUsePassword(true)}>Use a password instead</button>
              </>
            ) : null}
          </span>
        </p>
      )}
      {error ? (
        <p data-testid="login-error" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-inset ring-rose-200">{error}</p>
      ) : null}
      {notice ? (
        <p data-testid="login-notice" role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">{notice}</p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : sso ? "Continue with single sign-on" : "Sign in"}
      </Button>
      {linksEnabled && !sso ? (
        <div className="border-t border-slate-100 pt-4">
          <Button type="button" variant="secondary" className="w-full" disabled={pending} onClick={() => void sendLink()}>
            <Mail className="h-4 w-4" aria-hidden /> Email me a sign-in link
          </Button>
          <p className="mt-1.5 text-center text-xs text-slate-500">For guests of a client team, without a password.</p>
        </div>
      ) : null}
    </form>
  );
}
