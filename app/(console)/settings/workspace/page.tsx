import Link from "next/link";
import { notFound } from "next/navigation";
import { settingsPage } from "@/lib/auth/settings-page";
import { workspaceSettings } from "@/lib/isolation/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { LockToggle } from "@/components/isolation/lock-toggle";

const page = settingsPage("settings.manage", "Workspace");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

export default async function WorkspaceSettingsPage() {
  const viewer = await page.viewer();
  const settings = await workspaceSettings(viewer);
  if (!settings) notFound();
  return (
    <>
      <PageHeader eyebrow="Settings" title="Workspace" description={settings.workspaceName} />
      <Card>
        <CardHeader
          title="Isolation lock"
          description={
            <>
              While on, a change that would let one client&apos;s guests see another client&apos;s resources or people is refused outright; only a
              resource of no client can be shared with several clients at once, with confirmation. The{" "}
              <Link href="/settings/isolation" className="text-brand-700 underline underline-offset-2 hover:text-brand-800">Isolation</Link> page lists what exists.
            </>
          }
        />
        <LockToggle locked={settings.isolationLock} workspaceName={settings.workspaceName} />
      </Card>
    </>
  );
}
