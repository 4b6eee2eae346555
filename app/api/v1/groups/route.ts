import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { afterId } from "@/lib/api/cursor";
import { keysetPage } from "@/lib/api/map";
import { listGroupsPage } from "@/lib/groups/listing";

export const dynamic = "force-dynamic";

export const GET = apiRoute(ENDPOINTS.listGroups, async ({ viewer, query }) => keysetPage(await listGroupsPage(viewer, { after: afterId(query.cursor), limit: query.limit }), (g) => g));
