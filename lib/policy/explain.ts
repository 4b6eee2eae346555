import { isRole } from "./roles";
import { pathOf } from "./visibility";
import type { PolicyWorkspace, Role } from "./types";

// "Who can see this, and why": the same policy as visibility.ts, told as the paths that grant a resource.
//
// A resource is seen by admins, and through every team assigned to it or to one of its ancestors:
//   - by that team's direct members and the members of each group added to it,
//   - by every non-Guest when the team is General (they all belong to it),
//   - by every Editor and Viewer when the team is public (they may see any public team).

export type AccessVia =
  | { kind: "direct" }
  | { kind: "group"; groupId: string }
  | { kind: "general" }
  | { kind: "public" };

/** One way in. For a team: the assigned ancestors-or-self of the resource, nearest first. */
export type AccessGrant = { kind: "admin" } | { kind: "team"; teamId: string; via: AccessVia; assignedResourceIds: string[] };

/**
 * Who a grant lets in, by role alone (membership aside). Admins see everything by their role, so they are
 * explained by it alone and never listed under a team.
 */
export function grantRoles(grant: AccessGrant): Role[] {
  if (grant.kind === "admin") return ["ADMIN"];
  return grant.via.kind === "general" || grant.via.kind === "public" ? ["EDITOR", "VIEWER"] : ["EDITOR", "VIEWER", "GUEST"];
}

/**
 * Every path by which someone can see the resource, independent of any one person: the data layer turns each
 * into a count and a page of people. Admins first, then per team (by team id) General/public, direct, groups.
 */
export function resourceAudience(ws: PolicyWorkspace, resourceId: string): AccessGrant[] {
  const path = pathOf(ws, resourceId);
  if (path.at(-1) !== resourceId) return [];
  const out: AccessGrant[] = [{ kind: "admin" }];
  const nearestFirst = [...path].reverse();
  for (const team of [...ws.teams].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const assigned = new Set(ws.assignments.filter((a) => a.teamId === team.id).map((a) => a.resourceId));
    const assignedResourceIds = nearestFirst.filter((id) => assigned.has(id));
    if (!assignedResourceIds.length) continue;
    const grant = (via: AccessVia): AccessGrant => ({ kind: "team", teamId: team.id, via, assignedResourceIds });
    if (team.isDefault) out.push(grant({ kind: "general" }));
    if (team.visibility === "PUBLIC" && !team.isDefault) out.push(grant({ kind: "public" }));
    out.push(grant({ kind: "direct" }));
    const groups = [...new Set(ws.teamGroups.filter((tg) => tg.teamId === team.id).map((tg) => tg.groupId))].sort();
    for (const groupId of groups) out.push(grant({ kind: "group", groupId }));
  }
  return out;
}

/** Whether a grant of resourceAudience lets this user in (an active user with a known role). */
export function grantHolds(ws: PolicyWorkspace, userId: string, grant: AccessGrant): boolean {
  const user = ws.users.find((u) => u.id === userId);
  if (!user || user.status !== "ACTIVE" || !isRole(user.role)) return false;
  if (!grantRoles(grant).includes(user.role)) return false;
  if (grant.kind === "admin") return true;
  switch (grant.via.kind) {
    case "general":
    case "public":
      return true;
    case "direct":
      return ws.teamMembers.some((tm) => tm.teamId === grant.teamId && tm.userId === userId);
    case "group": {
      const groupId = grant.via.groupId;
      return ws.groupMembers.some((gm) => gm.groupId === groupId && gm.userId === userId);
    }
  }
}

/**
 * Why this user can see this resource: every grant that lets them in (empty: they cannot). Admins are
 * explained by their role alone. Agrees with canSeeResource() (tests/unit/explain.test.ts).
 */
export function explainAccess(ws: PolicyWorkspace, userId: string, resourceId: string): AccessGrant[] {
  return resourceAudience(ws, resourceId).filter((g) => grantHolds(ws, userId, g));
}

/** A stable key of a grant, for grouping and links. */
export function grantKey(grant: AccessGrant): string {
  if (grant.kind === "admin") return "admin";
  return grant.via.kind === "group" ? `team:${grant.teamId}:group:${grant.via.groupId}` : `team:${grant.teamId}:${grant.via.kind}`;
}
