import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft, ChevronRight, Search as SearchIcon, UserRound, UsersRound, X } from "lucide-react";
import { requireViewer } from "@/lib/auth/viewer";
import { resourceLabel, searchPage } from "@/lib/search/queries";
import { searchUrl, searchHref, SEARCH_PAGE_SIZE, type SearchParams } from "@/lib/search/schemas";
import type { FacetValue } from "@/lib/search/types";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/components/ui/cn";
import { TypeIcon } from "@/components/catalog/type-icon";
import { Highlight } from "@/components/search/highlight";
import { SearchForm } from "@/components/search/search-form";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const p = searchUrl.load(await searchParams);
  const { result, facets } = await searchPage(viewer, p.q, {
    type: p.type,
    integrationId: p.integration,
    teamId: p.team,
    ownerId: p.owner,
    upstreamOf: p.upstream,
    downstreamOf: p.downstream,
    page: p.page,
    size: SEARCH_PAGE_SIZE,
  });
  // A lineage filter names its resource only when the viewer can see it (else the chip just offers removal).
  const [upstreamName, downstreamName] = [await resourceLabel(viewer, p.upstream), await resourceLabel(viewer, p.downstream)];
  const browsing = !!(p.owner || p.upstream || p.downstream);
  const filtered = !!(p.type || p.integration || p.team || browsing);
  const nothing = result.total === 0 && !result.people.length && !result.teams.length;
  // Only people or teams matched: show those, with no empty resources list (and no "0 resources") beside them.
  const onlyOthers = result.total === 0 && !filtered && !nothing;
  return (
    <>
      <PageHeader title="Search" description="Resources, people and teams you have access to." />
      <SearchForm key={p.q} q={p.q} />
      {!p.q && !browsing ? (
        <Card>
          <EmptyState icon={<SearchIcon className="h-8 w-8" />} title="Search the catalog">
            Type a name: a table, a column, a dashboard, a person or a team. Press <kbd className="rounded border border-slate-200 px-1 text-xs">Ctrl K</kbd> anywhere to search without leaving the page.
          </EmptyState>
        </Card>
      ) : nothing && !filtered ? (
        <Card>
          <EmptyState icon={<SearchIcon className="h-8 w-8" />} title={`No results for “${p.q}”`}>Try a shorter or different word.</EmptyState>
        </Card>
      ) : (
        <div className={onlyOthers ? "space-y-6" : "grid gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]"}>
          {onlyOthers ? null : <aside aria-label="Filters" className="grid grid-cols-2 content-start gap-x-6 gap-y-5 lg:block lg:space-y-5" data-testid="search-facets">
            {facets.top ? (
              // More matched than the facets count: the counts are of the first results only, and say so.
              <p className="col-span-2 px-2 text-xs text-slate-500" data-testid="search-facets-top">Counts of the first {facets.top.toLocaleString("en-US")} results</p>
            ) : null}
            <Facet title="Type" param="type" p={p} values={facets.type} />
            <Facet title="Integration" param="integration" p={p} values={facets.integration} />
            <Facet title="Team" param="team" p={p} values={facets.team} />
            <Facet title="Owned by" param="owner" p={p} values={facets.owner} />
            <LineageFilter title="Upstream of" param="upstream" p={p} name={upstreamName} />
            <LineageFilter title="Downstream of" param="downstream" p={p} name={downstreamName} />
          </aside>}
          <div className="min-w-0 space-y-6">
            {result.teams.length || result.people.length ? (
              <Card>
                <ul className="divide-y divide-slate-100" data-testid="search-others">
                  {result.teams.map((t) => (
                    <li key={t.id}>
                      <Link href={`/teams/${t.slug}`} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                        <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-600"><UsersRound className="h-4 w-4" aria-hidden /></span>
                        <div className="min-w-0">
                          <div className="text-sm font-medium"><Highlight text={t.name} q={p.q} /> <span className="ml-1 text-xs font-normal text-slate-400">Team</span></div>
                          {t.description ? <p className="truncate text-sm text-slate-500">{t.description}</p> : null}
                        </div>
                      </Link>
                    </li>
                  ))}
                  {result.people.map((u) => (
                    <li key={u.id} className="flex items-center gap-3 px-5 py-3">
                      <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-600"><UserRound className="h-4 w-4" aria-hidden /></span>
                      <div className="min-w-0">
                        <div className="text-sm font-medium"><Highlight text={u.name} q={p.q} /> <span className="ml-1 text-xs font-normal text-slate-400">Person</span></div>
                        <div className="truncate text-sm text-slate-500"><Highlight text={u.email} q={p.q} /></div>
                      </div>
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}
            {onlyOthers ? null : <Card>
              <div className="flex items-center justify-between gap-4 border-b border-slate-100 px-5 py-3">
                <h2 className="text-sm font-semibold text-slate-900" data-testid="search-total">
                  {result.total === 1 && !result.totalCapped ? "1 resource" : `${result.total.toLocaleString("en-US")}${result.totalCapped ? "+" : ""} resources`}
                </h2>
                {filtered ? (
                  <Link href={searchHref({ q: p.q })} className="text-sm text-brand-700 hover:underline">Clear filters</Link>
                ) : null}
              </div>
              {result.resources.length === 0 ? (
                <EmptyState icon={<SearchIcon className="h-8 w-8" />} title={filtered || !p.q ? "No resources match these filters" : `No resources for “${p.q}”`}>
                  {filtered ? "Clear a filter to see more." : "Try a shorter or different word."}
                </EmptyState>
              ) : (
                <ul className="divide-y divide-slate-100" data-testid="search-results">
                  {result.resources.map((h) => (
                    <li key={h.id}>
                      <Link href={`/resources/${h.id}`} className="flex items-start gap-3 px-5 py-3 hover:bg-slate-50">
                        <TypeIcon type={h.type} />
                        <div className="min-w-0 pt-0.5">
                          <div className="text-sm font-medium text-slate-900">
                            <Highlight text={h.name} q={p.q} />
                            <span className="ml-2 text-xs font-normal text-slate-400">
                              {TYPE_LABELS[h.type]}
                              {h.parent ? <> · in <span className="text-slate-500">{h.parent}</span></> : null}
                            </span>
                          </div>
                          {h.description ? <p className="truncate text-sm text-slate-500"><Highlight text={h.description} q={p.q} /></p> : null}
                        </div>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              {result.pageCount > 1 ? (
                <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-100 px-5 py-3 text-sm text-slate-600">
                  <span>Page {result.page} of {result.pageCount}</span>
                  <div className="flex gap-2">
                    <PageLink p={p} page={result.page - 1} disabled={result.page <= 1} label="Previous"><ChevronLeft className="h-4 w-4" aria-hidden /></PageLink>
                    <PageLink p={p} page={result.page + 1} disabled={result.page >= result.pageCount} label="Next"><ChevronRight className="h-4 w-4" aria-hidden /></PageLink>
                  </div>
                </nav>
              ) : null}
            </Card>}
          </div>
        </div>
      )}
    </>
  );
}

function PageLink({ p, page, disabled, label, children }: { p: SearchParams; page: number; disabled: boolean; label: string; children: React.ReactNode }) {
  const cls = "inline-flex items-center gap-1 rounded-lg border border-slate-200 px-2.5 py-1 text-sm";
  if (disabled) return <span className={cn(cls, "text-slate-500")} aria-disabled="true">{label === "Previous" ? children : null}{label}{label === "Next" ? children : null}</span>;
  return (
    <Link href={searchHref({ ...p, page })} className={cn(cls, "bg-white text-slate-700 hover:bg-slate-50")} rel={label === "Next" ? "next" : "prev"}>
      {label === "Previous" ? children : null}
      {label}
      {label === "Next" ? children : null}
    </Link>
  );
}

/** An active "upstream of" / "downstream of" filter: the resource's name (if visible) and a way to remove it. */
function LineageFilter({ title, param, p, name }: { title: string; param: "upstream" | "downstream"; p: SearchParams; name: string | null }) {
  if (!p[param]) return null;
  return (
    <section data-facet={param} className="min-w-0">
      <h3 className="mb-1.5 px-2 text-xs font-semibold uppercase tracking-wide text-slate-400">{title}</h3>
      <Link href={searchHref({ ...p, [param]: null, page: 1 })} aria-current="true" className="flex items-center gap-2 rounded-lg bg-brand-50 px-2 py-1 text-sm font-medium text-brand-700">
        <span className="min-w-0 flex-1 truncate">{name ?? "Remove this filter"}</span>
        <X className="h-3.5 w-3.5" aria-label="Remove filter" />
      </Link>
    </section>
  );
}

function Facet({ title, param, p, values }: { title: string; param: "type" | "integration" | "team" | "owner"; p: SearchParams; values: FacetValue[] }) {
  const current = p[param];
  if (!values.length && !current) return null;
  return (
    <section data-facet={param} className="min-w-0">
      <h3 className="mb-1.5 px-2 text-xs font-semibold uppercase tracking-wide text-slate-400">{title}</h3>
      <ul className="space-y-0.5">
        {values.map((v) => {
          const active = current === v.key;
          return (
            <li key={v.key}>
              <Link
                href={searchHref({ ...p, [param]: active ? null : v.key, page: 1 })}
                aria-current={active ? "true" : undefined}
                className={cn(
                  "flex items-center gap-2 rounded-lg px-2 py-1 text-sm",
                  active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                <span className="min-w-0 flex-1 truncate">{v.label}</span>
                {active ? <X className="h-3.5 w-3.5" aria-label="Remove filter" /> : <span className="text-xs tabular-nums text-slate-400">{v.count.toLocaleString("en-US")}</span>}
              </Link>
            </li>
          );
        })}
        {current && !values.some((v) => v.key === current) ? (
          <li>
            <Link href={searchHref({ ...p, [param]: null, page: 1 })} className="flex items-center gap-2 rounded-lg bg-brand-50 px-2 py-1 text-sm font-medium text-brand-700">
              <span className="min-w-0 flex-1 truncate">Remove this filter</span>
              <X className="h-3.5 w-3.5" aria-hidden />
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
