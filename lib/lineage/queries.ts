import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { ResourceType } from "@/lib/generated/prisma/enums";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { resourceScope } from "@/lib/access/scope";
import { lineageOptionsSchema, type LineageKindName, type LineageOptions } from "./schemas";

export type LineageNode = { id: string; type: ResourceType; name: string; qualifiedName: string };
export type LineageEdgeDto = { from: string; to: string; kind: LineageKindName };
/**
 * `truncated` (on a capped view only, one asked with `limit`): the walk stopped at the cap — more resources the
 * viewer can see lie within this depth and direction. It counts and marks nothing hidden: only visible resources
 * fill the cap.
 */
export type Lineage = { nodes: LineageNode[]; edges: LineageEdgeDto[]; truncated?: boolean };

type NodeRow = { id: string; type: ResourceType; name: string; path: string[] };

/** What one view of the lineage on a resource page sends and draws: the nearest resources, at most this many. */
export const LINEAGE_VIEW_LIMIT = 500;

/**
 * The lineage of one resource as the viewer may see it, or null when the resource is not visible (a 404 that
 * names nothing). The walk itself is scoped in SQL: each step follows only edges whose far end is a resource the
 * viewer can see, so a hidden resource stops the walk there. Nothing is fetched and then filtered, no path through
 * a hidden resource is shortened into an edge, and nothing counts or stands in for what is hidden. The edges
 * returned are every edge between two of the nodes reached (the induced subgraph), under RLS as well
 * (prisma/migrations/*_lineage_rls, *_lineage_edge_paths). lib/policy/lineage.ts states the same as a pure function.
 *
 * `limit` caps the view to the nearest resources of the viewer's own lineage: by distance from the start (the
 * shorter of the upstream and downstream walks), ties by id, so the same view always shows the same nodes, and
 * the edges are those induced on them. The walk stops at the level that fills the cap, so its work is bounded by
 * the cap rather than by the neighbourhood (lib/policy's nearestLineage states it).
 */
export async function lineageOf(
  viewer: Viewer,
  resourceId: string,
  options: Partial<LineageOptions> & { limit?: number } = {},
): Promise<Lineage | null> {
  const { limit, ...rest } = options;
  const opts = lineageOptionsSchema.parse(rest);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) throw new Error("limit is a whole number of at least 1");
  if (!/^[0-9a-f-]{36}$/i.test(resourceId)) return null;
  return withViewer(viewer, (tx) => lineageIn(tx, viewer, resourceId, opts, limit ?? Infinity));
}

