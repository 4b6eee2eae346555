import type { Metadata } from "next";
import Link from "next/link";
import { Globe, Lock } from "lucide-react";
import { settingsEntityPage } from "@/lib/auth/settings-page";
import { getGroup, listGroupCandidates } from "@/lib/groups/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { GroupMembers } from "@/components/groups/group-members";
import { GroupHeaderActions } from "@/components/groups/group-header-actions";

type Props = { params: Promise<{ id: string }> };

const page = settingsEntityPage("groups.manage", getGroup, (g) => g.name);

export const generateMetadata: (props: Props) => Promise<Metadata> = page.metadata;

export default async function GroupPage({ params }: Props) {
  const { viewer, entity: group } = await page.load({ params });
  const candidates = await listGroupCandidates(viewer, group.id);
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/settings/groups" className="hover:text-slate-800">Groups</Link>}
        title={group.name}
        description={group.description || undefined}
        actions={<GroupHeaderActions group={group} />}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Card className="min-w-0">
          <CardHeader title="Members" />
          <GroupMembers group={group} candidates={candidates} />
        </Card>
        <aside>
          <Card>
            <CardHeader title="Teams" description="Members of this group belong to these teams." />
            {group.teams.length ? (
              <ul className="divide-y divide-slate-100">
                {group.teams.map((t) => (
                  <li key={t.id} className="flex items-center gap-2 px-5 py-2.5 text-sm">
                    {t.visibility === "PRIVATE" ? <Lock className="h-3.5 w-3.5 text-slate-400" /> : <Globe className="h-3.5 w-3.5 text-slate-400" />}
                    <Link href={`/teams/${t.slug}`} className="font-medium text-slate-800 hover:text-brand-700">{t.name}</Link>
                    {t.isDefault ? <Badge className="ml-auto">Default</Badge> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="px-5 py-4 text-sm text-slate-500">In no team yet. Add it from a team&apos;s page.</p>
            )}
          </Card>
        </aside>
      </div>
    </>
  );
}
