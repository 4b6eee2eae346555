"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle, Eye, Plus, Save, X } from "lucide-react";
import type { Condition, Rule } from "@/lib/automations/rule";
import type { AutomationFormOptions } from "@/lib/automations/queries";
import type { Preview } from "@/lib/automations/preview";
import { createAutomation, previewAutomation, updateAutomation } from "@/lib/automations/actions";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/notes";
import { FieldError, inputClass } from "@/components/ui/field";
import { useAction, type ActionResult } from "@/components/ui/use-action";
import { cronInWords, cronError } from "@/lib/automations/cron";
import { IconButton } from "@/components/ui/icon-button";

const KINDS: { kind: Condition["kind"]; label: string }[] = [
  { kind: "type", label: "Resource type is" },
  { kind: "integration", label: "Integration is" },
  { kind: "under", label: "Under resource" },
  { kind: "nameContains", label: "Name contains" },
  { kind: "nameStartsWith", label: "Name starts with" },
  { kind: "nameMatches", label: "Name matches regex" },
  { kind: "hasTag", label: "Has tag" },
  { kind: "createdAfter", label: "Created after" },
];

const TYPES: [string, string][] = [
  ["INTEGRATION", "Integration"], ["DATABASE", "Database"], ["SCHEMA", "Schema"], ["TABLE", "Table"], ["VIEW", "View"], ["COLUMN", "Column"],
  ["DASHBOARD", "Dashboard"], ["CHART", "Chart"], ["DOCUMENT", "Document"], ["METRIC", "Metric"], ["TERM", "Glossary term"],
];

export type AutomationFormValue = {
  id?: string;
  name: string;
  rule: Rule;
  action: "add" | "remove";
  teamIds: string[];
  trigger: "manual" | "after_sync" | "schedule";
  integrationId: string | null;
  cron: string | null;
  enabled: boolean;
};

type Draft = { kind: Condition["kind"]; value: string };

function toDraft(c: Condition): Draft {
  return { kind: c.kind, value: "id" in c ? c.id : c.value };
}
function fromDraft(d: Draft): Condition {
  return (d.kind === "integration" || d.kind === "under" ? { kind: d.kind, id: d.value } : { kind: d.kind, value: d.value }) as Condition;
}
function blank(kind: Condition["kind"], options: AutomationFormOptions): Draft {
  if (kind === "type") return { kind, value: "DASHBOARD" };
  if (kind === "integration") return { kind, value: options.integrations[0]?.id ?? "" };
  if (kind === "under") return { kind, value: options.parents[0]?.id ?? "" };
  if (kind === "createdAfter") return { kind, value: new Date().toISOString().slice(0, 10) };
  return { kind, value: "" };
}

// Like inputClass, without its full width: the builder's fields sit side by side.
const field = "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
const label = "mb-1 block text-xs font-medium uppercase tracking-wide text-slate-500";

