import { settingsPage } from "@/lib/auth/settings-page";
import { listGroupsTable } from "@/lib/groups/queries";
import { parseGroupsParams } from "@/lib/groups/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { GroupsTable } from "@/components/groups/groups-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const page = settingsPage("groups.manage", "Groups");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

export default async function GroupsSettingsPage({ searchParams }: Props) {
  const { viewer, params } = await page.withParams(searchParams, parseGroupsParams);
  const data = await listGroupsTable(viewer, params);
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Groups"
        description="Named sets of people. A group added to a team makes its members members of that team; removing the group removes only that path. Guests never see group names."
      />
      <Card>
        <GroupsTable rows={data.rows} page={{ total: data.total, page: data.page, size: data.size, pageCount: data.pageCount, sort: params.sort, dir: params.dir, q: params.q }} />
      </Card>
    </>
  );
}
