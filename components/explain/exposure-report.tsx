import Link from "next/link";
import { AlertTriangle, CheckCircle2 } from "lucide-react";
import type { TeamExposure } from "@/lib/explain/queries";
import { ROLE_LABELS } from "@/lib/policy";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

const lower = (t: keyof typeof TYPE_LABELS) => TYPE_LABELS[t].toLowerCase();

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <section className="px-5 py-4">
      <h3 className="text-sm font-medium text-slate-900">{title}</h3>
      {hint ? <p className="mt-0.5 text-xs text-slate-500">{hint}</p> : null}
      <div className="mt-2 text-sm">{children}</div>
    </section>
  );
}

/** Admins only, on a private client team's page: what its resources are exposed to, with a verdict on top. */
export function ExposureReport({ data }: { data: TeamExposure }) {
  const isolated = data.findings === 0;
  const more = (total: number, shown: number) => (total > shown ? <li className="text-xs text-slate-500">and {(total - shown).toLocaleString("en-US")} more</li> : null);
  return (
    <Card>
      <CardHeader title="Exposure report" description="Who outside this client can see its resources. Only admins see this report." />
      <div
        data-testid="exposure-verdict"
        className={`flex items-start gap-2.5 border-b px-5 py-3 text-sm font-medium ${isolated ? "border-emerald-100 bg-emerald-50 text-emerald-800" : "border-rose-100 bg-rose-50 text-rose-800"}`}
      >
        {isolated ? <CheckCircle2 className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> : <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />}
        {/* One sentence that wraps as one on a phone (not a verdict column beside a text column). */}
        <p className="min-w-0">
        {isolated
          ? "Isolated"
          : `${data.findings.toLocaleString("en-US")} ${data.findings === 1 ? "exposure" : "exposures"}`}{" "}
        <span className="font-normal opacity-80">
          {isolated
            ? `— no other client's Guest can see any of its ${data.resourceCount} assigned resource${data.resourceCount === 1 ? "" : "s"}, and none is shared with another client.`
            : "— each one below, with a link to fix it."}
        </span>
        </p>
      </div>
      <div className="divide-y divide-slate-100">
        {data.rule.lines.length ? (
          <Section title="Cross-client exposures" hint="By the isolation rule every change is checked against; the same list as Settings → Isolation, for this team.">
            <ul className="space-y-1.5" data-testid="exposure-rule">
              {data.rule.lines.map((l) => (
                <li key={l.keys[0]} className="flex items-start gap-1.5">
                  <AlertTriangle className="mt-0.5 h-3.5 w-3.5 shrink-0 text-rose-500" aria-hidden />
                  <span className="flex-1 text-slate-700">{l.text}</span>
                  <Link href={l.fix} className="text-xs font-medium text-brand-700 hover:underline">Fix</Link>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
        <Section title="Shared with another client" hint="Resources this team sees that another private team sees too.">
          {data.shared.length ? (
            <ul className="space-y-1.5" data-testid="exposure-shared">
              {data.shared.map((s) => (
                <li key={`${s.otherTeam.id}/${s.resource.id}/${s.assignedAt.id}`} className="flex flex-wrap items-center gap-1.5">
                  <AlertTriangle className="h-3.5 w-3.5 text-rose-500" aria-hidden />
                  <span className="text-slate-500">{lower(s.resource.type)}</span>{" "}
                  <Link href={`/resources/${s.resource.id}#who-can-see`} className="font-medium text-slate-800 hover:text-brand-700">{s.resource.name}</Link>{" "}
                  <span className="text-slate-600">is also in</span>{" "}
                  <Link href={`/teams/${s.otherTeam.slug}`} className="font-medium text-slate-800 hover:text-brand-700">{s.otherTeam.name}</Link>
                  {s.assignedAt.id !== s.resource.id ? <>{" "}<span className="text-xs text-slate-500">(inherited from {lower(s.assignedAt.type)} {s.assignedAt.name})</span></> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-500">None.</p>
          )}
        </Section>
        <Section title="Guests of other teams" hint="A Guest who is not in this team but sees some of its resources through another team.">
          {data.foreignGuests.people.length ? (
            <ul className="space-y-1.5" data-testid="exposure-guests">
              {data.foreignGuests.people.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-1.5">
                  <AlertTriangle className="h-3.5 w-3.5 text-rose-500" aria-hidden />
                  <span className="font-medium text-slate-800">{p.name}</span>{" "}
                  <span className="text-xs text-slate-500">{p.email}</span>{" "}
                  <span className="text-slate-600">sees them through</span>{" "}
                  {p.through.map((t) => <Badge key={t.id}>{t.name}</Badge>)}
                </li>
              ))}
              {more(data.foreignGuests.total, data.foreignGuests.people.length)}
            </ul>
          ) : (
            <p className="text-slate-500">None: no Guest outside this team can see its resources.</p>
          )}
        </Section>
        <Section title="Internal members" hint="Employees in this team see all of its resources, and its Guests see them as team-mates.">
          {data.internalMembers.people.length ? (
            <ul className="space-y-1.5">
              {data.internalMembers.people.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-1.5">
                  <span className="font-medium text-slate-800">{p.name}</span>{" "}
                  <Badge>{ROLE_LABELS[p.role]}</Badge>{" "}
                  <span className="text-xs text-slate-500">{p.via.join(", ")}</span>
                </li>
              ))}
              {more(data.internalMembers.total, data.internalMembers.people.length)}
            </ul>
          ) : (
            <p className="text-slate-500">None.</p>
          )}
        </Section>
        {data.alsoEmployees.length ? (
          <Section title="Also visible to every employee" hint="Resources this team shares with General or a public team.">
            <ul className="space-y-1.5">
              {data.alsoEmployees.map((e) => (
                <li key={e.team.id} className="text-slate-700">
                  <span className="font-medium">{e.team.name}</span>: {e.resources.slice(0, 5).map((r) => `${lower(r.type)} ${r.name}`).join(", ")}
                  {e.resources.length > 5 ? ` and ${e.resources.length - 5} more` : ""}
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </div>
    </Card>
  );
}
