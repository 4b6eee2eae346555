import { z } from "zod";
import { createLoader, parseAsString, type LoaderInput, type ParserMap } from "nuqs/server";
import { queryText } from "@/lib/validation/text";
import { PAGE_SIZES, DEFAULT_PAGE_SIZE, tableUrlParsers } from "./table-url-parsers";

// URL state of the server-side tables, through nuqs: one set of parsers for the keys every table shares (page,
// size, sort, dir, q) plus each table's own filters, read on the server by nuqs' loader and written on the client
// by useQueryStates (components/data-table/use-table-url.ts). nuqs turns the URL into typed values; each table's
// zod schema stays the validation at the boundary (whitelisted sorts and filters, bounds, the default for anything
// unreadable), so nothing the schema does not know reaches a query.

export type UrlParams = Record<string, string | string[] | undefined>;

/** A URL parameter given more than once counts by its first value. */
export function one<T>(v: T | T[]): T | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export { PAGE_SIZES, DEFAULT_PAGE_SIZE, tableUrlParsers };

/** The shared keys plus a table's own filters, each a plain string in the URL (the zod schema judges it). */
export function tableUrlParsersWith<K extends string>(filters: readonly K[]) {
  return { ...tableUrlParsers, ...(Object.fromEntries(filters.map((k) => [k, parseAsString])) as Record<K, typeof parseAsString>) };
}

/** The page/size/sort/dir/q schema of one table; extend it with the table's own filters. */
export function tableParams<S extends readonly [string, ...string[]]>(sorts: S, defaults: { sort: S[number]; dir?: "asc" | "desc"; maxPage?: number }) {
  return z.object({
    page: z.coerce.number().int().min(1).max(defaults.maxPage ?? 100_000).catch(1),
    size: z.coerce.number().int().refine((n) => (PAGE_SIZES as readonly number[]).includes(n)).catch(DEFAULT_PAGE_SIZE),
    sort: z.enum(sorts).catch(defaults.sort as never),
    dir: z.enum(["asc", "desc"]).catch(defaults.dir ?? "asc"),
    q: queryText(200),
  });
}

/**
 * One URL state: nuqs' parsers (shared with the client) and the zod schema that validates what they read.
 * `load` takes a page's awaited `searchParams` (or a URLSearchParams, or a URL).
 */
export function urlState<P extends ParserMap, S extends z.ZodType>(parsers: P, schema: S, opts: { urlKeys?: Partial<Record<keyof P, string>> } = {}) {
  const loader = createLoader(parsers, { urlKeys: opts.urlKeys as never });
  return {
    parsers,
    schema,
    load(input: LoaderInput): z.infer<S> {
      return schema.parse(loader(input as never));
    },
  };
}

/** The URL state of a server-side table: the shared keys, the table's filters, and its schema. */
export function tableUrl<S extends z.ZodType, K extends string = never>(schema: S, filters: readonly K[] = []) {
  return urlState(tableUrlParsersWith(filters), schema);
}
