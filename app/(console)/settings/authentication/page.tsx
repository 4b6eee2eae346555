import { Fragment } from "react";
import { notFound } from "next/navigation";
import { KeyRound } from "lucide-react";
import { settingsPage } from "@/lib/auth/settings-page";
import { getAuthenticationSettings } from "@/lib/sso/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ConnectionForm } from "@/components/authentication/connection-form";
import { ConnectionCard } from "@/components/authentication/connection-card";

const page = settingsPage("authentication.manage", "Authentication");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

export default async function AuthenticationPage() {
  const viewer = await page.viewer();
  const settings = await getAuthenticationSettings(viewer);
  if (!settings) notFound();
  const options = { clientTeams: settings.clientTeams, groups: settings.groups };
  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Authentication"
        description="Single sign-on through OpenID Connect, for your company and for each client, and SCIM provisioning from their directories."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="At your identity provider" description="Register Enclave as a web application (authorization code with PKCE) with these values." />
          <dl className="grid gap-x-6 gap-y-2 px-5 py-4 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-500">Redirect URI</dt>
            <dd className="font-mono text-xs text-slate-800 [overflow-wrap:anywhere]" data-testid="redirect-uri">{urlBreaks(settings.redirectUri)}</dd>
            <dt className="text-slate-500">SCIM base URL</dt>
            <dd className="font-mono text-xs text-slate-800 [overflow-wrap:anywhere]">{urlBreaks(settings.scimBaseUrl)}</dd>
            <dt className="text-slate-500">E-mail sign-in links</dt>
            <dd className="text-slate-700">
              {settings.linksEnabled ? "On: Guests without single sign-on can ask for a sign-in link on the sign-in page." : "Off: set SMTP_URL to let Guests ask for a sign-in link by e-mail."}
            </dd>
          </dl>
        </Card>
        {settings.connections.length ? (
          settings.connections.map((c) => <ConnectionCard key={c.id} connection={c} options={options} />)
        ) : (
          <Card>
            <EmptyState icon={<KeyRound className="h-8 w-8" />} title="No connections yet">Everyone signs in with a password until you add one below.</EmptyState>
          </Card>
        )}
        <Card>
          <CardHeader
            title="Add connection"
            description="A company connection signs your own people in; a client connection is bound to one client team, and everyone who signs in through it is a Guest of that team alone."
          />
          <ConnectionForm options={options} />
        </Card>
      </div>
    </>
  );
}

/** A URL that wraps after its slashes on a narrow screen rather than in the middle of a word ("callbac|k"). */
function urlBreaks(url: string) {
  return url.split(/(?<=\/)(?!\/)/).map((part, i) => (
    <Fragment key={i}>
      {i ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}
