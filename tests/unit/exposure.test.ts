import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyChange,
  clientTeamIds,
  describeExposures,
  exposures,
  exposuresAdded,
  lockAllows,
  ownedIn,
  memberTeamIds,
  pathOf,
  visibleResourceIds,
  visibleUserIds,
  type Exposure,
  type ExposureNames,
  type PolicyWorkspace,
  type WorkspaceChange,
} from "@/lib/policy";
import { workspaceArb } from "../helpers/arbitraries";
import { clientWorkspace } from "../helpers/client-workspace";

// The oracle: what a Guest sees of another client, computed only from visibility.ts (an invited Guest counted as
// if the invitation were accepted), never from exposure.ts.
function prospective(ws: PolicyWorkspace): PolicyWorkspace {
  return { ...ws, users: ws.users.map((u) => (u.status === "INVITED" ? { ...u, status: "ACTIVE" as const } : u)) };
}

function sight(ws: PolicyWorkspace) {
  const p = prospective(ws);
  const clients = clientTeamIds(ws);
  const guests = p.users.filter((u) => u.role === "GUEST" && u.status === "ACTIVE");
  const clientsOf = (id: string) => new Set([...memberTeamIds(p, { userId: id, role: "GUEST" })].filter((t) => clients.has(t)));
  const closure = (teamId: string) => {
    const roots = new Set(ws.assignments.filter((a) => a.teamId === teamId).map((a) => a.resourceId));
    return new Set(ws.resources.filter((r) => pathOf(ws, r.id).some((x) => roots.has(x))).map((r) => r.id));
  };
  const resources = new Set<string>();
  const people = new Set<string>();
  const twoTeams = new Set<string>();
  for (const g of guests) {
    const v = { userId: g.id, role: g.role };
    const mine = memberTeamIds(p, v);
    const vis = visibleResourceIds(p, v);
    for (const t of clients) if (!mine.has(t)) for (const r of closure(t)) if (vis.has(r)) resources.add(`${g.id}|${t}|${r}`);
    const myClients = clientsOf(g.id);
    for (const other of visibleUserIds(p, v)) {
      const u = p.users.find((x) => x.id === other)!;
      if (other === g.id || u.role !== "GUEST" || u.status === "DEACTIVATED") continue;
      const theirs = clientsOf(other);
      if (theirs.size && ![...theirs].some((t) => myClients.has(t))) people.add(`${g.id}|${other}`);
    }
    if (myClients.size >= 2) twoTeams.add(g.id);
  }
  const shared = new Set<string>();
  for (const a of clients) for (const b of clients) if (a < b) for (const r of closure(a)) if (closure(b).has(r)) shared.add(`${a}|${b}|${r}`);
  const groups = new Set<string>();
  for (const gr of new Set(ws.groupMembers.map((m) => m.groupId))) {
    const teams = new Set(ws.groupMembers.filter((m) => m.groupId === gr && guests.some((g) => g.id === m.userId)).flatMap((m) => [...clientsOf(m.userId)]));
    if (teams.size >= 2) groups.add(gr);
  }
  return { resources, people, twoTeams, shared, groups };
}

/** The same sets, read back from the exposures (each resource top standing for its whole subtree). */
function fromExposures(ws: PolicyWorkspace, es: Exposure[]) {
  const under = (top: string) => ws.resources.filter((r) => pathOf(ws, r.id).includes(top)).map((r) => r.id);
  const resources = new Set<string>();
  const shared = new Set<string>();
  const people = new Set<string>();
  const twoTeams = new Set<string>();
  const groups = new Set<string>();
  for (const e of es) {
    if (e.kind === "guest-resource") for (const r of under(e.resourceId)) resources.add(`${e.guestId}|${e.ownerTeamId}|${r}`);
    if (e.kind === "shared-resource") for (const r of under(e.resourceId)) shared.add(`${e.teamIds[0]}|${e.teamIds[1]}|${r}`);
    if (e.kind === "guest-person") people.add(`${e.guestId}|${e.personId}`);
    if (e.kind === "guest-two-teams") twoTeams.add(e.guestId);
    if (e.kind === "group-two-clients") groups.add(e.groupId);
  }
  return { resources, people, twoTeams, shared, groups };
}

const sortedSets = (s: ReturnType<typeof sight>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, [...v].sort()]));
const subset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));

