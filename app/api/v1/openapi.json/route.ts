import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

// Public: it names the endpoints and schemas, nothing of any workspace.
export const GET = apiRoute(ENDPOINTS.openapi, async () => openApiDocument());
