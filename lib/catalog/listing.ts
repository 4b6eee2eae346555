import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ResourceType } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { resourceScope, teamScope, type ResourceScope } from "@/lib/access/scope";

// Resources as the REST API lists them: keyset pages (by id) of what the viewer may see, the policy inside the
// query as everywhere. A resource's qualified name and parent are built from what the viewer may see only.

export type ResourceItem = {
  id: string;
  type: ResourceType;
  name: string;
  qualifiedName: string;
  description: string;
  tags: string[];
  /** The parent's id when the viewer may see the parent; null otherwise (a hidden parent is never named). */
  parentId: string | null;
};

export type ResourceFilter = { q?: string; type?: ResourceType; teamId?: string; parentId?: string; after?: string; limit: number };

const select = { id: true, type: true, name: true, description: true, tags: true, parentId: true, path: true, externalKey: true } as const;
type Row = Prisma.ResourceGetPayload<{ select: typeof select }>;

/** The dotted path below the integration: a synced resource's key ("analytics.northwind.orders"), else visible ancestors' names. */
async function toItems(tx: Tx, scope: ResourceScope, rows: Row[]): Promise<ResourceItem[]> {
  const ancestorIds = [...new Set(rows.flatMap((r) => r.path.slice(0, -1)))];
  const visible = ancestorIds.length
    ? await tx.resource.findMany({ where: { AND: [scope.where, { id: { in: ancestorIds } }] }, select: { id: true, name: true, type: true } })
    : [];
  const byId = new Map(visible.map((a) => [a.id, a]));
  return rows.map((r) => {
    let qualifiedName: string | null = null;
    if (r.externalKey) {
      try {
        const parts = JSON.parse(r.externalKey);
        if (Array.isArray(parts) && parts.every((p) => typeof p === "string")) qualifiedName = parts.join(".");
      } catch {
        /* not a key of ours */
      }
    }
    if (qualifiedName === null) {
      const names = r.path
        .slice(0, -1)
        .flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
        .filter((a) => a.type !== "INTEGRATION")
        .map((a) => a.name);
      qualifiedName = r.type === "INTEGRATION" ? r.name : [...names, r.name].join(".");
    }
    return {
      id: r.id,
      type: r.type,
      name: r.name,
      qualifiedName,
      description: r.description,
      tags: r.tags,
      parentId: r.parentId && byId.has(r.parentId) ? r.parentId : null,
    };
  });
}

/** One keyset page of the resources the viewer may see, filtered by name, type, team (a visible one) and parent. */
export async function listResourcesPage(viewer: Viewer, f: ResourceFilter): Promise<{ rows: ResourceItem[]; hasMore: boolean }> {
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const and: Prisma.ResourceWhereInput[] = [scope.where, { removedAt: null }];
    if (f.q) and.push({ name: { contains: f.q, mode: "insensitive" } });
    if (f.type) and.push({ type: f.type });
    if (f.parentId) and.push({ parentId: f.parentId });
    if (f.after) and.push({ id: { gt: f.after } });
    if (f.teamId) {
      // Resources of a team the viewer may see: assigned to it themselves or through an ancestor.
      const team = await tx.team.findFirst({ where: { AND: [teamScope(viewer), { id: f.teamId }] }, select: { id: true } });
      const assigned = team ? await tx.teamResource.findMany({ where: { workspaceId: viewer.workspaceId, teamId: team.id }, select: { resourceId: true } }) : [];
      and.push({ path: { hasSome: assigned.map((a) => a.resourceId) } });
    }
    const rows = await tx.resource.findMany({ where: { AND: and }, select, orderBy: { id: "asc" }, take: f.limit + 1 });
    const hasMore = rows.length > f.limit;
    return { rows: await toItems(tx, scope, rows.slice(0, f.limit)), hasMore };
  });
}

/** One resource the viewer may see, or null: out of scope and missing look the same. */
export async function getResourceItem(viewer: Viewer, id: string): Promise<ResourceItem | null> {
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const r = await tx.resource.findFirst({ where: { AND: [scope.where, { id }] }, select });
    return r ? (await toItems(tx, scope, [r]))[0]! : null;
  });
}
