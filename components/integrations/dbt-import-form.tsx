"use client";
// Settings → Integrations → dbt: upload manifest.json (read in the browser, sent as text to the server action,
// which validates it before anything changes) or give the path of one on the server.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { importDbtManifest } from "@/lib/dbt/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

const MAX = 10 * 1024 * 1024;
const input = "w-full rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

export function DbtImportForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [serverPath, setServerPath] = useState("");
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const importing = useAction(importDbtManifest, {
    onSuccess: (d) => {
      setStatus({ tone: "ok", text: `Imported: ${d.matched} dbt node${d.matched === 1 ? "" : "s"} matched to the catalog (${d.enriched} updated), ${d.unmatched} not found in it; ${d.edges} dbt lineage edge${d.edges === 1 ? "" : "s"}.` });
      router.refresh();
    },
    onError: (error) => setStatus({ tone: "error", text: error }),
  });
  const { pending } = importing;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setStatus(null);
    if (file && file.size > MAX) return setStatus({ tone: "error", text: "The manifest is larger than 10 MB. Point at a file on the server instead." });
    if (serverPath.trim()) await importing.run({ path: serverPath.trim() });
    else if (file) await importing.run({ manifest: await file.text() });
    else setStatus({ tone: "error", text: "Choose a manifest.json file, or give the path of one on the server." });
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4 px-5 py-4" data-testid="dbt-import">
      <div className="grid gap-4 md:grid-cols-2">
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">manifest.json (up to 10 MB)</span>
          <input type="file" accept=".json,application/json" className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-200" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setStatus(null); }} />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">…or its path on the server</span>
          <input className={`${input} font-mono`} value={serverPath} onChange={(e) => { setServerPath(e.target.value); setStatus(null); }} placeholder="/srv/dbt/target/manifest.json" spellCheck={false} />
        </label>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Importing…" : "Import manifest"}</Button>
        {status ? (
          <p role="status" data-testid="dbt-import-status" className={status.tone === "ok" ? "text-sm text-emerald-700" : "text-sm text-rose-700"}>{status.text}</p>
        ) : null}
      </div>
    </form>
  );
}
