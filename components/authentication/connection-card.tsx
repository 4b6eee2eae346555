"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Building2, Copy, KeyRound, Pencil, ShieldCheck, Trash2, UsersRound } from "lucide-react";
import { deleteAuthConnection, rotateScimToken } from "@/lib/sso/actions";
import type { ConnectionSummary } from "@/lib/sso/queries";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/notes";
import { useAction } from "@/components/ui/use-action";
import { ConnectionForm, type ConnectionOptions } from "./connection-form";

const ROLE = { EDITOR: "Editor", VIEWER: "Viewer", GUEST: "Guest" } as const;

export function ConnectionCard({ connection: c, options }: { connection: ConnectionSummary; options: ConnectionOptions }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const rotating = useAction(rotateScimToken, {
    fields: [],
    success: "A new SCIM token was made",
    onSuccess: (d) => {
      setToken(d.token);
      router.refresh();
    },
  });
  const removing = useAction(deleteAuthConnection, {
    fields: [],
    success: `${c.name} was deleted`,
    onSuccess: () => {
      setConfirmDelete(false);
      router.refresh();
    },
  });
  const pending = rotating.pending || removing.pending;
  const rotate = () => void rotating.run({ connectionId: c.id });
  const remove = () => void removing.run({ connectionId: c.id });

  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-100 px-5 py-4" data-testid={`connection-${c.name}`}>
        <div className="flex min-w-0 gap-3">
          <span className={`mt-0.5 flex h-9 w-9 shrink-0 items-center justify-center rounded-lg ${c.kind === "client" ? "bg-violet-50 text-violet-600" : "bg-brand-50 text-brand-600"}`}>
            {c.kind === "client" ? <UsersRound className="h-4 w-4" aria-hidden /> : <Building2 className="h-4 w-4" aria-hidden />}
          </span>
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="text-sm font-semibold text-slate-900">{c.name}</h2>
              <Badge tone={c.kind === "client" ? "violet" : "blue"}>{c.kind === "client" ? "Client" : "Company"}</Badge>
              {c.enabled ? null : <Badge tone="amber">Disabled</Badge>}
            </div>
            <p className="mt-0.5 truncate font-mono text-xs text-slate-500">{c.issuer}</p>
          </div>
        </div>
        <div className="flex items-center gap-1.5">
          <Button variant="secondary" onClick={() => setEditing(!editing)}><Pencil className="h-4 w-4" aria-hidden /> {editing ? "Close" : "Edit"}</Button>
          <Button variant="ghost" aria-label={`Delete ${c.name}`} onClick={() => setConfirmDelete(true)}><Trash2 className="h-4 w-4" aria-hidden /></Button>
        </div>
      </div>
      {editing ? (
        <ConnectionForm options={options} connection={c} onDone={() => setEditing(false)} />
      ) : (
        <dl className="grid gap-x-6 gap-y-2 px-5 py-4 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-500">{c.kind === "client" ? "Bound to" : "First sign-in"}</dt>
          <dd className="text-slate-800">
            {c.kind === "client" ? (
              <>Guests of <span className="font-medium">{c.team?.name ?? "—"}</span> alone, not promotable while bound</>
            ) : (
              <>{ROLE[c.defaultRole]}{c.groupMap.length ? `, groups from the “${c.groupsClaim}” claim` : ""}</>
            )}
          </dd>
          {c.kind === "company" && c.groupMap.length ? (
            <>
              <dt className="text-slate-500">Group mapping</dt>
              <dd className="flex flex-wrap gap-1.5">
                {c.groupMap.map((g) => <Badge key={g.claim}><span className="font-mono">{g.claim}</span> → {g.groupName}</Badge>)}
              </dd>
            </>
          ) : null}
          <dt className="text-slate-500">Domains</dt>
          <dd className="flex flex-wrap gap-1.5">
            {c.domains.map((d) => (
              <Badge key={d.domain} tone={d.enforceSso ? "green" : "slate"}>
                <span className="font-mono">{d.domain}</span>
                {d.enforceSso ? <><ShieldCheck className="h-3 w-3" aria-hidden /> SSO enforced</> : null}
              </Badge>
            ))}
          </dd>
          <dt className="text-slate-500">Client ID</dt>
          <dd className="font-mono text-xs text-slate-700">{c.clientId}</dd>
          <dt className="text-slate-500">People</dt>
          <dd className="text-slate-700">{c.people.toLocaleString("en-US")} signed in or provisioned through it</dd>
          <dt className="text-slate-500">SCIM</dt>
          <dd className="flex flex-wrap items-center gap-2 text-slate-700">
            {c.hasScimToken ? "A bearer token is set." : "No token yet."}
            <Button variant="secondary" onClick={rotate} disabled={pending}><KeyRound className="h-4 w-4" aria-hidden /> {c.hasScimToken ? "Replace token" : "Create token"}</Button>
            {c.kind === "client" ? <span className="text-xs text-slate-500">The token creates and changes only Guests of {c.team?.name ?? "its team"} and groups inside it.</span> : null}
          </dd>
        </dl>
      )}
      {token ? (
        <div className="border-t border-slate-100 bg-amber-50/60 px-5 py-3 text-sm">
          <p className="font-medium text-amber-900">Copy the SCIM token now: it is not shown again.</p>
          <div className="mt-1.5 flex items-center gap-2">
            <code data-testid="scim-token" className="min-w-0 flex-1 truncate rounded-md bg-white px-2 py-1 font-mono text-xs ring-1 ring-inset ring-amber-200">{token}</code>
            <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(token)}><Copy className="h-4 w-4" aria-hidden /> Copy</Button>
            <Button variant="ghost" onClick={() => setToken(null)}>Done</Button>
          </div>
        </div>
      ) : null}
      {rotating.error ? <p role="alert" className="border-t border-slate-100 px-5 py-3 text-sm text-rose-700">{rotating.error}</p> : null}
      <Dialog
        open={confirmDelete}
        onClose={() => { setConfirmDelete(false); removing.clear(); }}
        title={`Delete ${c.name}?`}
        description="Its domains sign in with passwords again and its SCIM token stops working. Its people keep their accounts and teams."
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirmDelete(false)}>Cancel</Button>
            <Button variant="danger" onClick={remove} disabled={pending}>Delete connection</Button>
          </>
        }
      >
        {removing.error ? <ErrorNote>{removing.error}</ErrorNote> : null}
      </Dialog>
    </Card>
  );
}
