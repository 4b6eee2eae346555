import type { Metadata } from "next";
import Link from "next/link";
import { Search as SearchIcon, UserRound, UsersRound } from "lucide-react";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { search } from "@/lib/search/queries";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TypeIcon } from "@/components/catalog/type-icon";

export const metadata: Metadata = { title: "Search" };

const query = z.string().trim().max(200).catch("");

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const sp = await searchParams;
  const q = query.parse(Array.isArray(sp.q) ? sp.q[0] : sp.q ?? "");
  const result = await search(viewer, q);
  return (
    <>
      <PageHeader title="Search" description="Resources, people and teams you have access to." />
      <form action="/search" className="mb-6">
        <label className="relative block max-w-2xl">
          <span className="sr-only">Search</span>
          <SearchIcon className="pointer-events-none absolute left-3 top-3 h-4 w-4 text-slate-400" aria-hidden />
          <input name="q" defaultValue={q} autoFocus placeholder="Search tables, columns, dashboards, people…"
            className="w-full rounded-xl border border-slate-300 bg-white py-2.5 pl-9 pr-3 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100" />
        </label>
      </form>
      {q ? (
        <Card>
          {result.hits.length === 0 ? (
            <EmptyState icon={<SearchIcon className="h-8 w-8" />} title={`No results for “${q}”`}>Try a shorter or different word.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="search-results">
              {result.hits.map((h) => (
                <li key={`${h.kind}:${h.id}`}>
                  {h.kind === "resource" ? (
                    <Link href={`/resources/${h.id}`} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                      <TypeIcon type={h.type} />
                      <div className="min-w-0">
                        <div className="text-sm font-medium">{h.name} <span className="ml-1 text-xs font-normal text-slate-400">{TYPE_LABELS[h.type]}</span></div>
                        {h.description ? <p className="truncate text-sm text-slate-500">{h.description}</p> : null}
                      </div>
                    </Link>
                  ) : h.kind === "person" ? (
                    <div className="flex items-center gap-3 px-5 py-3">
                      <span className="flex h-8 w-8 items-center justify-center rounded-md bg-slate-100 text-slate-600"><UserRound className="h-4 w-4" /></span>
                      <div>
                        <div className="text-sm font-medium">{h.name}</div>
                        <div className="text-sm text-slate-500">{h.email}</div>
                      </div>
                    </div>
                  ) : (
                    <Link href={`/teams/${h.slug}`} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                      <span className="flex h-8 w-8 items-center justify-center rounded-md bg-slate-100 text-slate-600"><UsersRound className="h-4 w-4" /></span>
                      <div>
                        <div className="text-sm font-medium">{h.name} <span className="ml-1 text-xs font-normal text-slate-400">Team</span></div>
                        {h.description ? <p className="text-sm text-slate-500">{h.description}</p> : null}
                      </div>
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : (
        <Card>
          <EmptyState icon={<SearchIcon className="h-8 w-8" />} title="Search the catalog">Type a name: a table, a column, a dashboard, a person or a team.</EmptyState>
        </Card>
      )}
    </>
  );
}
