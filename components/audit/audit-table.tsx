"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Download } from "lucide-react";
import type { AuditRow } from "@/lib/audit/queries";
import { DataTable, type ServerPage, type ServerTableFeatures } from "@/components/data-table/data-table";
import { useUrlState } from "@/components/data-table/use-url-state";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";

const col = createColumnHelper<ServerTableFeatures, AuditRow>();

function Change({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <span className="text-slate-400">—</span>;
  const fmt = (v: unknown) => (v == null ? "∅" : typeof v === "object" ? JSON.stringify(v) : String(v));
  return (
    <span className="block max-w-md truncate font-mono text-xs text-slate-600" title={`${fmt(before)} → ${fmt(after)}`}>
      {before != null ? <span className="text-rose-700">{fmt(before)}</span> : null}
      {before != null && after != null ? " → " : null}
      {after != null ? <span className="text-emerald-700">{fmt(after)}</span> : null}
    </span>
  );
}

const columns = [
  col.accessor("createdAt", {
    header: "Time",
    cell: (i) => <span className="whitespace-nowrap tabular-nums text-slate-600">{new Date(i.getValue()).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })}</span>,
  }),
  col.accessor("actorEmail", { header: "Actor", cell: (i) => <span className="text-slate-800">{i.getValue() ?? "system"}</span> }),
  col.accessor("action", { header: "Action", cell: (i) => <Badge tone="blue">{i.getValue()}</Badge> }),
  col.accessor("targetType", {
    header: "Target",
    cell: (i) => (
      <span>
        <span className="text-slate-400">{i.getValue()} </span>
        <span className="font-medium text-slate-800">{i.row.original.targetName ?? i.row.original.targetId ?? ""}</span>
      </span>
    ),
  }),
  col.accessor("after", { header: "Change", enableSorting: false, cell: (i) => <Change before={i.row.original.before} after={i.getValue()} /> }),
];

export function AuditTable({ rows, page, actions, targetTypes, exportHref }: { rows: AuditRow[]; page: ServerPage; actions: string[]; targetTypes: string[]; exportHref: string }) {
  const { params, set } = useUrlState();
  const select = "rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm";
  return (
    <DataTable
      columns={columns as never}
      data={rows}
      page={page}
      filterPlaceholder="Filter by target, actor or action…"
      emptyText="No events match these filters."
      toolbar={
        <>
          <select aria-label="Action" className={select} value={params.get("action") ?? ""} onChange={(e) => set({ action: e.target.value || null }, { resetPage: true })}>
            <option value="">All actions</option>
            {actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
          <select aria-label="Target type" className={select} value={params.get("targetType") ?? ""} onChange={(e) => set({ targetType: e.target.value || null }, { resetPage: true })}>
            <option value="">All targets</option>
            {targetTypes.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
          <label className="flex items-center gap-1 text-sm text-slate-600">From <input type="date" className={select} value={params.get("from") ?? ""} onChange={(e) => set({ from: e.target.value || null }, { resetPage: true })} /></label>
          <label className="flex items-center gap-1 text-sm text-slate-600">To <input type="date" className={select} value={params.get("to") ?? ""} onChange={(e) => set({ to: e.target.value || null }, { resetPage: true })} /></label>
          <a href={exportHref} className={buttonClass("secondary", "ml-auto")}><Download className="h-4 w-4" /> Export CSV</a>
        </>
      }
    />
  );
}
