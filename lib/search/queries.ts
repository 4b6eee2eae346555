import "server-only";
import { likeContains, likeEscape } from "@/lib/db/like";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { resourceRootIds, resourceScope, teamScopeSql, userScopeContext, userScopeSql, visibleTeamIds } from "@/lib/access/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { capCount, type CappedCount } from "@/lib/db/cap";
import { browsesWithoutWords, buildResourceFacets, buildResourceSearch, SEARCH_COUNT_CAP, SEARCH_FACET_CAP, type OwnerScope, type SearchFilters, type SearchScope } from "./sql";
import { ownerRowScope } from "@/lib/owners/queries";
import { RECENT_MAX, SEARCH_PAGE_SIZE } from "./schemas";
import type { FacetValue, PersonHit, ResourceHit, SearchFacets, SearchResult, SearchResourceType, TeamHit } from "./types";
import { TYPE_LABELS } from "@/lib/catalog/types";
import { seesWholeWorkspace } from "@/lib/policy";
import { plainText } from "./highlight";

export type { SearchHit, SearchResult, SearchFacets } from "./types";

export type SearchOptions = SearchFilters & {
  page?: number;
  size?: number;
  /** How many people and teams to include (page 1 only); 0 leaves them out. */
  others?: number;
  /** Where the total stops counting (SEARCH_COUNT_CAP; tests set a small one). Never from a request. */
  countCap?: number;
  /** How many of the first results an admin's facets count (SEARCH_FACET_CAP; tests set a small one). */
  facetCap?: number;
};

/**
 * The viewer's scope as the search SQL needs it: the resources assigned to its visible teams, and those
 * teams. Admins see the whole workspace. Read inside the same transaction as the search. The owners the viewer
 * may see are read only when asked for (the owner facet, an "Owned by" filter): most searches need neither, and
 * the read costs a user-scope context and a pass over ResourceOwner.
 */
export async function searchScope(tx: Tx, viewer: Viewer, need: { owners: boolean }): Promise<SearchScope & OwnerScope> {
  if (seesWholeWorkspace(viewer.role)) return { workspaceId: viewer.workspaceId, roots: "all", teams: "all", owners: "all" };
  const teams = await visibleTeamIds(tx, viewer);
  const scope = { workspaceId: viewer.workspaceId, roots: await resourceRootIds(tx, viewer, teams), teams };
  return need.owners ? { ...scope, owners: await visibleOwnerIds(tx, viewer) } : scope;
}

/** The people and groups that own a resource the viewer can see and that the viewer may see itself. */
async function visibleOwnerIds(tx: Tx, viewer: Viewer): Promise<string[]> {
  const rows = await tx.resourceOwner.findMany({ where: await ownerRowScope(tx, viewer), select: { userId: true, groupId: true }, distinct: ["userId", "groupId"] });
  return [...new Set(rows.flatMap((r) => [r.userId ?? r.groupId!]))];
}

type Row = { id: string; type: SearchResourceType; name: string; description: string; parent: string | null; total: bigint | number };

async function resourcePage(tx: Tx, scope: SearchScope & OwnerScope, q: string, f: SearchFilters, page: number, size: number, cap = SEARCH_COUNT_CAP): Promise<{ rows: ResourceHit[] } & CappedCount> {
  const run = async (p: number) => {
    const stmt = buildResourceSearch({ ...scope, ...f, q, limit: size, offset: (p - 1) * size, countCap: cap });
    return tx.$queryRawUnsafe<Row[]>(stmt.text, ...stmt.values);
  };
  let rows = await run(page);
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && page > 1) {
    // Past the end: the count comes from the first page, the rows stay empty.
    const first = await run(1);
    total = first.length ? Number(first[0].total) : 0;
    rows = [];
  }
  return { rows: rows.map((r) => ({ kind: "resource", id: r.id, type: r.type, name: r.name, description: plainText(r.description), parent: r.parent })), ...capCount(total, cap) };
}

