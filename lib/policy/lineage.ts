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
