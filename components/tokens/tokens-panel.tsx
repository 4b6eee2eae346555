"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Check, Copy, KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Field, inputClass as input } from "@/components/ui/field";
import { ErrorNote } from "@/components/ui/notes";
import { useAction } from "@/components/ui/use-action";
import { createMyToken, createTeamApiToken, revokeApiToken } from "@/lib/tokens/actions";
import type { TokenRow } from "@/lib/tokens/queries";

const EXPIRIES = [7, 30, 90, 365] as const;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "—");
const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });

type Created = { id: string; token: string; name: string; scope: "read" | "write"; expiresAt: string };

/** The secret, once: copied or lost. */
function NewSecret({ created, team, onDone }: { created: Created; team?: { name: string }; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(created.token).catch(() => undefined);
    setCopied(true);
  };
  return (
    <div role="status" aria-label="New token" className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm">
      <p className="font-medium text-emerald-900">Token “{created.name}” created. Copy it now: it is shown only this once.</p>
      <div className="flex items-center gap-2">
        <code data-testid="new-token" className="min-w-0 flex-1 truncate rounded-md bg-white px-2 py-1.5 font-mono text-xs text-slate-800 ring-1 ring-emerald-200">{created.token}</code>
        <Button type="button" variant="secondary" onClick={copy} aria-label="Copy the token">
          {copied ? <Check className="h-4 w-4" /> : <Copy className="h-4 w-4" />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="text-xs text-emerald-800">
        Send it as <code className="font-mono">Authorization: Bearer …</code>. It acts as {team ? `a Guest of ${team.name}, read-only` : created.scope === "write" ? "you, with writes allowed" : "you, read-only"}, until {day(created.expiresAt)}.{" "}
        <button type="button" onClick={onDone} className="font-medium underline">Done</button>
      </p>
    </div>
  );
}

function CreateForm({ team }: { team?: { id: string; name: string } }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [days, setDays] = useState<number>(30);
  const [scope, setScope] = useState<"read" | "write">("read");
  const [created, setCreated] = useState<Created | null>(null);
  const create = useAction(
    async (input: { name: string; expiresInDays: number; scope: "read" | "write" }) =>
      team ? createTeamApiToken({ teamId: team.id, name: input.name, expiresInDays: input.expiresInDays }) : createMyToken(input),
    {
      onSuccess: (data) => {
        setCreated(data);
        setName("");
        router.refresh();
      },
    },
  );
  const { pending, clear, fieldErrors } = create;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void create.run({ name, expiresInDays: days, scope });
  };
  if (created) return <div className="px-5 py-4"><NewSecret created={created} team={team} onDone={() => setCreated(null)} /></div>;
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3 px-5 py-4" aria-label={team ? "Create a team token" : "Create a token"}>
      <Field label="Name" error={fieldErrors.name} className="min-w-48 flex-1">
        <input className={input} value={name} onChange={(e) => { setName(e.target.value); clear("name"); }} maxLength={80} required placeholder={team ? `${team.name} BI sync` : "Laptop scripts"} />
      </Field>
      <Field label="Expires in" error={fieldErrors.expiresInDays}>
        <select className={input} value={days} onChange={(e) => { setDays(Number(e.target.value)); clear("expiresInDays"); }}>
          {EXPIRIES.map((d) => <option key={d} value={d}>{d} days</option>)}
        </select>
      </Field>
      {team ? null : (
        <Field label="Scope" error={fieldErrors.scope}>
          <select className={input} value={scope} onChange={(e) => { setScope(e.target.value as "read" | "write"); clear("scope"); }}>
            <option value="read">Read</option>
            <option value="write">Read and write</option>
          </select>
        </Field>
      )}
      <Button type="submit" disabled={pending || !name.trim()}><KeyRound className="h-4 w-4" />{pending ? "Creating…" : "Create token"}</Button>
      {create.error ? <div className="w-full"><ErrorNote>{create.error}</ErrorNote></div> : null}
    </form>
  );
}

function RevokeButton({ row }: { row: TokenRow }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  if (row.status !== "active") return null;
  return (
    <>
      <Button type="button" variant="ghost" className="px-2 py-1 text-rose-700 hover:bg-rose-50 hover:text-rose-800" aria-label={`Revoke ${row.name}`} onClick={() => setAsking(true)}>
        Revoke
      </Button>
      <ConfirmDialog
        open={asking}
        title={`Revoke “${row.name}”?`}
        body={<p>Anything using this token gets 401 from its next call. A revoked token cannot be turned back on.</p>}
        confirmLabel="Revoke token"
        danger
        run={() => revokeApiToken({ tokenId: row.id })}
        success={`Revoked “${row.name}”`}
        onClose={() => setAsking(false)}
        onDone={() => {
          setAsking(false);
          router.refresh();
        }}
      />
    </>
  );
}

const STATUS = { active: "green", expired: "amber", revoked: "red" } as const;

export function TokensTable({ rows, showOwner }: { rows: TokenRow[]; showOwner?: boolean }) {
  if (!rows.length) return <p className="px-5 py-4 text-sm text-slate-500">No tokens yet.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-100 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-5 py-2 font-medium">Name</th>
            {showOwner ? <th className="px-3 py-2 font-medium">Owner</th> : null}
            <th className="px-3 py-2 font-medium">Scope</th>
            <th className="px-3 py-2 font-medium">Created</th>
            <th className="px-3 py-2 font-medium">Expires</th>
            <th className="px-3 py-2 font-medium">Last used</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-5 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-token={r.name}>
              <td className="px-5 py-2.5">
                <div className="font-medium text-slate-800">{r.name}</div>
                <div className="font-mono text-xs text-slate-500">{r.prefix}…</div>
              </td>
              {showOwner ? (
                <td className="px-3 py-2.5">
                  {r.owner.kind === "team" ? (
                    <span><Badge tone="violet">Team</Badge> <span className="text-slate-700">{r.owner.name}</span></span>
                  ) : (
                    <div><div className="text-slate-800">{r.owner.name}</div><div className="text-xs text-slate-500">{r.owner.email}</div></div>
                  )}
                </td>
              ) : null}
              <td className="px-3 py-2.5"><Badge tone={r.scope === "write" ? "amber" : "slate"}>{r.scope === "write" ? "Read and write" : "Read"}</Badge></td>
              <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">{day(r.createdAt)}</td>
              <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">{day(r.expiresAt)}</td>
              <td className="px-3 py-2.5 text-slate-600" data-testid="last-used">
                {r.lastUsedAt ? (<><div className="whitespace-nowrap">{when(r.lastUsedAt)}</div>{r.lastUsedIp ? <div className="font-mono text-xs text-slate-500">from {r.lastUsedIp}</div> : null}</>) : "Never"}
              </td>
              <td className="px-3 py-2.5"><Badge tone={STATUS[r.status]}>{r.status[0]!.toUpperCase() + r.status.slice(1)}</Badge></td>
              <td className="px-5 py-2.5 text-right"><RevokeButton row={r} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Your account → API tokens, or a client team's tokens on its page (admins). */
export function TokensPanel({ rows, team, showOwner }: { rows: TokenRow[]; team?: { id: string; name: string }; showOwner?: boolean }) {
  return (
    <>
      <CreateForm team={team} />
      <div className="border-t border-slate-100"><TokensTable rows={rows} showOwner={showOwner} /></div>
    </>
  );
}
