"use client";
import { useState, useTransition } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { changePassword, renameSelf } from "@/lib/account/actions";

import { inputClass as input } from "@/components/ui/field";

type Message = { tone: "ok" | "error"; text: string } | null;

function Status({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p role="status" className={`rounded-lg px-3 py-2 text-sm ${message.tone === "ok" ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800"}`}>
      {message.text}
    </p>
  );
}

export function RenameForm({ name: initial }: { name: string }) {
  const [name, setName] = useState(initial);
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res = await renameSelf({ name });
      setMessage(res.ok ? { tone: "ok", text: "Your name was saved." } : { tone: "error", text: res.error });
    });
  };
  return (
    <form onSubmit={submit} className="space-y-3 px-5 py-4">
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Name</span>
        <input className={input} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required autoComplete="name" />
      </label>
      <Status message={message} />
      <Button type="submit" variant="secondary" disabled={pending || !name.trim() || name === initial}>Save name</Button>
    </form>
  );
}

export function ChangePasswordForm() {
  const [form, setForm] = useState({ current: "", next: "", repeat: "" });
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res = await changePassword(form);
      if (!res.ok) return setMessage({ tone: "error", text: res.error });
      setMessage({ tone: "ok", text: "Password changed. Signing you out…" });
      await signOut({ callbackUrl: "/login?notice=password-changed" });
    });
  };
  return (
    <form onSubmit={submit} className="space-y-3 px-5 py-4">
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Current password</span>
        <input className={input} type="password" value={form.current} onChange={set("current")} autoComplete="current-password" required />
      </label>
      <div>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">New password</span>
          <input className={input} type="password" value={form.next} onChange={set("next")} autoComplete="new-password" minLength={10} required aria-describedby="new-password-hint" />
        </label>
        <p id="new-password-hint" className="mt-1 text-xs text-slate-600">At least 10 characters.</p>
      </div>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Repeat the new password</span>
        <input className={input} type="password" value={form.repeat} onChange={set("repeat")} autoComplete="new-password" required />
      </label>
      <Status message={message} />
      <Button type="submit" disabled={pending || !form.current || !form.next || !form.repeat}>{pending ? "Changing…" : "Change password"}</Button>
    </form>
  );
}
