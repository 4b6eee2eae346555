import { settingsPage } from "@/lib/auth/settings-page";
import { listWorkspaceTokens } from "@/lib/tokens/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { TokensTable } from "@/components/tokens/tokens-panel";

const page = settingsPage("tokens.manage", "API tokens");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

// Every token of the workspace, personal and team, with its last use: admins only (a plain 404 for others).
export default async function TokensPage() {
  const viewer = await page.viewer();
  const rows = await listWorkspaceTokens(viewer);
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="API tokens"
        description="Every token of the workspace. A person's token acts as that person, with their current role; a team token sees what a Guest of its team sees, read-only. Revoking one stops it at its next call."
      />
      <Card>
        <TokensTable rows={rows} showOwner />
      </Card>
    </>
  );
}
