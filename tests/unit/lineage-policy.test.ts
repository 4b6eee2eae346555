// lib/policy/lineage.ts on hand-made cases: what the database's lineage is checked against must itself be right.
import { describe, expect, it } from "vitest";
import { lineageSubgraph, nearestLineage, type PolicyWorkspace } from "@/lib/policy";

// t1 (client team) holds a, b, c; h is in no team; guest u1 is in t1.
const ws: PolicyWorkspace = {
  users: [{ id: "admin", role: "ADMIN", status: "ACTIVE" }, { id: "g", role: "GUEST", status: "ACTIVE" }],
  teams: [{ id: "t0", visibility: "PUBLIC", isDefault: true }, { id: "t1", visibility: "PRIVATE", isDefault: false }],
  teamMembers: [{ teamId: "t1", userId: "g" }],
  groupMembers: [],
  teamGroups: [],
  resources: ["a", "b", "c", "h", "d"].map((id) => ({ id, parentId: null })),
  assignments: ["a", "b", "c", "d"].map((resourceId) => ({ teamId: "t1", resourceId })),
};
// a → b → c, a → h → d, and b → d directly.
const edges = [
  { from: "a", to: "b", kind: "view" },
  { from: "b", to: "c", kind: "view" },
  { from: "a", to: "h", kind: "view" },
  { from: "h", to: "d", kind: "bi" },
  { from: "b", to: "d", kind: "manual" },
];
const guest = { userId: "g", role: "GUEST" };
const admin = { userId: "admin", role: "ADMIN" };
const ids = (r: { nodes: string[] } | null) => r && [...r.nodes].sort();

describe("lineageSubgraph", () => {
  it("walks downstream to the depth asked, through visible resources only", () => {
    expect(ids(lineageSubgraph(ws, guest, edges, "a", { direction: "down", depth: 1 }))).toEqual(["a", "b"]);
    expect(ids(lineageSubgraph(ws, guest, edges, "a", { direction: "down", depth: 2 }))).toEqual(["a", "b", "c", "d"]);
    expect(ids(lineageSubgraph(ws, admin, edges, "a", { direction: "down", depth: 1 }))).toEqual(["a", "b", "h"]);
  });

  it("never shortens a path through a hidden resource", () => {
    const r = lineageSubgraph(ws, guest, edges, "d", { direction: "up", depth: 5 })!;
    expect([...r.nodes].sort()).toEqual(["a", "b", "d"]);
    expect(r.edges).toEqual([{ from: "a", to: "b", kind: "view" }, { from: "b", to: "d", kind: "manual" }]);
    expect(JSON.stringify(r)).not.toContain('"h"');
  });

  it("up and down are separate walks, and a hidden start is null", () => {
    expect(ids(lineageSubgraph(ws, guest, edges, "b", { direction: "up", depth: 5 }))).toEqual(["a", "b"]);
    expect(ids(lineageSubgraph(ws, guest, edges, "b", { direction: "both", depth: 5 }))).toEqual(["a", "b", "c", "d"]);
    expect(lineageSubgraph(ws, guest, edges, "h", { direction: "both", depth: 5 })).toBeNull();
  });
});

describe("nearestLineage", () => {
  it("keeps the nearest by distance, ties by id, the edges induced on them, and never counts a hidden resource", () => {
    // Guest, down from a: b at 1; c and d at 2 (d through b; the path through hidden h does not count).
    expect(nearestLineage(ws, guest, edges, "a", { direction: "down", depth: 3 }, 2)).toEqual({ nodes: ["a", "b"], edges: [edges[0]], truncated: true });
    expect(ids(nearestLineage(ws, guest, edges, "a", { direction: "down", depth: 3 }, 3))).toEqual(["a", "b", "c"]);
    // Four visible nodes fill a cap of four: nothing more (h is not counted).
    expect(nearestLineage(ws, guest, edges, "a", { direction: "down", depth: 3 }, 4)!.truncated).toBe(false);
    // The admin sees h at distance 1: it is nearer than c, and the view of four is cut.
    expect(nearestLineage(ws, admin, edges, "a", { direction: "down", depth: 3 }, 4)).toMatchObject({ truncated: true });
    expect(ids(nearestLineage(ws, admin, edges, "a", { direction: "down", depth: 3 }, 3))).toEqual(["a", "b", "h"]);
    // Both ways: the distance is the shorter walk's.
    expect(ids(nearestLineage(ws, guest, edges, "d", { direction: "both", depth: 3 }, 2))).toEqual(["b", "d"]);
  });
});
