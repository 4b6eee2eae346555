import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { isolationReport } from "@/lib/isolation/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { IsolationFindings } from "@/components/isolation/isolation-report";

export const metadata: Metadata = { title: "Isolation" };

export default async function IsolationPage() {
  const viewer = await requireViewer();
  const report = await isolationReport(viewer);
  if (!report) notFound();
  return (
    <>
      <PageHeader
        title="Isolation"
        description="Every way a client's guest can see another client, across the whole workspace, by the one rule every change is checked against."
      />
      <Card>
        <CardHeader
          title="Cross-client exposures"
          description={
            <>
              The isolation lock is <strong>{report.locked ? "on" : "off"}</strong>{" "}
              (<Link href="/settings/workspace" className="text-brand-700 underline underline-offset-2 hover:text-brand-800">Settings → Workspace</Link>).
            </>
          }
        />
        <IsolationFindings report={report} scope="any client" />
      </Card>
    </>
  );
}
