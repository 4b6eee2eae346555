"use client";
/* eslint-disable @typescript-eslint/no-explicit-any -- TanStack 9's table type does not follow a generic
   feature set through useTable's manual mode; the table is typed loosely here, once, instead of at each use. */
import { useEffect, useState } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight, Search } from "lucide-react";
import { rowPaginationFeature, rowSortingFeature, rowSelectionFeature, tableFeatures, useTable } from "@tanstack/react-table";
import type { ColumnDef, RowSelectionState, SortingState } from "@tanstack/react-table";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/select";
import { tableUrlParsers } from "@/lib/table-url-parsers";
import { useTableUrl } from "./use-table-url";

export const serverTableFeatures = tableFeatures({ rowPaginationFeature, rowSortingFeature, rowSelectionFeature });
export type ServerTableFeatures = typeof serverTableFeatures;

// A column with the id "actions" stays at the right edge while the table scrolls sideways, so a row's actions are
// always in view (a narrow window, a long table).
const STICKY_HEAD = "sticky right-0 z-[1] bg-slate-50 shadow-[-8px_0_8px_-8px_rgb(15_23_42/0.15)]";
const STICKY_CELL = "sticky right-0 z-[1] bg-white group-hover/row:bg-slate-50 shadow-[-8px_0_8px_-8px_rgb(15_23_42/0.15)]";

export type ServerPage = {
  total: number;
  page: number;
  size: number;
  pageCount: number;
  sort: string;
  dir: "asc" | "desc";
  q: string;
  /** The count stopped at `total` (a cap, lib/db/cap.ts): there are more rows, shown as "10,000+". */
  totalCapped?: boolean;
};

/**
 * A TanStack table in manual mode: rows arrive already paged, sorted and filtered by the server, and every
 * change of page, size, sort or filter goes into the URL.
 */
