import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { createTeamToken } from "@/lib/tokens/service";

export const dynamic = "force-dynamic";

// A client team's read-only token, made by an admin's write token.
export const POST = apiRoute(ENDPOINTS.createTeamToken, async ({ viewer, params, body }) => createTeamToken(viewer, { teamId: params.id, ...body }));
