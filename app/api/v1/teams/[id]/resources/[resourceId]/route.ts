import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { outcomeProblem } from "@/lib/api/problem";
import { invokeAction } from "@/lib/actions/authorized";
import { unassignResources } from "@/lib/resources/actions";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(ENDPOINTS.removeTeamResource, async ({ viewer, params }) => {
  const out = await invokeAction(unassignResources, viewer, { resourceIds: [params.resourceId], teamIds: [params.id] });
  return out.ok ? null : outcomeProblem(out);
});
