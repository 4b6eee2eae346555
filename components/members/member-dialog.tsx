"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { MemberRow } from "@/lib/members/queries";
import { ROLE_LABELS, type Role } from "@/lib/policy";
import { deactivateMembers, reactivateMembers, removeMember, resendInvitation, revokeInvitation } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/notes";
import { CopyLink } from "@/components/ui/copy-link";
import { selectClass } from "@/components/ui/field";
import { RoleChangeDialog } from "./role-change";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { ViewAsButton } from "@/components/view-as/view-as-button";
import { formatDateTime } from "@/lib/format/date";
import { useAction } from "@/components/ui/use-action";

type Step = null | { kind: "role"; role: Role } | { kind: "deactivate" } | { kind: "remove" };

/** Everything an admin does to one member: role, invitation link, deactivation, removal. */
export function MemberDialog({ member, isSelf, onClose }: { member: MemberRow; isSelf: boolean; onClose: () => void }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(member.role);
  const [step, setStep] = useState<Step>(null);
  const [link, setLink] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const finish = () => {
    router.refresh();
    onClose();
  };
  const resending = useAction(resendInvitation, {
    fields: [],
    onSuccess: (d) => {
      if (d.link) setLink(d.link);
      setNote(d.link ? "A new link was created." : d.delivery === "emailed" ? "A new link was e-mailed to them." : "A new link was made, but the e-mail could not be sent.");
      router.refresh();
    },
  });
  const revoking = useAction(revokeInvitation, {
    fields: [],
    onSuccess: () => {
      setNote("The link was revoked.");
      router.refresh();
    },
  });
  const reactivating = useAction(reactivateMembers, { fields: [], success: `${member.name} was reactivated`, onSuccess: finish });
  const all = [resending, revoking, reactivating];
  const error = all.find((a) => a.error)?.error ?? null;
  const start = (which: (typeof all)[number]) => {
    all.forEach((a) => a !== which && a.clear());
    setNote(null);
  };

  if (step?.kind === "role") return <RoleChangeDialog userIds={[member.id]} role={step.role} onClose={() => setStep(null)} onDone={finish} />;
  if (step?.kind === "deactivate")
    return (
      <ConfirmDialog title={`Deactivate ${member.name}?`} danger confirmLabel="Deactivate"
        body={<p>{member.name}&apos;s open sessions end at their next request and they cannot sign in. They disappear from other people&apos;s directories; their history stays.</p>}
        run={() => deactivateMembers({ userIds: [member.id] })} onClose={() => setStep(null)} onDone={finish} />
    );
  if (step?.kind === "remove")
    return (
      <ConfirmDialog title={`Remove ${member.name} from the workspace?`} danger confirmLabel="Remove"
        body={<><p>This deletes their membership and their team and group memberships in this workspace ({member.teams.length} team{member.teams.length === 1 ? "" : "s"}, {member.groups.length} group{member.groups.length === 1 ? "" : "s"}). Their open sessions end at once.</p><p>The audit history keeps their past changes. To bring them back you would invite them again.</p></>}
        run={() => removeMember({ userId: member.id })} onClose={() => setStep(null)} onDone={finish} />
    );

  return (
    <Dialog open title={member.name} description={member.email} onClose={onClose}>
      <div className="space-y-5 text-sm">
        <div className="flex flex-wrap gap-1.5">
          <Badge>{ROLE_LABELS[member.role]}</Badge>
          <Badge tone={member.status === "ACTIVE" ? "green" : member.status === "INVITED" ? "amber" : "red"}>{member.status.toLowerCase()}</Badge>
          {member.teams.map((t) => <Badge key={t.id} tone="blue">{t.name}</Badge>)}
        </div>
        {!isSelf && member.status === "ACTIVE" ? (
          <section>
            <h3 className="mb-1.5 font-medium text-slate-800">See what they see</h3>
            <p className="mb-2 text-slate-500">Browse the console exactly as {member.name} would: catalog, search, people and teams. Changes are turned off until you exit.</p>
            <ViewAsButton userId={member.id} name={member.name} />
          </section>
        ) : null}
        <section>
          <h3 className="mb-1.5 font-medium text-slate-800">Role</h3>
          <div className="flex items-center gap-2">
            <select aria-label="New role" className={selectClass} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {(["ADMIN", "EDITOR", "VIEWER", "GUEST"] as Role[]).map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
            </select>
            <Button variant="secondary" disabled={role === member.role} onClick={() => setStep({ kind: "role", role })}>Review change…</Button>
          </div>
        </section>
        {member.status === "INVITED" ? (
          <section>
            <h3 className="mb-1.5 font-medium text-slate-800">Invitation</h3>
            <p className="mb-2 text-slate-500">
              {member.invitation ? `The latest link is ${member.invitation.state}${member.invitation.state === "pending" ? ` until ${formatDateTime(member.invitation.expiresAt)}` : ""}.` : "No link yet."}
              {" "}A new link replaces every earlier one.
            </p>
            <div className="flex gap-2">
              <Button variant="secondary" disabled={resending.pending} onClick={() => { start(resending); void resending.run({ userId: member.id }); }}>New link</Button>
              {member.invitation?.state === "pending" ? <Button variant="ghost" disabled={revoking.pending} onClick={() => { start(revoking); void revoking.run({ userId: member.id }); }}>Revoke link</Button> : null}
            </div>
            {link ? <div className="mt-2"><CopyLink link={link} /></div> : null}
          </section>
        ) : null}
        {note ? <p className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-800 ring-1 ring-inset ring-emerald-200">{note}</p> : null}
        {error ? <ErrorNote>{error}</ErrorNote> : null}
        {!isSelf ? (
          <section className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
            {member.status === "DEACTIVATED" ? (
              <Button variant="secondary" disabled={reactivating.pending} onClick={() => { start(reactivating); void reactivating.run({ userIds: [member.id] }); }}>Reactivate</Button>
            ) : (
              <Button variant="secondary" onClick={() => setStep({ kind: "deactivate" })}>Deactivate…</Button>
            )}
            <Button variant="danger" onClick={() => setStep({ kind: "remove" })}>Remove from workspace…</Button>
          </section>
        ) : <p className="border-t border-slate-100 pt-4 text-xs text-slate-500">This is you: another admin can deactivate or remove your account.</p>}
      </div>
    </Dialog>
  );
}
