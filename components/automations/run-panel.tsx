"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { CheckCircle2, Loader2, Play, Power, Trash2, Undo2, XCircle } from "lucide-react";
import type { RunDto } from "@/lib/automations/queries";
import type { Preview } from "@/lib/automations/preview";
import { deleteAutomation, previewSavedAutomation, runAutomation, setAutomationEnabled, undoAutomationRun } from "@/lib/automations/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Time } from "@/components/ui/time";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { ErrorNote } from "@/components/ui/notes";
import { Badge } from "@/components/ui/badge";
import { useAction } from "@/components/ui/use-action";
import { PreviewPanel } from "./automation-form";

const n = (x: number) => x.toLocaleString("en-US");

export function RunStatus({ run }: { run: RunDto }) {
  if (run.status === "queued") return <Badge tone="slate">Queued</Badge>;
  if (run.status === "running") return <Badge tone="blue"><Loader2 className="h-3 w-3 animate-spin" aria-hidden /> Running</Badge>;
  if (run.status === "failed") return <Badge tone="red"><XCircle className="h-3 w-3" aria-hidden /> Failed</Badge>;
  if (run.undoneAt) return <Badge tone="amber"><Undo2 className="h-3 w-3" aria-hidden /> Undone</Badge>;
  return <Badge tone="green"><CheckCircle2 className="h-3 w-3" aria-hidden /> {run.kind === "undo" ? "Undo done" : "Done"}</Badge>;
}

function Progress({ run }: { run: RunDto }) {
  const pct = run.status === "succeeded" ? 100 : run.matched ? Math.min(100, Math.floor((run.processed / run.matched) * 100)) : 0;
  return (
    <div className="space-y-1.5" data-testid="run-progress">
      <div className="flex items-center justify-between text-xs text-slate-600">
        <span>{run.kind === "undo" ? "Undoing" : "Run"}: {n(run.processed)} of {n(run.matched)} {run.kind === "undo" ? "changes" : "matches"} processed</span>
        <span className="tabular-nums font-medium" data-testid="run-percent">{pct}%</span>
      </div>
      <div className="h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label="Run progress">
        <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <p className="text-xs text-slate-500">{n(run.added)} added · {n(run.removed)} removed{run.error ? ` · ${run.error}` : ""}</p>
    </div>
  );
}

/** Run now (after a dry run), the latest run's progress (the page refreshes itself while it runs), enable/disable, delete. */
export function RunPanel({ automationId, name, enabled, action, latest }: { automationId: string; name: string; enabled: boolean; action: "add" | "remove"; latest: RunDto | null }) {
  const router = useRouter();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const active = latest?.status === "queued" || latest?.status === "running";

  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(t);
  }, [active, router]);

  const previewing = useAction(previewSavedAutomation, { fields: [], onSuccess: setPreview });
  const running = useAction(runAutomation, {
    fields: [],
    success: "The run started",
    onSuccess: () => setPreview(null),
    onError: () => setPreview(null),
  });
  const toggling = useAction(setAutomationEnabled, { fields: [], success: enabled ? "Disabled" : "Enabled", onSuccess: () => router.refresh() });
  const removing = useAction(deleteAutomation, {
    fields: [],
    success: `“${name}” was deleted`,
    onSuccess: () => router.push("/settings/automations"),
    onError: () => setConfirmDelete(false),
  });
  const all = [previewing, running, toggling, removing];
  const pending = all.some((a) => a.pending);
  const error = all.find((a) => a.error)?.error ?? null;
  // One line of feedback: starting another action forgets what an earlier one said.
  const only = (which: (typeof all)[number]) => all.forEach((a) => a !== which && a.clear());
  const dryRun = () => { only(previewing); void previewing.run({ id: automationId }); };
  const run = () => { only(running); void running.run({ id: automationId }).then(() => router.refresh()); };
  const toggle = () => { only(toggling); void toggling.run({ id: automationId, enabled: !enabled }); };
  const remove = () => { only(removing); void removing.run({ id: automationId }); };

  return (
    <div className="space-y-4 px-5 py-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" onClick={dryRun} disabled={pending || active}><Play className="h-4 w-4" aria-hidden /> Run now…</Button>
        <Button type="button" variant="secondary" onClick={toggle} disabled={pending}><Power className="h-4 w-4" aria-hidden /> {enabled ? "Disable" : "Enable"}</Button>
        <Button type="button" variant="ghost" className="ml-auto text-rose-600 hover:bg-rose-50 hover:text-rose-700" onClick={() => setConfirmDelete(true)} disabled={pending}><Trash2 className="h-4 w-4" aria-hidden /> Delete</Button>
      </div>
      {preview ? (
        <div className="space-y-3">
          <PreviewPanel preview={preview} action={action} />
          <div className="flex gap-2">
            <Button type="button" onClick={run} disabled={pending}>Run it</Button>
            <Button type="button" variant="secondary" onClick={() => setPreview(null)} disabled={pending}>Cancel</Button>
          </div>
        </div>
      ) : null}
      {error ? <ErrorNote>{error}</ErrorNote> : null}
      <div aria-live="polite">
        {latest ? (
          <div className="space-y-2">
            <div className="flex items-center gap-2 text-xs text-slate-500"><RunStatus run={latest} /> <span>{latest.finishedAt ? <>finished <Time iso={latest.finishedAt} /></> : <>queued <Time iso={latest.createdAt} /></>}</span></div>
            <Progress run={latest} />
          </div>
        ) : (
          <p className="text-slate-500">Never run. Run now shows a dry run first.</p>
        )}
      </div>
      <Dialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={`Delete “${name}”?`}
        description="Its run history goes too. Assignments it made stay (they keep saying they came from an automation)."
        footer={<><Button type="button" variant="secondary" onClick={() => setConfirmDelete(false)}>Cancel</Button><Button type="button" variant="danger" onClick={remove} disabled={pending} data-autofocus>Delete automation</Button></>}
      />
    </div>
  );
}

/** Undoing a run removes what it added: asked first, as a run is previewed first. */
export function UndoButton({ runId, added }: { runId: string; added: number }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setAsking(true)}
        className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
      >
        <Undo2 className="h-3.5 w-3.5" aria-hidden /> Undo
      </button>
      {asking ? (
        <ConfirmDialog
          title="Undo this run?"
          body={<p>The {added === 1 ? "assignment" : `${added.toLocaleString("en-US")} assignments`} this run added will be removed, unless another team assignment or automation also made {added === 1 ? "it" : "them"}. Whoever saw those resources only through them loses access at their next request.</p>}
          confirmLabel="Undo run"
          danger
          run={() => undoAutomationRun({ runId })}
          onClose={() => setAsking(false)}
          onDone={() => { setAsking(false); router.refresh(); }}
        />
      ) : null}
    </>
  );
}
