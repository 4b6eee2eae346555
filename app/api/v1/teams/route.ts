import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { afterId } from "@/lib/api/cursor";
import { apiTeam, keysetPage } from "@/lib/api/map";
import { outcomeProblem } from "@/lib/api/problem";
import { invokeAction, NotFoundError } from "@/lib/actions/authorized";
import { createTeam } from "@/lib/teams/actions";
import { getTeamById, listTeamsPage } from "@/lib/teams/listing";

export const dynamic = "force-dynamic";

export const GET = apiRoute(ENDPOINTS.listTeams, async ({ viewer, query }) =>
  keysetPage(await listTeamsPage(viewer, { q: query.q || undefined, after: afterId(query.cursor), limit: query.limit }), apiTeam),
);

export const POST = apiRoute(ENDPOINTS.createTeam, async ({ viewer, body }) => {
  const out = await invokeAction(createTeam, viewer, { name: body.name, description: body.description ?? "", visibility: body.visibility.toUpperCase() });
  if (!out.ok) return outcomeProblem(out);
  const team = await getTeamById(viewer, out.data.id);
  if (!team) throw new NotFoundError();
  return apiTeam(team);
});
