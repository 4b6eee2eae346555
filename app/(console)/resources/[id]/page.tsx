import type { Metadata } from "next";
import { stripControl } from "@/lib/validation/text";
import { cache, Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronRight, Lock, Globe } from "lucide-react";
import { requireViewer, getViewer } from "@/lib/auth/viewer";
import { getResourceDetail, listChildren } from "@/lib/catalog/queries";
import { childrenUrl, resourceId } from "@/lib/catalog/schemas";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { TypeIcon } from "@/components/catalog/type-icon";
import { ChildrenTable } from "@/components/catalog/children-table";
import { Markdown } from "@/components/ui/markdown";
import { EditableDescription, EditableTags } from "@/components/catalog/resource-editors";
import { getIntegration } from "@/lib/integrations/queries";
import { buttonClass } from "@/components/ui/button";
import { whoCanSee } from "@/lib/explain/queries";
import { WhoCanSeePanel, WhoCanSeePrompt } from "@/components/explain/who-can-see";
import { adminTeamOptions } from "@/lib/resources/queries";
import { ResourceTeamsEditor } from "@/components/isolation/resource-teams-editor";
import { can } from "@/lib/policy";
import { parseLineageParams } from "@/lib/lineage/schemas";
import { LineageLoading, LineageSection, startLineageView } from "@/components/lineage/lineage-section";
import { ManualEdgeForm } from "@/components/lineage/manual-edge-form";
import { ResourceDetails } from "@/components/catalog/resource-details";
import { ReferencesCard } from "@/components/catalog/references-card";
import { OwnersPanel } from "@/components/owners/owners-panel";

// Resource kinds that take part in lineage (integrations, databases and schemas are containers only).
const LINEAGE_TYPES = new Set(["TABLE", "VIEW", "COLUMN", "DASHBOARD", "CHART", "METRIC", "DOCUMENT", "TERM"]);

// generateMetadata and the page read the same resource: once per request (getViewer is cached too, so the
// viewer object, part of the key, is the same in both).
const readResource = cache(getResourceDetail);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The title comes from the same scoped read as the page: an id out of scope yields the plain 404 title.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const viewer = await getViewer();
  const parsed = resourceId.safeParse(id);
  if (!viewer || !parsed.success) return { title: "Page not found" };
  const r = await readResource(viewer, parsed.data);
  return { title: r ? r.name : "Page not found" };
}

