"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { UserPlus, Mail } from "lucide-react";
import { inviteMembers, type InviteResult } from "@/lib/members/actions";
import { ROLE_LABELS, type Role } from "@/lib/policy";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/notes";
import { CopyLink } from "@/components/ui/copy-link";
import { Field, FieldError, inputClass, selectClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

export type TeamOption = { id: string; name: string; isDefault: boolean; visibility: "PUBLIC" | "PRIVATE" };

export function InviteButton({ teams }: { teams: TeamOption[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <UserPlus className="h-4 w-4" aria-hidden /> Invite people
      </Button>
      {open ? <InviteDialog teams={teams} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function InviteDialog({ teams, onClose }: { teams: TeamOption[]; onClose: () => void }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>("GUEST");
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [results, setResults] = useState<InviteResult[] | null>(null);
  const choosable = teams.filter((t) => !t.isDefault);
  const invite = useAction(inviteMembers, {
    success: (r) => `Invited ${r.length} ${r.length === 1 ? "person" : "people"}`,
    onSuccess: (r) => {
      setResults(r);
      router.refresh();
    },
  });
  const fe = invite.fieldErrors;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const emails = String(new FormData(e.currentTarget).get("emails") ?? "");
    await invite.run({ emails, role, teamIds });
  }

  if (results) {
    return (
      <Dialog open title={`Invited ${results.length} ${results.length === 1 ? "person" : "people"}`} description="Each link works once and expires in 7 days." onClose={onClose} wide>
        <ul className="space-y-3">
          {results.map((r) => (
            <li key={r.userId} className="space-y-1.5">
              <div className="flex items-center gap-2 text-sm">
                <span className="font-medium text-slate-800">{r.email}</span>
                <span className="text-xs text-slate-600">
                  {r.delivery === "emailed" ? <span className="inline-flex items-center gap-1"><Mail className="h-3 w-3" /> e-mailed</span>
                    : r.delivery === "failed" ? "the e-mail could not be sent: make a new link from their member page later"
                    : "not e-mailed (no SMTP): send them this link, it is shown only now"}
                </span>
              </div>
              {r.link ? <CopyLink link={r.link} /> : null}
            </li>
          ))}
        </ul>
        <div className="mt-5 flex justify-end"><Button variant="secondary" onClick={onClose}>Done</Button></div>
      </Dialog>
    );
  }

  return (
    <Dialog open title="Invite people" description="Each person gets a single-use link to set their name and password." onClose={onClose} wide>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field label="Email addresses" error={fe.emails} hint="Separate several with commas or new lines (at most 50). Add a name the address-book way: Jo Doe <jo@example.com>.">
          <textarea id="invite-emails" name="emails" rows={3} required placeholder="Jo Doe <jo@example.com>, lee@example.com" onChange={() => invite.clear("emails")} className={inputClass} />
        </Field>
        <Field label="Role" error={fe.role} hint={role === "GUEST" ? "Guests see only their own teams' people and resources: the right role for a client." : "Everyone but a Guest is also part of General and sees public teams."}>
          <select id="invite-role" value={role} onChange={(e) => { setRole(e.target.value as Role); invite.clear("role"); }} className={selectClass}>
            {(["GUEST", "VIEWER", "EDITOR", "ADMIN"] as Role[]).map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </Field>
        {choosable.length ? (
          <fieldset aria-describedby={fe.teamIds ? "invite-teams-error" : undefined}>
            <legend className="mb-1 text-sm font-medium text-slate-700">Teams <span className="font-normal text-slate-600">(optional)</span></legend>
            <div className="flex flex-wrap gap-2">
              {choosable.map((t) => {
                const on = teamIds.includes(t.id);
                return (
                  <label key={t.id} className={`flex cursor-pointer items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm ring-1 ring-inset ${on ? "bg-brand-50 text-brand-800 ring-brand-200" : "text-slate-700 ring-slate-200 hover:bg-slate-50"}`}>
                    <input type="checkbox" checked={on} onChange={() => { setTeamIds(on ? teamIds.filter((x) => x !== t.id) : [...teamIds, t.id]); invite.clear("teamIds"); }} />
                    {t.name}
                  </label>
                );
              })}
            </div>
            <FieldError id="invite-teams-error" error={fe.teamIds} />
          </fieldset>
        ) : null}
        {invite.error ? <ErrorNote>{invite.error}</ErrorNote> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={invite.pending}>{invite.pending ? "Inviting…" : "Send invitations"}</Button>
        </div>
      </form>
    </Dialog>
  );
}
