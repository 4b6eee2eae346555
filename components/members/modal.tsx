"use client";
import { useEffect } from "react";
import { X } from "lucide-react";

/** A small centred dialog; Escape or the close button dismisses it. */
export function Modal({ title, description, onClose, children, wide = false }: { title: string; description?: React.ReactNode; onClose: () => void; children: React.ReactNode; wide?: boolean }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/30 px-4 py-16" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-label={title} className={`w-full ${wide ? "max-w-2xl" : "max-w-lg"} rounded-xl border border-slate-200 bg-white shadow-xl`}>
        <div className="flex items-start justify-between gap-4 border-b border-slate-100 px-5 py-4">
          <div>
            <h2 className="text-base font-semibold text-slate-900">{title}</h2>
            {description ? <p className="mt-0.5 text-sm text-slate-500">{description}</p> : null}
          </div>
          <button type="button" aria-label="Close" onClick={onClose} className="rounded-md p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700">
            <X className="h-4 w-4" />
          </button>
        </div>
        <div className="px-5 py-4">{children}</div>
      </div>
    </div>
  );
}

export function ErrorNote({ children }: { children: React.ReactNode }) {
  return <p data-testid="action-error" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-inset ring-rose-200">{children}</p>;
}

export function CopyLink({ link, label = "Copy link" }: { link: string; label?: string }) {
  return (
    <div className="flex items-center gap-2">
      <input readOnly value={link} data-testid="invite-link" aria-label="Invitation link" onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-2 py-1 font-mono text-xs text-slate-700" />
      <button type="button" className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50"
        onClick={(e) => {
          const btn = e.currentTarget;
          void navigator.clipboard?.writeText(link).then(() => { btn.textContent = "Copied"; }, () => { btn.textContent = "Select and copy"; });
        }}>
        {label}
      </button>
    </div>
  );
}

export const selectClass = "rounded-lg border border-slate-300 bg-white px-2.5 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
