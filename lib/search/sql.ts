// The resource search as ONE parametrised SQL statement, built by pure functions (no database, no viewer
// object): lib/search/queries.ts runs it inside withViewer, the benchmark runs the same text bare, and the unit
// tests read it. Nothing from the user is ever spliced into the text: q, ids and filters are parameters; the
// only interpolations are whitelisted enum values and parameter numbers.
import { COUNT_CAP } from "@/lib/db/cap";
import { RESOURCE_TYPES, type SearchResourceType } from "./types";

/** The viewer's scope, already resolved: "all" for admins, else the resources assigned to a visible team. */
export type SearchScope = {
  workspaceId: string;
  /** Resources assigned to the viewer's visible teams ("all" for admins): visible = path && roots. */
  roots: string[] | "all";
  /** The teams the viewer can see ("all" for admins): the only teams a team filter or facet may name. */
  teams: string[] | "all";
};

export type SearchFilters = {
  type?: SearchResourceType | null;
  integrationId?: string | null;
  teamId?: string | null;
  /** Resources owned by this person or group (one of `owners`, the owners the viewer may see). */
  ownerId?: string | null;
  /** Resources upstream (feeding into) / downstream (built from) this one, over the viewer's lineage subgraph. */
  upstreamOf?: string | null;
  downstreamOf?: string | null;
};

/** The owners (people and groups) a viewer may see on resources it can see, or "all" (admins). */
export type OwnerScope = { owners?: string[] | "all" };

/** How far an "upstream of" / "downstream of" filter walks (the lineage panel's deepest choice and then some). */
export const LINEAGE_FILTER_DEPTH = 10;

/** A filter that selects rows by itself: with one of these set, a search needs no words. */
export function browsesWithoutWords(f: SearchFilters): boolean {
  return !!(f.ownerId || f.upstreamOf || f.downstreamOf);
}

export type ResourceSearchInput = SearchScope & OwnerScope & SearchFilters & { q: string; limit: number; offset: number; countCap?: number };

export type SqlStatement = { text: string; values: unknown[] };

export const MAX_TERMS = 8;
export const MAX_Q = 200;

/**
 * The words of a query, as the database splits names into words (search_words() in the migration):
 * whitespace and ASCII punctuation separate, camelCase splits, everything is lower-cased. tsquery's own
 * operators (& | ! ( ) : * ' \) are punctuation, so they can never reach to_tsquery as syntax.
 */
export function queryTerms(q: string): string[] {
  const words = q
    .slice(0, MAX_Q)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s!-/:-@[-`{-~]+/u)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** One term as a tsquery prefix operand: quoted, with ' and \ escaped (defence in depth; terms have none). */
export function tsPrefix(term: string): string {
  return `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}':*`;
}

/** A LIKE pattern matching s literally: % _ and \ escaped (used with ESCAPE '\'); the one helper of lib/db/like. */
import { likeEscape } from "@/lib/db/like";
export { likeEscape };

/** Types ranked above others at equal relevance: tables and dashboards before their columns and charts. */
export const TYPE_BOOST: Record<SearchResourceType, number> = {
  TABLE: 1.6,
  VIEW: 1.5,
  DASHBOARD: 1.6,
  SCHEMA: 1.4,
  DATABASE: 1.3,
  INTEGRATION: 1.3,
  DOCUMENT: 1.3,
  TERM: 1.3,
  METRIC: 1.3,
  CHART: 1.0,
  COLUMN: 0.8,
};

const boostSql = `CASE r.type ${RESOURCE_TYPES.map((t) => `WHEN '${t}' THEN ${TYPE_BOOST[t].toFixed(2)}`).join(" ")} ELSE 1 END`;

/**
 * The ranking every search uses (one definition: the SQL below and app_search_admin, migration 20261207100000):
 * tiers first, then, within a tier, the type's boost (tables before their columns), the shorter name, the name
 * (case-insensitive), the id. The tiers: 0 the name is the query; 1 the name starts with it; 2 every word is in
 * the resource's own name; 3 in its own name or description; 4 only with its (visible) ancestors' names; 5 the
 * name contains it (3+ characters). Every key is read from the row or an index, never a relevance score over all
 * matches, so an admin's first page is found tier by tier without ranking every match (bench/README.md, session 7).
 */
