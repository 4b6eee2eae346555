import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { settingsEntityPage } from "@/lib/auth/settings-page";
import { automationFormOptions, getAutomation } from "@/lib/automations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { AutomationForm } from "@/components/automations/automation-form";
import { RunPanel, RunStatus, UndoButton } from "@/components/automations/run-panel";
import { duration } from "@/lib/automations/format";
import { Time } from "@/components/ui/time";

type Props = { params: Promise<{ id: string }> };

const page = settingsEntityPage("automations.manage", getAutomation, (a) => a.name);

export const generateMetadata: (props: Props) => Promise<Metadata> = page.metadata;

const n = (x: number) => x.toLocaleString("en-US");
const TRIGGER: Record<string, string> = { manual: "by hand", after_sync: "after a sync", schedule: "on schedule" };

export default async function AutomationPage({ params }: Props) {
  const { viewer, entity: a } = await page.load({ params });
  const options = await automationFormOptions(viewer);
  const undoable = new Set(a.runs.filter((r) => r.kind === "run" && r.status === "succeeded" && !r.undoneAt && (r.added || r.removed)).map((r) => r.id));
  const busy = a.runs.some((r) => r.status === "queued" || r.status === "running");
  return (
    <>
      <Link href="/settings/automations" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ChevronLeft className="h-4 w-4" aria-hidden /> Automations
      </Link>
      <PageHeader
        eyebrow="Automation"
        title={<span className="flex flex-wrap items-center gap-x-2 gap-y-1 whitespace-normal break-words">{a.name} {a.enabled ? <Badge tone="green">Enabled</Badge> : <Badge>Disabled</Badge>}</span>}
        description={<>{a.action === "add" ? "Adds" : "Removes"} resources where {a.ruleSummary} {a.action === "add" ? "to" : "from"} {a.teams.join(", ") || "no team"}; runs {a.triggerSummary}.{a.nextRunAt && a.enabled ? <> Next: <Time iso={a.nextRunAt} />.</> : null}</>}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Run" description="A dry run first; then the run goes to the job queue and works in batches. Progress updates live." />
          <RunPanel automationId={a.id} name={a.name} enabled={a.enabled} action={a.action} latest={a.runs[0] ?? null} />
        </Card>
        <Card>
          <CardHeader title="History" description="The last twenty runs. Undo removes exactly what a run added and puts back what it removed." />
          {a.runs.length ? (
            <div className="relative overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th className="px-5 py-2.5 font-medium">Queued</th>
                    <th className="px-5 py-2.5 font-medium">Status</th>
                    <th className="px-5 py-2.5 font-medium">Started by</th>
                    <th className="px-5 py-2.5 text-right font-medium">Matched</th>
                    <th className="px-5 py-2.5 text-right font-medium">Added</th>
                    <th className="px-5 py-2.5 text-right font-medium">Removed</th>
                    <th className="px-5 py-2.5 text-right font-medium">Duration</th>
                    <th className="px-5 py-2.5"><span className="sr-only">Undo</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100" data-testid="run-history">
                  {a.runs.map((r) => (
                    <tr key={r.id}>
                      <td className="whitespace-nowrap px-5 py-2.5 text-slate-600"><Time iso={r.createdAt} />{r.kind === "undo" ? <span className="ml-1.5 text-xs text-slate-400">undo</span> : null}</td>
                      <td className="px-5 py-2.5"><RunStatus run={r} />{r.error ? <div className="mt-0.5 text-xs text-rose-600">{r.error}</div> : null}</td>
                      <td className="px-5 py-2.5 text-slate-600">{r.startedBy ?? <span className="text-slate-400">{TRIGGER[r.trigger] ?? r.trigger}</span>}</td>
                      <td className="px-5 py-2.5 text-right tabular-nums text-slate-700">{n(r.matched)}</td>
                      <td className="px-5 py-2.5 text-right tabular-nums text-slate-700">{n(r.added)}</td>
                      <td className="px-5 py-2.5 text-right tabular-nums text-slate-700">{n(r.removed)}</td>
                      <td className="px-5 py-2.5 text-right tabular-nums text-slate-500">{duration(r.durationMs)}</td>
                      <td className="px-5 py-2.5 text-right">{undoable.has(r.id) && !busy ? <UndoButton runId={r.id} added={r.added} /> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="px-5 py-4 text-sm text-slate-500">No runs yet.</p>
          )}
        </Card>
        <Card>
          <CardHeader title="Rule" description="Changes apply to the next run; a run in progress keeps the rule it started with." />
          <AutomationForm
            options={options}
            initial={{ id: a.id, name: a.name, rule: a.rule, action: a.action, teamIds: a.teamIds, trigger: a.trigger, integrationId: a.integrationId, cron: a.cron, enabled: a.enabled }}
          />
        </Card>
      </div>
    </>
  );
}
