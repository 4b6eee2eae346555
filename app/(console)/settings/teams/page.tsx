import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer, requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/policy";
import { listTeamsTable } from "@/lib/teams/queries";
import { teamsUrl } from "@/lib/teams/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { TeamsTable } from "@/components/teams/teams-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const viewer = await getViewer();
  return { title: viewer && can(viewer.role, "teams.manage") ? "Teams" : "Page not found" };
}

export default async function TeamsSettingsPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  if (!can(viewer.role, "teams.manage")) notFound();
  const params = teamsUrl.load(await searchParams);
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
