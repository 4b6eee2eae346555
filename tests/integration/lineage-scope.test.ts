// Lineage under the policy, against a real database: for random workspaces and random edge sets, what
// lineageOf returns is exactly lib/policy's induced subgraph (visible nodes reachable through visible nodes,
// every edge between two of them), and raw SQL as the app role sees only edges whose two ends are visible.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { setupTestDb } from "../helpers/db";
import { workspaceArb } from "../helpers/arbitraries";
import { materialize } from "../helpers/materialize";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { lineageSubgraph, nearestLineage, visibleResourceIds, type LineageDirection } from "@/lib/policy";
import { lineageOf } from "@/lib/lineage/queries";

const db = await setupTestDb();
const sorted = (xs: Iterable<string>) => [...xs].sort();
const edgeKey = (e: { from: string; to: string; kind: string }) => `${e.from}>${e.to}:${e.kind}`;
const kinds = ["view", "dbt", "bi", "manual"] as const;

const caseArb = fc.record({
  w: workspaceArb,
  edges: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), kind: fc.constantFrom(...kinds) }), { maxLength: 40 }),
  start: fc.nat(),
  direction: fc.constantFrom<LineageDirection>("up", "down", "both"),
  depth: fc.integer({ min: 1, max: 5 }),
  limit: fc.integer({ min: 1, max: 8 }),
});

/** One Guest (u0) in one client team (t1), beside General (t0): where the hand-made cases below start. */
const oneGuest = {
  users: [{ id: "u0", role: "GUEST", status: "ACTIVE" as const }],
  teams: [{ id: "t0", visibility: "PUBLIC" as const, isDefault: true }, { id: "t1", visibility: "PRIVATE" as const, isDefault: false }],
  groups: [],
  teamMembers: [{ teamId: "t1", userId: "u0" }],
  groupMembers: [],
  teamGroups: [],
};