export const TIERS = { exact: 0, prefix: 1, nameWords: 2, ownWords: 3, ancestorWords: 4, contains: 5 } as const;

/**
 * Parameters as placeholders, numbered at the end in order of first use: a parameter the final text does not
 * use is dropped (PostgreSQL refuses a parameter whose type it cannot infer).
 */
class Params {
  private vals: unknown[] = [];
  add(v: unknown): string {
    this.vals.push(v);
    return `\u0000${this.vals.length - 1}\u0000`;
  }
  finish(text: string): SqlStatement {
    const order = new Map<number, number>();
    const values: unknown[] = [];
    const out = text.replace(/\u0000(\d+)\u0000/g, (_, i: string) => {
      const k = Number(i);
      if (!order.has(k)) {
        values.push(this.vals[k]);
        order.set(k, values.length);
      }
      return `$${order.get(k)}`;
    });
    return { text: out, values };
  }
}

type Parts = {
  /** FROM/WHERE of the scoped, matched, filtered rows (alias r, joined with the query alias sq). */
  from: string;
  where: string[];
  /** Extra predicates per filter, so facets can leave their own filter out. */
  filters: { type: string | null; integration: string | null; team: string | null; owner: string | null; lineage: string | null };
  /** Expressions for ranking. */
  tier: string;
  rank: string;
  /** Parameter references of the workspace, the roots and the visible teams (null for "all"). */
  ws: string;
  roots: string | null;
  teams: string | null;
  /** For an admin's search with words and no filter but the type: the call of app_search_admin (n, cap, type). */
  ranked: ((n: string, cap: string, type: string | null) => string) | null;
  /** The type filter as a parameter (for app_search_admin), or null. */
  typeParam: string | null;
};

function assertScope(s: SearchScope) {
  if (!/^[0-9a-f-]{36}$/i.test(s.workspaceId)) throw new Error("workspaceId must be a uuid");
}

/**
 * The shared core: scope (path && roots for everyone but admins), the match, the filters. The match is the
 * full-text vector (prefix terms, each either as typed or stemmed in English), the name as a substring
 * (3+ characters, trigram index) or the name exactly. For a non-admin, a word matched only in an ancestor's
 * name counts when that ancestor is visible to the viewer: else the result would confirm a hidden name.
 */
