// Lineage as a viewer may see it, stated once as a pure function: the induced subgraph on the resources the
// viewer can see, restricted to what is reachable from the start through visible resources only. A hidden
// resource is absent, so a path through it is broken there: it is never shortened into a direct edge, and
// nothing (a placeholder, a count) stands in for it. lib/lineage/queries.ts is tested against this.
import { visibleResourceIds } from "./visibility";
import type { PolicyViewer, PolicyWorkspace } from "./types";

export type LineageDirection = "up" | "down" | "both";
export type PolicyEdge = { from: string; to: string; kind: string };

export function lineageSubgraph(
  ws: PolicyWorkspace,
  viewer: PolicyViewer,
  edges: PolicyEdge[],
  start: string,
  opts: { direction: LineageDirection; depth: number },
): { nodes: string[]; edges: PolicyEdge[] } | null {
  const visible = visibleResourceIds(ws, viewer);
  if (!visible.has(start)) return null;
  const seen = new Set([start]);
  const walk = (next: (e: PolicyEdge) => [string, string]) => {
    let frontier = new Set([start]);
    for (let d = 0; d < opts.depth && frontier.size; d++) {
      const out = new Set<string>();
      for (const e of edges) {
        const [here, there] = next(e);
        if (frontier.has(here) && visible.has(there) && !seen.has(there)) out.add(there);
      }
      for (const id of out) seen.add(id);
      frontier = out;
    }
  };
  // Upstream and downstream are walked separately: "both" is not a walk that may turn around midway.
  const up = new Set<string>();
  const down = new Set<string>();
  if (opts.direction !== "down") {
    walk((e) => [e.to, e.from]);
    for (const id of seen) up.add(id);
    seen.clear();
    seen.add(start);
  }
  if (opts.direction !== "up") {
    walk((e) => [e.from, e.to]);
    for (const id of seen) down.add(id);
  }
  const nodes = new Set([start, ...up, ...down]);
  return { nodes: [...nodes], edges: edges.filter((e) => nodes.has(e.from) && nodes.has(e.to)) };
}

/**
 * A capped view of the same lineage: its `limit` nearest nodes — by distance from the start (the shorter of the
 * upstream and downstream walks, each through visible resources only), ties by id — and the edges induced on
 * them. `truncated` says the full lineage holds more nodes than the cap; like the full lineage it is computed from
 * visible resources only, so it says nothing of what is hidden.
 */
export function nearestLineage(
  ws: PolicyWorkspace,
  viewer: PolicyViewer,
  edges: PolicyEdge[],
  start: string,
  opts: { direction: LineageDirection; depth: number },
  limit: number,
): { nodes: string[]; edges: PolicyEdge[]; truncated: boolean } | null {
  const full = lineageSubgraph(ws, viewer, edges, start, opts);
  if (!full) return null;
  const inFull = new Set(full.nodes);
  const distance = new Map<string, number>([[start, 0]]);
  const bfs = (next: (e: PolicyEdge) => [string, string]) => {
    const seen = new Map<string, number>([[start, 0]]);
    let frontier = [start];
    for (let d = 1; d <= opts.depth && frontier.length; d++) {
      const out: string[] = [];
      for (const e of edges) {
        const [here, there] = next(e);
        if (frontier.includes(here) && inFull.has(there) && !seen.has(there)) {
          seen.set(there, d);
          out.push(there);
        }
      }
      frontier = out;
    }
    for (const [id, d] of seen) distance.set(id, Math.min(d, distance.get(id) ?? Infinity));
  };
  if (opts.direction !== "down") bfs((e) => [e.to, e.from]);
  if (opts.direction !== "up") bfs((e) => [e.from, e.to]);
  const order = [...full.nodes].sort((a, b) => distance.get(a)! - distance.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  const kept = new Set(order.slice(0, limit));
  return { nodes: [...kept], edges: full.edges.filter((e) => kept.has(e.from) && kept.has(e.to)), truncated: order.length > limit };
}
