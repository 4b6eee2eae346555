import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { encodeCursor, pageOf } from "@/lib/api/cursor";
import { toResourceType } from "@/lib/api/schemas";
import { search } from "@/lib/search/queries";

export const dynamic = "force-dynamic";

// The console's ranked search (one scoped statement), resources only; the cursor names the next page.
export const GET = apiRoute(ENDPOINTS.search, async ({ viewer, query }) => {
  const { page, size } = pageOf(query.cursor, query.limit);
  const r = await search(viewer, query.q, { type: query.type ? toResourceType(query.type) : null, page, size, others: 0 });
  return {
    data: r.resources.map((h) => ({ id: h.id, type: h.type.toLowerCase(), name: h.name, description: h.description, parent: h.parent })),
    nextCursor: page < r.pageCount && r.resources.length === size ? encodeCursor({ page: page + 1, size }) : null,
  };
});
