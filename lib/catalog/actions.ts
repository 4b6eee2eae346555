"use server";
import { authorizedAction, NotFoundError } from "@/lib/actions/authorized";
import { refresh } from "@/lib/actions/revalidate";
import { recordAudit } from "@/lib/audit/record";
import { withViewer } from "@/lib/db/scoped";
import { resourceScope } from "@/lib/access/scope";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { treeChildrenInput, updateDescriptionInput, updateTagsInput } from "./schemas";
import { catalogTreeChildren } from "./tree";

type Editable = { description: string; tags: string[] };

/**
 * One editable field of a resource the viewer can see (anything else is "Not found."): unchanged values write
 * nothing and record nothing; a change is audited with its before and after.
 */
async function editField<K extends keyof Editable>(viewer: Viewer, resourceId: string, field: K, next: Editable[K], action: string): Promise<Pick<Editable, K>> {
  const same = (a: Editable[K], b: Editable[K]) => JSON.stringify(a) === JSON.stringify(b);
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const r = await tx.resource.findFirst({ where: { AND: [scope.where, { id: resourceId }] }, select: { id: true, name: true, description: true, tags: true } });
    if (!r) throw new NotFoundError();
    const out = { [field]: next } as Pick<Editable, K>;
    if (same(r[field] as Editable[K], next)) return out;
    await tx.resource.update({ where: { id: r.id }, data: { [field]: next } });
    await recordAudit(tx, viewer, {
      action,
      targetType: "resource",
      targetId: r.id,
      targetName: r.name,
      before: { [field]: r[field] },
      after: out,
    });
    return out;
  });
}

/** Editors and admins edit the description of a resource they can see; anything else is "Not found." */
export const updateResourceDescription = authorizedAction({ input: updateDescriptionInput, permission: "resources.edit" }, async ({ viewer, input }) => {
  const out = await editField(viewer, input.resourceId, "description", input.description, "resource.description.updated");
  refresh(`/resources/${input.resourceId}`);
  return out;
});

/** Same rule for tags: de-duplicated, lower-cased, in the order given. */
export const updateResourceTags = authorizedAction({ input: updateTagsInput, permission: "resources.edit" }, async ({ viewer, input }) => {
  const out = await editField(viewer, input.resourceId, "tags", [...new Set(input.tags)], "resource.tags.updated");
  refresh(`/resources/${input.resourceId}`, "/catalog");
  return out;
});

/**
 * The catalog tree's lazy expansion: one node's visible children with their counts. A read, so it stays open
 * while an admin views as someone (it then shows that person's tree); a node out of scope is "Not found."
 */
export const loadCatalogTreeChildren = authorizedAction({ input: treeChildrenInput, whileViewingAs: "allow" }, async ({ viewer, input }) => {
  const out = await catalogTreeChildren(viewer, input.nodeId);
  if (!out) throw new NotFoundError();
  return out;
});
