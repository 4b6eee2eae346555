import { z } from "zod";

export const resourceId = z.string().uuid();

export const CHILD_SORTS = ["name", "type", "updatedAt"] as const;

/** URL state of a children table: page, page size, sort (whitelisted) and a text filter. */
export const childrenParams = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce.number().int().refine((n) => [10, 25, 50, 100].includes(n)).catch(25),
  sort: z.enum(CHILD_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  q: z.string().trim().max(200).catch(""),
});

export type ChildrenParams = z.infer<typeof childrenParams>;

export function parseChildrenParams(sp: Record<string, string | string[] | undefined>): ChildrenParams {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return childrenParams.parse({ page: one(sp.page), size: one(sp.size), sort: one(sp.sort), dir: one(sp.dir), q: one(sp.q) });
}
