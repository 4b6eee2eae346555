"use client";
import { useCallback, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { createColumnHelper } from "@tanstack/react-table";
import { Download, MoreHorizontal } from "lucide-react";
import type { MemberRow } from "@/lib/members/queries";
import { ROLE_LABELS, type Role } from "@/lib/policy";
import { DataTable, type ServerPage, type ServerTableFeatures } from "@/components/data-table/data-table";
import { useTableUrl } from "@/components/data-table/use-table-url";
import { membersUrl } from "@/lib/members/schemas";
import { createSerializer } from "nuqs";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { deactivateMembers, reactivateMembers } from "@/lib/members/actions";
import type { TeamOption } from "./invite-dialog";
import { selectClass } from "@/components/ui/field";
import { RoleChangeDialog } from "./role-change";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { MemberDialog } from "./member-dialog";
import { ViewAsButton } from "@/components/view-as/view-as-button";
import { Time } from "@/components/ui/time";

const STATUS: Record<MemberRow["status"], { label: string; tone: BadgeTone }> = {
  ACTIVE: { label: "Active", tone: "green" },
  INVITED: { label: "Invited", tone: "amber" },
  DEACTIVATED: { label: "Deactivated", tone: "red" },
};
const ROLE_TONE: Record<Role, BadgeTone> = { ADMIN: "violet", EDITOR: "blue", VIEWER: "slate", GUEST: "amber" };


function Chips({ items }: { items: { id: string; name: string }[] }) {
  if (!items.length) return <span className="text-slate-400">—</span>;
  const shown = items.slice(0, 2);
  return (
    <span className="flex flex-wrap gap-1" title={items.map((i) => i.name).join(", ")}>
      {shown.map((i) => <Badge key={i.id} className="whitespace-nowrap">{i.name}</Badge>)}
      {items.length > shown.length ? <span className="text-xs text-slate-500">+{items.length - shown.length}</span> : null}
    </span>
  );
}

const col = createColumnHelper<ServerTableFeatures, MemberRow>();
const serializeMembersUrl = createSerializer(membersUrl.parsers);

type Filters = { role: string; status: string; team: string };
type Bulk = { kind: "role"; role: Role } | { kind: "deactivate" } | { kind: "reactivate" } | null;

export function MembersTable({ rows, page, teams, filters, viewerId }: { rows: MemberRow[]; page: ServerPage; teams: TeamOption[]; filters: Filters; viewerId: string }) {
  const router = useRouter();
  const { set, values } = useTableUrl(membersUrl.parsers);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<Bulk>(null);
  const [managing, setManaging] = useState<MemberRow | null>(null);
  const onSelectionChange = useCallback((ids: string[]) => setSelected(ids), []);

  const columns = useMemo(
    () => [
      col.accessor("name", {
        header: "Name",
        cell: (info) => (
          <span className="whitespace-nowrap font-medium text-slate-900">
            {info.getValue()}
            {info.row.original.id === viewerId ? <span className="ml-1.5 text-xs font-normal text-slate-400">(you)</span> : null}
          </span>
        ),
      }),
      col.accessor("email", { header: "Email", cell: (info) => <span className="whitespace-nowrap text-slate-600">{info.getValue()}</span> }),
      col.accessor("role", { header: "Role", cell: (info) => <Badge tone={ROLE_TONE[info.getValue()]}>{ROLE_LABELS[info.getValue()]}</Badge> }),
      col.accessor("status", {
        header: "Status",
        cell: (info) => {
          const inv = info.row.original.invitation;
          const s = STATUS[info.getValue()];
          return (
            <span className="flex flex-col items-start gap-0.5">
              <Badge tone={s.tone}>{s.label}</Badge>
              {info.getValue() === "INVITED" && inv && inv.state !== "pending" ? <span className="text-xs text-slate-500">link {inv.state}</span> : null}
            </span>
          );
        },
      }),
      col.accessor("teams", { header: "Teams", enableSorting: false, cell: (info) => <Chips items={info.getValue()} /> }),
      col.accessor("groups", { header: "Groups", enableSorting: false, cell: (info) => <Chips items={info.getValue()} /> }),
      col.accessor("joinedAt", { id: "joined", header: "Joined", cell: (info) => <span className="whitespace-nowrap text-slate-500"><Time iso={info.getValue()} style="date" /></span> }),
      col.accessor("lastActiveAt", { id: "lastActive", header: "Last active", cell: (info) => <span className="whitespace-nowrap text-slate-500">{info.getValue() ? <Time iso={info.getValue()!} style="date" /> : "Never"}</span> }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        cell: (info) => (
          <span className="flex items-center justify-end gap-0.5">
            {info.row.original.status === "ACTIVE" && info.row.original.id !== viewerId ? (
              <ViewAsButton compact userId={info.row.original.id} name={info.row.original.name} />
            ) : null}
            <button type="button" aria-label={`Manage ${info.row.original.name}`} onClick={() => setManaging(info.row.original)}
              className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900">
              <MoreHorizontal className="h-4 w-4" />
            </button>
          </span>
        ),
      }),
    ],
    [viewerId],
  );

  // The CSV holds what the table shows: its filters and sort, every page.
  const exportHref = useMemo(
    () => serializeMembersUrl("/api/members/export", { q: values.q, role: values.role, status: values.status, team: values.team, sort: values.sort, dir: values.dir }),
    [values],
  );

  const toolbar = selected.length ? (
    <div className="flex flex-wrap items-center gap-2" data-testid="bulk-actions">
      <span className="text-sm font-medium text-slate-700">{selected.length} selected</span>
      <select aria-label="Change role of selected" className={selectClass} value="" onChange={(e) => e.target.value && setBulk({ kind: "role", role: e.target.value as Role })}>
        <option value="">Change role…</option>
        {(["ADMIN", "EDITOR", "VIEWER", "GUEST"] as Role[]).map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
      </select>
      <button type="button" className={buttonClass("secondary")} onClick={() => setBulk({ kind: "deactivate" })}>Deactivate</button>
      <button type="button" className={buttonClass("secondary")} onClick={() => setBulk({ kind: "reactivate" })}>Reactivate</button>
    </div>
  ) : (
    <div className="flex flex-wrap items-center gap-2">
      <select aria-label="Role" className={selectClass} value={filters.role} onChange={(e) => set({ role: e.target.value || null }, { resetPage: true })}>
        <option value="">All roles</option>
        {(["ADMIN", "EDITOR", "VIEWER", "GUEST"] as Role[]).map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
      </select>
      <select aria-label="Status" className={selectClass} value={filters.status} onChange={(e) => set({ status: e.target.value || null }, { resetPage: true })}>
        <option value="">All statuses</option>
        {(Object.keys(STATUS) as MemberRow["status"][]).map((s) => <option key={s} value={s}>{STATUS[s].label}</option>)}
      </select>
      <select aria-label="Team" className={selectClass} value={filters.team} onChange={(e) => set({ team: e.target.value || null }, { resetPage: true })}>
        <option value="">All teams</option>
        {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
      </select>
      <a href={exportHref} className={buttonClass("ghost")} download>
        <Download className="h-4 w-4" aria-hidden /> Export CSV
      </a>
    </div>
  );

  const done = () => {
    setBulk(null);
    router.refresh();
  };
  const names = rows.filter((r) => selected.includes(r.id)).map((r) => r.name);

  return (
    <>
      <DataTable compact columns={columns as never} data={rows} page={page} selectable onSelectionChange={onSelectionChange}
        filterPlaceholder="Filter by name or email…" emptyText="No member matches these filters." toolbar={toolbar} />
      {bulk?.kind === "role" ? <RoleChangeDialog userIds={selected} role={bulk.role} onClose={() => setBulk(null)} onDone={done} /> : null}
      {bulk?.kind === "deactivate" ? (
        <ConfirmDialog title={`Deactivate ${selected.length === 1 ? names[0] : `${selected.length} members`}?`} danger confirmLabel="Deactivate"
          body={<><p>Their open sessions end at their next request and they cannot sign in. Their history stays, and you can reactivate them later.</p><p className="text-xs text-slate-500">{names.join(", ")}</p></>}
          run={() => deactivateMembers({ userIds: selected })} onClose={() => setBulk(null)} onDone={done} />
      ) : null}
      {bulk?.kind === "reactivate" ? (
        <ConfirmDialog title={`Reactivate ${selected.length === 1 ? names[0] : `${selected.length} members`}?`} confirmLabel="Reactivate"
          body={<><p>They get their access back with their current role and teams. Members who never accepted their invitation need a new link.</p><p className="text-xs text-slate-500">{names.join(", ")}</p></>}
          run={() => reactivateMembers({ userIds: selected })} onClose={() => setBulk(null)} onDone={done} />
      ) : null}
      {managing ? <MemberDialog member={managing} isSelf={managing.id === viewerId} onClose={() => setManaging(null)} /> : null}
    </>
  );
}
