/**
 * The order of every server-side table: the chosen column, then the name (when the column is not the name:
 * rows of one type or one date read alphabetically), then the id, so that rows that tie keep one order from page
 * to page. Names compare case-insensitively and by language through their column's ICU collation
 * (prisma/migrations/20261202070000_names_sort_like_people), so "account" comes before "Working" here too.
 */
export function tableOrder<S extends string>(sort: S, dir: "asc" | "desc", opts: { name?: string | false } = {}): Record<string, "asc" | "desc">[] {
  const name = opts.name === undefined ? "name" : opts.name;
  const out: Record<string, "asc" | "desc">[] = [{ [sort]: dir }];
  if (name && sort !== name) out.push({ [name]: "asc" });
  out.push({ id: "asc" });
  return out;
}
