// The viewport a lineage graph opens with, from its layout and the pane's size (components/lineage/lineage-panel.tsx
// draws the first frame at it instead of calling xyflow's fitView once the flow has mounted).
import { getViewportForBounds, type Viewport } from "@xyflow/react";
import { NODE_H, NODE_W, type Positioned } from "./layout";

// A large graph opens on its start at a readable zoom (only what lies in the viewport is drawn: a few dozen nodes,
// where fitting all 500 drew every one of them and took seconds); the fit button shows the whole.
export const FOCUS_START_BEYOND = 100;
export const START_ZOOM = 0.6;
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2;

/**
 * The viewport the graph opens with, computed from the layout and the pane's size as xyflow's fitView would (the
 * same bounds, zoom limits and 10% padding), so that the first frame is already fitted: fitView waits for xyflow to
 * mount, measure and store its pan-zoom, then moves the viewport (another render and paint).
 */
export function initialViewport(pos: Positioned, startId: string, width: number, height: number): Viewport {
  const start = pos.get(startId);
  if (pos.size > FOCUS_START_BEYOND && start) {
    return getViewportForBounds({ x: start.x, y: start.y, width: NODE_W, height: NODE_H }, width, height, START_ZOOM, START_ZOOM, 0.1);
  }
  if (!pos.size) return { x: 0, y: 0, zoom: 1 };
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of pos.values()) {
    x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + NODE_W); y1 = Math.max(y1, p.y + NODE_H);
  }
  return getViewportForBounds({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, width, height, MIN_ZOOM, MAX_ZOOM, 0.1);
}
