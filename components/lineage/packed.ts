// The lineage as the resource page hands it to the browser. RSC props are JSON inside the HTML (escaped once more in
// its inline scripts): 4,878 edges as `{ from, to, kind }` objects, each naming two UUIDs, made ~840 kB of the admin's
// 1.7 MB document at 1M resources (bench/README.md, #18's third pass). Packed, each node is one tuple and each edge
// three small integers (the ends' positions in the node list and the kind's in `kinds`): the same graph, nothing
// added, about a tenth of the bytes. Pure functions, used on both sides.

export type PanelNode = { id: string; type: string; name: string; qualifiedName: string };
export type PanelEdge = { from: string; to: string; kind: string };

export type PackedLineage = {
  /** [id, type, name, qualifiedName] per node, in the order the server gave them. */
  nodes: [string, string, string, string][];
  /** The edge kinds that occur, once each. */
  kinds: string[];
  /** Three integers per edge: from (index in `nodes`), to (index in `nodes`), kind (index in `kinds`). */
  edges: number[];
};

export function packLineage(nodes: readonly PanelNode[], edges: readonly PanelEdge[]): PackedLineage {
  const at = new Map(nodes.map((n, i) => [n.id, i]));
  const kinds: string[] = [];
  const kindAt = new Map<string, number>();
  const flat: number[] = [];
  for (const e of edges) {
    const f = at.get(e.from);
    const t = at.get(e.to);
    // An edge always joins two nodes of the same lineage (lib/lineage: induced on the nodes it returns).
    if (f === undefined || t === undefined) throw new Error("packLineage: an edge whose end is not among the nodes");
    let k = kindAt.get(e.kind);
    if (k === undefined) kindAt.set(e.kind, (k = kinds.push(e.kind) - 1));
    flat.push(f, t, k);
  }
  return { nodes: nodes.map((n) => [n.id, n.type, n.name, n.qualifiedName]), kinds, edges: flat };
}

export function unpackLineage(p: PackedLineage): { nodes: PanelNode[]; edges: PanelEdge[] } {
  const nodes = p.nodes.map(([id, type, name, qualifiedName]) => ({ id, type, name, qualifiedName }));
  const edges: PanelEdge[] = new Array(p.edges.length / 3);
  for (let i = 0, j = 0; i < p.edges.length; i += 3, j++) {
    edges[j] = { from: nodes[p.edges[i]!]!.id, to: nodes[p.edges[i + 1]!]!.id, kind: p.kinds[p.edges[i + 2]!]! };
  }
  return { nodes, edges };
}