// Random changes drawn against the workspace they apply to (ids are taken modulo what exists).
const changeArb = fc.oneof(
  fc.record({ kind: fc.constant("assign" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("teamMember" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("groupMember" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("teamGroup" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("role" as const), a: fc.nat(), b: fc.constantFrom("ADMIN", "EDITOR", "VIEWER", "GUEST") }),
  fc.record({ kind: fc.constant("parent" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("visibility" as const), a: fc.nat(), b: fc.constantFrom("PUBLIC", "PRIVATE") }),
);

type ChangeSpec = typeof changeArb extends fc.Arbitrary<infer T> ? T : never;

function toChange(ws: PolicyWorkspace & { groups: string[] }, c: ChangeSpec): WorkspaceChange | null {
  const pick = <T,>(xs: T[], i: number) => (xs.length ? xs[i % xs.length] : undefined);
  switch (c.kind) {
    case "assign": {
      const t = pick(ws.teams, c.a), r = pick(ws.resources, c.b);
      return t && r ? { assignments: [{ teamId: t.id, resourceId: r.id }] } : null;
    }
    case "teamMember": {
      const t = pick(ws.teams, c.a), u = pick(ws.users, c.b);
      return t && u ? { teamMembers: [{ teamId: t.id, userId: u.id }] } : null;
    }
    case "groupMember": {
      const g = pick(ws.groups, c.a), u = pick(ws.users, c.b);
      return g && u ? { groupMembers: [{ groupId: g, userId: u.id }] } : null;
    }
    case "teamGroup": {
      const t = pick(ws.teams, c.a), g = pick(ws.groups, c.b);
      return t && g ? { teamGroups: [{ teamId: t.id, groupId: g }] } : null;
    }
    case "role": {
      const u = pick(ws.users, c.a);
      return u ? { roles: [{ userId: u.id, role: c.b }] } : null;
    }
    case "parent": {
      const r = pick(ws.resources, c.a), p = c.b % 5 === 0 ? null : pick(ws.resources, c.b);
      if (!r || (p && pathOf(ws, p.id).includes(r.id))) return null; // no cycles, as the database enforces
      return { parents: [{ resourceId: r.id, parentId: p?.id ?? null }] };
    }
    case "visibility": {
      const t = pick(ws.teams.filter((x) => !x.isDefault), c.a);
      return t ? { visibility: [{ teamId: t.id, visibility: c.b }] } : null;
    }
  }
  return null;
}

describe("exposure rule: agrees with visibility", () => {
  it("lists exactly what Guests see of other clients, and is empty exactly when they see nothing", () => {
    fc.assert(
      fc.property(workspaceArb, (ws) => {
        const es = exposures(ws);
        const oracle = sight(ws);
        expect(sortedSets(fromExposures(ws, es))).toEqual(sortedSets(oracle));
        const seesNothing = !oracle.resources.size && !oracle.people.size && !oracle.twoTeams.size;
        expect(es.filter((e) => ["guest-resource", "guest-person", "guest-two-teams"].includes(e.kind)).length === 0).toBe(seesNothing);
        expect(new Set(es.map((e) => e.key)).size).toBe(es.length);
      }),
      { numRuns: 400 },
    );
  });

  it("a change reported as adding nothing never lets a Guest see more of another client", () => {
    fc.assert(
      fc.property(workspaceArb, fc.array(changeArb, { minLength: 1, maxLength: 8 }), (start, changes) => {
        let ws: PolicyWorkspace & { groups: string[] } = start;
        for (const c of changes) {
          const change = toChange(ws, c);
          if (!change) continue;
          const added = exposuresAdded(ws, change);
          const next = { ...applyChange(ws, change), groups: ws.groups };
          if (!added.length) {
            const before = sight(ws);
            const after = sight(next);
            for (const k of Object.keys(before) as (keyof typeof before)[]) expect(subset(after[k], before[k])).toBe(true);
          }
          ws = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});

// The demo's shape, for examples in words.
const demo: PolicyWorkspace = clientWorkspace({
  users: [
    { id: "admin", role: "ADMIN", status: "ACTIVE" },
    { id: "editor", role: "EDITOR", status: "ACTIVE" },
    { id: "ana", role: "GUEST", status: "ACTIVE" },
    { id: "ben", role: "GUEST", status: "ACTIVE" },
    { id: "cara", role: "GUEST", status: "ACTIVE" },
    { id: "dan", role: "GUEST", status: "ACTIVE" },
  ],
  guests: { northwind: ["ana", "ben"], globex: ["cara", "dan"] },
  platform: true,
  resources: [
    { id: "db", parentId: null },
    { id: "s-northwind", parentId: "db" },
    { id: "orders", parentId: "s-northwind" },
    { id: "s-globex", parentId: "db" },
  ],
  assignments: [
    { teamId: "northwind", resourceId: "s-northwind" },
    { teamId: "globex", resourceId: "s-globex" },
    { teamId: "general", resourceId: "db" },
  ],
});

const names: ExposureNames = {
  team: (id) => ({ general: "General", northwind: "Northwind", globex: "Globex", platform: "Platform" })[id] ?? id,
  user: (id) => ({ ana: "Ana Souza", ben: "Ben Okafor", cara: "Cara Diaz", dan: "Dan Wu", editor: "Eddie Editor" })[id] ?? id,
  group: (id) => ({ "nw-people": "Northwind people", "gx-people": "Globex people" })[id] ?? id,
  resource: (id) => ({ label: id === "s-northwind" ? "schema northwind" : `table ${id}`, descendants: id === "s-northwind" ? 20 : 0 }),
  clientTeamsOf: (id) => (["ana", "ben"].includes(id) ? ["Northwind"] : ["cara", "dan"].includes(id) ? ["Globex"] : []),
};

describe("exposure rule: the demo's scenarios", () => {
  it("the demo is isolated (General above both schemas is not a client team)", () => {
    expect(exposures(demo)).toEqual([]);
  });

  it("adding schema northwind to Globex: Globex's guests would see Northwind's data, which the lock refuses", () => {
    const added = exposuresAdded(demo, { assignments: [{ teamId: "globex", resourceId: "s-northwind" }] });
    expect(added.map((e) => e.kind).sort()).toEqual(["guest-resource", "guest-resource", "guest-resource", "guest-resource", "shared-resource"]);
    const refused = added.filter((e) => !lockAllows(e, ownedIn(demo)));
    expect(refused.map((e) => e.key).sort()).toEqual(["guest-resource:cara:northwind:s-northwind", "guest-resource:dan:northwind:s-northwind"]);
    const lines = describeExposures(added, names).map((l) => l.text);
    expect(lines).toContain("Globex's guests Cara Diaz and Dan Wu would see schema northwind and its 20 items, assigned to Northwind.");
    expect(lines).toContain("Northwind's guests Ana Souza and Ben Okafor would see schema northwind and its 20 items, assigned to Globex.");
    expect(lines).toContain("Schema northwind and its 20 items would be visible to two client teams, Globex and Northwind.");
  });

  it("a Globex guest added to Northwind people: two teams, the group, and every way they now see each other", () => {
    const added = exposuresAdded(demo, { groupMembers: [{ groupId: "nw-people", userId: "cara" }] });
    // Cara is then in Northwind (so its resources are hers too) and in Globex: she sees both clients.
    expect(added.map((e) => e.key).sort()).toEqual(["group-two-clients:gx-people:globex:northwind", "group-two-clients:nw-people:globex:northwind", "guest-two-teams:cara:globex:northwind"]);
    expect(added.some((e) => lockAllows(e, ownedIn(demo)))).toBe(false);
  });

  it("a group holding guests of two clients added to a public team: each finds the other", () => {
    const ws = { ...demo, groupMembers: [...demo.groupMembers, { groupId: "mixed", userId: "ana" }, { groupId: "mixed", userId: "cara" }] };
    expect(exposures(ws).map((e) => e.kind)).toEqual(["group-two-clients"]);
    const added = exposuresAdded(ws, { teamGroups: [{ teamId: "platform", groupId: "mixed" }] });
    expect(added.map((e) => e.key).sort()).toEqual(["guest-person:ana:cara", "guest-person:cara:ana"]);
    expect(describeExposures(added, names).map((l) => l.text)).toContain("guest Ana Souza would see Globex's guest Cara Diaz, through Platform.");
  });

  it("a resource of no client given to two clients at once is sharing, which the lock lets through (with confirmation)", () => {
    const ws = { ...demo, resources: [...demo.resources, { id: "s-shared", parentId: "db" }] };
    const added = exposuresAdded(ws, { assignments: [{ teamId: "globex", resourceId: "s-shared" }, { teamId: "northwind", resourceId: "s-shared" }] });
    expect(added.length).toBe(5);
    expect(added.every((e) => lockAllows(e, ownedIn(ws)))).toBe(true);
  });

  it("a deeper share under an exposed resource adds nothing; a wider one above it does", () => {
    const ws = applyChange(demo, { assignments: [{ teamId: "globex", resourceId: "s-northwind" }] });
    expect(exposuresAdded(ws, { assignments: [{ teamId: "globex", resourceId: "orders" }] })).toEqual([]);
    expect(exposuresAdded(ws, { assignments: [{ teamId: "northwind", resourceId: "db" }] }).length).toBeGreaterThan(0);
  });

  it("a Guest made Viewer stops being watched; a Viewer made Guest in two teams is", () => {
    const ws = { ...demo, teamMembers: [...demo.teamMembers, { teamId: "globex", userId: "editor" }] };
    expect(exposuresAdded(ws, { roles: [{ userId: "editor", role: "GUEST" }] }).map((e) => e.kind)).toContain("guest-two-teams");
  });
});
