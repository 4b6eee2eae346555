"use client";
import Link from "next/link";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { createColumnHelper } from "@tanstack/react-table";
import { ArrowRightLeft, Minus, Plus, X } from "lucide-react";
import type { AdminResourceRow, IntegrationOption, TeamOption } from "@/lib/resources/queries";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { assignResources, moveAssignments, previewAssignment, previewMove, unassignResources } from "@/lib/resources/actions";
import type { ExposureReview } from "@/lib/isolation/guard";
import { ExposureNotice, exposureGate } from "@/components/isolation/exposure-notice";
import { DataTable, type ServerPage, type ServerTableFeatures } from "@/components/data-table/data-table";
import { useTableUrl } from "@/components/data-table/use-table-url";
import { adminResourcesUrl } from "@/lib/resources/schemas";
import { TypeIcon } from "@/components/catalog/type-icon";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

const col = createColumnHelper<ServerTableFeatures, AdminResourceRow>();
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

const columns = [
  col.accessor("name", {
    header: "Name",
    cell: (info) => {
      const r = info.row.original;
      return (
        <div className="flex min-w-0 items-center gap-2.5">
          <TypeIcon type={r.type} size="sm" />
          <div className="min-w-0">
            <div className="flex items-center gap-2">
              <Link href={`/resources/${r.id}`} className="truncate font-medium text-slate-900 hover:text-brand-700">{r.name}</Link>
              {r.removed ? <Badge tone="red">removed</Badge> : null}
            </div>
            {r.location.length ? <div className="truncate text-xs text-slate-400">{r.location.join(" / ")}</div> : null}
          </div>
        </div>
      );
    },
  }),
  col.accessor("type", { header: "Type", cell: (info) => <span className="text-slate-600">{TYPE_LABELS[info.getValue()]}</span> }),
  col.accessor("teams", {
    header: "Teams",
    enableSorting: false,
    cell: (info) => {
      const teams = info.getValue();
      if (!teams.length) return <span className="text-xs italic text-slate-400">No team · admins only</span>;
      return (
        <div className="flex flex-wrap gap-1">
          {teams.map((t) =>
            t.direct ? (
              <Badge key={t.id} tone="blue">{t.name}</Badge>
            ) : (
              <span key={t.id} title={`Inherited from ${t.via}`} className="inline-flex items-center rounded-md px-1.5 py-0.5 text-xs text-slate-500 ring-1 ring-inset ring-dashed ring-slate-300">
                {t.name}<span className="ml-1 text-slate-400">via {t.via}</span>
              </span>
            ),
          )}
        </div>
      );
    },
  }),
  col.accessor("descendants", {
    header: "Below",
    enableSorting: false,
    cell: (info) => <span className="tabular-nums text-slate-500">{info.getValue() ? info.getValue().toLocaleString("en-US") : "—"}</span>,
  }),
];

type Filters = { type: string | null; integration: string | null; team: string | null; unassigned: boolean };

function FilterBar({ filters, teams, integrations }: { filters: Filters; teams: TeamOption[]; integrations: IntegrationOption[] }) {
  const { set } = useTableUrl(adminResourcesUrl.parsers);
  const select = "rounded-lg border border-slate-300 bg-white px-2.5 py-2 text-sm text-slate-700 focus:border-brand-500 focus:outline-none";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor="f-type">Type</label>
      <select id="f-type" className={select} value={filters.type ?? ""} onChange={(e) => set({ type: e.target.value || null }, { resetPage: true })}>
        <option value="">All types</option>
        {Object.entries(TYPE_LABELS).map(([k, v]) => (
          <option key={k} value={k}>{v}</option>
        ))}
      </select>
      <label className="sr-only" htmlFor="f-integration">Integration</label>
      <select id="f-integration" className={select} value={filters.integration ?? ""} onChange={(e) => set({ integration: e.target.value || null }, { resetPage: true })}>
        <option value="">All integrations</option>
        {integrations.map((i) => (
          <option key={i.id} value={i.id}>{i.name}</option>
        ))}
      </select>
      <label className="sr-only" htmlFor="f-team">Team</label>
      <select id="f-team" className={select} value={filters.team ?? ""} disabled={filters.unassigned} onChange={(e) => set({ team: e.target.value || null }, { resetPage: true })}>
        <option value="">Any team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>{t.name}</option>
        ))}
      </select>
      <label className="flex items-center gap-1.5 text-sm text-slate-600">
        <input type="checkbox" checked={filters.unassigned} onChange={(e) => set({ unassigned: e.target.checked ? "1" : null, team: null }, { resetPage: true })} />
        Unassigned
      </label>
    </div>
  );
}

