import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";

export const dynamic = "force-dynamic";

// Who the token acts as: its owner now (role read at this call), or for a team token the team, as a guest.
export const GET = apiRoute(ENDPOINTS.me, async ({ viewer }) =>
  viewer.apiToken?.teamId
    ? { id: viewer.apiToken.teamId, email: null, name: viewer.name, role: "guest", kind: "team", team: { id: viewer.apiToken.teamId, name: viewer.name } }
    : { id: viewer.userId, email: viewer.email, name: viewer.name, role: viewer.role.toLowerCase(), kind: "user", team: null },
);
