import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { ResourceType } from "@/lib/generated/prisma/enums";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { resourceScope } from "@/lib/access/scope";
import { lineageOptionsSchema, type LineageKindName, type LineageOptions } from "./schemas";

export type LineageNode = { id: string; type: ResourceType; name: string; qualifiedName: string };
export type LineageEdgeDto = { from: string; to: string; kind: LineageKindName };
export type Lineage = { nodes: LineageNode[]; edges: LineageEdgeDto[] };

type Step = { id: string };

/**
 * The lineage of one resource as the viewer may see it, or null when the resource is not visible (a 404 that
 * names nothing). The walk itself is scoped in SQL: each step follows only edges whose far end is a resource the
 * viewer can see, so a hidden resource stops the walk there. Nothing is fetched and then filtered, no path through
 * a hidden resource is shortened into an edge, and nothing counts or stands in for what is hidden. The edges
 * returned are every edge between two of the nodes reached (the induced subgraph), under RLS as well
 * (prisma/migrations/*_lineage_rls). lib/policy/lineage.ts states the same as a pure function.
 */
export async function lineageOf(viewer: Viewer, resourceId: string, options: Partial<LineageOptions> = {}): Promise<Lineage | null> {
  const opts = lineageOptionsSchema.parse(options);
  if (!/^[0-9a-f-]{36}$/i.test(resourceId)) return null;
  return withViewer(viewer, (tx) => lineageIn(tx, viewer, resourceId, opts));
}

export async function lineageIn(tx: Tx, viewer: Viewer, resourceId: string, opts: LineageOptions): Promise<Lineage | null> {
  const scope = await resourceScope(tx, viewer);
  const start = await tx.resource.findFirst({ where: { AND: [scope.where, { id: resourceId }] }, select: { id: true } });
  if (!start) return null;
  const ws = viewer.workspaceId;
  const roots = scope.roots; // null: everything (admins)

  const reached = new Set<string>([resourceId]);
  const walk = async (direction: "up" | "down") => {
    const seen = new Set<string>([resourceId]);
    let frontier = [resourceId];
    // "up" follows edges into the frontier back to their sources; "down" follows edges out of it.
    const [here, there] = direction === "up" ? ['"toId"', '"fromId"'] : ['"fromId"', '"toId"'];
    for (let d = 0; d < opts.depth && frontier.length; d++) {
      // What was seen already is dropped here rather than in SQL: `NOT (id = ANY(seen))` compares every row with
      // the whole array, which at thousands of nodes cost more than the walk itself (bench/README.md).
      const rows = await tx.$queryRawUnsafe<Step[]>(
        `SELECT DISTINCT e.${there} AS id
           FROM "LineageEdge" e
           JOIN "Resource" r ON r."workspaceId" = e."workspaceId" AND r.id = e.${there}
          WHERE e."workspaceId" = $1::uuid AND e.${here} = ANY($2::uuid[])
            AND r."removedAt" IS NULL AND ($3::uuid[] IS NULL OR r.path && $3::uuid[])`,
        ws,
        frontier,
        roots,
      );
      frontier = rows.map((r) => r.id).filter((id) => !seen.has(id));
      for (const id of frontier) seen.add(id);
    }
    for (const id of seen) reached.add(id);
  };
  if (opts.direction !== "down") await walk("up");
  if (opts.direction !== "up") await walk("down");

  const ids = [...reached];
  const edges = await tx.$queryRawUnsafe<{ from: string; to: string; kind: LineageKindName }[]>(
    `SELECT e."fromId" AS "from", e."toId" AS "to", e.kind::text AS kind
       FROM "LineageEdge" e
      WHERE e."workspaceId" = $1::uuid AND e."fromId" = ANY($2::uuid[]) AND e."toId" = ANY($2::uuid[])
      ORDER BY 1, 2, 3`,
    ws,
    ids,
  );
  return { nodes: await describeNodes(tx, scope.where, ids), edges };
}

/**
 * Names for the nodes. The qualified name is built from the visible ancestors below the database (schema.table,
 * schema.table.column), so it never names an ancestor the viewer cannot see, and reads the same for everyone who
 * can see the schema.
 */
async function describeNodes(tx: Tx, scopeWhere: object, ids: string[]): Promise<LineageNode[]> {
  const rows = await tx.resource.findMany({
    where: { AND: [scopeWhere, { id: { in: ids } }] },
    select: { id: true, type: true, name: true, path: true },
  });
  const ancestorIds = [...new Set(rows.flatMap((r) => r.path.slice(0, -1)))];
  const ancestors = ancestorIds.length
    ? await tx.resource.findMany({ where: { AND: [scopeWhere, { id: { in: ancestorIds } }] }, select: { id: true, type: true, name: true } })
    : [];
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  return rows
    .map((r) => {
      const names = r.path
        .slice(0, -1)
        .flatMap((a) => {
          const x = byId.get(a);
          return x && x.type !== "INTEGRATION" && x.type !== "DATABASE" ? [x.name] : [];
        });
      return { id: r.id, type: r.type, name: r.name, qualifiedName: [...names, r.name].join(".") };
    })
    .sort((a, b) => a.qualifiedName.localeCompare(b.qualifiedName) || a.id.localeCompare(b.id));
}
