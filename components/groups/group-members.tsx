"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { UserMinus, UserPlus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/notes";
import { EmptyState } from "@/components/ui/empty-state";
import { useAction } from "@/components/ui/use-action";
import { type PickablePerson } from "@/components/teams/person-picker";
import { AddPeopleDialog } from "@/components/teams/add-people-dialog";
import { additionWarnings, ROLE_LABELS } from "@/lib/policy";
import { addGroupMembers, previewAddGroupMembers, removeGroupMembers } from "@/lib/groups/actions";
import type { GroupDetail } from "@/lib/groups/queries";

export function GroupMembers({ group, candidates }: { group: GroupDetail; candidates: PickablePerson[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<string[] | null>(null);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const all = group.members.length > 0 && selected.length === group.members.length;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-3">
        <span className="text-sm text-slate-500">{group.members.length} member{group.members.length === 1 ? "" : "s"}</span>
        <div className="ml-auto flex items-center gap-2">
          {selected.length ? <Button type="button" variant="secondary" onClick={() => setRemoving(selected)}><UserMinus className="h-4 w-4" />Remove {selected.length}</Button> : null}
          <Button type="button" onClick={() => setAdding(true)}><UserPlus className="h-4 w-4" />Add members</Button>
        </div>
      </div>
      {group.members.length === 0 ? (
        <EmptyState title="No members yet">Add people; they then belong to every team this group is in.</EmptyState>
      ) : (
        <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-10 px-5 py-2.5"><input type="checkbox" aria-label="Select all" checked={all} onChange={() => setSelected(all ? [] : group.members.map((m) => m.id))} /></th>
              <th className="px-5 py-2.5 font-medium">Name</th>
              <th className="px-5 py-2.5 font-medium">Email</th>
              <th className="px-5 py-2.5 font-medium">Role</th>
              <th className="px-5 py-2.5"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {group.members.map((m) => (
              <tr key={m.id} className={selected.includes(m.id) ? "bg-brand-50/50" : "hover:bg-slate-50"}>
                <td className="px-5 py-2.5"><input type="checkbox" aria-label={`Select ${m.name}`} checked={selected.includes(m.id)} onChange={() => toggle(m.id)} /></td>
                <td className="whitespace-nowrap px-5 py-2.5 font-medium text-slate-900">{m.name}</td>
                <td className="whitespace-nowrap px-5 py-2.5 text-slate-600">{m.email}</td>
                <td className="px-5 py-2.5"><Badge tone={m.role === "GUEST" ? "amber" : "slate"}>{ROLE_LABELS[m.role]}</Badge></td>
                <td className="px-5 py-2.5 text-right">
                  <button type="button" onClick={() => setRemoving([m.id])} className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-rose-50 hover:text-rose-700" aria-label={`Remove ${m.name}`}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {adding ? <AddDialog group={group} candidates={candidates} onClose={() => setAdding(false)} onDone={() => router.refresh()} /> : null}
      {removing ? (
        <RemoveDialog
          group={group}
          ids={removing}
          onClose={() => setRemoving(null)}
          onDone={() => {
            setSelected([]);
            router.refresh();
          }}
        />
      ) : null}
    </>
  );
}

function AddDialog({ group, candidates, onClose, onDone }: { group: GroupDetail; candidates: PickablePerson[]; onClose: () => void; onDone: () => void }) {
  const reviewFor = useCallback((userIds: string[]) => previewAddGroupMembers({ groupId: group.id, userIds, confirm: true }), [group.id]);
  return (
    <AddPeopleDialog
      title={`Add members to ${group.name}`}
      description={group.teams.length ? `They will belong to ${group.teams.map((t) => t.name).join(", ")} through this group.` : "This group is in no team yet."}
      candidates={candidates}
      warningsFor={(people) => group.teams.flatMap((t) => additionWarnings(t, people).map((w) => `Through ${group.name}, in ${t.name}: ${w}`))}
      submit={(userIds, confirm, confirmExposures) => addGroupMembers({ groupId: group.id, userIds, confirm, confirmExposures })}
      reviewExposures={reviewFor}
      onClose={onClose}
      onDone={onDone}
    />
  );
}

function RemoveDialog({ group, ids, onClose, onDone }: { group: GroupDetail; ids: string[]; onClose: () => void; onDone: () => void }) {
  const names = group.members.filter((m) => ids.includes(m.id)).map((m) => m.name);
  const removing = useAction(removeGroupMembers, {
    fields: [],
    success: names.length === 1 ? `${names[0]} was removed from ${group.name}` : `${names.length} people were removed from ${group.name}`,
    onSuccess: () => {
      onClose();
      onDone();
    },
  });
  const { error, pending } = removing;
  const remove = () => void removing.run({ groupId: group.id, userIds: ids });
  return (
    <Dialog
      open
      onClose={onClose}
      title={names.length === 1 ? `Remove ${names[0]} from ${group.name}?` : `Remove ${names.length} people from ${group.name}?`}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="button" variant="danger" onClick={remove} disabled={pending}>{pending ? "Removing…" : "Remove"}</Button>
        </>
      }
    >
      <p className="text-sm text-slate-700">
        {group.teams.length ? `They stop belonging to ${group.teams.map((t) => t.name).join(", ")} through this group (a direct membership stays).` : "The group is in no team."}
      </p>
      {error ? <div className="mt-3"><ErrorNote>{error}</ErrorNote></div> : null}
    </Dialog>
  );
}
