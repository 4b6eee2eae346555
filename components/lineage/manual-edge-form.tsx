"use client";
// Editors and admins draw a manual lineage edge from or to this resource. The other end is found with the same
// scoped search as the ⌘K palette, so only resources the person can see are offered; the server checks again.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { addManualLineageEdge } from "@/lib/lineage/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

type Hit = { id: string; type: string; name: string; parent?: string | null };

export function ManualEdgeForm({ resourceId, resourceName }: { resourceId: string; resourceName: string }) {
  const router = useRouter();
  const [dir, setDir] = useState<"from" | "to">("to");
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [chosen, setChosen] = useState<Hit | null>(null);
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const adding = useAction(addManualLineageEdge, {
    onSuccess: () => {
      if (!chosen) return;
      setStatus({ tone: "ok", text: dir === "to" ? `${resourceName} now feeds ${chosen.name}.` : `${chosen.name} now feeds ${resourceName}.` });
      setChosen(null);
      setQ("");
      router.refresh();
    },
    onError: (text) => setStatus({ tone: "error", text }),
  });
  const { pending } = adding;

  useEffect(() => {
    if (chosen || q.trim().length < 2) return;
    const ctl = new AbortController();
    const t = setTimeout(async () => {
      const res = await fetch(`/api/search?q=${encodeURIComponent(q.trim())}`, { signal: ctl.signal }).catch(() => null);
      if (!res?.ok) return;
      const body = (await res.json()) as { hits: (Hit & { kind: string })[] };
      setHits(body.hits.filter((h) => h.kind === "resource" && h.id !== resourceId).slice(0, 8));
    }, 200);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [q, chosen, resourceId]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!chosen) return setStatus({ tone: "error", text: "Choose the other resource." });
    setStatus(null);
    void adding.run(dir === "to" ? { fromId: resourceId, toId: chosen.id } : { fromId: chosen.id, toId: resourceId });
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2 border-t border-slate-100 px-5 py-3 text-sm" data-testid="manual-edge-form">
      <span className="text-slate-600">Add a manual edge:</span>
      <select aria-label="Direction of the new edge" className="rounded-md border border-slate-300 bg-white px-2 py-1" value={dir} onChange={(e) => setDir(e.target.value as "from" | "to")}>
        <option value="to">{resourceName} feeds…</option>
        <option value="from">{resourceName} is built from…</option>
      </select>
      <div className="relative">
        <input
          aria-label="Other resource"
          className="w-64 rounded-md border border-slate-300 px-2 py-1"
          placeholder="Search a resource…"
          value={chosen ? chosen.name : q}
          onChange={(e) => {
            setChosen(null);
            setStatus(null);
            setQ(e.target.value);
            if (e.target.value.trim().length < 2) setHits([]);
          }}
        />
        {!chosen && hits.length ? (
          <ul role="listbox" className="absolute z-10 mt-1 w-80 rounded-md border border-slate-200 bg-white shadow-lg">
            {hits.map((h) => (
              <li key={h.id} role="option" aria-selected={false}>
                <button type="button" className="block w-full px-3 py-1.5 text-left hover:bg-slate-50" onClick={() => { setChosen(h); setHits([]); }}>
                  <span className="font-medium text-slate-900">{h.name}</span> <span className="text-xs text-slate-500">{h.type.toLowerCase()}{h.parent ? ` in ${h.parent}` : ""}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <Button type="submit" variant="secondary" className="px-2.5 py-1 text-xs" disabled={pending || !chosen}>Add edge</Button>
      {status ? <span role="status" className={status.tone === "ok" ? "text-emerald-700" : "text-rose-700"}>{status.text}</span> : null}
    </form>
  );
}
