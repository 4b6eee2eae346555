// components/lineage/packed.ts: the resource page sends the lineage packed (node tuples, edges as index triples);
// the panel must get back exactly the nodes and edges lib/lineage returned, in order, and nothing else.
import { describe, expect, it } from "vitest";
import { packLineage, unpackLineage } from "@/components/lineage/packed";

const node = (i: number) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, type: i % 2 ? "VIEW" : "TABLE", name: `t${i}`, qualifiedName: `db.s.t${i}` });

describe("packLineage / unpackLineage", () => {
  it("round-trips nodes and edges in order, kinds included", () => {
    const nodes = Array.from({ length: 40 }, (_, i) => node(i));
    const kinds = ["view", "dbt", "bi", "manual"];
    const edges = Array.from({ length: 300 }, (_, i) => ({ from: nodes[(i * 7) % 40]!.id, to: nodes[(i * 13 + 1) % 40]!.id, kind: kinds[i % 4]! }));
    const packed = packLineage(nodes, edges);
    expect(packed.edges).toHaveLength(900);
    expect(packed.kinds.sort()).toEqual([...kinds].sort());
    expect(unpackLineage(JSON.parse(JSON.stringify(packLineage(nodes, edges))))).toEqual({ nodes, edges });
  });

  it("holds only what it was given: no id, name or kind beyond the nodes and edges", () => {
    const nodes = [node(1), node(2)];
    const packed = packLineage(nodes, [{ from: nodes[0]!.id, to: nodes[1]!.id, kind: "view" }]);
    expect(packed).toEqual({ nodes: nodes.map((n) => [n.id, n.type, n.name, n.qualifiedName]), kinds: ["view"], edges: [0, 1, 0] });
    expect(unpackLineage(packLineage([], []))).toEqual({ nodes: [], edges: [] });
  });

  it("refuses an edge whose end is not among the nodes (never an id the nodes do not hold)", () => {
    expect(() => packLineage([node(1)], [{ from: node(1).id, to: node(9).id, kind: "view" }])).toThrow(/not among the nodes/);
  });
});
