import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { Prisma } from "@/lib/generated/prisma/client";
import { resourceScope, resourceScopeSql, type ResourceScope } from "@/lib/access/scope";
import { capCount } from "@/lib/db/cap";
import type { ResourceType } from "@/lib/generated/prisma/enums";
import { topsWhere } from "./queries";

/** The levels the tree shows: integrations → databases → schemas → tables and views (columns live on table pages). */
const TREE_TYPES: ResourceType[] = ["INTEGRATION", "DATABASE", "SCHEMA", "TABLE", "VIEW"];
const BRANCH_TYPES = new Set<ResourceType>(["INTEGRATION", "DATABASE", "SCHEMA"]);
/** Children shown under one open node; the rest are one click away on the node's own page. */
export const TREE_CHILDREN_MAX = 50;
export const TREE_OPEN_MAX = 30;
/**
 * A node's count stops here ("1,000+"): the tree tells sizes apart at a glance, and each count reads at most this
 * many rows of the path index (at 10,000 the first level of a million-resource catalog read ~300,000, 0.8–1 s).
 */
export const TREE_COUNT_CAP = 1_000;

/** `?open=` of /catalog: the ids of the open nodes, comma-separated; anything malformed is dropped. */
export function parseOpen(v: string | string[] | undefined): string[] | null {
  if (v === undefined) return null;
  const raw = (Array.isArray(v) ? v[0] : v) ?? "";
  const ids = raw.split(",").filter((s) => z.string().uuid().safeParse(s).success);
  return [...new Set(ids)].slice(0, TREE_OPEN_MAX);
}

export type TreeNode = {
  id: string;
  type: ResourceType;
  name: string;
  /** Visible resources below it, of every kind (columns too): the same count as Settings → Integrations for an admin. */
  descendants: number;
  /** The count stopped at its cap: "10,000+". */
  descendantsCapped: boolean;
  /** Whether it has visible children the tree can open (databases, schemas, tables, views). */
  expandable: boolean;
  open: boolean;
  children: TreeNode[];
  /** Visible tree children beyond the first TREE_CHILDREN_MAX. */
  more: number;
};

/**
 * The data sources as a tree for the viewer: its tops (for admins the integrations; for a guest the schema it was
 * given), and below each open node its visible children. Every count is of what the viewer can see, computed in
 * the query under the same scope (and RLS), so a hidden schema or table changes no number.
 */
export async function catalogTree(viewer: Viewer, open: string[] | null): Promise<{ nodes: TreeNode[]; open: string[] }> {
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const tops = await tx.resource.findMany({
      where: { AND: [topsWhere(viewer, scope), { type: { in: TREE_TYPES } }] },
      select: { id: true, type: true, name: true },
      orderBy: [{ type: "asc" }, { name: "asc" }, { id: "asc" }],
      take: TREE_CHILDREN_MAX,
    });
    // No `?open=` yet: the tops start open, so the first level shows at once.
    const effective = open ?? tops.map((t) => t.id);
    return { nodes: await expand(tx, scope, tops, new Set(effective), 0), open: effective };
  });
}

/**
 * One node's children for the tree's lazy expansion, closed, with their counts; null when the node is not visible
 * to the viewer (or not a branch of the tree), so a foreign id gets what a missing one gets.
 */
export async function catalogTreeChildren(viewer: Viewer, nodeId: string): Promise<{ nodes: TreeNode[]; more: number } | null> {
  if (!z.string().uuid().safeParse(nodeId).success) return null;
  return withViewer(viewer, async (tx) => {
    const scope = await resourceScope(tx, viewer);
    const node = await tx.resource.findFirst({
      where: { AND: [scope.where, { id: nodeId }, { type: { in: [...BRANCH_TYPES] } }, { removedAt: null }] },
      select: { id: true, type: true, name: true },
    });
    if (!node) return null;
    const [open] = await expand(tx, scope, [node], new Set([node.id]), 0);
    return { nodes: open.children, more: open.more };
  });
}

async function expand(tx: Tx, scope: ResourceScope, rows: { id: string; type: ResourceType; name: string }[], open: Set<string>, depth: number): Promise<TreeNode[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  // Visible descendants of each node (removed ones aside), counted under the viewer's scope in one statement and
  // stopped at the cap: an integration of a million-resource catalog holds hundreds of thousands, and a count
  // per node made the catalog page seconds (bench/README.md). `path @> ARRAY[id]` is the path index's condition.
  const counted = await tx.$queryRaw<{ id: string; n: bigint }[]>(Prisma.sql`
    SELECT x.id::text AS id,
           (SELECT count(*) FROM (
              SELECT 1 FROM "Resource" r
               WHERE ${resourceScopeSql(scope, "r")} AND r.path @> ARRAY[x.id] AND r.id <> x.id AND r."removedAt" IS NULL
               LIMIT ${TREE_COUNT_CAP + 1}) c) AS n
      FROM unnest(${ids}::uuid[]) AS x(id)`);
  const byId = new Map(counted.map((c) => [c.id, capCount(Number(c.n), TREE_COUNT_CAP)]));
  const counts = ids.map((id) => byId.get(id) ?? { total: 0, capped: false });
  const kids = await tx.resource.groupBy({
    by: ["parentId"],
    where: { AND: [scope.where, { parentId: { in: ids } }, { type: { in: TREE_TYPES } }, { removedAt: null }] },
    _count: { _all: true },
  });
  const kidCount = new Map(kids.map((k) => [k.parentId, k._count._all]));
  const out: TreeNode[] = [];
  for (const [i, r] of rows.entries()) {
    const n = kidCount.get(r.id) ?? 0;
    const isOpen = open.has(r.id) && n > 0 && depth < 4;
    const children = isOpen
      ? await tx.resource.findMany({
          where: { AND: [scope.where, { parentId: r.id }, { type: { in: TREE_TYPES } }, { removedAt: null }] },
          select: { id: true, type: true, name: true },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take: TREE_CHILDREN_MAX,
        })
      : [];
    out.push({
      id: r.id,
      type: r.type,
      name: r.name,
      descendants: counts[i]!.total,
      descendantsCapped: counts[i]!.capped,
      expandable: n > 0 && BRANCH_TYPES.has(r.type),
      open: isOpen,
      children: await expand(tx, scope, children, open, depth + 1),
      more: isOpen ? Math.max(0, n - children.length) : 0,
    });
  }
  return out;
}
