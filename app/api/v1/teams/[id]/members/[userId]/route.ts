import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { outcomeProblem } from "@/lib/api/problem";
import { invokeAction } from "@/lib/actions/authorized";
import { removeTeamMembers } from "@/lib/teams/actions";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(ENDPOINTS.removeTeamMember, async ({ viewer, params }) => {
  const out = await invokeAction(removeTeamMembers, viewer, { teamId: params.id, userIds: [params.userId] });
  return out.ok ? null : outcomeProblem(out);
});
