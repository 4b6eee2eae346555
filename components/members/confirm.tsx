"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote, Modal } from "./modal";

/** Asks before an action that changes someone's access, then runs it and shows a refusal in place. */
export function ConfirmDialog({ title, body, confirmLabel, danger = false, run, onClose, onDone }: {
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  danger?: boolean;
  run: () => Promise<{ ok: true } | { ok: false; error: string }>;
  onClose: () => void;
  onDone: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <Modal title={title} onClose={onClose}>
      <div className="space-y-2 text-sm text-slate-600">{body}</div>
      {error ? <div className="mt-3"><ErrorNote>{error}</ErrorNote></div> : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>Cancel</Button>
        <Button variant={danger ? "danger" : "primary"} disabled={pending} onClick={async () => {
          setPending(true);
          setError(null);
          const res = await run();
          setPending(false);
          if (!res.ok) return setError(res.error);
          onDone();
        }}>{pending ? "Working…" : confirmLabel}</Button>
      </div>
    </Modal>
  );
}
