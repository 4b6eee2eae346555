import { NextResponse } from "next/server";
import { authorizedRoute } from "@/lib/actions/authorized-route";
import { paletteQuery } from "@/lib/search/schemas";
import { listRecentSearches, search } from "@/lib/search/queries";

export const dynamic = "force-dynamic";

// The ⌘K palette's search: the same scoped queries as /search, a few hits of each kind; with no query, the
// viewer's own recent searches.
export const GET = authorizedRoute({ query: paletteQuery }, async ({ viewer, query }) => {
  const headers = { "cache-control": "no-store" };
  if (!query.q) return NextResponse.json({ q: "", hits: [], total: 0, recent: await listRecentSearches(viewer) }, { headers });
  const r = await search(viewer, query.q, { size: query.limit, others: 3 });
  return NextResponse.json({ q: r.q, hits: r.hits, total: r.total, totalCapped: r.totalCapped, recent: [] }, { headers });
});
