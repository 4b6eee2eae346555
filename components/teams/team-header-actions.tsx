"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { LogIn, LogOut, Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/notes";
import { useAction } from "@/components/ui/use-action";
import { joinTeam, leaveTeam } from "@/lib/teams/actions";
import { DeleteTeamDialog, TeamFormDialog, type EditableTeam } from "./team-dialogs";

export function TeamHeaderActions({ team, canManage, canJoin, canLeave }: { team: EditableTeam; canManage: boolean; canJoin: boolean; canLeave: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const joining = useAction(joinTeam, { fields: [], success: `You joined ${team.name}`, onSuccess: () => router.refresh() });
  const leaving = useAction(leaveTeam, { fields: [], success: `You left ${team.name}`, onSuccess: () => router.refresh() });
  const pending = joining.pending || leaving.pending;
  const error = joining.error ?? leaving.error;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex items-center gap-2">
        {canJoin ? <Button type="button" onClick={() => { leaving.clear(); void joining.run({ teamId: team.id }); }} disabled={pending}><LogIn className="h-4 w-4" />Join team</Button> : null}
        {canLeave ? <Button type="button" variant="secondary" onClick={() => { joining.clear(); void leaving.run({ teamId: team.id }); }} disabled={pending}><LogOut className="h-4 w-4" />Leave team</Button> : null}
        {canManage ? <Button type="button" variant="secondary" onClick={() => setEditing(true)}><Pencil className="h-4 w-4" />Edit</Button> : null}
        {canManage && !team.isDefault ? <Button type="button" variant="secondary" onClick={() => setDeleting(true)} className="text-rose-600"><Trash2 className="h-4 w-4" />Delete</Button> : null}
      </div>
      {error ? <ErrorNote>{error}</ErrorNote> : null}
      {canManage ? <TeamFormDialog open={editing} onClose={() => setEditing(false)} team={team} /> : null}
      {canManage && deleting ? <DeleteTeamDialog open onClose={() => setDeleting(false)} team={team} afterDelete="/settings/teams" /> : null}
    </div>
  );
}
