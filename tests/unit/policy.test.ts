import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  can,
  canAssign,
  canEditResource,
  canJoinTeam,
  memberTeamIds,
  pathOf,
  teamMemberIds,
  visibleResourceIds,
  visibleTeamIds,
  visibleUserIds,
  type PolicyWorkspace,
} from "@/lib/policy";
import { workspaceArb } from "../helpers/arbitraries";
import { clientWorkspace } from "../helpers/client-workspace";

// A small copy of the demo workspace's shape: General, two private client teams, groups, a warehouse tree.
const ws: PolicyWorkspace = clientWorkspace({
  users: [
    { id: "admin", role: "ADMIN", status: "ACTIVE" },
    { id: "editor", role: "EDITOR", status: "ACTIVE" },
    { id: "viewer", role: "VIEWER", status: "ACTIVE" },
    { id: "ana", role: "GUEST", status: "ACTIVE" },
    { id: "ben", role: "GUEST", status: "DEACTIVATED" },
    { id: "cara", role: "GUEST", status: "ACTIVE" },
    { id: "odd", role: "OWNER", status: "ACTIVE" },
  ],
  guests: { northwind: ["ana", "ben"], globex: ["cara"] },
  platform: true,
  resources: [
    { id: "warehouse", parentId: null },
    { id: "db", parentId: "warehouse" },
    { id: "s-northwind", parentId: "db" },
    { id: "orders", parentId: "s-northwind" },
    { id: "orders.id", parentId: "orders" },
    { id: "s-globex", parentId: "db" },
    { id: "invoices", parentId: "s-globex" },
    { id: "s-shared", parentId: "db" },
    { id: "calendar", parentId: "s-shared" },
    { id: "s-finance", parentId: "db" },
    { id: "revenue", parentId: "s-finance" },
    { id: "platform-doc", parentId: null },
  ],
  assignments: [
    { teamId: "northwind", resourceId: "s-northwind" },
    { teamId: "globex", resourceId: "s-globex" },
    { teamId: "general", resourceId: "s-shared" },
    { teamId: "platform", resourceId: "platform-doc" },
  ],
});

const v = (userId: string) => ({ userId, role: ws.users.find((u) => u.id === userId)!.role });
const sorted = (s: Set<string>) => [...s].sort();

describe("policy: the table of DESIGN.md", () => {
  it.each([
    ["admin", ["general", "globex", "northwind", "platform"]],
    ["editor", ["general", "northwind", "platform"]],
    ["viewer", ["general", "platform"]],
    ["ana", ["northwind"]],
    ["cara", ["globex"]],
    ["ben", []],
    ["odd", []],
  ])("%s sees teams %j", (who, teams) => {
    expect(sorted(visibleTeamIds(ws, v(who)))).toEqual([...teams].sort());
  });

  it.each([
    ["admin", ws.resources.map((r) => r.id)],
    ["editor", ["s-northwind", "orders", "orders.id", "s-shared", "calendar", "platform-doc"]],
    ["viewer", ["s-shared", "calendar", "platform-doc"]],
    ["ana", ["s-northwind", "orders", "orders.id"]],
    ["cara", ["s-globex", "invoices"]],
    ["ben", []],
    ["odd", []],
  ])("%s sees resources %j", (who, ids) => {
    expect(sorted(visibleResourceIds(ws, v(who)))).toEqual([...ids].sort());
  });

  it.each([
    ["admin", ["admin", "editor", "viewer", "ana", "ben", "cara", "odd"]],
    ["editor", ["admin", "editor", "viewer", "ana", "cara", "odd"]],
    // ben shares Northwind but is deactivated; the editor is a direct member of Northwind.
    ["ana", ["ana", "editor"]],
    ["cara", ["cara"]],
    ["ben", []],
  ])("%s sees people %j", (who, ids) => {
    expect(sorted(visibleUserIds(ws, v(who)))).toEqual([...ids].sort());
  });

  it("guests are not in General; everyone internal is, even when it is private", () => {
    const privateGeneral = { ...ws, teams: ws.teams.map((t) => (t.isDefault ? { ...t, visibility: "PRIVATE" as const } : t)) };
    expect(memberTeamIds(privateGeneral, v("viewer")).has("general")).toBe(true);
    expect(memberTeamIds(privateGeneral, v("ana")).has("general")).toBe(false);
  });

  it("paths run root first and include the resource itself", () => {
    expect(pathOf(ws, "orders.id")).toEqual(["warehouse", "db", "s-northwind", "orders", "orders.id"]);
  });

  it("write rules", () => {
    expect(can("ADMIN", "teams.manage")).toBe(true);
    expect(can("EDITOR", "teams.manage")).toBe(false);
    expect(can("GUEST", "resources.edit")).toBe(false);
    expect(can("OWNER", "resources.edit")).toBe(false);
    expect(canEditResource(ws, v("editor"), "orders")).toBe(true);
    expect(canEditResource(ws, v("editor"), "invoices")).toBe(false);
    expect(canEditResource(ws, v("viewer"), "calendar")).toBe(false);
    expect(canAssign(ws, v("admin"), ["northwind", "globex"])).toBe(true);
    expect(canAssign(ws, v("editor"), ["northwind"])).toBe(false);
    expect(canAssign(ws, v("admin"), ["northwind", "no-such-team"])).toBe(false);
    expect(canJoinTeam(ws, v("viewer"), "platform")).toBe(true);
    expect(canJoinTeam(ws, v("viewer"), "northwind")).toBe(false);
    expect(canJoinTeam(ws, v("ana"), "platform")).toBe(false);
  });
});

