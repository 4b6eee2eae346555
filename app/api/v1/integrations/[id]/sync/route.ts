import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { outcomeProblem } from "@/lib/api/problem";
import { invokeAction } from "@/lib/actions/authorized";
import { syncIntegration } from "@/lib/integrations/actions";

export const dynamic = "force-dynamic";

export const POST = apiRoute(ENDPOINTS.syncIntegration, async ({ viewer, params }) => {
  const out = await invokeAction(syncIntegration, viewer, { integrationId: params.id });
  if (!out.ok) return outcomeProblem(out);
  return { runId: out.data.syncId };
});
