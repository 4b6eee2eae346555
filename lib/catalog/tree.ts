import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { Prisma } from "@/lib/generated/prisma/client";
import { resourceScope, resourceScopeSql, type ResourceScope } from "@/lib/access/scope";
import { capCount } from "@/lib/db/cap";
import type { ResourceType } from "@/lib/generated/prisma/enums";
import { adminTopIds, topsWhere } from "./queries";

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
    // An admin's tops through the tops index (adminTopIds: on a managed service the type is no index condition
    // under the policies, and the first page walked the catalog's 30,005 roots).
    const adminTops = scope.roots === null ? [{ id: { in: await adminTopIds(tx, TREE_TYPES, TREE_CHILDREN_MAX) } }] : [];
    const tops = await tx.resource.findMany({
      where: { AND: [topsWhere(viewer, scope), { type: { in: TREE_TYPES } }, ...adminTops] },
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

type Row = { id: string; type: ResourceType; name: string };

/**
 * A level of the tree at once: the rows' counts and numbers of tree children, then the first children of the open
 * ones, two statements for the whole level (one per open node made the guest's catalog page ~1 s at
 * 1,000,000 resources: bench/README.md, "Catalog and resource pages (session 7)"), then the next level the same way.
 */
async function expand(tx: Tx, scope: ResourceScope, rows: Row[], open: Set<string>, depth: number): Promise<TreeNode[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  // Visible descendants of each node (removed ones aside), stopped at the cap, and its visible tree children, by
  // app_tree_counts (migration 20261206101100): index-only walks (the path's btree range, the parentId-and-type
  // index) under the session's own visibility rule, the policy's. Every descendant of a visible node is visible,
  // so it counts what the viewer could count; a node out of the viewer's sight gets no row, so no count.
  const counted = await tx.$queryRaw<{ id: string; n: bigint; kids: bigint }[]>(
    Prisma.sql`SELECT id::text AS id, n, kids FROM app_tree_counts(${ids}::uuid[], ${TREE_COUNT_CAP}::int, (${TREE_TYPES}::text[])::"ResourceType"[])`,
  );
  const byId = new Map(counted.map((c) => [c.id, capCount(Number(c.n), TREE_COUNT_CAP)]));
  const kidCount = new Map(counted.map((c) => [c.id, Number(c.kids)]));
  const openIds = rows.filter((r) => open.has(r.id) && (kidCount.get(r.id) ?? 0) > 0 && depth < 4).map((r) => r.id);
  // The first TREE_CHILDREN_MAX visible tree children of every open node of this level, in one statement (each
  // parent's own index range, in the name order of the parentId index).
  const children = openIds.length
    ? await tx.$queryRaw<(Row & { parentId: string })[]>(Prisma.sql`
        SELECT c.id::text AS id, c.type::text AS type, c.name, c."parentId"::text AS "parentId"
          FROM unnest(${openIds}::uuid[]) WITH ORDINALITY AS p(id, i)
          CROSS JOIN LATERAL (
            SELECT r.id, r.type, r.name, r."parentId" FROM "Resource" r
             WHERE ${resourceScopeSql(scope, "r")} AND r."parentId" = p.id AND r."removedAt" IS NULL
               AND r.type::text = ANY(${TREE_TYPES}::text[])
             ORDER BY r.name, r.id
             LIMIT ${TREE_CHILDREN_MAX}) c
         ORDER BY p.i, c.name, c.id`)
    : [];
  const below = await expand(tx, scope, children.map(({ id, type, name }) => ({ id, type, name })), open, depth + 1);
  const childrenOf = new Map<string, TreeNode[]>();
  children.forEach((c, i) => {
    const list = childrenOf.get(c.parentId) ?? [];
    list.push(below[i]!);
    childrenOf.set(c.parentId, list);
  });
  const openSet = new Set(openIds);
  return rows.map((r) => {
    const n = kidCount.get(r.id) ?? 0;
    const isOpen = openSet.has(r.id);
    const mine = isOpen ? (childrenOf.get(r.id) ?? []) : [];
    const count = byId.get(r.id) ?? { total: 0, capped: false };
    return {
      id: r.id,
      type: r.type,
      name: r.name,
      descendants: count.total,
      descendantsCapped: count.capped,
      expandable: n > 0 && BRANCH_TYPES.has(r.type),
      open: isOpen,
      children: mine,
      more: isOpen ? Math.max(0, n - mine.length) : 0,
    };
  });
}