function parts(input: SearchScope & OwnerScope & SearchFilters & { q: string }, p: Params): Parts {
  assertScope(input);
  const q = input.q.trim().slice(0, MAX_Q);
  const terms = queryTerms(q);
  const ws = p.add(input.workspaceId);
  const roots = input.roots === "all" ? null : p.add(input.roots);
  const where = [`r."workspaceId" = ${ws}::uuid`, `r."removedAt" IS NULL`];
  if (roots) where.push(`r.path && ${roots}::uuid[]`);

  const exact = p.add(q.toLowerCase());
  const prefix = p.add(`${likeEscape(q.toLowerCase())}%`);
  const tq = terms.length
    ? terms.map((t) => {
        const x = p.add(tsPrefix(t));
        return `(to_tsquery('simple', ${x}) || to_tsquery('english', ${x}))`;
      }).join(" && ")
    : null;
  const own = `ts_filter(r.search, '{a,b}')`;
  const contains = q.length >= 3 ? p.add(`%${likeEscape(q)}%`) : null;
  // A name that starts with the query matches whatever its words (a short query, or one with punctuation).
  const match: string[] = [`lower(r.name) = ${exact}`, `lower(r.name) LIKE ${prefix} ESCAPE '\\'`];
  if (contains) match.push(`r.name ILIKE ${contains} ESCAPE '\\'`);
  // Words matched in the resource's own name and description, or in its ancestors' names, where for a
  // non-admin only a visible ancestor (one at or below a root on the path) may supply a word.
  const words = !tq
    ? null
    : !roots
      ? `r.search @@ sq.tq`
      : `(r.search @@ sq.tq AND (${own} @@ sq.tq OR r.path[1] = ANY(${roots}::uuid[]) OR (${own} || setweight(to_tsvector('simple', coalesce((` +
        `SELECT string_agg(search_words(a.name), ' ') FROM "Resource" a WHERE a."workspaceId" = ${ws}::uuid AND a.id = ANY(r.path) AND a.id <> r.id AND a.path && ${roots}::uuid[]` +
        `), '')), 'C')) @@ sq.tq))`;
  if (words) match.push(words);
  // No words: only a filter that selects by itself (owner, lineage) may browse; else the search matches nothing.
  if (q || !browsesWithoutWords(input)) where.push(`(${match.join(" OR ")})`);
  // An admin's search with words and no filter but the type is found by app_search_admin (migration
  // 20261207100000): the first n results of the ranking, tier by tier through the indexes, and the count up to
  // its cap. The caller adds `r.id = ANY(those ids)`; the match above still decides, under the policies.
  const other = !!(input.integrationId || input.teamId || input.ownerId || input.upstreamOf || input.downstreamOf);
  const ranked =
    !roots && q
      ? (n: string, cap: string, type: string | null) =>
          `app_search_admin(${exact}, ${prefix}, ${tq ?? "NULL::tsquery"}, ${contains ?? "NULL::text"}, ${type ?? "NULL::text"}, ` +
          `${p.add(RESOURCE_TYPES)}::text[], ${p.add(RESOURCE_TYPES.map((t) => TYPE_BOOST[t].toFixed(2)))}::numeric[], ${n}::int, ${cap}::int)`
      : null;
  // Else an admin's match through the indexes (app_resources_matching, migration 20261206100500): under row-level
  // security PostgreSQL cannot use them for it, and would test every resource. The candidates hold every row
  // the match can hold (an exact name or a prefix is inside the name's substring match, which 3+ characters
  // allow), and the match above still decides.
  if (!roots && contains && q && other) where.push(`r.id IN (SELECT app_resources_matching(${tq ?? "NULL::tsquery"}, ${contains}))`);

  const filters: Parts["filters"] = { type: null, integration: null, team: null, owner: null, lineage: null };
  if (input.type) {
    if (!RESOURCE_TYPES.includes(input.type)) throw new Error("unknown resource type");
    filters.type = `r.type = '${input.type}'`;
  }
  if (input.integrationId) {
    const i = p.add(input.integrationId);
    // Only an integration the viewer can see filters anything; another one matches nothing.
    filters.integration =
      `r.path[1] = ${i}::uuid AND EXISTS (SELECT 1 FROM "Resource" i WHERE i.id = ${i}::uuid AND i."workspaceId" = ${ws}::uuid AND i.type = 'INTEGRATION'` +
      (roots ? ` AND i.path && ${roots}::uuid[]` : "") +
      `)`;
  }
  const teams = input.teams === "all" ? null : p.add(input.teams);
  if (input.teamId) {
    const t = p.add(input.teamId);
    filters.team =
      `r.path && (SELECT coalesce(array_agg(tr."resourceId"), '{}'::uuid[]) FROM "TeamResource" tr WHERE tr."workspaceId" = ${ws}::uuid AND tr."teamId" = ${t}::uuid` +
      (teams ? ` AND tr."teamId" = ANY(${teams}::uuid[])` : "") +
      `)`;
  }

  if (input.ownerId) {
    const o = p.add(input.ownerId);
    // Only an owner the viewer may see filters anything (the caller passes those it may see); another one
    // matches nothing, as if it owned nothing.
    const allowed = input.owners && input.owners !== "all" ? p.add(input.owners) : null;
    filters.owner =
      `EXISTS (SELECT 1 FROM "ResourceOwner" o WHERE o."workspaceId" = ${ws}::uuid AND o."resourceId" = r.id AND (o."userId" = ${o}::uuid OR o."groupId" = ${o}::uuid))` +
      (allowed ? ` AND ${o}::uuid = ANY(${allowed}::uuid[])` : input.owners === "all" ? "" : " AND false");
  }
  const walks: string[] = [];
  for (const [start, [here, there]] of [
    [input.upstreamOf, ['"toId"', '"fromId"']],
    [input.downstreamOf, ['"fromId"', '"toId"']],
  ] as const) {
    if (!start) continue;
    const s0 = p.add(start);
    const visible = (a: string) => (roots ? ` AND ${a}.path && ${roots}::uuid[]` : "");
    // The walk is scoped at every step: it starts only from a visible resource and follows an edge only to a
    // visible one, so a hidden resource ends the path there (no shortcut across it), as in lib/lineage.
    walks.push(
      `r.id IN (WITH RECURSIVE walk(id, d) AS (` +
        `SELECT s.id, 0 FROM "Resource" s WHERE s."workspaceId" = ${ws}::uuid AND s.id = ${s0}::uuid${visible("s")}` +
        ` UNION SELECT e.${there}, w.d + 1 FROM walk w JOIN "LineageEdge" e ON e."workspaceId" = ${ws}::uuid AND e.${here} = w.id` +
        ` JOIN "Resource" n ON n."workspaceId" = ${ws}::uuid AND n.id = e.${there} AND n."removedAt" IS NULL${visible("n")}` +
        ` WHERE w.d < ${LINEAGE_FILTER_DEPTH}` +
        `) SELECT id FROM walk WHERE id <> ${s0}::uuid)`,
    );
  }
  if (walks.length) filters.lineage = walks.join(" AND ");

  const tier = [
    `CASE WHEN lower(r.name) = ${exact} THEN ${TIERS.exact}`,
    `WHEN lower(r.name) LIKE ${prefix} ESCAPE '\\' THEN ${TIERS.prefix}`,
    tq ? `WHEN ts_filter(r.search, '{a}') @@ sq.tq THEN ${TIERS.nameWords} WHEN ${own} @@ sq.tq THEN ${TIERS.ownWords}` : "",
    words ? `WHEN ${words} THEN ${TIERS.ancestorWords}` : "",
    contains ? `WHEN r.name ILIKE ${contains} ESCAPE '\\' THEN ${TIERS.contains}` : "",
    `ELSE 6 END`,
  ]
    .filter(Boolean)
    .join(" ");
  // Within a tier: the type's boost; no relevance score (it would need every match read to rank them).
  const rank = `(${boostSql})`;
  const from = `"Resource" r CROSS JOIN (SELECT ${tq ?? "NULL::tsquery"} AS tq) sq`;
  return { from, where, filters, tier, rank, ws, roots, teams, ranked: other ? null : ranked, typeParam: input.type ? p.add(input.type) : null };
}