function order<T extends { name: string }>(xs: T[], q: string, alt?: (x: T) => string): T[] {
  const t = q.toLowerCase();
  const tier = (x: T) => {
    const names = [x.name.toLowerCase(), ...(alt ? [alt(x).toLowerCase()] : [])];
    if (names.some((n) => n === t)) return 0;
    if (names.some((n) => n.startsWith(t))) return 1;
    if (names.some((n) => n.split(/[\s@._-]+/).some((w) => w.startsWith(t)))) return 2;
    return 3;
  };
  return [...xs].sort((a, b) => tier(a) - tier(b) || a.name.localeCompare(b.name));
}

/**
 * People and teams matching q, in one statement (one round trip: a request's round trips cost the server as much as
 * its queries here, bench/README.md "Throughput"), each part scoped in its own where, not applied afterwards.
 *
 * People: within userScope, by the name this workspace shows and the e-mail, as the membership keeps them (sortName,
 * sortEmail), never the account's name from elsewhere (#15 item 8). Internal viewers match through the trigram
 * indexes (app_members_matching: membership ids of their own workspace); a guest's few people are matched directly.
 * Teams: within teamScope. In each, the names that start with q first, then the rest by name; twice the page, so
 * that `order` below still chooses among enough of each tier.
 */
async function peopleAndTeams(tx: Tx, viewer: Viewer, q: string, take: number): Promise<{ people: PersonHit[]; teams: TeamHit[] }> {
  const scope = userScopeSql(viewer, await userScopeContext(tx, viewer), "u");
  const ws = viewer.workspaceId;
  const contains = likeContains(q);
  const starts = `${likeEscape(q)}%`;
  const match = viewer.role === "GUEST"
    ? Prisma.sql`(m."sortName" ILIKE ${contains} OR m."sortEmail" ILIKE ${contains})`
    : Prisma.sql`m.id = ANY((SELECT app_members_matching(${contains}))::uuid[])`;
  const rows = await tx.$queryRaw<{ kind: "person" | "team"; id: string; name: string; email: string | null; slug: string | null; description: string | null }[]>(Prisma.sql`
    (SELECT 'person' AS kind, u.id::text AS id, m."sortName" AS name, m."sortEmail" AS email, NULL::text AS slug, NULL::text AS description
       FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      WHERE m."workspaceId" = ${ws}::uuid AND ${match} AND ${scope}
      ORDER BY (m."sortName" ILIKE ${starts} OR m."sortEmail" ILIKE ${starts}) DESC, m."sortName", m.id LIMIT ${take * 2})
    UNION ALL
    (SELECT 'team', t.id::text, t.name, NULL::text, t.slug, t.description FROM "Team" t
      WHERE ${teamScopeSql(viewer)} AND t.name ILIKE ${contains}
      ORDER BY (t.name ILIKE ${starts}) DESC, t.name, t.id LIMIT ${take * 2})`);
  const ps = rows.filter((r) => r.kind === "person").map((r) => ({ id: r.id, name: r.name, email: r.email ?? "" }));
  const ts = rows.filter((r) => r.kind === "team").map((r) => ({ id: r.id, slug: r.slug ?? "", name: r.name, description: r.description ?? "" }));
  return {
    people: order(ps, q, (u) => u.email).slice(0, take).map((u) => ({ kind: "person", ...u })),
    teams: order(ts, q).slice(0, take).map((t) => ({ kind: "team", ...t })),
  };
}

async function runSearch(tx: Tx, viewer: Viewer, scope: SearchScope & OwnerScope, q: string, opts: SearchOptions): Promise<SearchResult> {
  const size = Math.max(1, Math.min(100, opts.size ?? SEARCH_PAGE_SIZE));
  const page = Math.max(1, Math.trunc(opts.page ?? 1));
  const others = q && page === 1 && !opts.type && !opts.integrationId && !opts.teamId && !browsesWithoutWords(opts) ? opts.others ?? 5 : 0;
  const { rows, total, capped } = await resourcePage(tx, scope, q, opts, page, size, opts.countCap);
  const { people: ps, teams: ts } = others ? await peopleAndTeams(tx, viewer, q, others) : { people: [], teams: [] };
  return {
    q,
    hits: [...ts, ...ps, ...rows],
    resources: rows,
    people: ps,
    teams: ts,
    total,
    totalCapped: capped,
    page,
    size,
    pageCount: Math.max(1, Math.ceil(total / size)),
  };
}