export async function lineageIn(tx: Tx, viewer: Viewer, resourceId: string, opts: LineageOptions, limit = Infinity): Promise<Lineage | null> {
  const scope = await resourceScope(tx, viewer);
  const start = await tx.resource.findFirst({ where: { AND: [scope.where, { id: resourceId }] }, select: { id: true, type: true, name: true, path: true } });
  if (!start) return null;
  const ws = viewer.workspaceId;
  const roots = scope.roots; // null: everything (admins)

  // The walk reads, level by level, only the far ends it has not met yet (ids, not edges: in a dense
  // neighbourhood most edges lead back to nodes already reached, and shipping them at every level cost more than
  // the walk); the edges are read once at the end, every edge between two reached nodes (the induced subgraph).
  // Upstream and downstream are walked separately ("both" does not turn around midway) but level by level
  // together, so that a level's new nodes are the ones at that distance from the start, whichever way they were
  // reached.
  const nodes = new Map<string, NodeRow>([[start.id, start]]);
  const walks = (["up", "down"] as const)
    .filter((d) => opts.direction === "both" || opts.direction === d)
    .map((direction) => ({ direction, seen: new Set<string>([resourceId]), frontier: [resourceId] }));
  let truncated = false;
  for (let d = 0; d < opts.depth && !truncated && walks.some((w) => w.frontier.length); d++) {
    const met: { walk: (typeof walks)[number]; ids: string[] }[] = [];
    for (const walk of walks) {
      if (!walk.frontier.length) continue;
      // "up" follows edges into the frontier back to their sources; "down" follows edges out of it.
      const [here, there, therePath] = walk.direction === "up" ? ['"toId"', '"fromId"', '"fromPath"'] : ['"fromId"', '"toId"', '"toPath"'];
      // The far ends the viewer can see, read from the edge index alone: the far end's path is on the edge row
      // (kept by the database, as the policy uses it). Driving the read from a join on "Resource" let the planner
      // scan every visible resource for a guest instead (bench/README.md). The ids come in through unnest, not
      // `= ANY($2)`: estimating ANY over thousands of ids against the edge columns' statistics cost the planner
      // more (200 ms) than running the query.
      const ids = await jsonValues<string>(tx,
        `SELECT DISTINCT e.${there} AS v FROM unnest($2::uuid[]) AS f(id)
           JOIN "LineageEdge" e ON e."workspaceId" = $1::uuid AND e.${here} = f.id
           LEFT JOIN unnest($4::uuid[]) AS s(id) ON s.id = e.${there}
          WHERE s.id IS NULL AND ($3::uuid[] IS NULL OR e.${therePath} && $3::uuid[])`,
        ws,
        walk.frontier,
        roots,
        [...walk.seen],
      );
      met.push({ walk, ids });
    }
    // The far ends not reached yet, nearest first by id; named under the same scope in reads by id, no more than
    // the cap has room for (and one more, to know whether the view is cut). One that does not come back has been
    // removed from the catalog, and so is not a node and its edges are not followed.
    const fresh = [...new Set(met.flatMap((m) => m.ids.filter((id) => !nodes.has(id))))].sort(cmp);
    const room = limit - nodes.size;
    const found: NodeRow[] = [];
    for (let i = 0; i < fresh.length && found.length <= room; ) {
      const take = Number.isFinite(room) ? room + 1 - found.length : fresh.length;
      const ids = fresh.slice(i, i + take);
      i += ids.length;
      found.push(
        ...(await jsonRows<NodeRow>(tx,
          `SELECT r.id, r.type::text AS type, r.name, r.path FROM "Resource" r
            WHERE r."workspaceId" = $1::uuid AND r.id = ANY($2::uuid[]) AND r."removedAt" IS NULL
              AND ($3::uuid[] IS NULL OR r.path && $3::uuid[])`,
          ws,
          ids,
          roots,
        )).sort((a, b) => cmp(a.id, b.id)),
      );
    }
    if (found.length > room) truncated = true;
    for (const n of found.slice(0, room)) nodes.set(n.id, n);
    for (const { walk, ids } of met) {
      walk.frontier = ids.filter((id) => nodes.has(id));
      for (const id of walk.frontier) walk.seen.add(id);
    }
  }

  // Every edge between two reached nodes, in one read driven by the sources' edge index; both ends are nodes the
  // viewer can see, and RLS checks each row again. Each row comes back as [from, to, kind] with the ends as their
  // places in the list sent (ordinality): a tenth of the bytes of two ids as text, for thousands of edges.
  const ids = [...nodes.keys()];
  const rows =
    ids.length > 1
      ? await jsonValues<[number, number, LineageKindName]>(tx,
          `SELECT json_build_array(d.n, o.n, e.kind) AS v FROM unnest($2::uuid[]) WITH ORDINALITY AS d(id, n)
             JOIN "LineageEdge" e ON e."workspaceId" = $1::uuid AND e."fromId" = d.id
             JOIN unnest($2::uuid[]) WITH ORDINALITY AS o(id, n) ON o.id = e."toId"`,
          ws,
          ids,
        )
      : [];
  const edges: LineageEdgeDto[] = rows.map(([from, to, kind]) => ({ from: ids[from - 1], to: ids[to - 1], kind }));
  edges.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind));
  return { nodes: await describeNodes(tx, ws, roots, [...nodes.values()]), edges, ...(Number.isFinite(limit) ? { truncated } : {}) };
}

/**
 * A read whose rows come back as one JSON text, parsed here: thousands of rows cost Prisma's raw-result decoding
 * more than the database took to find them (bench/README.md).
 */
async function jsonRows<T>(tx: Tx, sql: string, ...params: unknown[]): Promise<T[]> {
  const [row] = await tx.$queryRawUnsafe<{ j: string }[]>(`SELECT coalesce(json_agg(q), '[]')::text AS j FROM (${sql}) q`, ...params);
  return JSON.parse(row.j) as T[];
}

/** The same for a read of one column named `v`: its values (an id, or a row built as an array). */
async function jsonValues<T>(tx: Tx, sql: string, ...params: unknown[]): Promise<T[]> {
  const [row] = await tx.$queryRawUnsafe<{ j: string }[]>(`SELECT coalesce(json_agg(q.v), '[]')::text AS j FROM (${sql}) q`, ...params);
  return JSON.parse(row.j) as T[];
}

// localeCompare's order, without building a collator per call (thousands of nodes: tens of milliseconds).
const collator = new Intl.Collator();
// The order the database gave before (ORDER BY on uuid and text columns in the C collation of ids and kinds).
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Names for the nodes. The qualified name is built from the visible ancestors below the database (schema.table,
 * schema.table.column), so it never names an ancestor the viewer cannot see, and reads the same for everyone who
 * can see the schema.
 */
async function describeNodes(tx: Tx, ws: string, roots: string[] | null, rows: NodeRow[]): Promise<LineageNode[]> {
  const ancestorIds = [...new Set(rows.flatMap((r) => r.path.slice(0, -1)))];
  const ancestors = ancestorIds.length
    ? await jsonRows<{ id: string; type: ResourceType; name: string }>(tx, 
        `SELECT r.id, r.type::text AS type, r.name FROM "Resource" r
          WHERE r."workspaceId" = $1::uuid AND r.id = ANY($2::uuid[]) AND ($3::uuid[] IS NULL OR r.path && $3::uuid[])`,
        ws,
        ancestorIds,
        roots,
      )
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
    .sort((a, b) => collator.compare(a.qualifiedName, b.qualifiedName) || collator.compare(a.id, b.id));
}
