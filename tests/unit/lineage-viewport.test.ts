// components/lineage/viewport.ts: the viewport the graph's first frame is drawn at, in place of xyflow's fitView once
// mounted: a small graph fits whole inside the pane (centred, with its padding), a large one opens on its start.
import { describe, expect, it } from "vitest";
import { layoutLineage, NODE_H, NODE_W } from "@/components/lineage/layout";
import { initialViewport, START_ZOOM } from "@/components/lineage/viewport";

const W = 900;
const H = 448;
const onScreen = (p: { x: number; y: number }, v: { x: number; y: number; zoom: number }) => ({ x: p.x * v.zoom + v.x, y: p.y * v.zoom + v.y });

describe("initialViewport", () => {
  it("fits a small graph whole, centred, with 10% padding on its tighter side", () => {
    const nodes = ["s", "a", "b", "c", "d"].map((id) => ({ id }));
    const edges = [{ from: "s", to: "a" }, { from: "a", to: "b" }, { from: "c", to: "s" }, { from: "s", to: "d" }];
    const pos = layoutLineage(nodes, edges, "s");
    const v = initialViewport(pos, "s", W, H);
    const corners = [...pos.values()].flatMap((p) => [onScreen(p, v), onScreen({ x: p.x + NODE_W, y: p.y + NODE_H }, v)]);
    const [x0, x1] = [Math.min(...corners.map((c) => c.x)), Math.max(...corners.map((c) => c.x))];
    const [y0, y1] = [Math.min(...corners.map((c) => c.y)), Math.max(...corners.map((c) => c.y))];
    expect(x0).toBeGreaterThanOrEqual(0);
    expect(y0).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(W);
    expect(y1).toBeLessThanOrEqual(H);
    expect((x0 + x1) / 2).toBeCloseTo(W / 2, 0);
    expect((y0 + y1) / 2).toBeCloseTo(H / 2, 0);
    // Tight on one side: the drawing fills the pane but for the padding (xyflow's fitView default, 0.1).
    expect(Math.max((x1 - x0) / W, (y1 - y0) / H)).toBeGreaterThan(0.85);
  });

  it("opens a graph of more than 100 nodes on its start, centred, at the reading zoom", () => {
    const nodes = [{ id: "s" }, ...Array.from({ length: 150 }, (_, i) => ({ id: `n${i}` }))];
    const edges = Array.from({ length: 150 }, (_, i) => (i % 2 ? { from: "s", to: `n${i}` } : { from: `n${i}`, to: "s" }));
    const pos = layoutLineage(nodes, edges, "s");
    const v = initialViewport(pos, "s", W, H);
    expect(v.zoom).toBe(START_ZOOM);
    const s = pos.get("s")!;
    const c = onScreen({ x: s.x + NODE_W / 2, y: s.y + NODE_H / 2 }, v);
    expect(c.x).toBeCloseTo(W / 2, 0);
    expect(c.y).toBeCloseTo(H / 2, 0);
  });

  it("an empty layout keeps xyflow's default viewport", () => {
    expect(initialViewport(new Map(), "s", W, H)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
