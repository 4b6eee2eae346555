// components/lineage/layout.ts beyond dagre's size: columns by signed distance from the start, no two nodes on one
// spot, and the same positions for the same graph.
import { describe, expect, it } from "vitest";
import { layoutLineage, NODE_H, NODE_W } from "@/components/lineage/layout";

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
    const col = (id: string) => Math.round(pos.get(id)!.x / (NODE_W + 90));
    expect(col("s")).toBe(0);
    expect(col("n0")).toBe(1);
    expect(col("n7")).toBe(1);
    expect(col("n60")).toBe(2);
    expect(col("n120")).toBe(-1);
    const spots = new Set([...pos.values()].map((p) => `${p.x}/${Math.round(p.y / (NODE_H + 18))}`));
    expect(spots.size).toBe(nodes.length);
    expect(layoutLineage(nodes, edges, "s")).toEqual(pos);
  });
});
