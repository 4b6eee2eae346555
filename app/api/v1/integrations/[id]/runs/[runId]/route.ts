import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { NotFoundError } from "@/lib/actions/authorized";
import { getSyncRun } from "@/lib/integrations/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(ENDPOINTS.getIntegrationRun, async ({ viewer, params }) => {
  const run = await getSyncRun(viewer, params.id, params.runId);
  if (!run) throw new NotFoundError();
  return run;
});
