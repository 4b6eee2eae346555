"use client";
import { useCallback, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { createColumnHelper } from "@tanstack/react-table";
import { UserPlus, UserMinus } from "lucide-react";
import { DataTable, type ServerPage, type ServerTableFeatures } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, WarningNote } from "@/components/ui/notes";
import { additionWarnings, ROLE_LABELS } from "@/lib/policy";
import { addTeamMembers, previewAddTeamMembers, removeTeamMembers } from "@/lib/teams/actions";
import type { TeamMemberRow } from "@/lib/teams/queries";
import { type PickablePerson } from "./person-picker";
import { AddPeopleDialog } from "./add-people-dialog";
import { IconButton } from "@/components/ui/icon-button";
import { useAction } from "@/components/ui/use-action";

type Team = { id: string; name: string; isDefault: boolean; visibility: "PUBLIC" | "PRIVATE" };
const col = createColumnHelper<ServerTableFeatures, TeamMemberRow>();

function Source({ m, isDefault }: { m: TeamMemberRow; isDefault: boolean }) {
  const parts: React.ReactNode[] = [];
  if (m.direct) parts.push(<Badge key="d" tone="blue">Direct</Badge>);
  for (const g of m.groups) parts.push(<Badge key={g.id} tone="violet" className="whitespace-nowrap">Through {g.name}</Badge>);
  if (m.everyone && isDefault) parts.push(<Badge key="e" className="whitespace-nowrap">Every employee</Badge>);
  return <div className="flex flex-wrap gap-1">{parts}</div>;
}

/** showSource is false for guests: how others belong (and through which group) is not theirs to know. */
export function TeamMembers({ team, rows, page, canManage, showSource, candidates }: { team: Team; rows: TeamMemberRow[]; page: ServerPage; canManage: boolean; showSource: boolean; candidates: PickablePerson[] }) {
  const router = useRouter();
  const [selection, setSelection] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TeamMemberRow[] | null>(null);
  const onSelectionChange = useCallback((ids: string[]) => setSelection(ids), []);

  const columns = useMemo(() => {
    const base = [
      col.accessor("name", {
        header: "Name",
        cell: (info) => {
          const m = info.row.original;
          return (
            <div className="flex items-center gap-3">
              <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">{m.name.split(/\s+/).map((s) => s[0]).slice(0, 2).join("")}</span>
              <span className="whitespace-nowrap font-medium text-slate-900">{m.name}</span>
              {m.status !== "ACTIVE" ? <Badge tone={m.status === "DEACTIVATED" ? "red" : "slate"}>{m.status === "DEACTIVATED" ? "Deactivated" : "Invited"}</Badge> : null}
            </div>
          );
        },
      }),
      col.accessor("email", { header: "Email", cell: (info) => <span className="whitespace-nowrap text-slate-600">{info.getValue()}</span> }),
      col.accessor("role", { header: "Role", enableSorting: false, cell: (info) => <Badge tone={info.getValue() === "GUEST" ? "amber" : "slate"}>{ROLE_LABELS[info.getValue()]}</Badge> }),
      ...(showSource ? [col.display({ id: "source", header: "Membership", enableSorting: false, cell: (info) => <Source m={info.row.original} isDefault={team.isDefault} /> })] : []),
    ];
    if (!canManage) return base;
    return [
      ...base,
      col.display({
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        cell: (info) => {
          const m = info.row.original;
          return m.direct ? (
            <IconButton tone="danger" onClick={() => setRemoving([m])} label={`Remove ${m.name}`} title="Remove from team">
              <UserMinus className="h-4 w-4" />
            </IconButton>
          ) : null;
        },
      }),
    ];
  }, [canManage, showSource, team.isDefault]);

  const selectedRows = rows.filter((r) => selection.includes(r.id));
  return (
    <>
      <DataTable
        columns={columns as never}
        data={rows}
        page={page}
        selectable={canManage}
        onSelectionChange={onSelectionChange}
        filterPlaceholder="Filter members…"
        emptyText="No members match."
        toolbar={
          canManage ? (
            <div className="ml-auto flex items-center gap-2">
              {selection.length ? (
                <Button type="button" variant="secondary" onClick={() => setRemoving(selectedRows)}><UserMinus className="h-4 w-4" />Remove {selection.length}</Button>
              ) : null}
              <Button type="button" onClick={() => setAdding(true)}><UserPlus className="h-4 w-4" />Add members</Button>
            </div>
          ) : null
        }
      />
      {canManage ? <AddMembersDialog open={adding} onClose={() => setAdding(false)} team={team} candidates={candidates} onDone={() => router.refresh()} /> : null}
      {removing ? <RemoveMembersDialog team={team} members={removing} onClose={() => setRemoving(null)} onDone={() => router.refresh()} /> : null}
    </>
  );
}

function AddMembersDialog({ open, onClose, team, candidates, onDone }: { open: boolean; onClose: () => void; team: Team; candidates: PickablePerson[]; onDone: () => void }) {
  const reviewFor = useCallback((userIds: string[]) => previewAddTeamMembers({ teamId: team.id, userIds, confirm: true }), [team.id]);
  return (
    <AddPeopleDialog
      open={open}
      title={`Add members to ${team.name}`}
      description="They become direct members. People can also belong through a group."
      candidates={candidates}
      // Non-guests are in General already: only guests would be added there.
      warningsFor={(people) => additionWarnings(team, team.isDefault ? people.filter((p) => p.role === "GUEST") : people)}
      submit={(userIds, confirm, confirmExposures) => addTeamMembers({ teamId: team.id, userIds, confirm, confirmExposures })}
      reviewExposures={reviewFor}
      onClose={onClose}
      onDone={onDone}
    />
  );
}

function RemoveMembersDialog({ team, members, onClose, onDone }: { team: Team; members: TeamMemberRow[]; onClose: () => void; onDone: () => void }) {
  const direct = members.filter((m) => m.direct);
  const indirect = members.filter((m) => !m.direct);
  const removing = useAction(removeTeamMembers, {
    fields: [],
    success: direct.length === 1 ? `${direct[0].name} was removed from ${team.name}` : `${direct.length} members were removed from ${team.name}`,
    onSuccess: () => {
      onClose();
      onDone();
    },
  });
  const { error, pending } = removing;
  const remove = () => void removing.run({ teamId: team.id, userIds: direct.map((m) => m.id) });
  return (
    <Dialog
      open
      onClose={onClose}
      title={direct.length === 1 ? `Remove ${direct[0].name} from ${team.name}?` : `Remove ${direct.length} members from ${team.name}?`}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="button" variant="danger" onClick={remove} disabled={pending || !direct.length}>{pending ? "Removing…" : "Remove"}</Button>
        </>
      }
    >
      <div className="space-y-2 text-sm text-slate-700">
        {direct.length ? <p>Their direct membership ends. {team.isDefault ? "Employees stay in General whatever happens." : "They keep any membership through a group."}</p> : null}
        {indirect.length ? (
          <WarningNote>
            {indirect.map((m) => m.name).join(", ")} {indirect.length === 1 ? "belongs" : "belong"} only through a group or as an employee: remove them from the group instead.
          </WarningNote>
        ) : null}
        {error ? <ErrorNote>{error}</ErrorNote> : null}
      </div>
    </Dialog>
  );
}
