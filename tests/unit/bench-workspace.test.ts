import { describe, expect, it } from "vitest";
import {
  ADMIN_EMAIL,
  GUEST_EMAIL,
  copyLine,
  emptyPicks,
  generateAssignments,
  generatePeople,
  generateResources,
  resourcePlan,
  uuidFor,
  type Sizes,
} from "@/bench/lib/workspace";

const tiny: Sizes = { seed: 7, resources: 3_000, members: 300, teams: 20, groups: 30, clients: 5, guestsPerClient: 4, bigColumns: 250 };

const all = (s: Sizes) => {
  const picks = emptyPicks();
  const resources = [...generateResources(s, picks)];
  const people = generatePeople(s);
  return { picks, resources, people, assignments: generateAssignments(s, people, picks) };
};

describe("bench workspace generator", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = all(tiny);
    const b = all(tiny);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = all({ ...tiny, seed: 8 });
    expect(c.resources[0]!.id).not.toBe(a.resources[0]!.id);
    expect(uuidFor(1, "x", 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("makes exactly the asked number of resources, parents first, each path its parent's plus its own id", () => {
    const { resources } = all(tiny);
    expect(resources).toHaveLength(tiny.resources);
    const byId = new Map<string, (typeof resources)[number]>();
    for (const r of resources) {
      expect(byId.has(r.id)).toBe(false);
      if (r.parentId === null) expect(r.path).toEqual([r.id]);
      else {
        const parent = byId.get(r.parentId);
        expect(parent, `parent of ${r.name} comes first`).toBeDefined();
        expect(r.path).toEqual([...parent!.path, r.id]);
      }
      byId.set(r.id, r);
    }
  });

  it("builds the hierarchy integration → database → schema → table → column, BI → dashboard → chart, documents at the top", () => {
    const { resources, picks } = all(tiny);
    const byId = new Map(resources.map((r) => [r.id, r]));
    const parentType = (r: (typeof resources)[number]) => (r.parentId ? byId.get(r.parentId)!.type : null);
    const allowed: Record<string, (string | null)[]> = {
      INTEGRATION: [null], DATABASE: ["INTEGRATION"], SCHEMA: ["DATABASE"], TABLE: ["SCHEMA"], COLUMN: ["TABLE"],
      DASHBOARD: ["INTEGRATION"], CHART: ["DASHBOARD"], DOCUMENT: [null],
    };
    for (const r of resources) expect(allowed[r.type], `${r.type} under ${parentType(r)}`).toContain(parentType(r));
    const plan = resourcePlan(tiny);
    expect(resources.filter((r) => r.type === "DOCUMENT")).toHaveLength(plan.documents);
    expect(picks.archive).not.toBeNull();
    const archiveCols = resources.filter((r) => r.type === "COLUMN" && r.path.includes(picks.archive!));
    expect(archiveCols).toHaveLength(250);
    expect(resources.filter((r) => r.type === "INTEGRATION").map((r) => r.name)).toContain("Looker");
  });

  it("gives each client a private team, a people group linked to it, and guests in that group", () => {
    const { people } = all(tiny);
    expect(people.users).toHaveLength(tiny.members);
    expect(new Set(people.users.map((u) => u.email)).size).toBe(tiny.members);
    expect(people.teams).toHaveLength(tiny.teams);
    expect(people.groups).toHaveLength(tiny.groups);
    expect(people.teams.filter((t) => t.isDefault).map((t) => t.name)).toEqual(["General"]);
    expect(people.users[0]!.email).toBe(ADMIN_EMAIL);
    expect(people.users.map((u) => u.email)).toContain(GUEST_EMAIL);
    const roleOf = new Map(people.memberships.map((m) => [m.userId, m.role]));
    for (const c of people.clients) {
      expect(people.teams.find((t) => t.id === c.teamId)!.visibility).toBe("PRIVATE");
      expect(people.teamGroups).toContainEqual({ teamId: c.teamId, groupId: c.groupId });
      const guests = people.groupMembers.filter((g) => g.groupId === c.groupId).map((g) => g.userId);
      expect(guests).toHaveLength(tiny.guestsPerClient);
      for (const g of guests) expect(roleOf.get(g)).toBe("GUEST");
    }
    // Guests are never direct members of General or of internal teams.
    const guestIds = new Set(people.memberships.filter((m) => m.role === "GUEST").map((m) => m.userId));
    expect(people.teamMembers.filter((tm) => guestIds.has(tm.userId))).toEqual([]);
  });

  it("assigns existing resources to existing teams, each client its own share, the archive to nobody", () => {
    const { resources, people, assignments, picks } = all(tiny);
    const ids = new Set(resources.map((r) => r.id));
    const teams = new Set(people.teams.map((t) => t.id));
    for (const a of assignments) {
      expect(ids.has(a.resourceId)).toBe(true);
      expect(teams.has(a.teamId)).toBe(true);
    }
    expect(assignments.some((a) => a.resourceId === picks.archive)).toBe(false);
    const shares = people.clients.map((c) => assignments.filter((a) => a.teamId === c.teamId).map((a) => a.resourceId));
    for (const s of shares) expect(s.length).toBeGreaterThanOrEqual(5);
    expect(new Set(shares.flat()).size).toBe(shares.flat().length);
  });

  it("writes COPY text lines with escapes, NULLs and arrays", () => {
    expect(copyLine(["a\tb", null, ["x", "y"], 3, true, "back\\slash\nnew"])).toBe("a\\tb\t\\N\t{x,y}\t3\ttrue\tback\\\\slash\\nnew\n");
  });
});
