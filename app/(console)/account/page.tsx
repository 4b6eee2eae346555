import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { ROLE_LABELS } from "@/lib/policy";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { ChangePasswordForm, RenameForm } from "@/components/account/account-forms";
import { Tabs } from "@/components/ui/tabs";
import { TokensPanel } from "@/components/tokens/tokens-panel";
import { listMyTokens } from "@/lib/tokens/queries";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireViewer();
  const tokens = await listMyTokens(viewer);
  return (
    <>
      <PageHeader title="Your account" description={`${viewer.email} · ${ROLE_LABELS[viewer.role]} in ${viewer.workspaceName}`} />
      <div className="max-w-xl">
        <Tabs
          label="Account settings"
          tabs={[
            {
              value: "profile",
              label: "Profile",
              content: (
                <Card>
                  <CardHeader title="Profile" description="The name other people of your teams see." />
                  <RenameForm name={viewer.name} />
                </Card>
              ),
            },
            {
              value: "password",
              label: "Password",
              content: (
                <Card>
                  <CardHeader title="Password" description="Changing it signs you out everywhere, this browser included." />
                  <ChangePasswordForm />
                </Card>
              ),
            },
          ]}
        />
      </div>
      <Card className="mt-6 max-w-5xl">
        <CardHeader
          title="API tokens"
          description={<>A token acts as you in the <a href="/api/docs" className="font-medium text-brand-700 hover:underline">REST API</a>: it sees exactly what you see, with your role at the time of each call.</>}
        />
        <TokensPanel rows={tokens} />
      </Card>
    </>
  );
}
