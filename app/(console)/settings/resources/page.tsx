import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer, requireViewer } from "@/lib/auth/viewer";
import { adminResourceOptions, listAdminResources } from "@/lib/resources/queries";
import { adminResourcesUrl } from "@/lib/resources/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ResourcesTable } from "@/components/resources/resources-table";
import { can } from "@/lib/policy";

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export async function generateMetadata(): Promise<Metadata> {
  const viewer = await getViewer();
  return { title: viewer && can(viewer.role, "assignments.manage") ? "Resources" : "Page not found" };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SettingsResourcesPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  if (!can(viewer.role, "assignments.manage")) notFound();
  const p = adminResourcesUrl.load(await searchParams);
  const [page, options] = await Promise.all([listAdminResources(viewer, p), adminResourceOptions(viewer)]);
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Resources"
        description="Every resource in the workspace and the teams it belongs to. A resource added to a team brings everything below it, now and later."
      />
      <Card>
        <ResourcesTable
          rows={page.rows}
          page={{ total: page.total, page: page.page, size: page.size, pageCount: page.pageCount, sort: p.sort, dir: p.dir, q: p.q }}
          filters={{ type: p.type, integration: p.integration, team: p.team, unassigned: p.unassigned }}
          teams={options.teams}
          integrations={options.integrations}
        />
      </Card>
    </>
  );
}
