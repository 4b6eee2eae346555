"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Boxes, Plus, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, WarningNote } from "@/components/ui/notes";
import { inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { additionWarnings } from "@/lib/policy";
import { addTeamGroup, previewAddTeamGroup, removeTeamGroup } from "@/lib/teams/actions";
import type { ExposureReview } from "@/lib/isolation/guard";
import { ExposureNotice, exposureGate } from "@/components/isolation/exposure-notice";
import type { GroupCandidate, TeamGroupDTO } from "@/lib/teams/queries";

type Team = { id: string; name: string; isDefault: boolean; visibility: "PUBLIC" | "PRIVATE" };

/** The groups of a team (never rendered for guests). Admins add and remove them. */
export function TeamGroups({ team, groups, canManage, candidates }: { team: Team; groups: TeamGroupDTO[]; canManage: boolean; candidates: GroupCandidate[] }) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TeamGroupDTO | null>(null);
  return (
    <>
      {groups.length ? (
        <ul className="divide-y divide-slate-100">
          {groups.map((g) => (
            <li key={g.id} className="flex items-center gap-3 px-5 py-2.5 text-sm">
              <Boxes className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />
              <div className="min-w-0 flex-1">
                {canManage ? <Link href={`/settings/groups/${g.id}`} className="font-medium text-slate-800 hover:text-brand-700">{g.name}</Link> : <span className="font-medium text-slate-800">{g.name}</span>}
                <div className="text-xs text-slate-500">{g.members} member{g.members === 1 ? "" : "s"}{g.guests ? ` · ${g.guests} guest${g.guests === 1 ? "" : "s"}` : ""}</div>
              </div>
              {canManage ? (
                <button type="button" onClick={() => setRemoving(g)} className="rounded-md p-1 text-slate-400 hover:bg-rose-50 hover:text-rose-600" aria-label={`Remove group ${g.name}`} title="Remove from team">
                  <X className="h-4 w-4" />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-500">No group is linked to this team.</p>
      )}
      {canManage ? (
        <div className="border-t border-slate-100 px-5 py-3">
          <Button type="button" variant="secondary" onClick={() => setAdding(true)} className="w-full"><Plus className="h-4 w-4" />Add group</Button>
        </div>
      ) : null}
      {adding ? <AddGroupDialog team={team} candidates={candidates} onClose={() => setAdding(false)} onDone={() => router.refresh()} /> : null}
      {removing ? <RemoveGroupDialog team={team} group={removing} onClose={() => setRemoving(null)} onDone={() => router.refresh()} /> : null}
    </>
  );
}

function AddGroupDialog({ team, candidates, onClose, onDone }: { team: Team; candidates: GroupCandidate[]; onClose: () => void; onDone: () => void }) {
  const [groupId, setGroupId] = useState("");
  const group = candidates.find((g) => g.id === groupId);
  const warnings = group ? additionWarnings(team, group.members).map((w) => `Through the group ${group.name}: ${w}`) : [];
  const [review, setReview] = useState<ExposureReview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const gate = exposureGate(review, confirmed);
  const previewing = useAction(previewAddTeamGroup, { fields: [], onSuccess: (d) => setReview(d.exposures) });
  const adding = useAction(addTeamGroup, {
    fields: [],
    success: () => `${group?.name ?? "The group"} was added to ${team.name}`,
    onSuccess: () => {
      onClose();
      onDone();
    },
  });
  const pending = adding.pending;
  const error = previewing.error ?? adding.error;
  function choose(id: string) {
    setGroupId(id);
    setReview(null);
    setConfirmed(false);
    adding.clear();
    if (!id) return previewing.reset();
    // What the group would expose across clients, asked on the server before anything is added.
    void previewing.run({ teamId: team.id, groupId: id, confirm: true });
  }
  const add = () => void adding.run({ teamId: team.id, groupId, confirm: warnings.length > 0, confirmExposures: gate.confirmExposures });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Add a group to ${team.name}`}
      description="Every member of the group becomes a member of the team, for as long as the group is linked."
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="button" onClick={add} disabled={!groupId || pending || !review || !gate.allowed} variant={warnings.length ? "danger" : "primary"}>
            {pending ? "Adding…" : warnings.length ? "I understand, add the group" : "Add group"}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <label className="block">
          <span className="mb-1 block text-sm font-medium text-slate-700">Group</span>
          <select value={groupId} onChange={(e) => choose(e.target.value)} className={inputClass}>
            <option value="">Choose a group…</option>
            {candidates.map((g) => (
              <option key={g.id} value={g.id}>{g.name} ({g.members.length} member{g.members.length === 1 ? "" : "s"})</option>
            ))}
          </select>
        </label>
        {group ? (
          <p className="text-sm text-slate-600">
            {group.members.length ? <>Members: {group.members.map((m) => m.name).join(", ")}</> : "This group has no members yet."}
            {group.members.some((m) => m.role === "GUEST") ? <Badge tone="amber" className="ml-2">has Guests</Badge> : null}
          </p>
        ) : null}
        {warnings.map((w) => <WarningNote key={w}>{w}</WarningNote>)}
        {review ? <ExposureNotice review={review} confirmed={confirmed} onConfirmedChange={setConfirmed} /> : null}
        {error ? <ErrorNote>{error}</ErrorNote> : null}
      </div>
    </Dialog>
  );
}

function RemoveGroupDialog({ team, group, onClose, onDone }: { team: Team; group: TeamGroupDTO; onClose: () => void; onDone: () => void }) {
  const removing = useAction(removeTeamGroup, {
    fields: [],
    success: `${group.name} was removed from ${team.name}`,
    onSuccess: () => {
      onClose();
      onDone();
    },
  });
  const { error, pending } = removing;
  const remove = () => void removing.run({ teamId: team.id, groupId: group.id });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Remove ${group.name} from ${team.name}?`}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="button" variant="danger" onClick={remove} disabled={pending}>{pending ? "Removing…" : "Remove group"}</Button>
        </>
      }
    >
      <p className="text-sm text-slate-700">Its {group.members} member{group.members === 1 ? "" : "s"} stop belonging to {team.name} through this group. Anyone who is also a direct member stays.</p>
      {error ? <div className="mt-3"><ErrorNote>{error}</ErrorNote></div> : null}
    </Dialog>
  );
}
