"use client";
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { ResourceSummary } from "@/lib/catalog/types";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { DataTable, type ServerPage, type ServerTableFeatures } from "@/components/data-table/data-table";
import { TypeIcon } from "./type-icon";
import { Badge } from "@/components/ui/badge";

const col = createColumnHelper<ServerTableFeatures, ResourceSummary>();

const columns = [
  col.accessor("name", {
    header: "Name",
    cell: (info) => {
      const r = info.row.original;
      return (
        <Link href={`/resources/${r.id}`} className="flex items-center gap-2.5 font-medium text-slate-900 hover:text-brand-700">
          <TypeIcon type={r.type} size="sm" />
          <span className="truncate">{r.name}</span>
          {r.removed ? <Badge tone="red">removed</Badge> : null}
        </Link>
      );
    },
  }),
  col.accessor("type", { header: "Type", cell: (info) => <span className="text-slate-600">{TYPE_LABELS[info.getValue()]}</span> }),
  col.accessor("description", {
    header: "Description",
    enableSorting: false,
    cell: (info) => {
      const r = info.row.original;
      const dataType = r.dataType;
      return (
        <span className="line-clamp-1 text-slate-500">
          {dataType ? <code className="mr-2 rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-700">{dataType}</code> : null}
          {info.getValue()}
        </span>
      );
    },
  }),
  col.accessor("childCount", { header: "Inside", enableSorting: false, cell: (info) => <span className="tabular-nums text-slate-500">{info.getValue() || "—"}</span> }),
];

export function ChildrenTable({ rows, page }: { rows: ResourceSummary[]; page: ServerPage }) {
  return <DataTable columns={columns as never} data={rows} page={page} filterPlaceholder="Filter by name…" emptyText="Nothing inside that you can see." />;
}
