"use client";
import { useState } from "react";
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { Lock, Plus, Trash2 } from "lucide-react";
import { DataTable, type ServerPage, type ServerTableFeatures } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { GroupRow } from "@/lib/groups/queries";
import { DeleteGroupDialog, GroupFormDialog } from "./group-dialogs";
import { IconButton } from "@/components/ui/icon-button";

const col = createColumnHelper<ServerTableFeatures, GroupRow>();

export function GroupsTable({ rows, page }: { rows: GroupRow[]; page: ServerPage }) {
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<GroupRow | null>(null);
  const columns = [
    col.accessor("name", {
      header: "Group",
      cell: (info) => {
        const g = info.row.original;
        return (
          <div className="min-w-0">
            <Link href={`/settings/groups/${g.id}`} className="whitespace-nowrap font-medium text-slate-900 hover:text-brand-700">{g.name}</Link>
            {g.description ? <div className="line-clamp-1 max-w-md text-xs text-slate-500">{g.description}</div> : null}
          </div>
        );
      },
    }),
    col.accessor("members", {
      header: "Members",
      cell: (info) => {
        const g = info.row.original;
        return (
          <span className="flex items-center gap-2">
            <span className="tabular-nums text-slate-700">{g.members}</span>
            {g.guests ? <Badge tone="amber" className="whitespace-nowrap">{g.guests} guest{g.guests === 1 ? "" : "s"}</Badge> : null}
          </span>
        );
      },
    }),
    col.accessor("teams", {
      header: "Teams",
      cell: (info) => {
        const teams = info.getValue();
        return teams.length ? (
          <div className="flex flex-wrap gap-1">
            {teams.map((t) => (
              <Link key={t.id} href={`/teams/${t.slug}`}><Badge tone="blue">{t.visibility === "PRIVATE" ? <Lock className="h-3 w-3" /> : null}{t.name}</Badge></Link>
            ))}
          </div>
        ) : <span className="text-slate-400">—</span>;
      },
    }),
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      cell: (info) => (
        <div className="flex justify-end">
          <IconButton tone="danger" onClick={() => setDeleting(info.row.original)} label={`Delete ${info.row.original.name}`} title="Delete">
            <Trash2 className="h-4 w-4" />
          </IconButton>
        </div>
      ),
    }),
  ];
  return (
    <>
      <DataTable
        columns={columns as never}
        data={rows}
        page={page}
        filterPlaceholder="Filter groups…"
        emptyText="No group matches."
        toolbar={<Button type="button" className="ml-auto" onClick={() => setCreating(true)}><Plus className="h-4 w-4" />New group</Button>}
      />
      <GroupFormDialog open={creating} onClose={() => setCreating(false)} />
      {deleting ? <DeleteGroupDialog group={deleting} onClose={() => setDeleting(null)} /> : null}
    </>
  );
}
