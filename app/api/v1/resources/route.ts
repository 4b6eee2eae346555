import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { afterId } from "@/lib/api/cursor";
import { apiResource, keysetPage } from "@/lib/api/map";
import { toResourceType } from "@/lib/api/schemas";
import { listResourcesPage } from "@/lib/catalog/listing";

export const dynamic = "force-dynamic";

export const GET = apiRoute(ENDPOINTS.listResources, async ({ viewer, query }) =>
  keysetPage(
    await listResourcesPage(viewer, {
      q: query.q || undefined,
      type: query.type ? toResourceType(query.type) : undefined,
      teamId: query.teamId,
      parentId: query.parentId,
      after: afterId(query.cursor),
      limit: query.limit,
    }),
    apiResource,
  ),
);
