"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { UserPlus, Mail } from "lucide-react";
import { inviteMembers, type InviteResult } from "@/lib/members/actions";
import { ROLE_LABELS, type Role } from "@/lib/policy";
import { Button } from "@/components/ui/button";
import { CopyLink, ErrorNote, Modal, selectClass } from "./modal";

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
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [results, setResults] = useState<InviteResult[] | null>(null);
  const choosable = teams.filter((t) => !t.isDefault);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const emails = String(new FormData(e.currentTarget).get("emails") ?? "");
    setPending(true);
    setError(null);
    const res = await inviteMembers({ emails, role, teamIds });
    setPending(false);
    if (!res.ok) return setError(res.error);
    setResults(res.data);
    router.refresh();
  }

  if (results) {
    return (
      <Modal title={`Invited ${results.length} ${results.length === 1 ? "person" : "people"}`} description="Each link works once and expires in 7 days." onClose={onClose} wide>
        <ul className="space-y-3">
          {results.map((r) => (
            <li key={r.userId} className="space-y-1.5">
              <div className="flex items-center gap-2 text-sm">
                <span className="font-medium text-slate-800">{r.email}</span>
                <span className="text-xs text-slate-500">
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
      </Modal>
    );
  }

  return (
    <Modal title="Invite people" description="Each person gets a single-use link to set their name and password." onClose={onClose} wide>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <div>
          <label htmlFor="invite-emails" className="mb-1 block text-sm font-medium text-slate-700">Email addresses</label>
          <textarea id="invite-emails" name="emails" rows={3} required autoFocus placeholder="gina@example.com, hal@example.com"
            className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100" />
          <p className="mt-1 text-xs text-slate-500">Separate several with commas or new lines (at most 50).</p>
        </div>
        <div>
          <label htmlFor="invite-role" className="mb-1 block text-sm font-medium text-slate-700">Role</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)} className={selectClass}>
            {(["GUEST", "VIEWER", "EDITOR", "ADMIN"] as Role[]).map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
          <p className="mt-1 text-xs text-slate-500">
            {role === "GUEST" ? "Guests see only their own teams' people and resources: the right role for a client." : "Everyone but a Guest is also part of General and sees public teams."}
          </p>
        </div>
        {choosable.length ? (
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">Teams <span className="font-normal text-slate-400">(optional)</span></legend>
            <div className="flex flex-wrap gap-2">
              {choosable.map((t) => {
                const on = teamIds.includes(t.id);
                return (
                  <label key={t.id} className={`flex cursor-pointer items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm ring-1 ring-inset ${on ? "bg-brand-50 text-brand-800 ring-brand-200" : "text-slate-700 ring-slate-200 hover:bg-slate-50"}`}>
                    <input type="checkbox" checked={on} onChange={() => setTeamIds(on ? teamIds.filter((x) => x !== t.id) : [...teamIds, t.id])} />
                    {t.name}
                  </label>
                );
              })}
            </div>
          </fieldset>
        ) : null}
        {error ? <ErrorNote>{error}</ErrorNote> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={pending}>{pending ? "Inviting…" : "Send invitations"}</Button>
        </div>
      </form>
    </Modal>
  );
}
