import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { NotFoundError } from "@/lib/actions/authorized";
import { lineageOf } from "@/lib/lineage/queries";

export const dynamic = "force-dynamic";

// lib/lineage's walk, scoped in SQL to what the token's viewer may see (the same as the resource page's graph).
export const GET = apiRoute(ENDPOINTS.getLineage, async ({ viewer, params, query }) => {
  const lineage = await lineageOf(viewer, params.id, query);
  if (!lineage) throw new NotFoundError();
  return {
    nodes: lineage.nodes.map((n) => ({ id: n.id, type: n.type.toLowerCase(), name: n.name, qualifiedName: n.qualifiedName })),
    edges: lineage.edges,
  };
});