export default async function ResourcePage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const parsed = resourceId.safeParse(id);
  if (!parsed.success) notFound();
  const sp = await searchParams;
  const lineageOpts = parseLineageParams(sp);
  // The lineage walk is the page's longest read: started now, beside the resource's own (components/lineage/
  // lineage-section.tsx says why that is safe); a resource kind without lineage finds no edges at once.
  const lineage = startLineageView(viewer, parsed.data, lineageOpts);
  const r = await readResource(viewer, parsed.data);
  if (!r) notFound();
  const childParams = childrenUrl.load(sp);
  const who = stripControl((Array.isArray(sp.who) ? sp.who[0] : sp.who) ?? "").trim().slice(0, 320);
  const asked = !!who || sp.audience === "1";
  // The page's reads are independent of one another (each its own scoped transaction): at once, not in turn. The
  // lineage is read apart, under its own Suspense boundary (LineageSection), so the rest does not wait on its walk.
  const [audience, children, integration, teamOptions] = await Promise.all([
    can(viewer.role, "access.explain") && asked ? whoCanSee(viewer, r.id, { who }) : null,
    r.childCount ? listChildren(viewer, r.id, childParams) : null,
    r.type === "INTEGRATION" && can(viewer.role, "integrations.manage") ? getIntegration(viewer, r.id) : null,
    can(viewer.role, "assignments.manage") ? adminTeamOptions(viewer) : null,
  ]);
  const definition = typeof r.meta.definition === "string" ? r.meta.definition : null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 flex flex-wrap items-center gap-1 text-sm text-slate-500">
        <Link href="/catalog" className="hover:text-slate-900">Catalog</Link>
        {r.hiddenAncestors && r.breadcrumb.length === 0 ? null : null}
        {r.breadcrumb.map((c) => (
          <span key={c.id} className="flex items-center gap-1">
            <ChevronRight className="h-3.5 w-3.5 text-slate-300" aria-hidden />
            <Link href={`/resources/${c.id}`} className="hover:text-slate-900">{c.name}</Link>
          </span>
        ))}
        <ChevronRight className="h-3.5 w-3.5 text-slate-300" aria-hidden />
        <span className="font-medium text-slate-700">{r.name}</span>
      </nav>

      <header className="mb-6 flex items-start gap-4">
        <TypeIcon type={r.type} />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight">{r.name}</h1>
            <Badge>{TYPE_LABELS[r.type]}</Badge>
            {r.removed ? <Badge tone="red">Removed at source</Badge> : null}
            {integration ? (
              <Link href={`/settings/integrations/${integration.id}`} className={buttonClass("secondary", "ml-auto px-2.5 py-1 text-xs")}>Connection and sync</Link>
            ) : null}
            {r.canEdit ? (
              <EditableTags resourceId={r.id} tags={r.tags} />
            ) : (
              r.tags.map((t) => (
                <Badge key={t} tone="blue">{t}</Badge>
              ))
            )}
          </div>
          {r.canEdit ? (
            <EditableDescription resourceId={r.id} description={r.description} />
          ) : r.description ? (
            <div className="mt-2 max-w-3xl text-sm text-slate-700"><Markdown source={r.description} /></div>
          ) : (
            <p className="mt-2 text-sm italic text-slate-400">No description yet.</p>
          )}
        </div>
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_19rem]">
        <div className="min-w-0 space-y-6">
          {children ? (
            <Card>
              <CardHeader title="Inside" description={`${children.total.toLocaleString("en-US")} item${children.total === 1 ? "" : "s"} you can see`} />
              <ChildrenTable
                rows={children.rows}
                page={{ total: children.total, page: children.page, size: children.size, pageCount: children.pageCount, sort: childParams.sort, dir: childParams.dir, q: childParams.q }}
              />
            </Card>
          ) : null}
          {LINEAGE_TYPES.has(r.type) ? (
            <Card>
              <div id="lineage" />
              <CardHeader title="Lineage" description="Where this comes from and what is built from it, among the resources you can see" />
              <Suspense fallback={<LineageLoading />}>
                <LineageSection lineage={lineage} resourceId={r.id} fileName={r.name} canEdit={r.canEdit} options={lineageOpts} />
              </Suspense>
              <p className="flex flex-wrap gap-x-4 gap-y-1 border-t border-slate-100 px-5 py-3 text-sm">
                <Link href={`/search?upstream=${r.id}`} className="text-brand-700 hover:underline">Everything upstream of {r.name}</Link>
                <Link href={`/search?downstream=${r.id}`} className="text-brand-700 hover:underline">Everything downstream of {r.name}</Link>
              </p>
              {r.canEdit ? <ManualEdgeForm resourceId={r.id} resourceName={r.name} /> : null}
            </Card>
          ) : null}
          <ReferencesCard refs={r.references} />
          {definition ? (
            <Card>
              <CardHeader title="Definition" description="As the database reports it" />
              <pre className="overflow-x-auto px-5 py-4 text-xs leading-relaxed text-slate-800" data-testid="view-definition">{definition}</pre>
            </Card>
          ) : null}
          {audience ? <WhoCanSeePanel data={audience} who={who} /> : can(viewer.role, "access.explain") ? <WhoCanSeePrompt /> : null}
        </div>
        <aside className="space-y-6">
          <ResourceDetails type={r.type} meta={r.meta} createdAt={r.createdAt} updatedAt={r.updatedAt} lastSyncedAt={r.lastSyncedAt} />
          <Card>
            <CardHeader title="Owners" description="Who answers for this" />
            <OwnersPanel resourceId={r.id} owners={r.owners} canEdit={r.canEdit} />
          </Card>
          <Card>
            <div id="teams" className="scroll-mt-6" />
            <CardHeader title="Teams" description="Who this is shared with" />
            {r.teams.length ? (
              <ul className="divide-y divide-slate-100">
                {r.teams.map((t) => (
                  <li key={t.teamId} className="px-5 py-3 text-sm">
                    <div className="flex items-center gap-1.5 font-medium text-slate-800">
                      {t.visibility === "PRIVATE" ? <Lock className="h-3.5 w-3.5 text-slate-400" aria-label="Private team" /> : <Globe className="h-3.5 w-3.5 text-slate-400" aria-label="Public team" />}
                      {t.teamName}
                    </div>
                    <div className="mt-0.5 text-xs text-slate-500">
                      {t.source.kind === "direct"
                        ? t.source.by === "AUTOMATION" ? (t.source.automation ? `Added by automation ${t.source.automation}` : "Added by an automation") : "Added directly"
                        : <>Inherited from {TYPE_LABELS[t.source.from.type].toLowerCase()} <Link className="text-brand-700 underline hover:no-underline" href={`/resources/${t.source.from.id}`}>{t.source.from.name}</Link></>}
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="px-5 py-4 text-sm text-slate-500">Not shared with any team you can see.</p>
            )}
            {teamOptions ? (
              <ResourceTeamsEditor
                resourceId={r.id}
                teams={teamOptions.map((t) => ({ id: t.id, name: t.name }))}
                direct={r.teams.filter((t) => t.source.kind === "direct").map((t) => ({ id: t.teamId, name: t.teamName }))}
              />
            ) : null}
          </Card>
        </aside>
      </div>
    </>
  );
}
