import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { afterId, encodeCursor } from "@/lib/api/cursor";
import { outcomeProblem } from "@/lib/api/problem";
import { invokeAction, NotFoundError } from "@/lib/actions/authorized";
import { createIntegration } from "@/lib/integrations/actions";
import { getIntegration, listIntegrations, type IntegrationSummary } from "@/lib/integrations/queries";

export const dynamic = "force-dynamic";

const item = (i: IntegrationSummary) => ({ id: i.id, name: i.name, kind: i.kind, target: i.target, resourceCount: i.resourceCount, lastRunId: i.lastSync?.id ?? null });

// Integrations are few (one per connected database): the console's list, paged by id here.
export const GET = apiRoute(ENDPOINTS.listIntegrations, async ({ viewer, query }) => {
  const after = afterId(query.cursor);
  const all = (await listIntegrations(viewer)).sort((a, b) => (a.id < b.id ? -1 : 1)).filter((i) => !after || i.id > after);
  const rows = all.slice(0, query.limit);
  return { data: rows.map(item), nextCursor: all.length > query.limit ? encodeCursor({ after: rows[rows.length - 1]!.id }) : null };
});

export const POST = apiRoute(ENDPOINTS.createIntegration, async ({ viewer, body }) => {
  const out = await invokeAction(createIntegration, viewer, body);
  if (!out.ok) return outcomeProblem(out);
  const i = await getIntegration(viewer, out.data.id);
  if (!i) throw new NotFoundError();
  return item(i);
});
