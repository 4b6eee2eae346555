import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Globe, Lock } from "lucide-react";
import { getViewer, requireViewer } from "@/lib/auth/viewer";
import { getTeamBySlug, listTeamCandidates, listTeamGroupCandidates, listTeamMembers } from "@/lib/teams/queries";
import { teamMembersUrl, teamSlug } from "@/lib/teams/schemas";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { TypeIcon } from "@/components/catalog/type-icon";
import { TeamMembers } from "@/components/teams/team-members";
import { TeamGroups } from "@/components/teams/team-groups";
import { TeamHeaderActions } from "@/components/teams/team-header-actions";
import { teamExposure } from "@/lib/explain/queries";
import { ExposureReport } from "@/components/explain/exposure-report";
import { TokensPanel } from "@/components/tokens/tokens-panel";
import { listTeamTokens } from "@/lib/tokens/queries";
import { can } from "@/lib/policy";

// generateMetadata and the page read the same team: once per request (getViewer is cached too, so the
// viewer object, part of the key, is the same in both).
const readTeam = cache(getTeamBySlug);

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The title comes from the same scoped read as the page: a team out of scope yields the plain 404 title.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const viewer = await getViewer();
  const parsed = teamSlug.safeParse(slug);
  if (!viewer || !parsed.success) return { title: "Page not found" };
  const team = await readTeam(viewer, parsed.data);
  return { title: team ? team.name : "Page not found" };
}

export default async function TeamPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { slug } = await params;
  const parsed = teamSlug.safeParse(slug);
  if (!parsed.success) notFound();
  const team = await readTeam(viewer, parsed.data);
  if (!team) notFound();
  const mp = teamMembersUrl.load(await searchParams);
  // A client team (private, not General) may have tokens of its own: admins make and revoke them here.
  const clientTeam = can(viewer.role, "tokens.manage") && team.visibility === "PRIVATE" && !team.isDefault;
  const [members, candidates, groupCandidates, exposure, tokens] = await Promise.all([
    listTeamMembers(viewer, team.id, mp),
    team.canManage ? listTeamCandidates(viewer, team.id) : Promise.resolve([]),
    team.canManage ? listTeamGroupCandidates(viewer, team.id) : Promise.resolve([]),
    can(viewer.role, "access.explain") && team.visibility === "PRIVATE" && !team.isDefault ? teamExposure(viewer, team.id) : Promise.resolve(null),
    clientTeam ? listTeamTokens(viewer, team.id) : Promise.resolve(null),
  ]);
  const t = { id: team.id, name: team.name, description: team.description, visibility: team.visibility, isDefault: team.isDefault };

  return (
    <>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">
            {team.canManage ? <Link href="/settings/teams" className="hover:text-slate-800">Teams</Link> : "Team"}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{team.name}</h1>
            {team.visibility === "PRIVATE" ? <Badge><Lock className="h-3 w-3" />Private</Badge> : <Badge><Globe className="h-3 w-3" />Public</Badge>}
            {team.isDefault ? <Badge tone="blue">Default</Badge> : null}
            {team.isMember ? <Badge tone="green">You are a member</Badge> : null}
          </div>
          {team.description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{team.description}</p> : null}
          {team.isDefault ? <p className="mt-1 max-w-3xl text-sm text-slate-500">Every employee (everyone who is not a Guest) is always a member of this team.</p> : null}
        </div>
        <TeamHeaderActions team={t} canManage={team.canManage} canJoin={team.canJoin} canLeave={team.canLeave} />
      </header>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          {exposure ? <ExposureReport data={exposure} /> : null}
          <Card>
            <CardHeader title="Members" description={`${members.total.toLocaleString("en-US")} ${members.total === 1 ? "person" : "people"}${viewer.role === "GUEST" ? " you can see" : ""}`} />
            <TeamMembers
              team={t}
              rows={members.rows}
              page={{ total: members.total, page: members.page, size: members.size, pageCount: members.pageCount, sort: mp.sort, dir: mp.dir, q: mp.q }}
              canManage={team.canManage}
              showSource={team.groups !== null}
              candidates={candidates}
            />
          </Card>
          {tokens ? (
            <Card>
              <CardHeader title="Team tokens" description={`For ${team.name}'s own tools: a team token sees exactly what a Guest of ${team.name} sees, read-only, and belongs to the team, not to a person.`} />
              <TokensPanel rows={tokens} team={{ id: team.id, name: team.name }} />
            </Card>
          ) : null}
        </div>
        <aside className="space-y-6">
          <Card>
            <CardHeader title="Resources" description={team.resourceCount ? `${team.resourceCount} assigned, with everything inside` : undefined} />
            {team.resources.length ? (
              <ul className="divide-y divide-slate-100">
                {team.resources.map((r) => (
                  <li key={r.id} className="flex items-center gap-2.5 px-5 py-2.5 text-sm">
                    <TypeIcon type={r.type} size="sm" />
                    <div className="min-w-0 flex-1">
                      <Link href={`/resources/${r.id}`} className="block truncate font-medium text-slate-800 hover:text-brand-700">{r.name}</Link>
                      <div className="text-xs text-slate-500">{TYPE_LABELS[r.type]}{r.descendants ? ` · ${r.descendants.toLocaleString("en-US")} inside` : ""}</div>
                    </div>
                  </li>
                ))}
                {team.resourceCount > team.resources.length ? <li className="px-5 py-2.5 text-xs text-slate-500">and {team.resourceCount - team.resources.length} more</li> : null}
              </ul>
            ) : (
              <p className="px-5 py-4 text-sm text-slate-500">Nothing is assigned to this team yet.</p>
            )}
          </Card>
          {team.groups ? (
            <Card>
              <CardHeader title="Groups" description="Their members belong to the team." />
              <TeamGroups team={t} groups={team.groups} canManage={team.canManage} candidates={groupCandidates} />
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
