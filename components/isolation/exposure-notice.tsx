"use client";
import { Lock, ShieldAlert } from "lucide-react";
import type { ExposureReview } from "@/lib/isolation/guard";

/**
 * What a change would expose, in a preview: each exposure in plain words; with the isolation lock on and more than
 * sharing, a refusal (nothing to confirm); otherwise a checkbox the admin ticks to confirm exactly these.
 */
export function ExposureNotice({ review, confirmed, onConfirmedChange }: { review: ExposureReview; confirmed: boolean; onConfirmedChange: (v: boolean) => void }) {
  if (!review.count) return null;
  return (
    <div data-testid="exposure-notice" className={`mt-3 rounded-lg border px-3 py-2.5 text-sm ${review.blocked ? "border-rose-200 bg-rose-50 text-rose-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}>
      <p className="flex items-center gap-1.5 font-medium">
        {review.blocked ? <Lock className="h-4 w-4" aria-hidden /> : <ShieldAlert className="h-4 w-4" aria-hidden />}
        {review.blocked ? "Refused: the isolation lock is on" : "This change exposes one client to another"}
      </p>
      <ul className="mt-1.5 list-disc space-y-1 pl-5">
        {review.lines.map((l) => (
          <li key={l.text}>{l.text}</li>
        ))}
      </ul>
      {review.blocked ? (
        <p className="mt-2 text-xs">
          While the lock is on, a client&apos;s resources are never opened to another client. An admin can turn the lock off under{" "}
          <a className="underline" href="/settings/workspace">Settings → Workspace</a>.
        </p>
      ) : (
        <label className="mt-2 flex items-start gap-2 text-xs font-medium">
          <input type="checkbox" checked={confirmed} onChange={(e) => onConfirmedChange(e.target.checked)} className="mt-0.5" />
          I confirm {review.count === 1 ? "this exposure" : `these ${review.count.toLocaleString("en-US")} exposures`}: they will be listed under Settings → Isolation and recorded in the audit log.
        </label>
      )}
    </div>
  );
}

/** Whether the confirm button of a preview may be pressed, and what the write must carry. */
export function exposureGate(review: ExposureReview | null | undefined, confirmed: boolean): { allowed: boolean; confirmExposures?: string } {
  if (!review || !review.count) return { allowed: true };
  if (review.blocked) return { allowed: false };
  return { allowed: confirmed, confirmExposures: confirmed ? review.confirmation ?? undefined : undefined };
}