function whereOf(pt: Parts, skip?: keyof Parts["filters"]): string {
  const extra = (Object.keys(pt.filters) as (keyof Parts["filters"])[]).filter((k) => k !== skip && pt.filters[k]).map((k) => pt.filters[k]!);
  return [...pt.where, ...extra].join("\n   AND ");
}

/** The total stops counting here: past it the page says "10,000+" (lib/db/cap.ts). */
export const SEARCH_COUNT_CAP = COUNT_CAP;

/** An admin's facets count at most this many of the first results ("in the first 1,000 results"). */
export const SEARCH_FACET_CAP = 1_000;

/**
 * Rows: id, type, name, description, tier, score, total (the scoped count of the matches, same filters, up to
 * SEARCH_COUNT_CAP + 1: more means "at least the cap") and parent (the parent's name if the viewer can see the
 * parent, else null). The total is its own uncorrelated subquery, run once and stopped at the cap, instead of a
 * window count over every match: without the window PostgreSQL keeps only the top rows of the sort (a top-N
 * heap) instead of sorting every match (61,696 for "revenue" as an admin at 1M: bench/README.md).
 */
export function buildResourceSearch(input: ResourceSearchInput): SqlStatement {
  const p = new Params();
  const pt = parts(input, p);
  const size = Math.max(1, Math.min(100, Math.trunc(input.limit)));
  const skip = Math.max(0, Math.min(100_000, Math.trunc(input.offset)));
  const limit = p.add(size);
  const offset = p.add(skip);
  const cap = p.add(Math.max(1, Math.trunc(input.countCap ?? SEARCH_COUNT_CAP)) + 1);
  // An admin's first results and count come from app_search_admin (the first offset + limit of the ranking).
  if (pt.ranked) {
    const text = `WITH hit AS MATERIALIZED (SELECT ids, total FROM ${pt.ranked(p.add(skip + size), cap, pt.typeParam)})
SELECT s.id, s.type, s.name, s.description, s.tier, s.score,
       (SELECT total FROM hit) AS total,
       (SELECT p.name FROM "Resource" p WHERE p.id = s.parent_id AND p."workspaceId" = ${pt.ws}::uuid) AS parent
  FROM (
SELECT r.id::text AS id, r.type::text AS type, r.name, r.description, r."parentId" AS parent_id,
       ${pt.tier} AS tier,
       ${pt.rank} AS score
  FROM ${pt.from}
 WHERE ${whereOf(pt)}
   AND r.id = ANY((SELECT ids FROM hit)::uuid[])
 ORDER BY tier, score DESC, length(lower(r.name)), lower(r.name), r.id
 LIMIT ${limit} OFFSET ${offset}
       ) s
 ORDER BY s.tier, s.score DESC, length(lower(s.name)), lower(s.name), s.id`;
    return p.finish(text);
  }
  // Anyone else's matches are read once (the CTE m: the keys the ranking needs), then counted up to the cap and
  // cut to the page from there: the count and the page were two passes over the viewer's whole scope, each with
  // its own row-level-security keys and per-row ancestor lookups (bench/README.md, session 8). Only the page's rows
  // then read their description and their parent's name (when the viewer can see the parent).
  const text = `WITH m AS MATERIALIZED (
SELECT r.id, r.name,
       ${pt.tier} AS tier,
       ${pt.rank} AS score
  FROM ${pt.from}
 WHERE ${whereOf(pt)}
)
SELECT r.id::text AS id, r.type::text AS type, r.name, r.description, s.tier, s.score,
       (SELECT count(*) FROM (SELECT 1 FROM m LIMIT ${cap}) c) AS total,
       (SELECT p.name FROM "Resource" p WHERE p.id = r."parentId" AND p."workspaceId" = ${pt.ws}::uuid${pt.roots ? ` AND p.path && ${pt.roots}::uuid[]` : ""}) AS parent
  FROM (
SELECT m.id, m.name, m.tier, m.score FROM m
 ORDER BY m.tier, m.score DESC, length(lower(m.name)), lower(m.name), m.id
 LIMIT ${limit} OFFSET ${offset}
       ) s
  JOIN "Resource" r ON r.id = s.id AND r."workspaceId" = ${pt.ws}::uuid
 ORDER BY s.tier, s.score DESC, length(lower(s.name)), lower(s.name), s.id`;
  return p.finish(text);
}

