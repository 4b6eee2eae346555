"use client";
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { ResourceSummary } from "@/lib/catalog/types";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { DataTable, type ServerPage, type ServerTableFeatures } from "@/components/data-table/data-table";
import { TypeIcon } from "./type-icon";
import { Badge } from "@/components/ui/badge";

const col = createColumnHelper<ServerTableFeatures, ResourceSummary>();

const nameCol = col.accessor("name", {
  header: "Name",
  cell: (info) => {
    const r = info.row.original;
    return (
      <div className="flex items-center gap-2">
        <Link href={`/resources/${r.id}`} className="flex items-center gap-2.5 font-medium text-slate-900 hover:text-brand-700">
          <TypeIcon type={r.type} size="sm" />
          <span className="truncate">{r.name}</span>
          {r.removed ? <Badge tone="red">removed</Badge> : null}
        </Link>
        {r.primaryKey ? <span title="Primary key"><Badge tone="blue">PK</Badge></span> : null}
      </div>
    );
  },
});
const typeCol = col.accessor("type", { header: "Type", cell: (info) => <span className="text-slate-600">{TYPE_LABELS[info.getValue()]}</span> });
const dataTypeCol = col.accessor("dataType", {
  header: "Data type",
  enableSorting: false,
  cell: (info) => (info.getValue() ? <code className="rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-700">{info.getValue()}</code> : null),
});
const nullableCol = col.accessor("nullable", {
  header: "Nullable",
  enableSorting: false,
  cell: (info) => (info.getValue() === undefined ? null : <span className="text-slate-600">{info.getValue() ? "Yes" : "No"}</span>),
});
const descriptionCol = col.accessor("description", {
  header: "Description",
  enableSorting: false,
  cell: (info) => <span className="line-clamp-1 text-slate-500">{info.getValue()}</span>,
});
const insideCol = col.accessor("childCount", { header: "Inside", enableSorting: false, cell: (info) => <span className="tabular-nums text-slate-500">{info.getValue() || ""}</span> });

/** Only the columns that say something on this page: no "Type" when all rows share one, no empty column. */
function columnsFor(rows: ResourceSummary[]) {
  const out = [nameCol] as unknown[];
  if (new Set(rows.map((r) => r.type)).size > 1) out.push(typeCol);
  if (rows.some((r) => r.dataType)) out.push(dataTypeCol);
  if (rows.some((r) => r.nullable !== undefined)) out.push(nullableCol);
  if (rows.some((r) => r.description)) out.push(descriptionCol);
  if (rows.some((r) => r.childCount)) out.push(insideCol);
  return out;
}

export function ChildrenTable({ rows, page }: { rows: ResourceSummary[]; page: ServerPage }) {
  return <DataTable columns={columnsFor(rows) as never} data={rows} page={page} filterPlaceholder="Filter by name…" emptyText="Nothing inside that you can see." />;
}
