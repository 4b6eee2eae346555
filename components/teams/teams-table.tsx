"use client";
import { useState } from "react";
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { Globe, Lock, Pencil, Plus, Trash2 } from "lucide-react";
import { DataTable, type ServerPage, type ServerTableFeatures } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { TeamRow } from "@/lib/teams/queries";
import { DeleteTeamDialog, TeamFormDialog } from "./team-dialogs";
import { IconButton } from "@/components/ui/icon-button";

const col = createColumnHelper<ServerTableFeatures, TeamRow>();
const num = (n: number) => <span className="tabular-nums text-slate-700">{n.toLocaleString("en-US")}</span>;

export function TeamsTable({ rows, page }: { rows: TeamRow[]; page: ServerPage }) {
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TeamRow | null>(null);
  const [deleting, setDeleting] = useState<TeamRow | null>(null);

  const columns = [
    col.accessor("name", {
      header: "Team",
      cell: (info) => {
        const t = info.row.original;
        return (
          <div className="min-w-0">
            <div className="flex items-center gap-2">
              <Link href={`/teams/${t.slug}`} className="font-medium text-slate-900 hover:text-brand-700">{t.name}</Link>
              {t.isDefault ? <Badge>Default</Badge> : null}
            </div>
            {t.description ? <div className="line-clamp-1 max-w-md text-xs text-slate-500">{t.description}</div> : null}
          </div>
        );
      },
    }),
    col.accessor("visibility", {
      header: "Visibility",
      cell: (info) =>
        info.getValue() === "PRIVATE" ? (
          <span className="inline-flex items-center gap-1.5 text-slate-600"><Lock className="h-3.5 w-3.5 text-slate-400" />Private</span>
        ) : (
          <span className="inline-flex items-center gap-1.5 text-slate-600"><Globe className="h-3.5 w-3.5 text-slate-400" />Public</span>
        ),
    }),
    col.accessor("members", { header: "Members", cell: (info) => num(info.getValue()) }),
    col.accessor("groups", { header: "Groups", cell: (info) => num(info.getValue()) }),
    col.accessor("resources", { header: "Resources", cell: (info) => num(info.getValue()) }),
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      cell: (info) => {
        const t = info.row.original;
        return (
          <div className="flex justify-end gap-1">
            <IconButton onClick={() => setEditing(t)} label={`Edit ${t.name}`} title="Edit">
              <Pencil className="h-4 w-4" />
            </IconButton>
            {t.isDefault ? (
              <span className="w-7" aria-hidden />
            ) : (
              <IconButton tone="danger" onClick={() => setDeleting(t)} label={`Delete ${t.name}`} title="Delete">
                <Trash2 className="h-4 w-4" />
              </IconButton>
            )}
          </div>
        );
      },
    }),
  ];

  return (
    <>
      <DataTable
        columns={columns as never}
        data={rows}
        page={page}
        filterPlaceholder="Filter teams…"
        emptyText="No team matches."
        toolbar={<Button type="button" className="ml-auto" onClick={() => setCreating(true)}><Plus className="h-4 w-4" />New team</Button>}
      />
      <TeamFormDialog open={creating} onClose={() => setCreating(false)} />
      {editing ? <TeamFormDialog open onClose={() => setEditing(null)} team={editing} /> : null}
      {deleting ? <DeleteTeamDialog open onClose={() => setDeleting(null)} team={deleting} /> : null}
    </>
  );
}
