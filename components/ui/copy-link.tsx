"use client";
import { toast } from "sonner";

/** A read-only link with a copy button (invitation and reset links). */
export function CopyLink({ link, label = "Copy link" }: { link: string; label?: string }) {
  return (
    <div className="flex items-center gap-2">
      <input readOnly value={link} data-testid="invite-link" aria-label="Invitation link" onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-2 py-1 font-mono text-xs text-slate-700" />
      <button type="button" className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => toast.success("Link copied"), () => toast.error("Could not copy: select the link and copy it."));
        }}>
        {label}
      </button>
    </div>
  );
}