describe("policy: properties over random workspaces", () => {
  const runs = { numRuns: 300 };

  it("an admin sees every resource and every team", () => {
    fc.assert(
      fc.property(workspaceArb, (w) => {
        for (const u of w.users.filter((x) => x.role === "ADMIN" && x.status === "ACTIVE")) {
          const viewer = { userId: u.id, role: u.role };
          expect(visibleResourceIds(w, viewer).size).toBe(w.resources.length);
          expect(visibleTeamIds(w, viewer).size).toBe(w.teams.length);
        }
      }),
      runs,
    );
  });

  it("a guest never sees a resource none of whose ancestors-or-self is assigned to one of its teams", () => {
    fc.assert(
      fc.property(workspaceArb, (w) => {
        for (const u of w.users.filter((x) => x.role === "GUEST")) {
          const teams = memberTeamIds(w, { userId: u.id, role: u.role });
          for (const rid of visibleResourceIds(w, { userId: u.id, role: u.role })) {
            const path = pathOf(w, rid);
            expect(w.assignments.some((a) => teams.has(a.teamId) && path.includes(a.resourceId))).toBe(true);
          }
        }
      }),
      runs,
    );
  });

  it("a guest sees only its own teams, and only people who share one", () => {
    fc.assert(
      fc.property(workspaceArb, (w) => {
        for (const u of w.users.filter((x) => x.role === "GUEST")) {
          const viewer = { userId: u.id, role: u.role };
          const mine = memberTeamIds(w, viewer);
          expect(sorted(visibleTeamIds(w, viewer))).toEqual(sorted(mine));
          for (const other of visibleUserIds(w, viewer)) {
            if (other === u.id) continue;
            expect([...mine].some((t) => teamMemberIds(w, t).has(other))).toBe(true);
          }
        }
      }),
      runs,
    );
  });

  it("adding a guest to a team never makes it see less", () => {
    fc.assert(
      fc.property(workspaceArb, fc.nat(), fc.nat(), (w, ui, ti) => {
        const guests = w.users.filter((x) => x.role === "GUEST");
        if (!guests.length) return;
        const g = guests[ui % guests.length];
        const team = w.teams[ti % w.teams.length];
        const viewer = { userId: g.id, role: g.role };
        const before = visibleResourceIds(w, viewer);
        const after = visibleResourceIds({ ...w, teamMembers: [...w.teamMembers, { teamId: team.id, userId: g.id }] }, viewer);
        for (const id of before) expect(after.has(id)).toBe(true);
      }),
      runs,
    );
  });

  it("visibility flows down: every child of a visible resource is visible", () => {
    fc.assert(
      fc.property(workspaceArb, (w) => {
        for (const u of w.users) {
          const seen = visibleResourceIds(w, { userId: u.id, role: u.role });
          for (const r of w.resources) if (r.parentId && seen.has(r.parentId)) expect(seen.has(r.id)).toBe(true);
        }
      }),
      runs,
    );
  });

  it("unknown roles and inactive people see nothing", () => {
    fc.assert(
      fc.property(workspaceArb, fc.string(), (w, role) => {
        fc.pre(!["ADMIN", "EDITOR", "VIEWER", "GUEST"].includes(role));
        const u = w.users[0];
        expect(visibleResourceIds(w, { userId: u.id, role }).size).toBe(0);
        expect(visibleTeamIds(w, { userId: u.id, role }).size).toBe(0);
        expect(visibleUserIds(w, { userId: u.id, role }).size).toBe(0);
        for (const x of w.users.filter((y) => y.status !== "ACTIVE")) {
          expect(visibleResourceIds(w, { userId: x.id, role: x.role }).size).toBe(0);
        }
      }),
      runs,
    );
  });

  it("an internal person sees at least what a guest with the same teams would", () => {
    fc.assert(
      fc.property(workspaceArb, (w) => {
        for (const u of w.users.filter((x) => x.role === "EDITOR" || x.role === "VIEWER")) {
          const internal = visibleResourceIds(w, { userId: u.id, role: u.role });
          const asGuest = visibleResourceIds({ ...w, users: w.users.map((x) => (x.id === u.id ? { ...x, role: "GUEST" } : x)) }, { userId: u.id, role: "GUEST" });
          for (const id of asGuest) expect(internal.has(id)).toBe(true);
        }
      }),
      runs,
    );
  });
});
