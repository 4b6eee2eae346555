import { notFound } from "next/navigation";
import { settingsPage } from "@/lib/auth/settings-page";
import { listAuditEvents } from "@/lib/audit/queries";
import { createSerializer } from "nuqs/server";
import { auditUrl } from "@/lib/audit/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button";
import { Download } from "lucide-react";

const page = settingsPage("audit.read", "Audit log");
const serializeAuditUrl = createSerializer(auditUrl.parsers);

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, params: p } = await page.withParams(searchParams, auditUrl.load);
  const data = await listAuditEvents(viewer, p);
  if (!data) notFound();
  const exportHref = serializeAuditUrl("/api/audit/export", { q: p.q, action: p.action || null, targetType: p.targetType || null, from: p.from ?? null, to: p.to ?? null });
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Audit log"
        description="Every change to people, teams, groups, assignments, automations and integrations, with who made it. Times are in your time zone."
        actions={<a href={exportHref} className={buttonClass("secondary")}><Download className="h-4 w-4" aria-hidden /> Export CSV</a>}
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
