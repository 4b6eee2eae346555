import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer, requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/policy";
import { listMembers } from "@/lib/members/queries";
import { membersUrl } from "@/lib/members/schemas";
import { listVisibleTeams } from "@/lib/teams/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { MembersTable } from "@/components/members/members-table";
import { InviteButton } from "@/components/members/invite-dialog";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const viewer = await getViewer();
  return { title: viewer && can(viewer.role, "members.manage") ? "Members" : "Page not found" };
}

export default async function MembersPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  if (!can(viewer.role, "members.manage")) notFound();
  const params = membersUrl.load(await searchParams);
  const [page, teams] = await Promise.all([listMembers(viewer, params), listVisibleTeams(viewer)]);
  if (!page) notFound();
  const teamOptions = teams.map((t) => ({ id: t.id, name: t.name, isDefault: t.isDefault, visibility: t.visibility }));
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Members"
        description="Everyone in the workspace: invite people, change roles, deactivate or remove access. Changes apply at the person's next request."
        actions={<InviteButton teams={teamOptions} />}
      />
      <Card>
        <MembersTable
          rows={page.rows}
          teams={teamOptions}
          viewerId={viewer.userId}
          filters={{ role: params.role ?? "", status: params.status ?? "", team: params.team ?? "" }}
          page={{ total: page.total, page: page.page, size: page.size, pageCount: page.pageCount, sort: params.sort, dir: params.dir, q: params.q }}
        />
      </Card>
    </>
  );
}
