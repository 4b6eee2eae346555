"use client";
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { Plus } from "lucide-react";
import { DataTable, type ServerPage, type ServerTableFeatures } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import type { AutomationRow } from "@/lib/automations/queries";
import { RunStatus } from "./run-panel";
import { Time } from "@/components/ui/time";

const col = createColumnHelper<ServerTableFeatures, AutomationRow>();

export function AutomationsTable({ rows, page }: { rows: AutomationRow[]; page: ServerPage }) {
  const columns = [
    col.accessor("name", {
      header: "Automation",
      cell: (info) => {
        const a = info.row.original;
        return (
          <div className="min-w-0 max-w-sm">
            <Link href={`/settings/automations/${a.id}`} className="font-medium text-slate-900 hover:text-brand-700">{a.name}</Link>
            <div className="line-clamp-2 text-xs text-slate-500">{a.ruleSummary}</div>
          </div>
        );
      },
    }),
    col.display({
      id: "action",
      header: "Action",
      enableSorting: false,
      cell: (info) => {
        const a = info.row.original;
        return <span className="text-slate-700">{a.action === "add" ? "Add to" : "Remove from"} {a.teams.length ? a.teams.join(", ") : <span className="text-slate-400">(no team)</span>}</span>;
      },
    }),
    col.accessor("trigger", { header: "Trigger", cell: (info) => <span className="text-slate-600">{info.row.original.triggerSummary}</span> }),
    col.accessor("enabled", { header: "Enabled", cell: (info) => (info.getValue() ? <Badge tone="green">Enabled</Badge> : <Badge>Disabled</Badge>) }),
    col.display({
      id: "lastRun",
      header: "Last run",
      enableSorting: false,
      cell: (info) => {
        const r = info.row.original.lastRun;
        if (!r) return <span className="text-slate-400">Never</span>;
        return (
          <div className="flex flex-col items-start gap-0.5">
            <RunStatus run={r} />
            <span className="text-xs text-slate-500"><Time iso={r.finishedAt ?? r.createdAt} /> · +{r.added.toLocaleString("en-US")} / −{r.removed.toLocaleString("en-US")}</span>
          </div>
        );
      },
    }),
  ];
  return (
    <DataTable
      columns={columns as never}
      data={rows}
      page={page}
      filterPlaceholder="Filter automations…"
      emptyText="No automation yet. Create one to allocate resources to teams by rule."
      toolbar={<Link href="/settings/automations/new" className={buttonClass("primary", "ml-auto")}><Plus className="h-4 w-4" aria-hidden />New automation</Link>}
    />
  );
}
