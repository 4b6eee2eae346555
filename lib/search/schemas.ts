import { z } from "zod";
import { queryText } from "@/lib/validation/text";
import { one } from "@/lib/table-params";
import { RESOURCE_TYPES, type SearchResourceType } from "./types";
import { MAX_Q } from "./sql";

export const SEARCH_PAGE_SIZE = 20;


/** URL state of /search: q, filters and page, each whitelisted; anything else falls back to "none". */
export const searchParams = z.object({
  q: queryText(MAX_Q),
  type: z.preprocess(one, z.enum(RESOURCE_TYPES as [SearchResourceType, ...SearchResourceType[]]).nullable()).catch(null),
  integration: z.preprocess(one, z.string().uuid().nullable()).catch(null),
  team: z.preprocess(one, z.string().uuid().nullable()).catch(null),
  owner: z.preprocess(one, z.string().uuid().nullable()).catch(null),
  upstream: z.preprocess(one, z.string().uuid().nullable()).catch(null),
  downstream: z.preprocess(one, z.string().uuid().nullable()).catch(null),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(1000)).catch(1),
});

export type SearchParams = z.infer<typeof searchParams>;

export function parseSearchParams(sp: Record<string, string | string[] | undefined>): SearchParams {
  return searchParams.parse({ q: sp.q ?? "", type: sp.type ?? null, integration: sp.integration ?? null, team: sp.team ?? null, owner: sp.owner ?? null, upstream: sp.upstream ?? null, downstream: sp.downstream ?? null, page: sp.page ?? 1 });
}

/** The /search URL for a state (only what is set). */
export function searchHref(p: Partial<SearchParams>): string {
  const u = new URLSearchParams();
  if (p.q) u.set("q", p.q);
  if (p.type) u.set("type", p.type);
  if (p.integration) u.set("integration", p.integration);
  if (p.team) u.set("team", p.team);
  if (p.owner) u.set("owner", p.owner);
  if (p.upstream) u.set("upstream", p.upstream);
  if (p.downstream) u.set("downstream", p.downstream);
  if (p.page && p.page > 1) u.set("page", String(p.page));
  const s = u.toString();
  return s ? `/search?${s}` : "/search";
}

/** The palette's route: a query and how many hits. */
export const paletteQuery = z.object({
  q: queryText(MAX_Q),
  limit: z.coerce.number().int().min(1).max(20).catch(8),
});

export const recordSearchInput = z.object({ q: z.string().trim().min(1, "Type something to search.").max(MAX_Q, `A search is at most ${MAX_Q} characters.`) });
export const RECENT_MAX = 10;
