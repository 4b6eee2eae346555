import type { Metadata } from "next";
import Link from "next/link";
import { Globe, Lock, UsersRound } from "lucide-react";
import { requireViewer } from "@/lib/auth/viewer";
import { listBrowseTeams } from "@/lib/teams/queries";
import { can, isInternal } from "@/lib/policy";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { JoinLeaveButton } from "@/components/teams/join-button";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const viewer = await requireViewer();
  const teams = await listBrowseTeams(viewer);
  const internal = isInternal(viewer.role);
  return (
    <>
      <PageHeader
        title="Teams"
        description={internal ? "Your teams and the public teams of the workspace. Join a public team to see what is shared with it." : "The teams you belong to."}
        actions={can(viewer.role, "teams.manage") ? <Link href="/settings/teams" className={buttonClass("secondary")}>Manage teams</Link> : null}
      />
      <Card>
        {teams.length === 0 ? (
          <EmptyState icon={<UsersRound className="h-8 w-8" />} title="No team yet">An admin adds you to a team.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {teams.map((t) => (
              <li key={t.id} className="flex items-center gap-4 px-5 py-3.5">
                <span className="flex h-9 w-9 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-sm font-semibold text-slate-600">{t.name[0]}</span>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/teams/${t.slug}`} className="font-medium text-slate-900 hover:text-brand-700">{t.name}</Link>
                    {t.visibility === "PRIVATE" ? <Lock className="h-3.5 w-3.5 text-slate-400" aria-label="Private" /> : <Globe className="h-3.5 w-3.5 text-slate-400" aria-label="Public" />}
                    {t.isDefault ? <Badge tone="blue">Default</Badge> : null}
                    {t.isMember ? <Badge tone="green">Member</Badge> : null}
                  </div>
                  {t.description ? <p className="line-clamp-1 text-sm text-slate-500">{t.description}</p> : null}
                </div>
                {internal && !t.isDefault && t.visibility === "PUBLIC" && !t.isDirectMember ? <JoinLeaveButton teamId={t.id} teamName={t.name} mode="join" /> : null}
                {internal && !t.isDefault && t.isDirectMember ? <JoinLeaveButton teamId={t.id} teamName={t.name} mode="leave" /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
