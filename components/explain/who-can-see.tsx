import Link from "next/link";
import { ArrowRight, Search, ShieldCheck, Users } from "lucide-react";
import type { AudienceGroup, GrantView, PersonRef, WhoCanSee } from "@/lib/explain/queries";
import { ROLE_LABELS } from "@/lib/policy";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";

const lower = (t: keyof typeof TYPE_LABELS) => TYPE_LABELS[t].toLowerCase();

export function grantTitle(g: GrantView): string {
  switch (g.kind) {
    case "admin":
      return "Admins";
    case "general":
      return `Everyone but Guests, through ${g.team?.name ?? "General"}`;
    case "public":
      return `Editors and Viewers, through public team ${g.team?.name ?? ""}`;
    case "direct":
      return `Direct members of ${g.team?.name ?? ""}`;
    case "group":
      return `${g.team?.name ?? ""} through group ${g.group?.name ?? ""}`;
  }
}

/** "Ana → group Northwind people → team Northwind ← schema northwind assigned directly → table orders inherits" */
function Chain({ person, grant, resource }: { person: PersonRef; grant: GrantView; resource: WhoCanSee["resource"] }) {
  const step = (children: React.ReactNode, key: string) => (
    <span key={key} className="inline-flex items-center gap-1.5">
      <span className="rounded-md bg-white px-1.5 py-0.5 ring-1 ring-inset ring-slate-200">{children}</span>
    </span>
  );
  const arrow = (k: string, dir = "→") => <span key={k} className="text-slate-400" aria-hidden>{dir}</span>;
  const parts: React.ReactNode[] = [step(<strong>{person.name}</strong>, "p")];
  if (grant.kind === "admin") {
    parts.push(arrow("a1"), step(<>Admin: sees every resource of the workspace</>, "a"));
    return <Steps parts={parts} />;
  }
  const via = {
    direct: "direct member",
    group: <>group <strong>{grant.group?.name}</strong></>,
    general: `${ROLE_LABELS[person.role]}: every non-Guest is in General`,
    public: `${ROLE_LABELS[person.role]}: public teams are open to every non-Guest`,
  }[grant.kind];
  parts.push(arrow("v1"), step(via, "v"), arrow("t1"), step(<>team <strong>{grant.team?.name}</strong></>, "t"));
  const [nearest, ...others] = grant.assigned;
  if (nearest) {
    parts.push(arrow("r1", "←"));
    if (nearest.id === resource.id) parts.push(step(<>{lower(resource.type)} <strong>{resource.name}</strong> assigned directly</>, "r"));
    else
      parts.push(
        step(<>{lower(nearest.type)} <strong>{nearest.name}</strong> assigned directly</>, "a"),
        arrow("r2"),
        step(<>{lower(resource.type)} <strong>{resource.name}</strong> inherits</>, "r"),
      );
    if (others.length) parts.push(<span key="o" className="text-xs text-slate-500">(also assigned at {others.map((o) => `${lower(o.type)} ${o.name}`).join(", ")})</span>);
  }
  return <Steps parts={parts} />;
}

function Steps({ parts }: { parts: React.ReactNode[] }) {
  return <p data-testid="access-chain" className="flex flex-wrap items-center gap-1.5 text-sm text-slate-700">{parts.flatMap((p, i) => (i ? [" ", p] : [p]))}</p>;
}

function assignedHint(g: GrantView, resource: WhoCanSee["resource"]): string | null {
  const a = g.assigned[0];
  if (!a) return g.kind === "admin" ? "They see everything by their role." : null;
  return a.id === resource.id ? `Assigned directly to ${g.team?.name}` : `Inherited from ${lower(a.type)} ${a.name}, assigned to ${g.team?.name}`;
}

function Group({ g, resource }: { g: AudienceGroup; resource: WhoCanSee["resource"] }) {
  const more = g.count - g.people.length;
  return (
    <li className="px-5 py-3.5" data-testid="audience-group">
      <div className="flex items-baseline justify-between gap-3">
        <h3 className="text-sm font-medium text-slate-900">{grantTitle(g)}</h3>
        <Badge tone={g.kind === "admin" ? "violet" : "slate"}>{g.count.toLocaleString("en-US")} {g.count === 1 ? "person" : "people"}</Badge>
      </div>
      {assignedHint(g, resource) ? <p className="mt-0.5 text-xs text-slate-500">{assignedHint(g, resource)}</p> : null}
      <div className="mt-2 flex flex-wrap gap-1.5">
        {g.people.map((p) => (
          <Link key={p.id} href={`?who=${p.id}#who-can-see`} scroll={false} title={`${p.email} · why?`}
            className="rounded-md bg-slate-50 px-2 py-0.5 text-xs text-slate-700 ring-1 ring-inset ring-slate-200 hover:bg-brand-50 hover:text-brand-700 hover:ring-brand-200">
            {p.name}
          </Link>
        ))}
        {more > 0 ? <span className="px-1 py-0.5 text-xs text-slate-500">and {more.toLocaleString("en-US")} more</span> : null}
      </div>
    </li>
  );
}

