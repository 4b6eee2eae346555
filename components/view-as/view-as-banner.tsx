"use client";
import { useRouter } from "next/navigation";
import { Eye } from "lucide-react";
import { stopViewAs } from "@/lib/view-as/actions";
import { useAction } from "@/components/ui/use-action";

/** The strip on top of every console page while an admin views as someone: who, as what, and the way out. */
export function ViewAsBanner({ name, role, teams, adminName }: { name: string; role: string; teams: string[]; adminName: string }) {
  const router = useRouter();
  const shown = teams.slice(0, 3).join(", ") + (teams.length > 3 ? ` +${teams.length - 3}` : "");
  const stopping = useAction(stopViewAs, {
    fields: [],
    onSuccess: () => {
      router.push("/settings/members");
      router.refresh();
    },
  });
  const { pending, error } = stopping;
  const exit = () => void stopping.run({});
  return (
    <div role="status" data-testid="view-as-banner" className="sticky top-0 z-40 border-b border-amber-200 bg-amber-50 px-4 py-2.5 sm:px-8 text-sm text-amber-900">
      <div className="mx-auto flex max-w-6xl items-center gap-3">
        <Eye className="h-4 w-4 shrink-0 text-amber-700" aria-hidden />
        <p className="min-w-0 flex-1">
          <span className="font-semibold">Viewing as {name}</span> ({role}{shown ? ` · ${shown}` : ""})
          <span className="text-amber-800/80"> — you see exactly what they see; changes are turned off. Signed in as {adminName}.</span>
        </p>
        {error ? <span className="text-rose-700">{error}</span> : null}
        <button type="button" onClick={exit} disabled={pending}
          className="shrink-0 rounded-lg bg-[#78350f] px-3 py-1.5 text-xs font-semibold text-white shadow-sm hover:bg-[#451a03] disabled:opacity-60">
          {pending ? "Exiting…" : "Exit"}
        </button>
      </div>
    </div>
  );
}
