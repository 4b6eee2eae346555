"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Globe, Lock } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, WarningNote } from "@/components/ui/notes";
import { Field, inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { createTeam, deleteTeam, previewDeleteTeam, updateTeam } from "@/lib/teams/actions";

export type EditableTeam = { id: string; name: string; description: string; visibility: "PUBLIC" | "PRIVATE"; isDefault: boolean };

/** Create (no team) or edit (a team): name, description, visibility. */
export function TeamFormDialog({ open, onClose, team }: { open: boolean; onClose: () => void; team?: EditableTeam }) {
  const router = useRouter();
  const [name, setName] = useState(team?.name ?? "");
  const [description, setDescription] = useState(team?.description ?? "");
  const [visibility, setVisibility] = useState<"PUBLIC" | "PRIVATE">(team?.visibility ?? "PRIVATE");
  const save = useAction(
    async (input: { name: string; description: string; visibility: "PUBLIC" | "PRIVATE" }) =>
      team ? updateTeam({ teamId: team.id, ...input }) : createTeam(input),
    {
      success: team ? "Team saved" : "Team created",
      onSuccess: (data) => {
        onClose();
        if (!team && data && "slug" in data) router.push(`/teams/${data.slug}`);
        else router.refresh();
      },
    },
  );
  const { clear } = save;
  // Each opening starts from the team's current values (adjusted during render, not in an effect).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setName(team?.name ?? "");
      setDescription(team?.description ?? "");
      setVisibility(team?.visibility ?? "PRIVATE");
      clear();
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await save.run({ name, description, visibility });
  }
  const pending = save.pending;

  return (
    <Dialog open={open} onClose={onClose} title={team ? `Edit ${team.name}` : "New team"} description={team ? undefined : "A private team per client keeps each client's people and resources to themselves."}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" form="team-form" disabled={pending}>{pending ? "Saving…" : team ? "Save" : "Create team"}</Button>
        </>
      }
    >
      <form onSubmit={submit} className="space-y-4" id="team-form">
        <Field label="Name" error={save.fieldErrors.name}>
          <input id="team-name" value={name} onChange={(e) => { setName(e.target.value); clear("name"); }} maxLength={80} className={inputClass} />
        </Field>
        <Field label="Description" error={save.fieldErrors.description}>
          <textarea id="team-description" value={description} onChange={(e) => { setDescription(e.target.value); clear("description"); }} rows={2} maxLength={1000} className={inputClass} />
        </Field>
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-700">Visibility</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {([
              ["PRIVATE", Lock, "Private", "Only its members (and admins) know it exists."],
              ["PUBLIC", Globe, "Public", "Every employee can see it and join it. Guests never see a team they are not in."],
            ] as const).map(([value, Icon, label, help]) => (
              <label key={value} className={`flex cursor-pointer gap-2.5 rounded-lg border px-3 py-2.5 text-sm ${visibility === value ? "border-brand-500 bg-brand-50/50 ring-1 ring-brand-500" : "border-slate-200 hover:bg-slate-50"}`}>
                <input type="radio" name="visibility" value={value} checked={visibility === value} onChange={() => setVisibility(value)} className="mt-0.5" />
                <span>
                  <span className="flex items-center gap-1.5 font-medium text-slate-800"><Icon className="h-3.5 w-3.5 text-slate-500" aria-hidden />{label}</span>
                  <span className="mt-0.5 block text-xs text-slate-500">{help}</span>
                </span>
              </label>
            ))}
          </div>
          {team?.isDefault ? <p className="mt-2 text-xs text-slate-500">{team.name} is the default team: every employee stays in it whatever its visibility.</p> : null}
        </fieldset>
        {save.error ? <ErrorNote>{save.error}</ErrorNote> : null}
      </form>
    </Dialog>
  );
}

/** Deletion names what the team's members lose before anything happens. */
export function DeleteTeamDialog({ open, onClose, team, afterDelete }: { open: boolean; onClose: () => void; team: { id: string; name: string }; afterDelete?: string }) {
  const router = useRouter();
  const [impact, setImpact] = useState<{ members: number; groups: number; assigned: number; onlyHere: number; tokens: number; connections: string[] } | null>(null);
  const counting = useAction(previewDeleteTeam, { fields: [], onSuccess: setImpact });
  const deleting = useAction(deleteTeam, {
    fields: [],
    success: `${team.name} was deleted`,
    onSuccess: () => {
      onClose();
      if (afterDelete) router.push(afterDelete);
      else router.refresh();
    },
  });
  const error = counting.error ?? deleting.error;
  const pending = deleting.pending;
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setImpact(null);
      deleting.clear();
    }
  }
  const count = counting.run;
  useEffect(() => {
    if (open) void count({ teamId: team.id });
  }, [open, team.id, count]);

  const confirm = () => void deleting.run({ teamId: team.id });

  const n = (x: number, one: string, many: string) => `${x.toLocaleString("en-US")} ${x === 1 ? one : many}`;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Delete ${team.name}?`}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="button" variant="danger" onClick={confirm} disabled={pending || !impact || impact.connections.length > 0}>{pending ? "Deleting…" : "Delete team"}</Button>
        </>
      }
    >
      {error ? <ErrorNote>{error}</ErrorNote> : !impact ? <p className="text-sm text-slate-500">Counting what its members would lose…</p> : (
        <div className="space-y-3 text-sm text-slate-700" data-testid="delete-impact">
          {impact.connections.length ? (
            <ErrorNote>
              {team.name} is bound to the sign-in {impact.connections.length === 1 ? "connection" : "connections"} {impact.connections.map((c) => `“${c}”`).join(", ")}: everyone who signs in through {impact.connections.length === 1 ? "it" : "them"} is a Guest of this team.
              Delete {impact.connections.length === 1 ? "it" : "them"} or bind {impact.connections.length === 1 ? "it" : "them"} to another team under{" "}
              <Link href="/settings/authentication" className="font-medium underline">Settings → Authentication</Link> first.
            </ErrorNote>
          ) : null}
          <WarningNote>
            {impact.members ? `${n(impact.members, "member loses", "members lose")} access through this team` : "Nobody is a member of this team"}
            {impact.assigned ? ` to ${n(impact.assigned, "assigned resource", "assigned resources")} and everything inside them.` : "; nothing is assigned to it."}
          </WarningNote>
          <ul className="list-disc space-y-1 pl-5 text-slate-600">
            <li>{n(impact.groups, "group is", "groups are")} unlinked from it (the groups themselves stay).</li>
            <li>{n(impact.onlyHere, "resource is", "resources are")} shared through this team only: afterwards only admins see {impact.onlyHere === 1 ? "it" : "them"}.</li>
            {impact.tokens ? <li>{n(impact.tokens, "team API token stops", "team API tokens stop")} working at once.</li> : null}
          </ul>
          <p className="text-slate-500">This cannot be undone.</p>
        </div>
      )}
    </Dialog>
  );
}
