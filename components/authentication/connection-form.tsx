"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus, Trash2 } from "lucide-react";
import { createAuthConnection, updateAuthConnection } from "@/lib/sso/actions";
import type { ConnectionSummary } from "@/lib/sso/queries";
import { Button } from "@/components/ui/button";
import { Field, inputClass as input } from "@/components/ui/field";
import { ErrorNote } from "@/components/ui/notes";
import { useAction, type ActionResult } from "@/components/ui/use-action";

export type ConnectionOptions = { clientTeams: { id: string; name: string }[]; groups: { id: string; name: string }[] };

function splitDomains(s: string): string[] {
  return [...new Set(s.split(/[\s,;]+/).map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))];
}

// The fields that show their own error; any other field's error (a group mapping) is said under the form.
const FIELDS = ["name", "teamId", "defaultRole", "issuer", "clientId", "clientSecret", "domains", "groupsClaim"];

/** Adds a connection, or (with `connection`) edits one; the secret is write-only. */
export function ConnectionForm({ options, connection, onDone }: { options: ConnectionOptions; connection?: ConnectionSummary; onDone?: () => void }) {
  const router = useRouter();
  const [name, setName] = useState(connection?.name ?? "");
  const [kind, setKind] = useState<"company" | "client">(connection?.kind ?? "client");
  const [issuer, setIssuer] = useState(connection?.issuer ?? "");
  const [clientId, setClientId] = useState(connection?.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [domainText, setDomainText] = useState(connection?.domains.map((d) => d.domain).join(", ") ?? "");
  const [enforced, setEnforced] = useState<string[]>(connection?.domains.filter((d) => d.enforceSso).map((d) => d.domain) ?? []);
  const [teamId, setTeamId] = useState(connection?.team?.id ?? options.clientTeams[0]?.id ?? "");
  const [defaultRole, setDefaultRole] = useState<"EDITOR" | "VIEWER">(connection?.defaultRole === "EDITOR" ? "EDITOR" : "VIEWER");
  const [groupsClaim, setGroupsClaim] = useState(connection?.groupsClaim ?? "groups");
  const [groupMap, setGroupMap] = useState<{ claim: string; groupId: string }[]>(connection?.groupMap.map(({ claim, groupId }) => ({ claim, groupId })) ?? []);
  const [enabled, setEnabled] = useState(connection?.enabled ?? true);
  const [saved, setSaved] = useState<string | null>(null);
  const domains = splitDomains(domainText);
  const save = useAction(
    async (common: Omit<Parameters<typeof createAuthConnection>[0], "clientSecret">): Promise<ActionResult<unknown>> =>
      connection
        ? await updateAuthConnection({ ...common, connectionId: connection.id, clientSecret: clientSecret || undefined, enabled })
        : await createAuthConnection({ ...common, clientSecret }),
    {
      onSuccess: () => {
        if (!connection) {
          setName(""); setIssuer(""); setClientId(""); setClientSecret(""); setDomainText(""); setEnforced([]); setGroupMap([]);
        }
        setSaved(connection ? "Saved." : "Connection added.");
        router.refresh();
        onDone?.();
      },
    },
  );
  const { pending, fieldErrors: fe, clear } = save;
  const otherErrors = Object.entries(fe).filter(([k]) => !FIELDS.includes(k) && k !== "_form").map(([, v]) => v);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(null);
    void save.run({
      name, kind, issuer, clientId, domains, enforcedDomains: enforced.filter((d) => domains.includes(d)),
      teamId: kind === "client" ? teamId || undefined : undefined, defaultRole, groupsClaim,
      groupMap: kind === "company" ? groupMap.filter((g) => g.claim.trim() || g.groupId) : [],
    });
  };

  return (
    // A change to a named field clears that field's error (every field's name is its input key).
    <form onSubmit={submit} onChange={(e) => { setSaved(null); clear((e.target as unknown as HTMLInputElement).name || undefined); }} className="space-y-4 px-5 py-4" aria-label={connection ? `Edit ${connection.name}` : "Add connection"}>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-700">Kind</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {([
            ["client", "Client connection", "Bound to one client team: everyone is a Guest of that team and nothing else."],
            ["company", "Company connection", "Your own people: a default role, and groups from a claim."],
          ] as const).map(([value, label, hint]) => (
            <label key={value} className={`flex cursor-pointer gap-2 rounded-lg p-3 text-sm ring-1 ring-inset ${kind === value ? "bg-brand-50 ring-brand-300" : "ring-slate-200 hover:bg-slate-50"}`}>
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} className="mt-0.5" />
              <span>
                <span className="block font-medium text-slate-900">{label}</span>
                <span className="block text-xs text-slate-500">{hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Name" error={fe.name}><input className={input} name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Contoso Entra ID" maxLength={120} required /></Field>
        {kind === "client" ? (
          <Field label="Client team" error={fe.teamId} hint="Its people are Guests of this team alone, whatever the provider's claims say.">
            <select className={input} name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              {options.clientTeams.length ? null : <option value="">No private team yet</option>}
              {options.clientTeams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          </Field>
        ) : (
          <Field label="Role at first sign-in" error={fe.defaultRole} hint="An admin can change it later.">
            <select className={input} name="defaultRole" value={defaultRole} onChange={(e) => setDefaultRole(e.target.value as "EDITOR" | "VIEWER")}>
              <option value="VIEWER">Viewer</option>
              <option value="EDITOR">Editor</option>
            </select>
          </Field>
        )}
        <Field label="Issuer URL" error={fe.issuer} hint="Discovery reads /.well-known/openid-configuration under it; its issuer must match exactly.">
          <input className={`${input} font-mono`} name="issuer" value={issuer} onChange={(e) => setIssuer(e.target.value)} placeholder="https://login.example.com/tenant/v2.0" spellCheck={false} required />
        </Field>
        <Field label="Client ID" error={fe.clientId}><input className={`${input} font-mono`} name="clientId" value={clientId} onChange={(e) => setClientId(e.target.value)} spellCheck={false} autoComplete="off" required /></Field>
        <Field label="Client secret" error={fe.clientSecret} hint={connection ? "Leave empty to keep the stored secret." : "Stored encrypted (AES-256-GCM); never shown again."}>
          <input className={`${input} font-mono`} name="clientSecret" type="password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} autoComplete="new-password" required={!connection} />
        </Field>
        <Field label="E-mail domains" error={fe.domains} hint="The sign-in page sends these addresses to this connection.">
          <input className={`${input} font-mono`} name="domains" value={domainText} onChange={(e) => setDomainText(e.target.value)} placeholder="example.com" spellCheck={false} required />
        </Field>
      </div>
      {domains.length ? (
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-700">Enforce SSO</legend>
          <div className="flex flex-wrap gap-3">
            {domains.map((d) => (
              <label key={d} className="flex items-center gap-1.5 text-sm text-slate-700">
                <input type="checkbox" checked={enforced.includes(d)} onChange={(e) => setEnforced(e.target.checked ? [...enforced, d] : enforced.filter((x) => x !== d))} />
                <span className="font-mono text-xs">{d}</span>
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-slate-500">Checked domains cannot sign in with a password or a sign-in link: only through this connection.</p>
        </fieldset>
      ) : null}
      {kind === "company" ? (
        <fieldset className="rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
          <legend className="sr-only">Groups</legend>
          <div className="grid gap-3 md:grid-cols-[14rem_1fr]">
            <Field label="Groups claim" error={fe.groupsClaim}><input className={`${input} font-mono`} name="groupsClaim" value={groupsClaim} onChange={(e) => setGroupsClaim(e.target.value)} spellCheck={false} /></Field>
            <div className="text-sm">
              <span className="mb-1 block font-medium text-slate-700">Claim value → Enclave group</span>
              <div className="space-y-2">
                {groupMap.map((g, i) => (
                  <div key={i} className="flex items-center gap-2">
                    <input className={`${input} font-mono`} aria-label="Claim value" value={g.claim} onChange={(e) => setGroupMap(groupMap.map((x, j) => (j === i ? { ...x, claim: e.target.value } : x)))} placeholder="data-engineers" />
                    <span className="text-slate-400">→</span>
                    <select className={input} aria-label="Enclave group" value={g.groupId} onChange={(e) => setGroupMap(groupMap.map((x, j) => (j === i ? { ...x, groupId: e.target.value } : x)))}>
                      <option value="">Choose a group…</option>
                      {options.groups.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                    </select>
                    <button type="button" aria-label="Remove mapping" className="rounded-md p-1.5 text-slate-400 hover:bg-slate-100 hover:text-rose-600" onClick={() => setGroupMap(groupMap.filter((_, j) => j !== i))}>
                      <Trash2 className="h-4 w-4" />
                    </button>
                  </div>
                ))}
                <Button type="button" variant="secondary" onClick={() => setGroupMap([...groupMap, { claim: "", groupId: "" }])}><Plus className="h-4 w-4" aria-hidden /> Add mapping</Button>
              </div>
              <p className="mt-1 text-xs text-slate-500">At each sign-in, people join the mapped groups whose value the claim lists and leave the others. Unmapped groups are left alone.</p>
            </div>
          </div>
        </fieldset>
      ) : null}
      {connection ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enabled
        </label>
      ) : null}
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={pending}>{connection ? "Save changes" : "Add connection"}</Button>
        {onDone ? <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button> : null}
        {pending ? <span className="text-sm text-slate-500">Working…</span> : null}
      </div>
      {saved ? <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{saved}</p> : null}
      {save.error || otherErrors.length ? <ErrorNote>{[save.error, ...otherErrors].filter(Boolean).join(" ")}</ErrorNote> : null}
    </form>
  );
}
