import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { ROLE_LABELS } from "@/lib/policy";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { ChangePasswordForm, RenameForm } from "@/components/account/account-forms";
import { Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireViewer();
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
    </>
  );
}
