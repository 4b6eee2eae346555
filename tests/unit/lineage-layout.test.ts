// components/lineage/layout.ts beyond dagre's size: columns by signed distance from the start, no two nodes on one
// spot, and the same positions for the same graph.
import { describe, expect, it } from "vitest";
import { layoutLineage, NODE_H } from "@/components/lineage/layout";

describe("layoutLineage, layered", () => {
  it("puts upstream left and downstream right, one column per distance, without overlaps", () => {
    const nodes = [{ id: "s" }, ...Array.from({ length: 150 }, (_, i) => ({ id: `n${i}` }))];
    // s → n0..n49 (distance 1), n(i) → n(50+i) (distance 2); n100..n149 feed s (upstream, distance 1).
    const edges = [
      ...Array.from({ length: 50 }, (_, i) => ({ from: "s", to: `n${i}` })),
      ...Array.from({ length: 50 }, (_, i) => ({ from: `n${i}`, to: `n${50 + i}` })),
      ...Array.from({ length: 50 }, (_, i) => ({ from: `n${100 + i}`, to: "s" })),
      { from: "n3", to: "n7" },
    ];
    const pos = layoutLineage(nodes, edges, "s");
    const x = (id: string) => pos.get(id)!.x;
    // Bands left to right: upstream (n100..), the start, distance 1 (n0..n49, and n7 though n3 → n7), distance 2.
    const band = (ids: string[]) => [Math.min(...ids.map(x)), Math.max(...ids.map(x))];
    const up = band(Array.from({ length: 50 }, (_, i) => `n${100 + i}`));
    const one = band(Array.from({ length: 50 }, (_, i) => `n${i}`));
    const two = band(Array.from({ length: 50 }, (_, i) => `n${50 + i}`));
    expect(up[1]).toBeLessThan(x("s"));
    expect(x("s")).toBeLessThan(one[0]);
    expect(one[1]).toBeLessThan(two[0]);
    // 50 nodes at one distance fold into two sub-columns of 25 rows.
    expect(new Set(Array.from({ length: 50 }, (_, i) => x(`n${i}`))).size).toBe(2);
    const spots = new Set([...pos.values()].map((p) => `${p.x}/${Math.round(p.y / (NODE_H + 18))}`));
    expect(spots.size).toBe(nodes.length);
    expect(layoutLineage(nodes, edges, "s")).toEqual(pos);
  });
});
