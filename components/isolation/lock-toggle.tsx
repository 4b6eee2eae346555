"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Lock, LockOpen } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/notes";
import { inputClass } from "@/components/ui/field";
import { setIsolationLock } from "@/lib/isolation/actions";

/** The isolation lock's switch: turning it off asks for the workspace's name. */
export function LockToggle({ locked, workspaceName }: { locked: boolean; workspaceName: string }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = (next: boolean) =>
    start(async () => {
      setError(null);
      const res = await setIsolationLock({ locked: next, confirmName: next ? undefined : name });
      if (!res.ok) return setError(res.error);
      setAsking(false);
      setName("");
      router.refresh();
    });
  return (
    <div className="px-5 py-4 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="lock-state" className={`inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-semibold ${locked ? "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200" : "bg-amber-50 text-amber-900 ring-1 ring-amber-200"}`}>
          {locked ? <Lock className="h-3.5 w-3.5" aria-hidden /> : <LockOpen className="h-3.5 w-3.5" aria-hidden />}
          {locked ? "Isolation lock on" : "Isolation lock off"}
        </span>
        {locked ? (
          !asking && <Button type="button" variant="secondary" onClick={() => setAsking(true)}>Turn off…</Button>
        ) : (
          <Button type="button" onClick={() => submit(true)} disabled={pending}>Turn on</Button>
        )}
      </div>
      {asking && locked ? (
        <div className="mt-3 max-w-md rounded-lg border border-amber-200 bg-amber-50/60 p-3">
          <p className="text-slate-700">
            With the lock off, an admin can confirm a change that opens one client&apos;s resources or people to another client&apos;s guests.
            Every such change still names what it exposes, needs confirmation, and is recorded. Type <strong>{workspaceName}</strong> to turn the lock off.
          </p>
          <label className="mt-2 block text-xs font-medium text-slate-600" htmlFor="lock-confirm">Workspace name</label>
          <input id="lock-confirm" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          <div className="mt-3 flex gap-2">
            <Button type="button" variant="danger" disabled={pending || name.trim().toLowerCase() !== workspaceName.trim().toLowerCase()} onClick={() => submit(false)}>Turn the lock off</Button>
            <Button type="button" variant="secondary" onClick={() => { setAsking(false); setName(""); setError(null); }}>Cancel</Button>
          </div>
        </div>
      ) : null}
      {error ? <div className="mt-3"><ErrorNote>{error}</ErrorNote></div> : null}
    </div>
  );
}
