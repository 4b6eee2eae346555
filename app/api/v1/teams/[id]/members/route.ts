import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { afterId } from "@/lib/api/cursor";
import { apiUser, keysetPage } from "@/lib/api/map";
import { outcomeProblem } from "@/lib/api/problem";
import { invokeAction, NotFoundError } from "@/lib/actions/authorized";
import { listTeamPeoplePage } from "@/lib/people/listing";
import { addTeamMembers } from "@/lib/teams/actions";

export const dynamic = "force-dynamic";

export const GET = apiRoute(ENDPOINTS.listTeamMembers, async ({ viewer, params, query }) => {
  const page = await listTeamPeoplePage(viewer, params.id, { after: afterId(query.cursor), limit: query.limit });
  if (!page) throw new NotFoundError();
  return keysetPage(page, apiUser);
});

// The console's action: its guardrail warnings are refused (409) unless the body confirms them.
export const POST = apiRoute(ENDPOINTS.addTeamMembers, async ({ viewer, params, body }) => {
  const out = await invokeAction(addTeamMembers, viewer, { teamId: params.id, userIds: body.userIds, confirm: body.confirm ?? false, confirmExposures: body.confirmExposures });
  if (!out.ok) return outcomeProblem(out);
  return { added: out.data.added };
});
