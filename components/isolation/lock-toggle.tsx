"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Lock, LockOpen } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/notes";
import { inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { setIsolationLock } from "@/lib/isolation/actions";

/** The isolation lock's switch: turning it off asks for the workspace's name. */
export function LockToggle({ locked, workspaceName }: { locked: boolean; workspaceName: string }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState("");
  const toggling = useAction(setIsolationLock, {
    fields: ["confirmName"],
    success: (d) => (d.locked ? "The isolation lock is on" : "The isolation lock is off"),
    onSuccess: () => {
      setAsking(false);
      setName("");
      router.refresh();
    },
  });
  const { pending, error } = toggling;
  const nameError = toggling.fieldErrors.confirmName;
  const submit = (next: boolean) => void toggling.run({ locked: next, confirmName: next ? undefined : name });
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
          <input id="lock-confirm" className={inputClass} value={name} onChange={(e) => { setName(e.target.value); toggling.clear("confirmName"); }} autoComplete="off"
            aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? "lock-confirm-error" : undefined} />
          {nameError ? <p id="lock-confirm-error" className="mt-1 text-sm text-rose-700">{nameError}</p> : null}
          <div className="mt-3 flex gap-2">
            <Button type="button" variant="danger" disabled={pending || name.trim().toLowerCase() !== workspaceName.trim().toLowerCase()} onClick={() => submit(false)}>Turn the lock off</Button>
            <Button type="button" variant="secondary" onClick={() => { setAsking(false); setName(""); toggling.clear(); }}>Cancel</Button>
          </div>
        </div>
      ) : null}
      {error ? <div className="mt-3"><ErrorNote>{error}</ErrorNote></div> : null}
    </div>
  );
}