export function PreviewPanel({ preview, action }: { preview: Preview; action: "add" | "remove" }) {
  return (
    <div data-testid="automation-preview" className="space-y-3 rounded-lg bg-slate-50 px-4 py-3 text-sm ring-1 ring-inset ring-slate-200">
      <p className="text-slate-800">
        <strong data-testid="preview-matched" className="tabular-nums">{preview.matched.toLocaleString("en-US")}</strong> resource{preview.matched === 1 ? "" : "s"} match
        {" · "}
        {action === "add" ? (
          <><strong className="tabular-nums">{preview.wouldAdd.toLocaleString("en-US")}</strong> assignment{preview.wouldAdd === 1 ? "" : "s"} would be added</>
        ) : (
          <><strong className="tabular-nums">{preview.wouldRemove.toLocaleString("en-US")}</strong> assignment{preview.wouldRemove === 1 ? "" : "s"} would be removed</>
        )}
        <span className="text-slate-500"> (descendants come along by inheritance)</span>
      </p>
      {preview.sample.length ? (
        <ul className="flex flex-wrap gap-1.5">
          {preview.sample.map((s) => (
            <li key={s.id} className="rounded-md bg-white px-2 py-0.5 text-xs text-slate-700 ring-1 ring-inset ring-slate-200">
              {s.name} <span className="text-slate-400">· {s.type.toLowerCase()}</span>
            </li>
          ))}
          {preview.matched > preview.sample.length ? <li className="px-1 py-0.5 text-xs text-slate-500">and {(preview.matched - preview.sample.length).toLocaleString("en-US")} more</li> : null}
        </ul>
      ) : null}
      {preview.conflictCount ? (
        <div data-testid="preview-conflicts" className="rounded-lg bg-amber-50 px-3 py-2.5 text-amber-900 ring-1 ring-inset ring-amber-200">
          <p className="flex items-center gap-1.5 font-medium"><AlertTriangle className="h-4 w-4" aria-hidden /> {preview.conflictCount.toLocaleString("en-US")} match{preview.conflictCount === 1 ? "" : "es"} already belong to another private team: two clients would share {preview.conflictCount === 1 ? "it" : "them"}.</p>
          <ul className="mt-1.5 space-y-0.5 text-xs">
            {preview.conflicts.map((c) => <li key={c.resourceId}>{c.resourceName} — in {c.teamName}</li>)}
            {preview.conflictCount > preview.conflicts.length ? <li>and {(preview.conflictCount - preview.conflicts.length).toLocaleString("en-US")} more</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

export function AutomationForm({ initial, options }: { initial: AutomationFormValue; options: AutomationFormOptions }) {
  const router = useRouter();
  const [name, setName] = useState(initial.name);
  const [match, setMatch] = useState<"all" | "any">(initial.rule.match);
  const [conds, setConds] = useState<Draft[]>(initial.rule.conditions.length ? initial.rule.conditions.map(toDraft) : [blank("type", options)]);
  const [action, setAction] = useState(initial.action);
  const [teamIds, setTeamIds] = useState<string[]>(initial.teamIds);
  const [trigger, setTrigger] = useState(initial.trigger);
  const [integrationId, setIntegrationId] = useState(initial.integrationId ?? options.integrations[0]?.id ?? "");
  const [cron, setCron] = useState(initial.cron ?? "0 6 * * *");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [saved, setSaved] = useState(false);
  const previewing = useAction(previewAutomation, { onSuccess: setPreview });
  const saving = useAction(
    async (input: Parameters<typeof createAutomation>[0]): Promise<ActionResult<{ id: string }>> =>
      initial.id ? await updateAutomation({ id: initial.id, ...input }) : await createAutomation(input),
    {
      success: initial.id ? "Automation saved" : "Automation created",
      onSuccess: (data) => {
        if (initial.id) { setSaved(true); router.refresh(); }
        else router.push(`/settings/automations/${data.id}`);
      },
    },
  );
  const pending = previewing.pending || saving.pending;
  // Errors of either call, per field (the preview checks the rule and the teams, saving everything).
  const fe = { ...previewing.fieldErrors, ...saving.fieldErrors };
  const error = saving.error ?? previewing.error;

  const rule = (): Rule => ({ match, conditions: conds.map(fromDraft) });
  const dirty = (field?: string) => { setPreview(null); setSaved(false); previewing.clear(field); saving.clear(field); };
  const setCond = (i: number, d: Draft) => { setConds(conds.map((c, j) => (j === i ? d : c))); dirty("rule"); };

  const runPreview = () => {
    saving.clear();
    setPreview(null);
    void previewing.run({ rule: rule(), action, teamIds });
  };
  const save = () => {
    previewing.clear();
    void saving.run({ name, rule: rule(), action, teamIds, trigger, integrationId: trigger === "after_sync" ? integrationId : null, cron: trigger === "schedule" ? cron : null, enabled: initial.enabled });
  };

  const cronProblem = trigger === "schedule" ? cronError(cron) : null;

  return (
    <form className="space-y-6 px-5 py-5" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <div className="max-w-md">
        <label htmlFor="automation-name" className={label}>Name</label>
        <input id="automation-name" value={name} onChange={(e) => { setName(e.target.value); setSaved(false); saving.clear("name"); }} maxLength={80} className={inputClass} placeholder="e.g. Client dashboards"
          aria-invalid={fe.name ? true : undefined} aria-describedby={fe.name ? "automation-name-error" : undefined} />
        <FieldError id="automation-name-error" error={fe.name} />
      </div>

      <fieldset>
        <legend className={label}>Resources that match</legend>
        <div className="mb-2 flex items-center gap-2 text-sm text-slate-700">
          <select aria-label="Match" value={match} onChange={(e) => { setMatch(e.target.value as "all" | "any"); dirty(); }} className={field}>
            <option value="all">All conditions (AND)</option>
            <option value="any">Any condition (OR)</option>
          </select>
        </div>
        <ul className="space-y-2">
          {conds.map((c, i) => (
            <li key={i} className="flex flex-wrap items-center gap-2" data-testid="condition">
              <select aria-label={`Condition ${i + 1}`} value={c.kind} onChange={(e) => setCond(i, blank(e.target.value as Condition["kind"], options))} className={`${field} w-full sm:w-52`}>
                {KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
              </select>
              {c.kind === "type" ? (
                <select aria-label={`Value ${i + 1}`} value={c.value} onChange={(e) => setCond(i, { ...c, value: e.target.value })} className={`${field} min-w-0 flex-1 sm:w-56 sm:flex-none`}>
                  {TYPES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                </select>
              ) : c.kind === "integration" || c.kind === "under" ? (
                <select aria-label={`Value ${i + 1}`} value={c.value} onChange={(e) => setCond(i, { ...c, value: e.target.value })} className={`${field} min-w-0 flex-1 sm:w-72 sm:flex-none`}>
                  {(c.kind === "integration" ? options.integrations.map((o) => ({ ...o, type: "" })) : options.parents).map((o) => (
                    <option key={o.id} value={o.id}>{o.name}{o.type ? ` (${o.type.toLowerCase()})` : ""}</option>
                  ))}
                  {c.kind === "integration" && !options.integrations.length ? <option value="">No integrations</option> : null}
                </select>
              ) : (
                <input
                  aria-label={`Value ${i + 1}`}
                  type={c.kind === "createdAfter" ? "date" : "text"}
                  value={c.value}
                  onChange={(e) => setCond(i, { ...c, value: e.target.value })}
                  maxLength={200}
                  placeholder={c.kind === "nameMatches" ? "e.g. ^client_(orders|refunds)$" : ""}
                  className={`${field} min-w-0 flex-1 sm:w-72 sm:flex-none ${c.kind === "nameMatches" ? "font-mono" : ""}`}
                />
              )}
              {conds.length > 1 ? (
                <IconButton onClick={() => { setConds(conds.filter((_, j) => j !== i)); dirty(); }} label={`Remove condition ${i + 1}`}>
                  <X className="h-4 w-4" />
                </IconButton>
              ) : null}
            </li>
          ))}
        </ul>
        <FieldError id="automation-rule-error" error={fe.rule} />
        <button type="button" onClick={() => { setConds([...conds, blank("nameContains", options)]); dirty("rule"); }} className="mt-2 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:text-brand-700">
          <Plus className="h-4 w-4" aria-hidden /> Add condition
        </button>
      </fieldset>

      <div className="grid gap-6 md:grid-cols-2">
        <fieldset>
          <legend className={label}>Then</legend>
          <div className="mb-2 flex gap-4 text-sm text-slate-700">
            <label className="inline-flex items-center gap-1.5"><input type="radio" name="action" checked={action === "add"} onChange={() => { setAction("add"); dirty(); }} /> Add to team(s)</label>
            <label className="inline-flex items-center gap-1.5"><input type="radio" name="action" checked={action === "remove"} onChange={() => { setAction("remove"); dirty(); }} /> Remove from team(s)</label>
          </div>
          <div className="max-h-48 space-y-1 overflow-y-auto rounded-lg border border-slate-200 px-3 py-2">
            {options.teams.map((t) => (
              <label key={t.id} className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" checked={teamIds.includes(t.id)} onChange={(e) => { setTeamIds(e.target.checked ? [...teamIds, t.id] : teamIds.filter((x) => x !== t.id)); dirty("teamIds"); }} />
                {t.name} <span className="text-xs text-slate-400">{t.isDefault ? "default" : t.visibility === "PRIVATE" ? "private" : "public"}</span>
              </label>
            ))}
          </div>
          <FieldError id="automation-teams-error" error={fe.teamIds} />
        </fieldset>
        <fieldset>
          <legend className={label}>Runs</legend>
          <div className="space-y-2 text-sm text-slate-700">
            <label className="flex items-center gap-1.5"><input type="radio" name="trigger" checked={trigger === "manual"} onChange={() => setTrigger("manual")} /> Manually</label>
            <label className="flex items-center gap-1.5"><input type="radio" name="trigger" checked={trigger === "after_sync"} onChange={() => setTrigger("after_sync")} disabled={!options.integrations.length} /> After each sync of</label>
            {trigger === "after_sync" ? (
              <select aria-label="Integration" value={integrationId} onChange={(e) => { setIntegrationId(e.target.value); saving.clear("integrationId"); }} className={`${field} ml-6 w-64`}
                aria-invalid={fe.integrationId ? true : undefined} aria-describedby={fe.integrationId ? "automation-integration-error" : undefined}>
                {options.integrations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            ) : null}
            {trigger === "after_sync" ? <div className="ml-6"><FieldError id="automation-integration-error" error={fe.integrationId} /></div> : null}
            <label className="flex items-center gap-1.5"><input type="radio" name="trigger" checked={trigger === "schedule"} onChange={() => setTrigger("schedule")} /> On a schedule (cron, UTC)</label>
            {trigger === "schedule" ? (
              <div className="ml-6">
                <input aria-label="Schedule" value={cron} onChange={(e) => { setCron(e.target.value); saving.clear("cron"); }} maxLength={100} className={`${field} w-48 font-mono`}
                  aria-invalid={cronProblem || fe.cron ? true : undefined} aria-describedby="automation-cron-hint" />
                <p id="automation-cron-hint" className={`mt-1 text-xs ${cronProblem || fe.cron ? "text-rose-700" : "text-slate-600"}`}>{fe.cron ?? cronProblem ?? cronInWords(cron)}</p>
              </div>
            ) : null}
          </div>
        </fieldset>
      </div>

      {preview ? <PreviewPanel preview={preview} action={action} /> : null}
      {error ? <ErrorNote>{error}</ErrorNote> : null}
      {saved ? <p role="status" className="text-sm text-emerald-700">Saved.</p> : null}
      {!preview && !error ? <p className="text-xs text-slate-500">Preview the rule to see what it matches; then save.</p> : null}
      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
        <Button type="button" variant="secondary" onClick={runPreview} disabled={pending}><Eye className="h-4 w-4" aria-hidden /> Preview</Button>
        <Button type="submit" disabled={pending || !preview} title={preview ? undefined : "Preview first"}><Save className="h-4 w-4" aria-hidden /> {initial.id ? "Save changes" : "Create automation"}</Button>
      </div>
    </form>
  );
}
