import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { settingsEntityPage } from "@/lib/auth/settings-page";
import { getIntegration } from "@/lib/integrations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ReplaceSecretForm, RunSummary, SyncPanel } from "@/components/integrations/sync-panel";
import { Time } from "@/components/ui/time";

type Props = { params: Promise<{ id: string }> };

const page = settingsEntityPage("integrations.manage", getIntegration, (i) => i.name);

export const generateMetadata: (props: Props) => Promise<Metadata> = page.metadata;

export default async function IntegrationPage({ params }: Props) {
  const { entity: i } = await page.load({ params });
  return (
    <>
      <Link href="/settings/integrations" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ChevronLeft className="h-4 w-4" aria-hidden /> Integrations
      </Link>
      <PageHeader
        eyebrow="PostgreSQL integration"
        title={i.name}
        description={<span className="font-mono text-xs">{i.target}</span>}
        actions={<Link href={`/resources/${i.id}`} className={buttonClass("secondary")}>Open in catalog · {i.resourceCount.toLocaleString("en-US")} resources</Link>}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Sync" description="Adds what is new, updates what changed, marks what vanished as removed; assignments and edited descriptions stay." />
            <SyncPanel integrationId={i.id} latest={i.lastSync} />
          </Card>
          <Card>
            <CardHeader title="History" description="The last ten runs" />
            {i.runs.length ? (
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                  <tr><th className="px-5 py-2.5 font-medium">Started</th><th className="px-5 py-2.5 font-medium">Result</th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {i.runs.map((r) => (
                    <tr key={r.id}>
                      <td className="whitespace-nowrap px-5 py-2.5 text-slate-600"><Time iso={r.createdAt} /></td>
                      <td className="px-5 py-2.5"><RunSummary run={r} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="px-5 py-4 text-sm text-slate-500">No runs yet.</p>
            )}
          </Card>
        </div>
        <aside>
          {i.kind === "demo" ? (
            <Card>
              <CardHeader
                title="Connection"
                description="The demo warehouse is a set of real schemas inside Enclave's own database. Change its tables and sync again to see the catalog follow."
              />
            </Card>
          ) : (
            <Card>
              <CardHeader title="Connection" description="Replace the stored connection string, e.g. after a password rotation." />
              <ReplaceSecretForm integrationId={i.id} />
            </Card>
          )}
        </aside>
      </div>
    </>
  );
}