export function DataTable<T extends { id: string }>({
  columns,
  data,
  page,
  filterPlaceholder = "Filter…",
  emptyText = "Nothing here.",
  selectable = false,
  onSelectionChange,
  toolbar,
  compact = false,
}: {
  columns: ColumnDef<ServerTableFeatures, T, any>[];
  data: T[];
  page: ServerPage;
  filterPlaceholder?: string;
  emptyText?: string;
  selectable?: boolean;
  onSelectionChange?: (ids: string[]) => void;
  toolbar?: React.ReactNode;
  /** Narrower cell padding, for tables with many columns. */
  compact?: boolean;
}) {
  const { values, set, pending } = useTableUrl(tableUrlParsers);
  const [filter, setFilter] = useState(page.q);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  // The sort the URL asks for, ahead of the server's render of it: a second click on a header while the first
  // is still rendering toggles from what the first asked for, not from the rows on screen.
  const sortId = values.sort ?? page.sort;
  const sortDir: "asc" | "desc" = values.dir ?? (values.sort ? "asc" : page.dir);
  const sorting: SortingState = [{ id: sortId, desc: sortDir === "desc" }];

  // The URL changed under the filter box (back button, a link): adopt its value, during render.
  const [urlQ, setUrlQ] = useState(page.q);
  if (urlQ !== page.q) {
    setUrlQ(page.q);
    setFilter(page.q);
  }
  useEffect(() => {
    const t = setTimeout(() => {
      if (filter !== page.q) set({ q: filter.trim() || null }, { resetPage: true, history: "replace" });
    }, 300);
    return () => clearTimeout(t);
  }, [filter, page.q, set]);
  // A new page of rows clears the selection (adjusted during render, not in an effect).
  const [rowsSeen, setRowsSeen] = useState(data);
  if (rowsSeen !== data) {
    setRowsSeen(data);
    setRowSelection({});
  }
  useEffect(() => onSelectionChange?.(Object.keys(rowSelection).filter((k) => rowSelection[k])), [rowSelection, onSelectionChange]);

  const table = useTable({
    features: serverTableFeatures,
    columns,
    data,
    getRowId: (row: T) => row.id,
    rowCount: page.total,
    manualPagination: true,
    manualSorting: true,
    enableRowSelection: selectable,
    state: { sorting, pagination: { pageIndex: page.page - 1, pageSize: page.size }, rowSelection },
    onRowSelectionChange: setRowSelection,
    onSortingChange: (updater: SortingState | ((old: SortingState) => SortingState)) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      set({ sort: first?.id ?? null, dir: first ? (first.desc ? "desc" : "asc") : null }, { resetPage: true });
    },
  } as never) as any;

  const px = compact ? "px-3 first:pl-5 last:pr-5" : "px-5";
  const from = page.total === 0 ? 0 : (page.page - 1) * page.size + 1;
  const to = Math.min(page.total, page.page * page.size);

  return (
    // While the server renders the rows of a new URL state, the old rows stay, dimmed, and the table says it is busy.
    <div className={cn("transition-opacity", pending && "opacity-60")} aria-busy={pending || undefined}>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-4 py-3 sm:px-5">
        <label className="relative min-w-0 flex-1 basis-56 sm:max-w-sm">
          <span className="sr-only">Filter</span>
          <Search className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-500" aria-hidden />
          <input
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={filterPlaceholder}
            className="w-full rounded-lg border border-slate-300 bg-white py-2 pl-8 pr-3 text-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
          />
        </label>
        {toolbar}
      </div>
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((group: any) => (
              <tr key={group.id}>
                {selectable ? (
                  <th className={cn("w-10 py-2.5", px)}>
                    <input type="checkbox" aria-label="Select all on this page" checked={table.getIsAllPageRowsSelected()} onChange={table.getToggleAllPageRowsSelectedHandler()} />
                  </th>
                ) : null}
                {group.headers.map((header: any) => {
                  const sticky = header.column.id === "actions";
                  const canSort = header.column.columnDef.enableSorting !== false;
                  const dir = sortId === header.column.id ? sortDir : null;
                  return (
                    <th key={header.id} className={cn("py-2.5 font-medium", px, sticky && STICKY_HEAD)} aria-sort={dir ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                      {canSort ? (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 whitespace-nowrap uppercase tracking-wide hover:text-slate-900"
                          onClick={() => set({ sort: header.column.id, dir: dir === "asc" ? "desc" : "asc" }, { resetPage: true })}
                        >
                          <table.FlexRender header={header} />
                          {dir === "asc" ? <ArrowUp className="h-3 w-3" /> : dir === "desc" ? <ArrowDown className="h-3 w-3" /> : <ArrowUpDown className="h-3 w-3 opacity-40" />}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length + (selectable ? 1 : 0)} className="px-5 py-10 text-sm text-slate-500">
                  {/* Kept to the visible width: the table may be wider than its scroll box on a phone. */}
                  <p className="sticky left-5 max-w-[calc(100vw-5rem)] text-center sm:max-w-none">{emptyText}</p>
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row: any) => (
                <tr key={row.id} className={cn("group/row hover:bg-slate-50", row.getIsSelected?.() && "bg-brand-50/50")}>
                  {selectable ? (
                    <td className={cn("py-2.5", px)}>
                      <input type="checkbox" aria-label="Select row" checked={row.getIsSelected()} onChange={() => row.toggleSelected()} />
                    </td>
                  ) : null}
                  {row.getAllCells().map((cell: any) => (
                    <td key={cell.id} className={cn("py-2.5 align-middle", px, cell.column.id === "actions" && STICKY_CELL)}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-700 sm:px-5">
        <span className="tabular-nums">
          {page.total === 0 ? "No rows" : `${from}–${to} of ${page.total.toLocaleString("en-US")}${page.totalCapped ? "+" : ""}`}
        </span>
        <div className="flex items-center gap-3">
          <span className="flex items-center gap-2">
            <span aria-hidden>Rows</span>
            <Select label="Rows per page" value={String(page.size)} onChange={(v) => set({ size: Number(v) }, { resetPage: true })} options={[10, 25, 50, 100].map((n) => ({ value: String(n), label: String(n) }))} />
          </span>
          <span className="tabular-nums">Page {page.page} of {page.pageCount}</span>
          <button type="button" aria-label="Previous page" disabled={page.page <= 1} onClick={() => set({ page: page.page - 1 })}
            className="rounded-md p-1 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-40">
            <ChevronLeft className="h-4 w-4" />
          </button>
          <button type="button" aria-label="Next page" disabled={page.page >= page.pageCount} onClick={() => set({ page: page.page + 1 })}
            className="rounded-md p-1 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-40">
            <ChevronRight className="h-4 w-4" />
          </button>
        </div>
      </div>
    </div>
  );
}
