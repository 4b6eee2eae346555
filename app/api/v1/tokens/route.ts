import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { createPersonalToken } from "@/lib/tokens/service";

export const dynamic = "force-dynamic";

// A personal token for the signed-in person (session cookie and same Origin, checked by apiRoute).
export const POST = apiRoute(ENDPOINTS.createToken, async ({ viewer, body }) => createPersonalToken(viewer, body));
