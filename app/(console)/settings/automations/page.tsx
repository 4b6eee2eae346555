import { settingsPage } from "@/lib/auth/settings-page";
import { listAutomations } from "@/lib/automations/queries";
import { parseAutomationsParams } from "@/lib/automations/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { AutomationsTable } from "@/components/automations/automations-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const page = settingsPage("automations.manage", "Automations");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

export default async function AutomationsPage({ searchParams }: Props) {
  const { viewer, params } = await page.withParams(searchParams, parseAutomationsParams);
  const data = await listAutomations(viewer, params);
  const pageCount = Math.max(1, Math.ceil(data.total / params.size));
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Automations"
        description="Rules that add resources to teams, or take them out, in bulk: run by hand, after each sync of an integration, or on a schedule. Every run can be undone."
      />
      <Card>
        <AutomationsTable rows={data.rows} page={{ total: data.total, page: Math.min(params.page, pageCount), size: params.size, pageCount, sort: params.sort, dir: params.dir, q: params.q }} />
      </Card>
    </>
  );
}
