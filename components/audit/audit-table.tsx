"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { CalendarDays, ChevronDown } from "lucide-react";
import type { AuditRow } from "@/lib/audit/queries";
import { describeChange, type ChangeLine } from "@/lib/audit/describe";
import { formatDay } from "@/lib/format/date";
import { DataTable, type ServerPage, type ServerTableFeatures } from "@/components/data-table/data-table";
import { useTableUrl } from "@/components/data-table/use-table-url";
import { auditUrl } from "@/lib/audit/schemas";
import { Badge } from "@/components/ui/badge";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Time } from "@/components/ui/time";
import { selectClass } from "@/components/ui/field";

const col = createColumnHelper<ServerTableFeatures, AuditRow>();

function Line({ line }: { line: ChangeLine }) {
  const field = <span className="text-slate-600">{line.field}:</span>;
  if (line.kind === "list")
    return (
      <li>
        {field}{" "}
        {line.added.length ? <span className="text-emerald-800">added {line.added.join(", ")}</span> : null}
        {line.added.length && line.removed.length ? "; " : null}
        {line.removed.length ? <span className="text-rose-800">removed {line.removed.join(", ")}</span> : null}
      </li>
    );
  if (line.kind === "set") return <li>{field} <span className="text-slate-900">{line.to}</span></li>;
  if (line.kind === "cleared") return <li>{field} <span className="text-slate-900 line-through decoration-slate-400">{line.from}</span></li>;
  return (
    <li>
      {field} <span className="text-slate-700">{line.from}</span> <span aria-label="to" className="text-slate-500">→</span> <span className="font-medium text-slate-900">{line.to}</span>
    </li>
  );
}

function Change({ before, after }: { before: unknown; after: unknown }) {
  const lines = describeChange(before, after);
  if (!lines.length) return <span className="text-slate-500">—</span>;
  return <ul className="min-w-48 max-w-md space-y-0.5 break-words text-xs">{lines.map((l, i) => <Line key={i} line={l} />)}</ul>;
}

const columns = [
  col.accessor("createdAt", {
    header: "Time",
    cell: (i) => <Time iso={i.getValue()} className="whitespace-nowrap tabular-nums text-slate-700" />,
  }),
  col.accessor("actorEmail", { header: "Actor", cell: (i) => <span className="whitespace-nowrap text-slate-800">{i.getValue() ?? "system"}</span> }),
  col.accessor("action", { header: "Action", cell: (i) => <Badge tone="blue" className="whitespace-nowrap font-mono">{i.getValue()}</Badge> }),
  col.accessor("targetType", {
    header: "Target",
    cell: (i) => (
      <span className="flex min-w-0 max-w-64 flex-col">
        <span className="truncate font-medium text-slate-900" title={i.row.original.targetName ?? undefined}>{i.row.original.targetName ?? i.row.original.targetId ?? ""}</span>
        <span className="text-xs text-slate-600">{i.getValue()}</span>
      </span>
    ),
  }),
  col.accessor("after", { header: "Change", enableSorting: false, cell: (i) => <Change before={i.row.original.before} after={i.getValue()} /> }),
];

/** From/To days behind one button, written as every other date ("1 Dec 2026"), not in the browser's own format. */
function DateRange() {
  const { values, set } = useTableUrl(auditUrl.parsers);
  const from = values.from ?? "";
  const to = values.to ?? "";
  const label = from || to ? `${from ? formatDay(from) : "…"} – ${to ? formatDay(to) : "today"}` : "Any time";
  return (
    <Popover>
      <PopoverTrigger className={`${selectClass} inline-flex items-center gap-2 whitespace-nowrap`} aria-label={`Dates: ${label}`}>
        <CalendarDays className="h-4 w-4 text-slate-600" aria-hidden /> {label} <ChevronDown className="h-3.5 w-3.5 text-slate-600" aria-hidden />
      </PopoverTrigger>
      <PopoverContent className="w-64 space-y-3 p-3">
        <label className="block text-sm text-slate-700">From (UTC day)
          <input type="date" className={`${selectClass} mt-1 w-full`} value={from} onChange={(e) => set({ from: e.target.value || null }, { resetPage: true })} />
        </label>
        <label className="block text-sm text-slate-700">To (UTC day)
          <input type="date" className={`${selectClass} mt-1 w-full`} value={to} onChange={(e) => set({ to: e.target.value || null }, { resetPage: true })} />
        </label>
        {from || to ? (
          <button type="button" className="text-sm font-medium text-brand-700 hover:underline" onClick={() => set({ from: null, to: null }, { resetPage: true })}>Any time</button>
        ) : null}
      </PopoverContent>
    </Popover>
  );
}

export function AuditTable({ rows, page, actions, targetTypes }: { rows: AuditRow[]; page: ServerPage; actions: string[]; targetTypes: string[] }) {
  const { values, set } = useTableUrl(auditUrl.parsers);
  return (
    <DataTable
      columns={columns as never}
      data={rows}
      page={page}
      compact
      filterPlaceholder="Filter by target, actor or action…"
      emptyText="No events match these filters."
      toolbar={
        <div className="flex flex-wrap items-center gap-2">
          <select aria-label="Action" className={selectClass} value={values.action ?? ""} onChange={(e) => set({ action: e.target.value || null }, { resetPage: true })}>
            <option value="">All actions</option>
            {actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
          <select aria-label="Target type" className={selectClass} value={values.targetType ?? ""} onChange={(e) => set({ targetType: e.target.value || null }, { resetPage: true })}>
            <option value="">All targets</option>
            {targetTypes.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
          <DateRange />
        </div>
      }
    />
  );
}
