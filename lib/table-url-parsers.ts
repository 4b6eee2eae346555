// The URL keys every server-side table shares, as nuqs parsers, apart from lib/table-params.ts (which adds the zod
// schemas that validate them on the server): the tables' client component reads these, and importing them from
// there put all of zod into every page that holds a table.
import { parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** The keys every server-side table shares. A value equal to its default leaves the URL (nuqs' clearOnDefault). */
export const tableUrlParsers = {
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(DEFAULT_PAGE_SIZE),
  sort: parseAsString,
  dir: parseAsStringLiteral(["asc", "desc"] as const),
  q: parseAsString.withDefault(""),
};
