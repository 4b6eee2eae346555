"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { createIntegration, testConnectionString } from "@/lib/integrations/actions";
import type { TeamOption } from "@/lib/resources/queries";
import { Button } from "@/components/ui/button";

const input = "w-full rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

export function AddIntegrationForm({ teams }: { teams: TeamOption[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [cs, setCs] = useState("");
  const [chosen, setChosen] = useState<string[]>(teams.filter((t) => t.isDefault).map((t) => t.id));
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();

  const test = () =>
    start(async () => {
      setStatus(null);
      const res = await testConnectionString({ connectionString: cs });
      setStatus(res.ok ? { tone: "ok", text: res.data.message } : { tone: "error", text: res.error });
    });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setStatus(null);
      const res = await createIntegration({ name, connectionString: cs, teamIds: chosen });
      if (!res.ok) return setStatus({ tone: "error", text: res.error });
      router.push(`/settings/integrations/${res.data.id}`);
    });
  };

  return (
    <form onSubmit={submit} className="space-y-4 px-5 py-4">
      <div className="grid gap-4 md:grid-cols-[16rem_1fr]">
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">Name</span>
          <input className={input} value={name} onChange={(e) => setName(e.target.value)} placeholder="Production warehouse" maxLength={120} required />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">Connection string</span>
          <input
            className={`${input} font-mono`}
            value={cs}
            onChange={(e) => setCs(e.target.value)}
            placeholder="postgres://user:password@host:5432/database"
            autoComplete="off"
            spellCheck={false}
            required
          />
          <span className="mt-1 block text-xs text-slate-500">Stored encrypted (AES-256-GCM); it is never shown again, only the host and database.</span>
        </label>
      </div>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">Share with</legend>
        <div className="flex flex-wrap gap-1.5">
          {teams.map((t) => {
            const on = chosen.includes(t.id);
            return (
              <label key={t.id} className={`cursor-pointer rounded-md px-2 py-1 text-xs font-medium ring-1 ring-inset ${on ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-600 ring-slate-300 hover:bg-slate-50"}`}>
                <input type="checkbox" className="sr-only" checked={on} onChange={() => setChosen(on ? chosen.filter((x) => x !== t.id) : [...chosen, t.id])} />
                {t.name}
              </label>
            );
          })}
        </div>
        <p className="mt-1 text-xs text-slate-500">{chosen.length ? "Everything the sync finds is visible to these teams." : "No team: only admins will see it until you assign it."}</p>
      </fieldset>
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={pending}>Add integration</Button>
        <Button type="button" variant="secondary" onClick={test} disabled={pending || !cs}>Test connection</Button>
        {pending ? <span className="text-sm text-slate-500">Working…</span> : null}
      </div>
      {status ? <p role="status" className={`rounded-lg px-3 py-2 text-sm ${status.tone === "ok" ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800"}`}>{status.text}</p> : null}
    </form>
  );
}
