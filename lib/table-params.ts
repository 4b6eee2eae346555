import { z } from "zod";
import { queryText } from "@/lib/validation/text";

// URL state of the server-side tables, parsed once for all: page, page size, a whitelisted sort, its
// direction and a text filter. Anything unreadable falls back to the default; nothing else passes through.

export type UrlParams = Record<string, string | string[] | undefined>;

/** A URL parameter given more than once counts by its first value. */
export function one<T>(v: T | T[]): T | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** The page/size/sort/dir/q object of one table; extend it with the table's own filters. */
export function tableParams<S extends readonly [string, ...string[]]>(sorts: S, defaults: { sort: S[number]; dir?: "asc" | "desc"; maxPage?: number }) {
  return z.object({
    page: z.coerce.number().int().min(1).max(defaults.maxPage ?? 100_000).catch(1),
    size: z.coerce.number().int().refine((n) => (PAGE_SIZES as readonly number[]).includes(n)).catch(25),
    sort: z.enum(sorts).catch(defaults.sort as never),
    dir: z.enum(["asc", "desc"]).catch(defaults.dir ?? "asc"),
    q: queryText(200),
  });
}

/** Parses the URL's search parameters (first values only) with a table's schema. */
export function parseUrlParams<T extends z.ZodType>(schema: T, sp: UrlParams | Record<string, unknown>): z.infer<T> {
  return schema.parse(Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, one(v)])));
}
