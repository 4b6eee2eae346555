"use client";
import { useState } from "react";
import { Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { GroupDetail } from "@/lib/groups/queries";
import { DeleteGroupDialog, GroupFormDialog } from "./group-dialogs";

export function GroupHeaderActions({ group }: { group: GroupDetail }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setEditing(true)}><Pencil className="h-4 w-4" />Rename</Button>
      <Button type="button" variant="secondary" className="text-rose-600" onClick={() => setDeleting(true)}><Trash2 className="h-4 w-4" />Delete</Button>
      <GroupFormDialog open={editing} onClose={() => setEditing(false)} group={group} />
      {deleting ? <DeleteGroupDialog group={{ ...group, members: group.members.length }} onClose={() => setDeleting(false)} afterDelete="/settings/groups" /> : null}
    </>
  );
}
