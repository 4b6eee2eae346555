import type { Metadata } from "next";
import Link from "next/link";
import { Globe, Lock, UsersRound } from "lucide-react";
import { requireViewer } from "@/lib/auth/viewer";
import { listVisibleTeams } from "@/lib/teams/queries";
import { listTeamPeople } from "@/lib/people/queries";
import { ROLE_LABELS } from "@/lib/policy";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "My team" };

export default async function MyTeamPage() {
  const viewer = await requireViewer();
  const teams = await listVisibleTeams(viewer, { mine: true });
  const people = await Promise.all(teams.map((t) => listTeamPeople(viewer, t.id)));
  return (
    <>
      <PageHeader title={viewer.role === "GUEST" ? "My team" : "My teams"} description="The teams you belong to and the people in them." />
      {teams.length === 0 ? (
        <Card>
          <EmptyState icon={<UsersRound className="h-8 w-8" />} title="You are not in a team yet">An admin adds you to a team; its resources then appear in your catalog.</EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          {teams.map((t, i) => (
            <Card key={t.id}>
              <div id={t.slug} className="scroll-mt-6" />
              <CardHeader
                title={<span className="flex items-center gap-2">{t.visibility === "PRIVATE" ? <Lock className="h-3.5 w-3.5 text-slate-400" /> : <Globe className="h-3.5 w-3.5 text-slate-400" />}<Link href={`/teams/${t.slug}`} className="hover:text-brand-700">{t.name}</Link>{t.isDefault ? <Badge>Default</Badge> : null}</span>}
                description={t.description || undefined}
              />
              <ul className="divide-y divide-slate-100">
                {people[i].map((p) => (
                  <li key={p.id} className="flex items-center gap-3 px-5 py-2.5 text-sm">
                    <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">{p.name.split(/\s+/).map((s) => s[0]).slice(0, 2).join("")}</span>
                    {/* Name above the address on a phone, side by side from sm up. */}
                    <span className="flex min-w-0 flex-col sm:flex-row sm:items-baseline sm:gap-3">
                      <span className="font-medium">{p.name}</span>
                      <span className="truncate text-slate-500">{p.email}</span>
                    </span>
                    <span className="ml-auto shrink-0"><Badge tone={p.role === "GUEST" ? "amber" : "slate"}>{ROLE_LABELS[p.role]}</Badge></span>
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
