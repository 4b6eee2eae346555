import { notFound } from "next/navigation";
import { settingsPage } from "@/lib/auth/settings-page";
import { listAuditEvents } from "@/lib/audit/queries";
import { parseAuditParams } from "@/lib/audit/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button";
import { Download } from "lucide-react";

const page = settingsPage("audit.read", "Audit log");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, params: p } = await page.withParams(searchParams, parseAuditParams);
  const data = await listAuditEvents(viewer, p);
  if (!data) notFound();
  const qs = new URLSearchParams(Object.entries({ q: p.q, action: p.action, targetType: p.targetType, from: p.from ?? "", to: p.to ?? "" }).filter(([, v]) => v) as [string, string][]);
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Audit log"
        description="Every change to people, teams, groups, assignments, automations and integrations, with who made it. Times are in your time zone."
        actions={<a href={`/api/audit/export?${qs.toString()}`} className={buttonClass("secondary")}><Download className="h-4 w-4" aria-hidden /> Export CSV</a>}
      />
      <Card>
        <AuditTable
          rows={data.rows}
          actions={data.actions}
          targetTypes={data.targetTypes}
          page={{ total: data.total, page: data.page, size: data.size, pageCount: data.pageCount, sort: p.sort, dir: p.dir, q: p.q }}
        />
      </Card>
    </>
  );
}
