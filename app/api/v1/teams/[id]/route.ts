import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { apiTeam } from "@/lib/api/map";
import { NotFoundError } from "@/lib/actions/authorized";
import { getTeamById } from "@/lib/teams/listing";

export const dynamic = "force-dynamic";

export const GET = apiRoute(ENDPOINTS.getTeam, async ({ viewer, params }) => {
  const team = await getTeamById(viewer, params.id);
  if (!team) throw new NotFoundError();
  return apiTeam(team);
});