type Preview = { mode: "add" | "remove"; resources: number; descendants: number; teams: string[]; existing: number; remaining: string[]; exposures: ExposureReview };

function BulkBar({ selected, teams, onDone }: { selected: string[]; teams: TeamOption[]; onDone: () => void }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [exposureOk, setExposureOk] = useState(false);
  const [movePreview, setMovePreview] = useState<ExposureReview | null>(null);
  const [moveFrom, setMoveFrom] = useState("");
  const [moveTo, setMoveTo] = useState("");
  const [moving, setMoving] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string; details?: string[] } | null>(null);
  const failed = (text: string) => setMessage({ tone: "error", text });
  const finished = (text: string, details?: string[]) => {
    setMessage({ tone: "ok", text, details });
    onDone();
    router.refresh();
  };
  const previewing = useAction(previewAssignment, {
    fields: [],
    onSuccess: (d) => {
      setExposureOk(false);
      setPreview(d);
    },
    onError: failed,
  });
  const assigning = useAction(assignResources, {
    fields: [],
    onSuccess: (d) => finished(`Added ${plural(d.added, "assignment")}; ${plural(d.descendants, "descendant")} come along, and any added later will too.`),
    onError: failed,
  });
  const unassigning = useAction(unassignResources, {
    fields: [],
    onSuccess: (d) => finished(`Removed ${plural(d.removed, "assignment")}.`, d.remaining),
    onError: failed,
  });
  const relocating = useAction(moveAssignments, {
    fields: [],
    onSuccess: (d) => {
      setMoving(false);
      finished(`Moved ${plural(d.moved, "assignment")}${d.skipped ? `; ${plural(d.skipped, "resource")} had no direct assignment to move` : ""}.`, d.remaining);
    },
    onError: failed,
  });
  const moveInput = () => ({ resourceIds: selected, fromTeamId: moveFrom, toTeamId: moveTo });
  const previewingMove = useAction(previewMove, {
    fields: [],
    onSuccess: (d) => {
      // Nothing to confirm: the move goes ahead at once.
      if (!d.count) return void relocating.run({ ...moveInput(), confirmExposures: undefined });
      setExposureOk(false);
      setMovePreview(d);
    },
    onError: failed,
  });
  const pending = [previewing, assigning, unassigning, relocating, previewingMove].some((a) => a.pending);

  const ask = (mode: "add" | "remove") => {
    setMessage(null);
    void previewing.run({ resourceIds: selected, teamIds: chosen, mode });
  };

  const confirm = () => {
    if (!preview) return;
    const gate = exposureGate(preview.exposures, exposureOk);
    setPreview(null);
    if (preview.mode === "add") void assigning.run({ resourceIds: selected, teamIds: chosen, confirmExposures: gate.confirmExposures });
    else void unassigning.run({ resourceIds: selected, teamIds: chosen });
  };

  const move = () => {
    setMessage(null);
    // First press: the preview names what the move would expose; a second press (confirmed) moves.
    if (!movePreview) return void previewingMove.run(moveInput());
    const gate = exposureGate(movePreview, exposureOk);
    setMovePreview(null);
    void relocating.run({ ...moveInput(), confirmExposures: gate.confirmExposures });
  };

  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? "";
  const select = "rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-sm";

  return (
    <div className="border-b border-slate-100 bg-slate-50/60 px-5 py-3 text-sm" aria-label="Bulk actions">
      {selected.length ? (
        <div className="flex flex-wrap items-center gap-3">
          <span className="font-medium text-slate-800">{plural(selected.length, "resource")} selected</span>
          <fieldset className="flex flex-wrap items-center gap-1.5">
            <legend className="sr-only">Teams</legend>
            {teams.map((t) => {
              const on = chosen.includes(t.id);
              return (
                <label key={t.id} className={`cursor-pointer rounded-md px-2 py-1 text-xs font-medium ring-1 ring-inset ${on ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-600 ring-slate-300 hover:bg-slate-50"}`}>
                  <input type="checkbox" className="sr-only" checked={on} onChange={() => { setPreview(null); setChosen(on ? chosen.filter((x) => x !== t.id) : [...chosen, t.id]); }} />
                  {t.name}
                </label>
              );
            })}
          </fieldset>
          <div className="ml-auto flex items-center gap-2">
            <Button type="button" onClick={() => ask("add")} disabled={pending || !chosen.length} className="px-2.5 py-1.5"><Plus className="h-3.5 w-3.5" aria-hidden /> Add to team(s)</Button>
            <Button type="button" variant="secondary" onClick={() => ask("remove")} disabled={pending || !chosen.length} className="px-2.5 py-1.5"><Minus className="h-3.5 w-3.5" aria-hidden /> Remove from team(s)</Button>
            <Button type="button" variant="ghost" onClick={() => setMoving(!moving)} className="px-2.5 py-1.5"><ArrowRightLeft className="h-3.5 w-3.5" aria-hidden /> Move…</Button>
          </div>
        </div>
      ) : (
        <span className="text-slate-500">Select resources to add them to teams or remove them. Descendants follow their parent, including ones that arrive later.</span>
      )}

      {moving && selected.length ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <span className="text-slate-600">Move direct assignments from</span>
          <select aria-label="From team" className={select} value={moveFrom} onChange={(e) => { setMovePreview(null); setMoveFrom(e.target.value); }}>
            <option value="">team…</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
          <span className="text-slate-600">to</span>
          <select aria-label="To team" className={select} value={moveTo} onChange={(e) => { setMovePreview(null); setMoveTo(e.target.value); }}>
            <option value="">team…</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
          <Button type="button" onClick={move} disabled={pending || !moveFrom || !moveTo || (!!movePreview && !exposureGate(movePreview, exposureOk).allowed)} className="px-2.5 py-1.5">{movePreview ? "Confirm move" : "Move"}</Button>
          {movePreview ? <Button type="button" variant="secondary" onClick={() => setMovePreview(null)} className="px-2.5 py-1.5">Cancel</Button> : null}
          {movePreview ? <div className="w-full"><ExposureNotice review={movePreview} confirmed={exposureOk} onConfirmedChange={setExposureOk} /></div> : null}
        </div>
      ) : null}

      {preview ? (
        <div role="dialog" aria-label="Confirm" className="mt-3 rounded-lg border border-brand-100 bg-white p-3 shadow-sm">
          <p className="text-slate-800">
            {preview.mode === "add" ? "Add " : "Remove "}
            <strong>{plural(preview.resources, "resource")}</strong>
            {preview.mode === "add" ? " to " : " from "}
            <strong>{preview.teams.join(", ")}</strong>.{" "}
            {preview.mode === "add"
              ? <><strong data-testid="descendant-count">{plural(preview.descendants, "descendant")}</strong> come along (and any added later).</>
              : <>{plural(preview.existing, "direct assignment")} will be removed; <strong data-testid="descendant-count">{plural(preview.descendants, "descendant")}</strong> follow.</>}
            {preview.mode === "add" && preview.existing ? ` ${plural(preview.existing, "assignment")} already exist and stay as they are.` : ""}
          </p>
          {preview.remaining.length ? (
            <ul className="mt-2 list-disc pl-5 text-slate-600">
              {preview.remaining.map((r) => <li key={r}>{r}</li>)}
            </ul>
          ) : null}
          <ExposureNotice review={preview.exposures} confirmed={exposureOk} onConfirmedChange={setExposureOk} />
          <div className="mt-3 flex gap-2">
            <Button type="button" variant={preview.mode === "add" ? "primary" : "danger"} onClick={confirm} disabled={pending || !exposureGate(preview.exposures, exposureOk).allowed} className="px-2.5 py-1.5">
              {preview.mode === "add" ? "Confirm add" : "Confirm remove"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setPreview(null)} className="px-2.5 py-1.5">Cancel</Button>
          </div>
        </div>
      ) : null}

      {message ? (
        <div role="status" className={`mt-3 flex items-start gap-2 rounded-lg px-3 py-2 ${message.tone === "ok" ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800"}`}>
          <div className="flex-1">
            <p>{message.text}</p>
            {message.details?.length ? <ul className="mt-1 list-disc pl-5">{message.details.map((d) => <li key={d}>{d}</li>)}</ul> : null}
          </div>
          <button type="button" aria-label="Dismiss" onClick={() => setMessage(null)}><X className="h-4 w-4" /></button>
        </div>
      ) : null}
      {moving && moveFrom && moveTo && moveFrom === moveTo ? <p className="mt-2 text-rose-700">Pick two different teams ({teamName(moveFrom)}).</p> : null}
    </div>
  );
}

export function ResourcesTable({ rows, page, filters, teams, integrations }: { rows: AdminResourceRow[]; page: ServerPage; filters: Filters; teams: TeamOption[]; integrations: IntegrationOption[] }) {
  const [selected, setSelected] = useState<string[]>([]);
  const onSelectionChange = useCallback((ids: string[]) => setSelected(ids), []);
  return (
    <>
      <BulkBar selected={selected} teams={teams} onDone={() => undefined} />
      <DataTable
        columns={columns as never}
        data={rows}
        page={page}
        selectable
        onSelectionChange={onSelectionChange}
        filterPlaceholder="Filter by name…"
        emptyText="No resources match these filters."
        toolbar={<FilterBar filters={filters} teams={teams} integrations={integrations} />}
      />
    </>
  );
}
