import { settingsPage } from "@/lib/auth/settings-page";
import { listTeamsTable } from "@/lib/teams/queries";
import { parseTeamsParams } from "@/lib/teams/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { TeamsTable } from "@/components/teams/teams-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const page = settingsPage("teams.manage", "Teams");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

export default async function TeamsSettingsPage({ searchParams }: Props) {
  const { viewer, params } = await page.withParams(searchParams, parseTeamsParams);
  const data = await listTeamsTable(viewer, params);
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Teams"
        description="Each client gets a private team; its people are Guests and see only that team. General is the default team: every employee is always in it, and it cannot be deleted."
      />
      <Card>
        <TeamsTable rows={data.rows} page={{ total: data.total, page: data.page, size: data.size, pageCount: data.pageCount, sort: params.sort, dir: params.dir, q: params.q }} />
      </Card>
    </>
  );
}
