"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createIntegration, testConnectionString } from "@/lib/integrations/actions";
import type { TeamOption } from "@/lib/resources/queries";
import { Button } from "@/components/ui/button";
import { Field, FieldError, inputClass as input } from "@/components/ui/field";
import { ErrorNote } from "@/components/ui/notes";
import { useAction } from "@/components/ui/use-action";

export function AddIntegrationForm({ teams }: { teams: TeamOption[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [cs, setCs] = useState("");
  const [chosen, setChosen] = useState<string[]>(teams.filter((t) => t.isDefault).map((t) => t.id));
  // The test's answer stays in place (it is what the admin is waiting for); a created integration opens its page.
  const [tested, setTested] = useState<string | null>(null);
  const check = useAction(testConnectionString, { onSuccess: (data) => setTested(data.message) });
  const create = useAction(createIntegration, { success: "Integration added", onSuccess: (data) => router.push(`/settings/integrations/${data.id}`) });
  const pending = check.pending || create.pending;
  const fe = create.fieldErrors;
  const changed = (field: string) => {
    create.clear(field);
    check.clear();
    setTested(null);
  };

  const test = () => {
    setTested(null);
    create.clear();
    void check.run({ connectionString: cs });
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTested(null);
    check.clear();
    void create.run({ name, connectionString: cs, teamIds: chosen });
  };

  return (
    <form onSubmit={submit} className="space-y-4 px-5 py-4">
      <div className="grid gap-4 md:grid-cols-[16rem_1fr]">
        <Field label="Name" error={fe.name}>
          <input className={input} value={name} onChange={(e) => { setName(e.target.value); changed("name"); }} placeholder="Production warehouse" maxLength={120} required />
        </Field>
        <Field label="Connection string" hint="Stored encrypted (AES-256-GCM); it is never shown again, only the host and database." error={fe.connectionString ?? check.fieldErrors.connectionString}>
          <input
            className={`${input} font-mono`}
            value={cs}
            onChange={(e) => { setCs(e.target.value); changed("connectionString"); }}
            placeholder="postgres://user:password@host:5432/database"
            autoComplete="off"
            spellCheck={false}
            required
          />
        </Field>
      </div>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">Share with</legend>
        <div className="flex flex-wrap gap-1.5">
          {teams.map((t) => {
            const on = chosen.includes(t.id);
            return (
              <label key={t.id} className={`cursor-pointer rounded-md px-2 py-1 text-xs font-medium ring-1 ring-inset ${on ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-600 ring-slate-300 hover:bg-slate-50"}`}>
                <input type="checkbox" className="sr-only" checked={on} onChange={() => { setChosen(on ? chosen.filter((x) => x !== t.id) : [...chosen, t.id]); create.clear("teamIds"); }} />
                {t.name}
              </label>
            );
          })}
        </div>
        <p className="mt-1 text-xs text-slate-600">{chosen.length ? "Everything the sync finds is visible to these teams." : "No team: only admins will see it until you assign it."}</p>
        <FieldError id="integration-teams-error" error={fe.teamIds} />
      </fieldset>
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={pending}>Add integration</Button>
        <Button type="button" variant="secondary" onClick={test} disabled={pending || !cs}>Test connection</Button>
        {pending ? <span className="text-sm text-slate-500">Working…</span> : null}
      </div>
      {tested ? <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{tested}</p> : null}
      {check.error ? <ErrorNote>{check.error}</ErrorNote> : null}
      {create.error ? <ErrorNote>{create.error}</ErrorNote> : null}
    </form>
  );
}
