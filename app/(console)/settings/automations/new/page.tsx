import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { settingsPage } from "@/lib/auth/settings-page";
import { automationFormOptions } from "@/lib/automations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { AutomationForm } from "@/components/automations/automation-form";

const page = settingsPage("automations.manage", "New automation");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

export default async function NewAutomationPage() {
  const viewer = await page.viewer();
  const options = await automationFormOptions(viewer);
  return (
    <>
      <Link href="/settings/automations" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ChevronLeft className="h-4 w-4" aria-hidden /> Automations
      </Link>
      <PageHeader eyebrow="Settings" title="New automation" description="Describe which resources, what to do with them, and when. Preview shows what it would change before anything is saved." />
      <Card>
        <CardHeader title="Rule" description="A resource matches when it satisfies the conditions itself; its descendants follow by inheritance." />
        <AutomationForm
          options={options}
          initial={{ name: "", rule: { match: "all", conditions: [] }, action: "add", teamIds: [], trigger: "manual", integrationId: null, cron: null, enabled: true }}
        />
      </Card>
    </>
  );
}