/** Admins only: everyone who can see this resource, grouped by the path that grants it, and one person's chain. */
export function WhoCanSeePanel({ data, who }: { data: WhoCanSee; who: string }) {
  return (
    <Card>
      <div id="who-can-see" className="scroll-mt-6" />
      <CardHeader
        title={<span className="inline-flex items-center gap-1.5"><Users className="h-4 w-4 text-slate-400" aria-hidden />Who can see this?</span>}
        description={`${data.total.toLocaleString("en-US")} ${data.total === 1 ? "person" : "people"} in the workspace, by the path that lets them in. Only admins see this panel.`}
      />
      <div className="border-b border-slate-100 px-5 py-4">
        <form method="get" action="#who-can-see" className="flex gap-2" role="search" aria-label="Explain access for a person">
          <label className="relative min-w-0 flex-1">
            <span className="sr-only">Name or email</span>
            <Search className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-400" aria-hidden />
            <input name="who" defaultValue={data.chosen?.person.email ?? who} maxLength={320} placeholder="Why can (or can't) someone see it? Name or email…"
              className="w-full rounded-lg border border-slate-300 py-2 pl-8 pr-3 text-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none" />
          </label>
          <button type="submit" className={buttonClass("secondary")}>Explain</button>
        </form>
        {data.chosenMissing ? <p className="mt-3 text-sm text-slate-500">Nobody in this workspace matches “{who}”.</p> : null}
        {data.chosen ? (
          <div className="mt-3 rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200" data-testid="access-explanation">
            <div className="mb-2 flex items-center gap-2 text-sm">
              <span className="font-medium text-slate-900">{data.chosen.person.name}</span>
              <span className="text-slate-500">{data.chosen.person.email} · {ROLE_LABELS[data.chosen.person.role]}</span>
              {data.chosen.grants.length ? <Badge tone="green"><ShieldCheck className="h-3 w-3" />Can see it</Badge> : <Badge tone="red">Cannot see it</Badge>}
            </div>
            {data.chosen.grants.length ? (
              <div className="space-y-2">
                {data.chosen.grants.map((g) => <Chain key={g.key} person={data.chosen!.person} grant={g} resource={data.resource} />)}
              </div>
            ) : (
              <p className="flex items-center gap-1.5 text-sm text-slate-600">
                <ArrowRight className="h-3.5 w-3.5 text-slate-400" aria-hidden />
                {!data.chosen.active ? `${data.chosen.person.name} is not active (invited or deactivated), so sees nothing.` : <>No team that {data.chosen.person.name} belongs to has this {lower(data.resource.type)} or anything above it{data.chosen.person.role === "GUEST" ? " (Guests see only their own teams)" : ""}.</>}
              </p>
            )}
          </div>
        ) : null}
      </div>
      <ul className="divide-y divide-slate-100">
        {data.groups.map((g) => <Group key={g.key} g={g} resource={data.resource} />)}
      </ul>
    </Card>
  );
}

/**
 * Admins only, before the question is asked: counting everyone who can see a resource is a workspace-wide read
 * (seconds at 100,000 members), so it runs when asked, not on every visit of the page.
 */
export function WhoCanSeePrompt() {
  return (
    <Card>
      <div id="who-can-see" className="scroll-mt-6" />
      <CardHeader
        title={<span className="inline-flex items-center gap-1.5"><Users className="h-4 w-4 text-slate-400" aria-hidden />Who can see this?</span>}
        description="Everyone who can see this resource, grouped by the path that lets them in, or why one person can or cannot. Only admins see this panel."
      />
      <div className="flex flex-wrap items-center gap-2 px-5 py-4">
        <Link href="?audience=1#who-can-see" scroll={false} className={buttonClass("secondary")}>Show who can see this</Link>
        <form method="get" action="#who-can-see" className="flex min-w-[16rem] flex-1 gap-2" role="search" aria-label="Explain access for a person">
          <label className="relative min-w-0 flex-1">
            <span className="sr-only">Name or email</span>
            <Search className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-400" aria-hidden />
            <input name="who" maxLength={320} placeholder="Or explain one person: name or email…"
              className="w-full rounded-lg border border-slate-300 py-2 pl-8 pr-3 text-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none" />
          </label>
          <button type="submit" className={buttonClass("secondary")}>Explain</button>
        </form>
      </div>
    </Card>
  );
}
