"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { acceptInvitation } from "@/lib/invitations/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass as input } from "@/components/ui/field";
import { ErrorNote } from "@/components/ui/notes";
import { useAction } from "@/components/ui/use-action";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [form, setForm] = useState({ name: "", password: "", confirm: "" });
  const [mismatch, setMismatch] = useState(false);
  const [signingIn, setSigningIn] = useState(false);
  const accept = useAction(acceptInvitation, {
    onSuccess: async (data) => {
      setSigningIn(true);
      // Into the workspace just joined (a person may belong to several).
      const signed = await signIn("credentials", { email: data.email, password: form.password, workspace: data.workspaceId, redirect: false, callbackUrl: "/catalog" });
      // A full load on purpose: the new session cookie must reach every server component, not a client cache.
      window.location.assign(!signed || signed.error ? "/login?callbackUrl=%2Fcatalog" : "/catalog");
    },
  });
  const { clear, fieldErrors } = accept;
  const pending = accept.pending || signingIn;
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setForm({ ...form, [k]: e.target.value });
    if (k === "confirm" || k === "password") setMismatch(false);
    clear(k);
  };

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (form.password !== form.confirm) return setMismatch(true);
    void accept.run({ token, name: form.name, password: form.password });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label="Email">
        <input id="invite-email" value={email} readOnly autoComplete="username" className={`${input} bg-slate-50 text-slate-600`} />
      </Field>
      <Field label="Your name" error={fieldErrors.name}>
        <input id="name" name="name" value={form.name} onChange={set("name")} required maxLength={100} autoComplete="name" autoFocus className={input} />
      </Field>
      <Field label="Password" hint="At least 10 characters. If you already have an Enclave account, enter its password." error={fieldErrors.password}>
        <input id="password" name="password" type="password" value={form.password} onChange={set("password")} required minLength={10} autoComplete="new-password" className={input} />
      </Field>
      <Field label="Repeat the password" error={mismatch ? "The two passwords do not match." : null}>
        <input id="confirm" name="confirm" type="password" value={form.confirm} onChange={set("confirm")} required autoComplete="new-password" className={input} />
      </Field>
      {accept.error ? <ErrorNote>{accept.error}</ErrorNote> : null}
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Setting up…" : "Join the workspace"}</Button>
    </form>
  );
}
