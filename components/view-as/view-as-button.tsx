"use client";
import { useRouter } from "next/navigation";
import { Eye } from "lucide-react";
import { startViewAs } from "@/lib/view-as/actions";
import { buttonClass } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

/** Starts viewing the console as this person, then opens the catalog as they see it. */
export function ViewAsButton({ userId, name, compact = false }: { userId: string; name: string; compact?: boolean }) {
  const router = useRouter();
  const starting = useAction(startViewAs, {
    fields: [],
    onSuccess: () => {
      router.push("/catalog");
      router.refresh();
    },
  });
  const { pending, error } = starting;
  const go = () => void starting.run({ userId });
  return (
    <span className="inline-flex items-center gap-2">
      {compact ? (
        <button type="button" onClick={go} disabled={pending} aria-label={`View as ${name}`} title={`View as ${name}`}
          className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-50">
          <Eye className="h-4 w-4" />
        </button>
      ) : (
        <button type="button" onClick={go} disabled={pending} className={buttonClass("secondary")}>
          <Eye className="h-4 w-4" aria-hidden /> {pending ? "Opening…" : `View as ${name.split(/\s+/)[0]}`}
        </button>
      )}
      {error ? <span role="alert" data-testid="view-as-error" className="text-xs text-rose-700">{error}</span> : null}
    </span>
  );
}
