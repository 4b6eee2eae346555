import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { outcomeProblem } from "@/lib/api/problem";
import { invokeAction } from "@/lib/actions/authorized";
import { inviteMembers } from "@/lib/members/actions";

export const dynamic = "force-dynamic";

// The console's invitation action: all or nothing; the link is in the answer when no e-mail was sent (as the console shows it).
export const POST = apiRoute(ENDPOINTS.createInvitations, async ({ viewer, body }) => {
  const out = await invokeAction(inviteMembers, viewer, { emails: body.emails.join("\n"), role: body.role.toUpperCase(), teamIds: body.teamIds, confirmExposures: body.confirmExposures });
  if (!out.ok) return outcomeProblem(out);
  return out.data.map((i) => ({ email: i.email, userId: i.userId, delivery: i.delivery, link: i.delivery === "shown" ? i.link : null }));
});
