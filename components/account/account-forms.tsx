"use client";
import { useState } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field, inputClass as input } from "@/components/ui/field";
import { ErrorNote } from "@/components/ui/notes";
import { useAction } from "@/components/ui/use-action";
import { changePassword, renameSelf } from "@/lib/account/actions";

export function RenameForm({ name: initial }: { name: string }) {
  const [name, setName] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const rename = useAction(renameSelf, { success: "Your name was saved.", onSuccess: (data) => setSaved(data.name) });
  const { clear, pending } = rename;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void rename.run({ name });
  };
  return (
    <form onSubmit={submit} className="space-y-3 px-5 py-4">
      <Field label="Name" error={rename.fieldErrors.name}>
        <input className={input} value={name} onChange={(e) => { setName(e.target.value); clear("name"); }} maxLength={120} required autoComplete="name" />
      </Field>
      {rename.error ? <ErrorNote>{rename.error}</ErrorNote> : null}
      <Button type="submit" variant="secondary" disabled={pending || !name.trim() || name.trim() === saved}>{pending ? "Saving…" : "Save name"}</Button>
    </form>
  );
}

export function ChangePasswordForm() {
  const [form, setForm] = useState({ current: "", next: "", repeat: "" });
  const change = useAction(changePassword, {
    success: "Password changed. Signing you out…",
    // Every session of this person ends with the change: this one signs out now, to the sign-in page.
    onSuccess: () => void signOut({ callbackUrl: "/login?notice=password-changed" }),
  });
  const { clear, pending, fieldErrors } = change;
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setForm({ ...form, [k]: e.target.value });
    clear(k);
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void change.run(form);
  };
  return (
    <form onSubmit={submit} className="space-y-3 px-5 py-4">
      <Field label="Current password" error={fieldErrors.current}>
        <input className={input} type="password" value={form.current} onChange={set("current")} autoComplete="current-password" required />
      </Field>
      <Field label="New password" hint="At least 10 characters." error={fieldErrors.next}>
        <input className={input} type="password" value={form.next} onChange={set("next")} autoComplete="new-password" minLength={10} required />
      </Field>
      <Field label="Repeat the new password" error={fieldErrors.repeat}>
        <input className={input} type="password" value={form.repeat} onChange={set("repeat")} autoComplete="new-password" required />
      </Field>
      {change.error ? <ErrorNote>{change.error}</ErrorNote> : null}
      <Button type="submit" disabled={pending || !form.current || !form.next || !form.repeat}>{pending ? "Changing…" : "Change password"}</Button>
    </form>
  );
}
