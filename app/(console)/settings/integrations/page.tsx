import Link from "next/link";
import { ChevronRight, Plug } from "lucide-react";
import { settingsPage } from "@/lib/auth/settings-page";
import { listIntegrations } from "@/lib/integrations/queries";
import { adminResourceOptions } from "@/lib/resources/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TypeIcon } from "@/components/catalog/type-icon";
import { AddIntegrationForm } from "@/components/integrations/add-integration-form";
import { RunSummary } from "@/components/integrations/sync-panel";
import { DbtImportForm } from "@/components/integrations/dbt-import-form";
import { formatDateTime } from "@/lib/format/date";
import { lastDbtImport } from "@/lib/dbt/queries";

const page = settingsPage("integrations.manage", "Integrations");

// Non-admins get the plain 404 title too: the page's name is not theirs to learn.
export const generateMetadata = page.metadata;

export default async function IntegrationsPage() {
  const viewer = await page.viewer();
  const [integrations, options, dbt] = await Promise.all([listIntegrations(viewer), adminResourceOptions(viewer), lastDbtImport(viewer)]);
  return (
    <>
      <PageHeader eyebrow="Settings" title="Integrations" description="Connect a PostgreSQL database and sync its schemas, tables, views and columns into the catalog." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Connected" description={`${integrations.length} PostgreSQL integration${integrations.length === 1 ? "" : "s"}`} />
          {integrations.length ? (
            <ul className="divide-y divide-slate-100">
              {integrations.map((i) => (
                <li key={i.id}>
                  <Link href={`/settings/integrations/${i.id}`} className="group flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                    <TypeIcon type="INTEGRATION" />
                    <div className="min-w-0 flex-1">
                      <div className="text-sm font-medium text-slate-900 group-hover:text-brand-700">{i.name}</div>
                      <div className="truncate font-mono text-xs text-slate-500">{i.target}</div>
                    </div>
                    <div className="hidden text-right text-xs sm:block">
                      {i.lastSync ? <RunSummary run={i.lastSync} /> : <span className="text-slate-400">Never synced</span>}
                      <div className="mt-0.5 text-slate-400">{i.resourceCount.toLocaleString("en-US")} resources</div>
                    </div>
                    <ChevronRight className="h-4 w-4 text-slate-300 group-hover:text-slate-500" aria-hidden />
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState icon={<Plug className="h-8 w-8" />} title="No integrations yet">Add one below; then sync it to fill the catalog.</EmptyState>
          )}
        </Card>
        <Card>
          <CardHeader title="Add integration" description="PostgreSQL 12 or newer. The user needs CONNECT on the database and USAGE on the schemas to read." />
          <AddIntegrationForm teams={options.teams} />
        </Card>
        <Card>
          <CardHeader
            title="dbt"
            description={
              dbt
                ? `Last import ${formatDateTime(dbt.at)}${dbt.project ? ` (${dbt.project})` : ""}: ${count(dbt.matched, "node")} matched, ${dbt.unmatched.toLocaleString("en-US")} not in the catalog, ${count(dbt.edges, "lineage edge")}.`
                : "Import a dbt project's manifest.json (schema v10 to v12): descriptions, column docs, tags, owners and tests enrich the synced tables and views, and depends_on becomes lineage."
            }
          />
          <DbtImportForm />
        </Card>
      </div>
    </>
  );
}

const count = (n: number, one: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : `${one}s`}`;
