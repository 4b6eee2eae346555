import { notFound } from "next/navigation";
import { settingsPage } from "@/lib/auth/settings-page";
import { listMembers } from "@/lib/members/queries";
import { parseMembersParams } from "@/lib/members/schemas";
import { listVisibleTeams } from "@/lib/teams/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { MembersTable } from "@/components/members/members-table";
import { InviteButton } from "@/components/members/invite-dialog";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const page = settingsPage("members.manage", "Members");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

export default async function MembersPage({ searchParams }: Props) {
  const { viewer, params } = await page.withParams(searchParams, parseMembersParams);
  const [members, teams] = await Promise.all([listMembers(viewer, params), listVisibleTeams(viewer)]);
  if (!members) notFound();
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
          rows={members.rows}
          teams={teamOptions}
          viewerId={viewer.userId}
          filters={{ role: params.role ?? "", status: params.status ?? "", team: params.team ?? "" }}
          page={{ total: members.total, page: members.page, size: members.size, pageCount: members.pageCount, sort: params.sort, dir: params.dir, q: params.q }}
        />
      </Card>
    </>
  );
}
