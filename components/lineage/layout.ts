// Positions for a lineage graph, left (upstream) to right (downstream). Small graphs get dagre's layered layout
// (fewer crossings); anything larger a linear-time layering by distance from the start: dagre took 0.5 s for 150
// nodes and 270 edges and 1.4 s for 300 and 450 in Node on this machine, too slow for a graph drawn in a second.
import dagre from "@dagrejs/dagre";

export type LayoutNode = { id: string };
export type LayoutEdge = { from: string; to: string };
export type Positioned = Map<string, { x: number; y: number }>;

export const NODE_W = 220;
export const NODE_H = 52;
const DAGRE_NODES = 100;
const DAGRE_EDGES = 200;
const ROWS = 30;

export function layoutLineage(nodes: LayoutNode[], edges: LayoutEdge[], startId: string): Positioned {
  return nodes.length <= DAGRE_NODES && edges.length <= DAGRE_EDGES ? dagreLayout(nodes, edges) : layerLayout(nodes, edges, startId);
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

/**
 * Column = signed distance from the start (upstream negative). Rows: the columns are ordered outwards from the
 * start, each node placed by the mean row of its neighbours in the column nearer the start (one barycentre pass,
 * ties by the given order), which keeps most edges short without dagre's cost. O(nodes + edges log).
 */
function layerLayout(nodes: LayoutNode[], edges: LayoutEdge[], startId: string): Positioned {
  const colOf = new Map<string, number>([[startId, 0]]);
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
      for (const id of frontier) for (const n of adj.get(id) ?? []) if (!colOf.has(n)) {
        colOf.set(n, sign * d);
        next.push(n);
      }
      frontier = next;
    }
  }
  const columns = new Map<number, string[]>();
  for (const n of nodes) {
    const c = colOf.get(n.id) ?? 0;
    (columns.get(c) ?? columns.set(c, []).get(c)!).push(n.id);
  }
  const row = new Map<string, number>();
  const cols = [...columns.keys()].sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
  for (const c of cols) {
    const ids = columns.get(c)!;
    const inner = c > 0 ? c - 1 : c + 1;
    const bary = new Map<string, number>();
    ids.forEach((id, i) => {
      if (c === 0) return void bary.set(id, i);
      const near = [...(ins.get(id) ?? []), ...(outs.get(id) ?? [])].filter((n) => colOf.get(n) === inner && row.has(n));
      bary.set(id, near.length ? near.reduce((s, n) => s + row.get(n)!, 0) / near.length : Infinity);
    });
    const order = ids.map((id, i) => ({ id, i, b: bary.get(id)! })).sort((x, y) => x.b - y.b || x.i - y.i);
    // Centre each column on the start's row so the drawing reads outwards from it.
    const offset = (order.length - 1) / 2;
    order.forEach((o, r) => row.set(o.id, r - offset));
  }
  // A column taller than ROWS nodes is folded into side-by-side sub-columns within its distance's band, so that a
  // level of 400 nodes reads as a block rather than a thread (fitView would shrink a single column to nothing).
  const pos: Positioned = new Map();
  let x = 0;
  for (const c of [...columns.keys()].sort((a, b) => a - b)) {
    const ids = [...columns.get(c)!].sort((a, b) => row.get(a)! - row.get(b)!);
    const subs = Math.ceil(ids.length / ROWS);
    const per = Math.ceil(ids.length / subs);
    ids.forEach((id, i) => pos.set(id, { x: x + Math.floor(i / per) * (NODE_W + 30), y: ((i % per) - (Math.min(per, ids.length) - 1) / 2) * (NODE_H + 18) }));
    x += subs * (NODE_W + 30) + 60;
  }
  return pos;
}