const empty = (q: string, size = SEARCH_PAGE_SIZE): SearchResult => ({ q, hits: [], resources: [], people: [], teams: [], total: 0, totalCapped: false, page: 1, size, pageCount: 1 });

/**
 * Resources (ranked: exact name, prefix, full text; type boosts), people and teams matching q, each scoped by
 * the policy inside its SQL. Resources come from the one statement of lib/search/sql.ts.
 */
export async function search(viewer: Viewer, q: string, opts: SearchOptions = {}): Promise<SearchResult> {
  const term = q.trim();
  if (!term && !browsesWithoutWords(opts)) return empty(term, opts.size);
  return withViewer(viewer, async (tx) => runSearch(tx, viewer, await searchScope(tx, viewer, { owners: !!opts.ownerId }), term, opts));
}

const NO_FACETS: SearchFacets = { type: [], integration: [], team: [], owner: [] };

/** A resource's name for a filter chip ("Upstream of orders"), when the viewer can see it; else null. */
export async function resourceLabel(viewer: Viewer, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    return (await tx.resource.findFirst({ where: { AND: [scope.where, { id }] }, select: { name: true } }))?.name ?? null;
  });
}

function facetsOf(rows: { facet: string; key: string; label: string | null; n: number }[], cap: number): SearchFacets {
  const pick = (facet: string): FacetValue[] =>
    rows
      .filter((r) => r.facet === facet)
      .map((r) => ({ key: r.key, label: r.label ?? (TYPE_LABELS as Record<string, string>)[r.key] ?? r.key, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const top = rows.find((r) => r.facet === "top");
  const facets: SearchFacets = { type: pick("type"), integration: pick("integration"), team: pick("team"), owner: pick("owner") };
  return top && Number(top.n) > cap ? { ...facets, top: cap } : facets;
}

/** Facet counts of a search: types, visible integrations, visible teams; only what the viewer can open counts. */
export async function searchFacets(viewer: Viewer, q: string, filters: SearchFilters & { facetCap?: number } = {}): Promise<SearchFacets> {
  const term = q.trim();
  if (!term && !browsesWithoutWords(filters)) return NO_FACETS;
  return withViewer(viewer, async (tx) => {
    const facetCap = filters.facetCap ?? SEARCH_FACET_CAP;
    const stmt = buildResourceFacets({ ...(await searchScope(tx, viewer, { owners: true })), ...filters, q: term, facetCap });
    return facetsOf(await tx.$queryRawUnsafe(stmt.text, ...stmt.values), facetCap);
  });
}

/** /search: the page of results and the facets, in one transaction. */
export async function searchPage(viewer: Viewer, q: string, opts: SearchOptions = {}): Promise<{ result: SearchResult; facets: SearchFacets }> {
  const term = q.trim();
  if (!term && !browsesWithoutWords(opts)) return { result: empty(term, opts.size), facets: NO_FACETS };
  return withViewer(viewer, async (tx) => {
    const scope = await searchScope(tx, viewer, { owners: true });
    const result = await runSearch(tx, viewer, scope, term, opts);
    const facetCap = opts.facetCap ?? SEARCH_FACET_CAP;
    const stmt = buildResourceFacets({ ...scope, type: opts.type, integrationId: opts.integrationId, teamId: opts.teamId, ownerId: opts.ownerId, upstreamOf: opts.upstreamOf, downstreamOf: opts.downstreamOf, q: term, facetCap });
    const facets = facetsOf(await tx.$queryRawUnsafe(stmt.text, ...stmt.values), facetCap);
    return { result, facets };
  });
}

/** The viewer's own last searches, newest first (RLS allows no one else's). */
export async function listRecentSearches(viewer: Viewer): Promise<string[]> {
  return withViewer(viewer, async (tx) => {
    const rows = await tx.recentSearch.findMany({
      where: { workspaceId: viewer.workspaceId, userId: viewer.userId },
      select: { q: true },
      orderBy: { createdAt: "desc" },
      take: RECENT_MAX,
    });
    return rows.map((r) => r.q);
  });
}
