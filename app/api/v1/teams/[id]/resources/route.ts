import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { outcomeProblem } from "@/lib/api/problem";
import { invokeAction } from "@/lib/actions/authorized";
import { assignResources } from "@/lib/resources/actions";

export const dynamic = "force-dynamic";

export const POST = apiRoute(ENDPOINTS.addTeamResources, async ({ viewer, params, body }) => {
  const out = await invokeAction(assignResources, viewer, { resourceIds: body.resourceIds, teamIds: [params.id], confirmExposures: body.confirmExposures });
  if (!out.ok) return outcomeProblem(out);
  return { added: (out.data as { added?: number }).added ?? 0 };
});
