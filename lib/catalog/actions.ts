"use server";
import { authorizedAction, NotFoundError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer } from "@/lib/db/scoped";
import { resourceScope } from "@/lib/access/scope";
import { updateDescriptionInput, updateTagsInput } from "./schemas";

/** Editors and admins edit the description of a resource they can see; anything else is "Not found." */
export const updateResourceDescription = authorizedAction({ input: updateDescriptionInput, permission: "resources.edit" }, async ({ viewer, input }) => {
  const out = await withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const r = await tx.resource.findFirst({ where: { AND: [scope.where, { id: input.resourceId }] }, select: { id: true, name: true, description: true } });
    if (!r) throw new NotFoundError();
    if (r.description === input.description) return { description: r.description };
    await tx.resource.update({ where: { id: r.id }, data: { description: input.description } });
    await recordAudit(tx, viewer, {
      action: "resource.description.updated",
      targetType: "resource",
      targetId: r.id,
      targetName: r.name,
      before: { description: r.description },
      after: { description: input.description },
    });
    return { description: input.description };
  });
  refresh(`/resources/${input.resourceId}`);
  return out;
});

/** Same rule for tags: de-duplicated, lower-cased, in the order given. */
export const updateResourceTags = authorizedAction({ input: updateTagsInput, permission: "resources.edit" }, async ({ viewer, input }) => {
  const tags = [...new Set(input.tags)];
  const out = await withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const r = await tx.resource.findFirst({ where: { AND: [scope.where, { id: input.resourceId }] }, select: { id: true, name: true, tags: true } });
    if (!r) throw new NotFoundError();
    if (r.tags.join("\n") === tags.join("\n")) return { tags };
    await tx.resource.update({ where: { id: r.id }, data: { tags } });
    await recordAudit(tx, viewer, {
      action: "resource.tags.updated",
      targetType: "resource",
      targetId: r.id,
      targetName: r.name,
      before: { tags: r.tags },
      after: { tags },
    });
    return { tags };
  });
  refresh(`/resources/${input.resourceId}`, "/catalog");
  return out;
});