describe(`lineage scope on ${db.engine}: random workspaces and edges`, () => {
  it("lineageOf is the policy's induced subgraph, for every member and random starts", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ w, edges: raw, start, direction, depth, limit }) => {
        const { mapped, workspaceId } = await materialize(db.conn.prisma, w);
        const rs = mapped.resources;
        if (!rs.length) return;
        const uniq = new Map<string, { from: string; to: string; kind: (typeof kinds)[number] }>();
        for (const e of raw) {
          const from = rs[e.from % rs.length].id;
          const to = rs[e.to % rs.length].id;
          if (from !== to) uniq.set(edgeKey({ from, to, kind: e.kind }), { from, to, kind: e.kind });
        }
        const edges = [...uniq.values()];
        if (edges.length) await db.conn.prisma.lineageEdge.createMany({ data: edges.map((e) => ({ workspaceId, fromId: e.from, toId: e.to, kind: e.kind, source: "test" })) });
        for (const u of mapped.users) {
          const user = await db.conn.prisma.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionVersion: true } });
          const viewer = await resolveViewer(db.conn.prisma, u.id, user.sessionVersion);
          if (!viewer) continue;
          const pv = { userId: u.id, role: u.role };
          // Start from a visible resource when there is one (the interesting case), else from any.
          const visible = [...visibleResourceIds(mapped, pv)].sort();
          const from = visible.length && start % 3 ? visible[start % visible.length] : rs[start % rs.length].id;
          const want = lineageSubgraph(mapped, pv, edges, from, { direction, depth });
          const got = await lineageOf(viewer, from, { direction, depth });
          if (!want) {
            expect(got).toBeNull();
            continue;
          }
          expect(got).not.toBeNull();
          expect(sorted(got!.nodes.map((n) => n.id))).toEqual(sorted(want.nodes));
          expect(sorted(got!.edges.map(edgeKey))).toEqual(sorted(want.edges.map(edgeKey)));
          // The capped view: a subset of the above, the nearest `limit` nodes and the edges induced on them.
          const near = nearestLineage(mapped, pv, edges, from, { direction, depth }, limit)!;
          const capped = (await lineageOf(viewer, from, { direction, depth, limit }))!;
          expect(sorted(capped.nodes.map((n) => n.id))).toEqual(sorted(near.nodes));
          expect(sorted(capped.edges.map(edgeKey))).toEqual(sorted(near.edges.map(edgeKey)));
          expect(capped.truncated).toBe(near.truncated);
          expect(near.nodes.every((n) => want.nodes.includes(n)) && near.nodes.length === Math.min(limit, want.nodes.length)).toBe(true);
          // Row-level security alone: the edges table shows exactly the edges between two visible resources.
          const vis = visibleResourceIds(mapped, pv);
          const rows = await db.sqlAs<{ fromId: string; toId: string; kind: string }>(viewer, `SELECT "fromId", "toId", kind::text FROM "LineageEdge"`);
          expect(sorted(rows.map((r) => edgeKey({ from: r.fromId, to: r.toId, kind: r.kind })))).toEqual(
            sorted(edges.filter((e) => vis.has(e.from) && vis.has(e.to)).map(edgeKey)),
          );
        }
      }),
      { numRuns: 20 },
    );
  });

  it("a path through a hidden resource is not shortened into an edge", async () => {
    // visible A → hidden H → visible B: a guest of A's and B's team sees A and B, and no edge between them.
    const w = {
      ...oneGuest,
      resources: [{ id: "a", parentId: null }, { id: "h", parentId: null }, { id: "b", parentId: null }],
      assignments: [{ teamId: "t1", resourceId: "a" }, { teamId: "t1", resourceId: "b" }],
    };
    const { idOf, workspaceId } = await materialize(db.conn.prisma, w);
    const [a, h, b] = ["a", "h", "b"].map((k) => idOf.get(k)!);
    await db.conn.prisma.lineageEdge.createMany({
      data: [
        { workspaceId, fromId: a, toId: h, kind: "view" },
        { workspaceId, fromId: h, toId: b, kind: "view" },
      ],
    });
    const user = await db.conn.prisma.user.findUniqueOrThrow({ where: { id: idOf.get("u0")! }, select: { id: true, sessionVersion: true } });
    const guest = (await resolveViewer(db.conn.prisma, user.id, user.sessionVersion))!;
    const got = await lineageOf(guest, a, { direction: "both", depth: 5 });
    expect(got).toEqual({ nodes: [expect.objectContaining({ id: a })], edges: [] });
    expect(await lineageOf(guest, h, { direction: "both", depth: 5 })).toBeNull();
    expect(JSON.stringify(await lineageOf(guest, b, { direction: "up", depth: 5 }))).not.toContain(h);
  });
  it("the edges table follows a move: an end moved under a hidden parent takes its edges out of sight, and back", async () => {
    // The policy reads the ends' paths from the edge row (copies kept by triggers): they must follow the resource.
    const w = {
      ...oneGuest,
      resources: [{ id: "s", parentId: null }, { id: "x", parentId: null }, { id: "a", parentId: "s" }, { id: "b", parentId: "s" }, { id: "c", parentId: "b" }],
      assignments: [{ teamId: "t1", resourceId: "s" }],
    };
    const { idOf, workspaceId } = await materialize(db.conn.prisma, w);
    const [s, x, a, b, c] = ["s", "x", "a", "b", "c"].map((k) => idOf.get(k)!);
    // A writer's paths are not taken: the trigger sets them from the resources.
    await db.conn.prisma.lineageEdge.createMany({
      data: [
        { workspaceId, fromId: a, toId: b, kind: "view", fromPath: [workspaceId], toPath: [workspaceId] },
        { workspaceId, fromId: a, toId: c, kind: "view" },
      ],
    });
    const user = await db.conn.prisma.user.findUniqueOrThrow({ where: { id: idOf.get("u0")! }, select: { id: true, sessionVersion: true } });
    const guest = (await resolveViewer(db.conn.prisma, user.id, user.sessionVersion))!;
    const seen = async () => (await db.sqlAs<{ toId: string }>(guest, `SELECT "toId" FROM "LineageEdge"`)).map((r) => r.toId).sort();
    expect(await seen()).toEqual([b, c].sort());
    // b (and with it c, below it) moves under the hidden x: both edges leave the guest's sight; moving back restores them.
    await db.conn.prisma.resource.update({ where: { id: b }, data: { parentId: x } });
    expect(await seen()).toEqual([]);
    expect((await lineageOf(guest, a, { direction: "both", depth: 3 }))!.edges).toEqual([]);
    await db.conn.prisma.resource.update({ where: { id: b }, data: { parentId: s } });
    expect(await seen()).toEqual([b, c].sort());
    // An edge rewritten to name another end takes that end's path.
    await db.conn.prisma.lineageEdge.updateMany({ where: { workspaceId, toId: c }, data: { toId: x } });
    expect(await seen()).toEqual([b]);
  });

  it("a capped view holds the nearest visible resources and is cut only by visible ones", async () => {
    // start → h1, h2 (hidden) and v1, v2, v3 (visible), each v → w (visible, distance 2). Hidden ones never take a
    // place in the cap nor make it say "more": a cap of 4 holds the start and v1..v3 and is not cut.
    const ids = ["s", "h1", "h2", "v1", "v2", "v3", "w1", "w2"];
    const w = {
      ...oneGuest,
      resources: ids.map((id) => ({ id, parentId: null })),
      assignments: ids.filter((id) => !id.startsWith("h")).map((resourceId) => ({ teamId: "t1", resourceId })),
    };
    const { idOf, workspaceId } = await materialize(db.conn.prisma, w);
    const [s, h1, h2, v1, v2, v3, w1, w2] = ids.map((k) => idOf.get(k)!);
    const pairs: [string, string][] = [[s, h1], [s, h2], [s, v1], [s, v2], [s, v3], [v1, w1], [h1, w2], [v2, v3]];
    await db.conn.prisma.lineageEdge.createMany({ data: pairs.map(([fromId, toId]) => ({ workspaceId, fromId, toId, kind: "view" as const })) });
    const user = await db.conn.prisma.user.findUniqueOrThrow({ where: { id: idOf.get("u0")! }, select: { id: true, sessionVersion: true } });
    const guest = (await resolveViewer(db.conn.prisma, user.id, user.sessionVersion))!;
    const nodesOf = async (limit?: number) => {
      const got = (await lineageOf(guest, s, { direction: "down", depth: 3, ...(limit ? { limit } : {}) }))!;
      expect(JSON.stringify(got)).not.toMatch(new RegExp(`${h1}|${h2}`));
      return { nodes: sorted(got.nodes.map((n) => n.id)), edges: got.edges.length, truncated: got.truncated };
    };
    // Uncapped: the start, v1..v3 and w1 (w2 only behind the hidden h1), and never a `truncated` flag.
    expect(await nodesOf()).toEqual({ nodes: sorted([s, v1, v2, v3, w1]), edges: 5, truncated: undefined });
    // Cap 4: the start and the three at distance 1, the v2 → v3 edge between them; w1 (distance 2) is cut.
    expect(await nodesOf(4)).toEqual({ nodes: sorted([s, v1, v2, v3]), edges: 4, truncated: true });
    // Cap 2: the start and the smallest id at distance 1.
    expect(await nodesOf(2)).toEqual({ nodes: sorted([s, sorted([v1, v2, v3])[0]]), edges: 1, truncated: true });
    // Cap 5: everything visible fits, so nothing says more.
    expect(await nodesOf(5)).toEqual({ nodes: sorted([s, v1, v2, v3, w1]), edges: 5, truncated: false });
  });
});