/**
 * Facet counts of the same search, one row per (facet, key): 'type', 'integration' (a visible integration's
 * id and name), 'team' (a visible team's id and name) and 'owner'. Each facet applies the other facets' filters but
 * not its own, so its values stay choosable. Only rows in the viewer's scope are counted.
 *
 * The scoped match is read once (the CTE `m`), with each filter as a flag of its own, instead of once per facet:
 * an admin's "revenue" matches 61,696 of 1,000,000 resources, and each pass was a scan of the table. A team
 * counts a resource once however many of its assignments lie on the resource's path (count DISTINCT); the
 * assignments are joined per ancestor (`unnest(path)`), which lets PostgreSQL hash the assignments instead of
 * probing an index once per match.
 */
export function buildResourceFacets(input: SearchScope & OwnerScope & SearchFilters & { q: string; facetCap?: number }): SqlStatement {
  const p = new Params();
  const pt = parts(input, p);
  const { ws, roots, teams } = pt;
  // An admin's broad search: the facets count its first facetCap results (all of them when there are no more),
  // found by app_search_admin as the page's are, without the type filter (the type facet leaves its own filter
  // out; the others apply it as a flag). A row 'top' says how many matched, up to facetCap + 1: more means the
  // counts are of the first facetCap results only, and the page says so.
  const fcap = Math.max(1, Math.trunc(input.facetCap ?? SEARCH_FACET_CAP));
  const hit = pt.ranked ? `hit AS MATERIALIZED (SELECT ids, total FROM ${pt.ranked(p.add(fcap), p.add(fcap + 1), null)}),\n` : "";
  const only = pt.ranked ? `\n   AND r.id = ANY((SELECT ids FROM hit)::uuid[])` : "";
  // Owners: only those the viewer may see (the list the caller resolved), named from their own rows.
  const owners = input.owners === "all" ? null : p.add(input.owners ?? []);
  const keys = Object.keys(pt.filters) as (keyof Parts["filters"])[];
  const flag = (k: keyof Parts["filters"]) => `f_${k}`;
  const others = (skip: keyof Parts["filters"]) => {
    const on = keys.filter((k) => k !== skip && pt.filters[k]).map((k) => `m.${flag(k)}`);
    return on.length ? `\n WHERE ${on.join(" AND ")}` : "";
  };
  const and = (skip: keyof Parts["filters"], extra: string) => (others(skip) ? `${others(skip)} AND ${extra}` : `\n WHERE ${extra}`);
  const flags = keys.filter((k) => pt.filters[k]).map((k) => `, (${pt.filters[k]}) AS ${flag(k)}`).join("");
  const text = `WITH ${hit}m AS MATERIALIZED (
SELECT r.id, r.type, r.path${flags}
  FROM ${pt.from}
 WHERE ${pt.where.join("\n   AND ")}${only}
)
SELECT 'type' AS facet, m.type::text AS key, NULL::text AS label, count(*)::int AS n
  FROM m${others("type")}
 GROUP BY m.type
UNION ALL
SELECT 'integration', i.id::text, i.name, count(*)::int
  FROM m
  JOIN "Resource" i ON i.id = m.path[1] AND i."workspaceId" = ${ws}::uuid AND i.type = 'INTEGRATION'${roots ? ` AND i.path && ${roots}::uuid[]` : ""}${others("integration")}
 GROUP BY i.id, i.name
UNION ALL
SELECT 'team', t.id::text, t.name, count(DISTINCT m.id)::int
  FROM m
 CROSS JOIN LATERAL unnest(m.path) AS a(id)
  JOIN "TeamResource" tr ON tr."workspaceId" = ${ws}::uuid AND tr."resourceId" = a.id
  JOIN "Team" t ON t.id = tr."teamId" AND t."workspaceId" = ${ws}::uuid${teams ? ` AND t.id = ANY(${teams}::uuid[])` : ""}${others("team")}
 GROUP BY t.id, t.name
UNION ALL
SELECT 'owner', coalesce(o."userId", o."groupId")::text, coalesce(u.name, g.name), count(DISTINCT m.id)::int
  FROM m
  JOIN "ResourceOwner" o ON o."workspaceId" = ${ws}::uuid AND o."resourceId" = m.id${owners ? ` AND coalesce(o."userId", o."groupId") = ANY(${owners}::uuid[])` : ""}
  LEFT JOIN "User" u ON u.id = o."userId"
  LEFT JOIN "Group" g ON g.id = o."groupId" AND g."workspaceId" = ${ws}::uuid${and("owner", "coalesce(u.name, g.name) IS NOT NULL")}
 GROUP BY 2, 3${pt.ranked ? `
UNION ALL
SELECT 'top', NULL, NULL, (SELECT total FROM hit)` : ""}`;
  return p.finish(text);
}
