import { apiRoute } from "@/lib/api/api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { apiResource } from "@/lib/api/map";
import { outcomeProblem } from "@/lib/api/problem";
import { invokeAction, NotFoundError } from "@/lib/actions/authorized";
import { getResourceItem } from "@/lib/catalog/listing";
import { updateResourceDescription, updateResourceTags } from "@/lib/catalog/actions";
import { updateDescriptionInput, updateTagsInput } from "@/lib/catalog/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute(ENDPOINTS.getResource, async ({ viewer, params }) => {
  const r = await getResourceItem(viewer, params.id);
  if (!r) throw new NotFoundError();
  return apiResource(r);
});

// The console's own actions, with the token's viewer: same checks, same audit. Both inputs are validated before
// either applies, so a bad tag leaves the description unchanged too.
export const PATCH = apiRoute(ENDPOINTS.patchResource, async ({ viewer, params, body }) => {
  const desc = body.description !== undefined ? { resourceId: params.id, description: body.description } : null;
  const tags = body.tags !== undefined ? { resourceId: params.id, tags: body.tags } : null;
  for (const [schema, input] of [[updateDescriptionInput, desc], [updateTagsInput, tags]] as const) {
    if (!input) continue;
    const ok = schema.safeParse(input);
    if (!ok.success) return outcomeProblem({ ok: false, error: ok.error.issues[0]?.message ?? "Invalid input.", reason: "invalid", field: ok.error.issues[0]?.path.join(".") });
  }
  if (desc) {
    const out = await invokeAction(updateResourceDescription, viewer, desc);
    if (!out.ok) return outcomeProblem(out);
  }
  if (tags) {
    const out = await invokeAction(updateResourceTags, viewer, tags);
    if (!out.ok) return outcomeProblem(out);
  }
  const r = await getResourceItem(viewer, params.id);
  if (!r) throw new NotFoundError();
  return apiResource(r);
});
