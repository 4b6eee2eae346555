// "Who can see this, and why" (lib/policy/explain.ts) must tell the same story as lib/policy/visibility.ts:
// a person has an explanation exactly when the policy lets them see the resource, and every link of each
// explanation holds in the workspace (checked here independently of the code under test).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canSeeResource, explainAccess, grantKey, pathOf, resourceAudience, type AccessGrant, type PolicyWorkspace } from "@/lib/policy";
import { workspaceArb } from "../helpers/arbitraries";
import { clientWorkspace } from "../helpers/client-workspace";

/** Independent check of one chain: user → (role | team membership) → team ← assigned ancestor-or-self → resource. */
function chainHolds(ws: PolicyWorkspace, userId: string, resourceId: string, g: AccessGrant): string | null {
  const user = ws.users.find((u) => u.id === userId);
  if (!user || user.status !== "ACTIVE") return "inactive user";
  if (g.kind === "admin") return user.role === "ADMIN" ? null : "admin grant for a non-admin";
  if (user.role === "ADMIN") return "an admin explained by a team";
  const team = ws.teams.find((t) => t.id === g.teamId);
  if (!team) return "unknown team";
  const path = pathOf(ws, resourceId);
  if (!g.assignedResourceIds.length) return "no assignment";
  for (const rid of g.assignedResourceIds) {
    if (!path.includes(rid)) return "assignment off the resource's path";
    if (!ws.assignments.some((a) => a.teamId === team.id && a.resourceId === rid)) return "no such assignment";
  }
  const depth = g.assignedResourceIds.map((rid) => path.indexOf(rid));
  if (depth.some((d, i) => i > 0 && d >= depth[i - 1])) return "assignments not nearest first";
  switch (g.via.kind) {
    case "direct":
      return ws.teamMembers.some((m) => m.teamId === team.id && m.userId === userId) ? null : "not a direct member";
    case "group": {
      const gid = g.via.groupId;
      const linked = ws.teamGroups.some((tg) => tg.teamId === team.id && tg.groupId === gid);
      const member = ws.groupMembers.some((m) => m.groupId === gid && m.userId === userId);
      return linked && member ? null : "not a member through that group";
    }
    case "general":
      return team.isDefault && (user.role === "EDITOR" || user.role === "VIEWER") ? null : "not General, or a Guest";
    case "public":
      return team.visibility === "PUBLIC" && (user.role === "EDITOR" || user.role === "VIEWER") ? null : "not public, or a Guest";
  }
}

describe("explainAccess agrees with the policy", () => {
  const runs = { numRuns: 400 };

  it("non-empty exactly when the policy says visible, and every chain holds", () => {
    fc.assert(
      fc.property(workspaceArb, (ws) => {
        for (const u of ws.users) {
          for (const r of ws.resources) {
            const grants = explainAccess(ws, u.id, r.id);
            expect(grants.length > 0, `${u.id} (${u.role}, ${u.status}) on ${r.id}`).toBe(canSeeResource(ws, { userId: u.id, role: u.role }, r.id));
            for (const g of grants) expect(chainHolds(ws, u.id, r.id, g), JSON.stringify(g)).toBeNull();
            expect(new Set(grants.map(grantKey)).size).toBe(grants.length);
          }
        }
      }),
      runs,
    );
  });

  it("the audience of a resource is the set of every chain: a person's grants are the audience grants that let them in", () => {
    fc.assert(
      fc.property(workspaceArb, (ws) => {
        for (const r of ws.resources) {
          const audience = new Set(resourceAudience(ws, r.id).map(grantKey));
          for (const u of ws.users) for (const g of explainAccess(ws, u.id, r.id)) expect(audience.has(grantKey(g))).toBe(true);
        }
      }),
      runs,
    );
  });

  it("complete: every valid chain through a membership is reported", () => {
    fc.assert(
      fc.property(workspaceArb, (ws) => {
        for (const u of ws.users.filter((x) => x.status === "ACTIVE" && x.role !== "ADMIN")) {
          for (const r of ws.resources) {
            const keys = new Set(explainAccess(ws, u.id, r.id).map(grantKey));
            const path = pathOf(ws, r.id);
            for (const a of ws.assignments.filter((x) => path.includes(x.resourceId))) {
              if (ws.teamMembers.some((m) => m.teamId === a.teamId && m.userId === u.id)) expect(keys.has(`team:${a.teamId}:direct`)).toBe(true);
              for (const tg of ws.teamGroups.filter((x) => x.teamId === a.teamId)) {
                if (ws.groupMembers.some((m) => m.groupId === tg.groupId && m.userId === u.id)) expect(keys.has(`team:${a.teamId}:group:${tg.groupId}`)).toBe(true);
              }
            }
          }
        }
      }),
      runs,
    );
  });
});

describe("explainAccess on a small workspace", () => {
  const ws: PolicyWorkspace = clientWorkspace({
    users: [
      { id: "admin", role: "ADMIN", status: "ACTIVE" },
      { id: "editor", role: "EDITOR", status: "ACTIVE" },
      { id: "ana", role: "GUEST", status: "ACTIVE" },
      { id: "ben", role: "GUEST", status: "DEACTIVATED" },
      { id: "cara", role: "GUEST", status: "ACTIVE" },
    ],
    guests: { northwind: ["ana", "ben"], globex: ["cara"] },
    resources: [
      { id: "db", parentId: null },
      { id: "s-northwind", parentId: "db" },
      { id: "orders", parentId: "s-northwind" },
      { id: "s-shared", parentId: "db" },
    ],
    assignments: [
      { teamId: "northwind", resourceId: "s-northwind" },
      { teamId: "general", resourceId: "s-shared" },
    ],
  });

  it("Ana sees orders through group nw-people of team Northwind, inherited from the schema", () => {
    expect(explainAccess(ws, "ana", "orders")).toEqual([
      { kind: "team", teamId: "northwind", via: { kind: "group", groupId: "nw-people" }, assignedResourceIds: ["s-northwind"] },
    ]);
  });

  it("the editor sees it as a direct member; the admin by role; others not at all", () => {
    expect(explainAccess(ws, "editor", "orders").map(grantKey)).toEqual(["team:northwind:direct"]);
    expect(explainAccess(ws, "admin", "orders")).toEqual([{ kind: "admin" }]);
    expect(explainAccess(ws, "cara", "orders")).toEqual([]);
    expect(explainAccess(ws, "ben", "orders")).toEqual([]);
    expect(explainAccess(ws, "ana", "db")).toEqual([]);
    expect(explainAccess(ws, "ana", "missing")).toEqual([]);
  });

  it("General is explained as General for every non-Guest, never as a public team too", () => {
    expect(explainAccess(ws, "editor", "s-shared").map(grantKey)).toEqual(["team:general:general"]);
    expect(explainAccess(ws, "ana", "s-shared")).toEqual([]);
  });
});
