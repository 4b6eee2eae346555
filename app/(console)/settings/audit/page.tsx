import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { listAuditEvents } from "@/lib/audit/queries";
import { parseAuditParams } from "@/lib/audit/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const sp = await searchParams;
  const p = parseAuditParams(sp);
  const data = await listAuditEvents(viewer, p);
  if (!data) notFound();
  const qs = new URLSearchParams(Object.entries({ q: p.q, action: p.action, targetType: p.targetType, from: p.from ?? "", to: p.to ?? "" }).filter(([, v]) => v) as [string, string][]);
  return (
    <>
      <PageHeader title="Audit log" description="Every change to people, teams, groups, assignments, automations and integrations, with who made it." />
      <Card>
        <AuditTable
          rows={data.rows}
          actions={data.actions}
          targetTypes={data.targetTypes}
          exportHref={`/api/audit/export?${qs.toString()}`}
          page={{ total: data.total, page: data.page, size: data.size, pageCount: data.pageCount, sort: p.sort, dir: p.dir, q: p.q }}
        />
      </Card>
    </>
  );
}
