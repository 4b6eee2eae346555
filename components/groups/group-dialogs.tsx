"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, WarningNote } from "@/components/ui/notes";
import { Field, inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { createGroup, deleteGroup, updateGroup } from "@/lib/groups/actions";

export function GroupFormDialog({ open, onClose, group }: { open: boolean; onClose: () => void; group?: { id: string; name: string; description: string } }) {
  const router = useRouter();
  const [name, setName] = useState(group?.name ?? "");
  const [description, setDescription] = useState(group?.description ?? "");
  const save = useAction(
    async (input: { name: string; description: string }) => (group ? updateGroup({ groupId: group.id, ...input }) : createGroup(input)),
    {
      success: group ? "Group saved" : "Group created",
      onSuccess: (data) => {
        onClose();
        if (!group && data && "id" in data) router.push(`/settings/groups/${data.id}`);
        else router.refresh();
      },
    },
  );
  const { clear, pending } = save;
  // Each opening starts from the group's current values (adjusted during render, not in an effect).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setName(group?.name ?? "");
      setDescription(group?.description ?? "");
      clear();
    }
  }
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await save.run({ name, description });
  }
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={group ? `Rename ${group.name}` : "New group"}
      description={group ? undefined : "A named set of people. Add the group to a team and its members belong to the team."}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" form="group-form" disabled={pending}>{pending ? "Saving…" : group ? "Save" : "Create group"}</Button>
        </>
      }
    >
      <form id="group-form" onSubmit={submit} className="space-y-4">
        <Field label="Name" error={save.fieldErrors.name}>
          <input id="group-name" value={name} onChange={(e) => { setName(e.target.value); clear("name"); }} maxLength={80} className={inputClass} />
        </Field>
        <Field label="Description" error={save.fieldErrors.description}>
          <textarea id="group-description" value={description} onChange={(e) => { setDescription(e.target.value); clear("description"); }} rows={2} maxLength={1000} className={inputClass} />
        </Field>
        {save.error ? <ErrorNote>{save.error}</ErrorNote> : null}
      </form>
    </Dialog>
  );
}

export function DeleteGroupDialog({ group, onClose, afterDelete }: { group: { id: string; name: string; members: number; teams: { name: string }[] }; onClose: () => void; afterDelete?: string }) {
  const router = useRouter();
  const remove = useAction(deleteGroup, {
    success: `Deleted ${group.name}`,
    onSuccess: () => {
      onClose();
      if (afterDelete) router.push(afterDelete);
      else router.refresh();
    },
  });
  const { pending, error } = remove;
  const confirm = () => void remove.run({ groupId: group.id });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Delete ${group.name}?`}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="button" variant="danger" onClick={confirm} disabled={pending}>{pending ? "Deleting…" : "Delete group"}</Button>
        </>
      }
    >
      <div className="space-y-3 text-sm text-slate-700">
        {group.teams.length ? (
          <WarningNote>
            Its {group.members} member{group.members === 1 ? "" : "s"} stop belonging to {group.teams.map((t) => t.name).join(", ")} through this group (direct memberships stay).
          </WarningNote>
        ) : (
          <p>The group is in no team: nobody loses access.</p>
        )}
        <p className="text-slate-500">The people themselves are not removed from the workspace.</p>
        {error ? <ErrorNote>{error}</ErrorNote> : null}
      </div>
    </Dialog>
  );
}
