"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { CheckCircle2, Loader2, RefreshCw, XCircle, PlugZap } from "lucide-react";
import type { SyncRun } from "@/lib/integrations/queries";
import { replaceIntegrationSecret, syncIntegration, testIntegration } from "@/lib/integrations/actions";
import { Time } from "@/components/ui/time";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";


export function RunSummary({ run }: { run: SyncRun }) {
  if (run.status === "queued" || run.status === "running") {
    return (
      <span className="inline-flex items-start gap-1.5 text-brand-700">
        <Loader2 className="mt-0.5 h-4 w-4 shrink-0 animate-spin" aria-hidden /> {run.phase}{run.found ? ` · ${run.found.toLocaleString("en-US")} found` : ""}
      </span>
    );
  }
  if (run.status === "failed") {
    return (
      <span className="inline-flex items-start gap-1.5 text-rose-700">
        <XCircle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> {run.error ?? "Failed."} Nothing was changed.
      </span>
    );
  }
  return (
    <span className="inline-flex items-start gap-1.5 text-emerald-700">
      <CheckCircle2 className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> {run.added.toLocaleString("en-US")} added, {run.updated.toLocaleString("en-US")} updated, {run.removed.toLocaleString("en-US")} removed
    </span>
  );
}

/** Test, Sync and the latest run; while a run is in progress the page refreshes itself every second. */
export function SyncPanel({ integrationId, latest }: { integrationId: string; latest: SyncRun | null }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const onError = (text: string) => setMessage({ tone: "error", text });
  const testing = useAction(testIntegration, { onSuccess: (d) => setMessage({ tone: "ok", text: d.message }), onError });
  const syncing = useAction(syncIntegration, { onError });
  const pending = testing.pending || syncing.pending;
  const running = latest?.status === "queued" || latest?.status === "running";

  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(t);
  }, [running, router]);

  const test = () => void testing.run({ integrationId });
  const sync = () => {
    setMessage(null);
    void syncing.run({ integrationId }).then(() => router.refresh());
  };

  return (
    <div className="space-y-3 px-5 py-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" onClick={sync} disabled={pending || running}><RefreshCw className="h-4 w-4" aria-hidden /> {running ? "Syncing…" : "Sync now"}</Button>
        <Button type="button" variant="secondary" onClick={test} disabled={pending}><PlugZap className="h-4 w-4" aria-hidden /> Test connection</Button>
      </div>
      <div aria-live="polite" data-testid="sync-status">
        {latest ? (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <RunSummary run={latest} />
            <span className="text-xs text-slate-600">{latest.finishedAt ? <>finished <Time iso={latest.finishedAt} /></> : <>started <Time iso={latest.createdAt} /></>}</span>
          </div>
        ) : (
          <p className="text-slate-500">Never synced. Sync reads the database&apos;s schemas, tables, views and columns.</p>
        )}
      </div>
      {message ? <p role="status" className={`rounded-lg px-3 py-2 ${message.tone === "ok" ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800"}`}>{message.text}</p> : null}
    </div>
  );
}

export function ReplaceSecretForm({ integrationId }: { integrationId: string }) {
  const [cs, setCs] = useState("");
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const replacing = useAction(replaceIntegrationSecret, {
    onSuccess: () => {
      setCs("");
      setMessage({ tone: "ok", text: "Connection string replaced." });
    },
    onError: (text) => setMessage({ tone: "error", text }),
  });
  const { pending } = replacing;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setMessage(null);
    void replacing.run({ integrationId, connectionString: cs });
  };
  return (
    <form onSubmit={submit} className="space-y-2 px-5 py-4 text-sm">
      <label className="block">
        <span className="mb-1 block font-medium text-slate-700">New connection string</span>
        <input value={cs} onChange={(e) => { setCs(e.target.value); if (message?.tone === "error") setMessage(null); }} autoComplete="off" spellCheck={false} placeholder="postgres://user:password@host:5432/database"
          className="w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100" />
      </label>
      <Button type="submit" variant="secondary" disabled={pending || !cs}>Replace</Button>
      {message ? <p role="status" className={message.tone === "ok" ? "text-emerald-700" : "text-rose-700"}>{message.text}</p> : null}
    </form>
  );
}
