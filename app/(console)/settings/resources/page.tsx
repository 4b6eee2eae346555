import { settingsPage } from "@/lib/auth/settings-page";
import { adminResourceOptions, listAdminResources } from "@/lib/resources/queries";
import { parseAdminResourceParams } from "@/lib/resources/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ResourcesTable } from "@/components/resources/resources-table";

const page = settingsPage("assignments.manage", "Resources");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SettingsResourcesPage({ searchParams }: Props) {
  const { viewer, params: p } = await page.withParams(searchParams, parseAdminResourceParams);
  const [resources, options] = await Promise.all([listAdminResources(viewer, p), adminResourceOptions(viewer)]);
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Resources"
        description="Every resource in the workspace and the teams it belongs to. A resource added to a team brings everything below it, now and later."
      />
      <Card>
        <ResourcesTable
          rows={resources.rows}
          page={{ total: resources.total, page: resources.page, size: resources.size, pageCount: resources.pageCount, sort: p.sort, dir: p.dir, q: p.q }}
          filters={{ type: p.type, integration: p.integration, team: p.team, unassigned: p.unassigned }}
          teams={options.teams}
          integrations={options.integrations}
        />
      </Card>
    </>
  );
}
