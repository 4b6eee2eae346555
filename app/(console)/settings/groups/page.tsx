import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer, requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/policy";
import { listGroupsTable } from "@/lib/groups/queries";
import { groupsUrl } from "@/lib/groups/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { GroupsTable } from "@/components/groups/groups-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const viewer = await getViewer();
  return { title: viewer && can(viewer.role, "groups.manage") ? "Groups" : "Page not found" };
}

export default async function GroupsSettingsPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  if (!can(viewer.role, "groups.manage")) notFound();
  const params = groupsUrl.load(await searchParams);
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
