import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { afterId } from "@/lib/api/cursor";
import { apiUser, keysetPage } from "@/lib/api/map";
import { listPeoplePage } from "@/lib/people/listing";

export const dynamic = "force-dynamic";

export const GET = apiRoute(ENDPOINTS.listUsers, async ({ viewer, query }) =>
  keysetPage(await listPeoplePage(viewer, { q: query.q || undefined, after: afterId(query.cursor), limit: query.limit }), apiUser),
);
