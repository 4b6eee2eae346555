import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { ResourceType } from "@/lib/generated/prisma/enums";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { resourceScope } from "@/lib/access/scope";
import { lineageOptionsSchema, type LineageKindName, type LineageOptions } from "./schemas";

export type LineageNode = { id: string; type: ResourceType; name: string; qualifiedName: string };
export type LineageEdgeDto = { from: string; to: string; kind: LineageKindName };
export type Lineage = { nodes: LineageNode[]; edges: LineageEdgeDto[] };

type NodeRow = { id: string; type: ResourceType; name: string; path: string[] };

/**
 * The lineage of one resource as the viewer may see it, or null when the resource is not visible (a 404 that
 * names nothing). The walk itself is scoped in SQL: each step follows only edges whose far end is a resource the
 * viewer can see, so a hidden resource stops the walk there. Nothing is fetched and then filtered, no path through
 * a hidden resource is shortened into an edge, and nothing counts or stands in for what is hidden. The edges
 * returned are every edge between two of the nodes reached (the induced subgraph), under RLS as well
 * (prisma/migrations/*_lineage_rls, *_lineage_edge_paths). lib/policy/lineage.ts states the same as a pure function.
 */
export async function lineageOf(viewer: Viewer, resourceId: string, options: Partial<LineageOptions> = {}): Promise<Lineage | null> {
  const opts = lineageOptionsSchema.parse(options);
  if (!/^[0-9a-f-]{36}$/i.test(resourceId)) return null;
  return withViewer(viewer, (tx) => lineageIn(tx, viewer, resourceId, opts));
}

export async function lineageIn(tx: Tx, viewer: Viewer, resourceId: string, opts: LineageOptions): Promise<Lineage | null> {
  const scope = await resourceScope(tx, viewer);
  const start = await tx.resource.findFirst({ where: { AND: [scope.where, { id: resourceId }] }, select: { id: true, type: true, name: true, path: true } });
  if (!start) return null;
  const ws = viewer.workspaceId;
  const roots = scope.roots; // null: everything (admins)

  // The edges are collected during the walk (each step returns the edges it follows, with the far end's name),
  // so nothing is read twice; only the edges between reached nodes that no step followed are read at the end.
  const nodes = new Map<string, NodeRow>([[start.id, start]]);
  const edges = new Map<string, LineageEdgeDto>();
  const expanded = { up: new Set<string>(), down: new Set<string>() }; // nodes whose edges in that direction were all read
  const walk = async (direction: "up" | "down") => {
    const seen = new Set<string>([resourceId]);
    let frontier = [resourceId];
    // "up" follows edges into the frontier back to their sources; "down" follows edges out of it.
    const [here, therePath] = direction === "up" ? ['"toId"', '"fromPath"'] : ['"fromId"', '"toPath"'];
    for (let d = 0; d < opts.depth && frontier.length; d++) {
      for (const id of frontier) expanded[direction].add(id);
      // The edges out of (or into) the frontier whose far end the viewer can see, read from the edge index alone:
      // the far end's path is on the edge row (kept by the database, as the policy uses it). Driving the read from
      // a join on "Resource" let the planner scan every visible resource for a guest instead (bench/README.md).
      // The ids come in through unnest, not `= ANY($2)`: estimating ANY over thousands of ids against the edge
      // columns' statistics cost the planner more (200 ms) than running the query.
      const rows = await jsonRows<LineageEdgeDto>(tx, 
        `SELECT e."fromId" AS "from", e."toId" AS "to", e.kind::text AS kind
           FROM unnest($2::uuid[]) AS f(id)
           JOIN "LineageEdge" e ON e."workspaceId" = $1::uuid AND e.${here} = f.id
          WHERE ($3::uuid[] IS NULL OR e.${therePath} && $3::uuid[])`,
        ws,
        frontier,
        roots,
      );
      // The far ends not met yet, in one read by id under the same scope; one that does not come back has been
      // removed from the catalog, and so is not a node and its edges are not followed.
      const far = (r: LineageEdgeDto) => (direction === "up" ? r.from : r.to);
      const fresh = [...new Set(rows.map(far).filter((id) => !nodes.has(id)))];
      if (fresh.length) {
        const found = await jsonRows<NodeRow>(tx, 
          `SELECT r.id, r.type::text AS type, r.name, r.path FROM "Resource" r
            WHERE r."workspaceId" = $1::uuid AND r.id = ANY($2::uuid[]) AND r."removedAt" IS NULL
              AND ($3::uuid[] IS NULL OR r.path && $3::uuid[])`,
          ws,
          fresh,
          roots,
        );
        for (const n of found) nodes.set(n.id, n);
      }
      const next: string[] = [];
      for (const r of rows) {
        const id = far(r);
        if (!nodes.has(id)) continue;
        edges.set(`${r.from}>${r.to}>${r.kind}`, r);
        if (!seen.has(id)) {
          seen.add(id);
          next.push(id);
        }
      }
      frontier = next;
    }
  };
  if (opts.direction !== "down") await walk("up");
  if (opts.direction !== "up") await walk("down");

  // An edge between two reached nodes that no step followed: its source's outgoing edges were not read (it was
  // not expanded downstream) and its target's incoming ones neither. Read those in one statement, driven by the
  // smaller side.
  const ids = [...nodes.keys()];
  const sources = ids.filter((id) => !expanded.down.has(id));
  const targets = ids.filter((id) => !expanded.up.has(id));
  if (sources.length && targets.length && ids.length > 1) {
    const [drive, other, driveCol, otherCol] =
      sources.length <= targets.length ? [sources, targets, '"fromId"', '"toId"'] : [targets, sources, '"toId"', '"fromId"'];
    const rest = await jsonRows<LineageEdgeDto>(tx, 
      `SELECT e."fromId" AS "from", e."toId" AS "to", e.kind::text AS kind
         FROM unnest($2::uuid[]) AS d(id)
         JOIN "LineageEdge" e ON e."workspaceId" = $1::uuid AND e.${driveCol} = d.id
         JOIN unnest($3::uuid[]) AS o(id) ON o.id = e.${otherCol}`,
      ws,
      drive,
      other,
    );
    for (const e of rest) edges.set(`${e.from}>${e.to}>${e.kind}`, e);
  }
  const sorted = [...edges.values()].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind));
  return { nodes: await describeNodes(tx, ws, roots, [...nodes.values()]), edges: sorted };
}

/**
 * A read whose rows come back as one JSON text, parsed here: thousands of rows cost Prisma's raw-result decoding
 * more than the database took to find them (bench/README.md).
 */
async function jsonRows<T>(tx: Tx, sql: string, ...params: unknown[]): Promise<T[]> {
  const [row] = await tx.$queryRawUnsafe<{ j: string }[]>(`SELECT coalesce(json_agg(q), '[]')::text AS j FROM (${sql}) q`, ...params);
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
