// Positions for a lineage graph, left (upstream) to right (downstream). Small graphs get dagre's layered layout
// (fewer crossings); large ones a linear-time layering by distance from the start, so that a 10,000-edge
// neighbourhood still draws in well under a second.
import dagre from "@dagrejs/dagre";

export type LayoutNode = { id: string };
export type LayoutEdge = { from: string; to: string };
export type Positioned = Map<string, { x: number; y: number }>;

export const NODE_W = 220;
export const NODE_H = 52;
const DAGRE_LIMIT = 300;

export function layoutLineage(nodes: LayoutNode[], edges: LayoutEdge[], startId: string): Positioned {
  return nodes.length <= DAGRE_LIMIT ? dagreLayout(nodes, edges) : layerLayout(nodes, edges, startId);
}

function dagreLayout(nodes: LayoutNode[], edges: LayoutEdge[]): Positioned {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 90, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  for (const e of edges) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const out: Positioned = new Map();
  for (const n of nodes) {
    const p = g.node(n.id);
    out.set(n.id, { x: p.x - NODE_W / 2, y: p.y - NODE_H / 2 });
  }
  return out;
}

/** Column = signed distance from the start (upstream negative), row = order of discovery within the column. */
function layerLayout(nodes: LayoutNode[], edges: LayoutEdge[], startId: string): Positioned {
  const out = new Map<string, number>([[startId, 0]]);
  const ins = new Map<string, string[]>();
  const outs = new Map<string, string[]>();
  for (const e of edges) {
    (outs.get(e.from) ?? outs.set(e.from, []).get(e.from)!).push(e.to);
    (ins.get(e.to) ?? ins.set(e.to, []).get(e.to)!).push(e.from);
  }
  for (const [adj, sign] of [[outs, 1], [ins, -1]] as const) {
    let frontier = [startId];
    for (let d = 1; frontier.length; d++) {
      const next: string[] = [];
      for (const id of frontier) for (const n of adj.get(id) ?? []) if (!out.has(n)) {
        out.set(n, sign * d);
        next.push(n);
      }
      frontier = next;
    }
  }
  const rows = new Map<number, number>();
  const pos: Positioned = new Map();
  for (const n of nodes) {
    const col = out.get(n.id) ?? 0;
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    pos.set(n.id, { x: col * (NODE_W + 90), y: row * (NODE_H + 18) });
  }
  return pos;
}
