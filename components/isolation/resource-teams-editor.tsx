"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/notes";
import { useAction } from "@/components/ui/use-action";
import { assignResources, previewAssignment, unassignResources } from "@/lib/resources/actions";
import type { ExposureReview } from "@/lib/isolation/guard";
import { ExposureNotice, exposureGate } from "./exposure-notice";

type TeamOption = { id: string; name: string };

/**
 * Admins edit a resource's teams from its page: add it to a team (previewed, with every cross-client exposure
 * named and confirmed, or refused by the isolation lock) or take a direct assignment away. The same actions as
 * Settings → Resources, so the server runs the same checks.
 */
export function ResourceTeamsEditor({ resourceId, teams, direct }: { resourceId: string; teams: TeamOption[]; direct: TeamOption[] }) {
  const router = useRouter();
  const [teamId, setTeamId] = useState("");
  const [review, setReview] = useState<ExposureReview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  // The picker's options are rendered once it is first reached (pressed or focused, before it opens), not with the
  // page: a workspace can hold thousands of teams (2,010 <option>s, ~200 kB of HTML at 1M resources), which every
  // resource page of an admin then parsed and hydrated for a picker seldom used.
  const [listed, setListed] = useState(false);
  const list = () => setListed(true);
  const available = teams.filter((t) => !direct.some((d) => d.id === t.id));
  const gate = exposureGate(review, confirmed);
  const previewing = useAction(previewAssignment, { fields: [], onSuccess: (d) => setReview(d.exposures) });
  const adding = useAction(assignResources, {
    fields: [],
    success: () => `Added to ${teams.find((t) => t.id === teamId)?.name ?? "the team"}`,
    onSuccess: () => {
      setTeamId("");
      setReview(null);
      router.refresh();
    },
  });
  const removing = useAction(unassignResources, { fields: [], onSuccess: () => router.refresh() });
  const all = [previewing, adding, removing];
  const pending = all.some((a) => a.pending);
  const error = all.find((a) => a.error)?.error ?? null;
  const only = (which: (typeof all)[number]) => all.forEach((a) => a !== which && a.reset());

  const preview = (id: string) => {
    only(previewing);
    setConfirmed(false);
    setReview(null);
    setTeamId(id);
    if (id) void previewing.run({ resourceIds: [resourceId], teamIds: [id], mode: "add" });
    else previewing.reset();
  };
  const add = () => { only(adding); void adding.run({ resourceIds: [resourceId], teamIds: [teamId], confirmExposures: gate.confirmExposures }); };
  const remove = (id: string) => { only(removing); void removing.run({ resourceIds: [resourceId], teamIds: [id] }); };

  return (
    <div className="border-t border-slate-100 px-5 py-4 text-sm" data-testid="resource-teams-editor">
      {direct.length ? (
        <ul className="mb-3 flex flex-wrap gap-1.5" aria-label="Direct assignments">
          {direct.map((t) => (
            <li key={t.id} className="inline-flex items-center gap-1 rounded-md bg-slate-100 py-0.5 pl-2 pr-1 text-xs font-medium text-slate-700">
              {t.name}
              <button type="button" aria-label={`Remove from ${t.name}`} disabled={pending} onClick={() => remove(t.id)} className="rounded p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-800">
                <X className="h-3 w-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor="add-team" className="text-xs font-medium text-slate-600">Add to a team</label>
      <div className="mt-1 flex gap-2">
        <select id="add-team" value={teamId} onChange={(e) => preview(e.target.value)} onMouseDown={list} onFocus={list} className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm">
          <option value="">Team…</option>
          {(listed ? available : []).map((t) => (
            <option key={t.id} value={t.id}>{t.name}</option>
          ))}
        </select>
        <Button type="button" onClick={add} disabled={pending || !teamId || !review || !gate.allowed} className="px-2.5 py-1.5">
          <Plus className="h-3.5 w-3.5" aria-hidden /> Add
        </Button>
      </div>
      {review ? <ExposureNotice review={review} confirmed={confirmed} onConfirmedChange={setConfirmed} /> : null}
      {error ? <div className="mt-3"><ErrorNote>{error}</ErrorNote></div> : null}
    </div>
  );
}
