import { z } from "zod";
import { queryText } from "@/lib/validation/text";
import { createSerializer, parseAsInteger, parseAsString } from "nuqs/server";
import { one, urlState } from "@/lib/table-params";
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

/** /search's URL keys as nuqs parsers: read by its loader, written by the serializer below. */
const searchParsers = {
  q: parseAsString.withDefault(""),
  type: parseAsString,
  integration: parseAsString,
  team: parseAsString,
  owner: parseAsString,
  upstream: parseAsString,
  downstream: parseAsString,
  page: parseAsInteger.withDefault(1),
};
export const searchUrl = urlState(searchParsers, searchParams);

const serializeSearch = createSerializer(searchParsers);

/** The /search URL for a state (only what is set: defaults and empty filters leave the URL). */
export function searchHref(p: Partial<SearchParams>): string {
  return serializeSearch("/search", { q: p.q || null, type: p.type || null, integration: p.integration || null, team: p.team || null, owner: p.owner || null, upstream: p.upstream || null, downstream: p.downstream || null, page: p.page && p.page > 1 ? p.page : null });
}

/** The palette's route: a query and how many hits. */
export const paletteQuery = z.object({
  q: queryText(MAX_Q),
  limit: z.coerce.number().int().min(1).max(20).catch(8),
});

export const recordSearchInput = z.object({ q: z.string().trim().min(1, "Type something to search.").max(MAX_Q, `A search is at most ${MAX_Q} characters.`) });
export const RECENT_MAX = 10;
