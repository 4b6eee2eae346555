import Link from "next/link";
import { notFound } from "next/navigation";
import { settingsPage } from "@/lib/auth/settings-page";
import { isolationReport } from "@/lib/isolation/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { IsolationFindings } from "@/components/isolation/isolation-report";

const page = settingsPage("settings.manage", "Isolation");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

export default async function IsolationPage() {
  const viewer = await page.viewer();
  const report = await isolationReport(viewer);
  if (!report) notFound();
  return (
    <>
      <PageHeader
        eyebrow="Settings"
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
