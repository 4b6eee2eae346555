import { isInternal, isRole } from "./roles";
import type { PolicyViewer, PolicyWorkspace } from "./types";

/** Admins see the whole workspace (every team, resource and person); everyone else a scope of it. */
export function seesWholeWorkspace(role: string): boolean {
  return role === "ADMIN";
}

function activeUser(ws: PolicyWorkspace, userId: string) {
  const user = ws.users.find((u) => u.id === userId);
  return user && user.status === "ACTIVE" && isRole(user.role) ? user : undefined;
}

/** Teams where the user is a direct member or a member through a group, plus General for every non-guest. */
export function memberTeamIds(ws: PolicyWorkspace, viewer: PolicyViewer): Set<string> {
  const out = new Set<string>();
  if (!isRole(viewer.role) || !activeUser(ws, viewer.userId)) return out;
  for (const tm of ws.teamMembers) if (tm.userId === viewer.userId) out.add(tm.teamId);
  const groups = new Set(ws.groupMembers.filter((g) => g.userId === viewer.userId).map((g) => g.groupId));
  for (const tg of ws.teamGroups) if (groups.has(tg.groupId)) out.add(tg.teamId);
  if (isInternal(viewer.role)) for (const t of ws.teams) if (t.isDefault) out.add(t.id);
  // Only teams that exist in this workspace count.
  const existing = new Set(ws.teams.map((t) => t.id));
  return new Set([...out].filter((id) => existing.has(id)));
}

export function visibleTeamIds(ws: PolicyWorkspace, viewer: PolicyViewer): Set<string> {
  if (!isRole(viewer.role) || !activeUser(ws, viewer.userId)) return new Set();
  if (viewer.role === "ADMIN") return new Set(ws.teams.map((t) => t.id));
  const mine = memberTeamIds(ws, viewer);
  if (viewer.role === "GUEST") return mine;
  for (const t of ws.teams) if (t.visibility === "PUBLIC") mine.add(t.id);
  return mine;
}

/** Ancestors-or-self of a resource, root first. */
export function pathOf(ws: PolicyWorkspace, resourceId: string): string[] {
  const byId = new Map(ws.resources.map((r) => [r.id, r]));
  const path: string[] = [];
  const seen = new Set<string>();
  let cur = byId.get(resourceId);
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    path.unshift(cur.id);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return path;
}

/** The resources directly assigned to a team the viewer can see: everything under them is visible too. */
export function resourceRootIds(ws: PolicyWorkspace, viewer: PolicyViewer): Set<string> {
  const teams = visibleTeamIds(ws, viewer);
  return new Set(ws.assignments.filter((a) => teams.has(a.teamId)).map((a) => a.resourceId));
}

export function visibleResourceIds(ws: PolicyWorkspace, viewer: PolicyViewer): Set<string> {
  if (!isRole(viewer.role) || !activeUser(ws, viewer.userId)) return new Set();
  if (viewer.role === "ADMIN") return new Set(ws.resources.map((r) => r.id));
  const roots = resourceRootIds(ws, viewer);
  return new Set(ws.resources.filter((r) => pathOf(ws, r.id).some((id) => roots.has(id))).map((r) => r.id));
}

export function canSeeResource(ws: PolicyWorkspace, viewer: PolicyViewer, resourceId: string): boolean {
  return visibleResourceIds(ws, viewer).has(resourceId);
}

/** Everyone whose effective membership (direct, through a group, or General for non-guests) includes the team. */
export function teamMemberIds(ws: PolicyWorkspace, teamId: string): Set<string> {
  const team = ws.teams.find((t) => t.id === teamId);
  const out = new Set<string>();
  if (!team) return out;
  for (const tm of ws.teamMembers) if (tm.teamId === teamId) out.add(tm.userId);
  const groups = new Set(ws.teamGroups.filter((tg) => tg.teamId === teamId).map((tg) => tg.groupId));
  for (const gm of ws.groupMembers) if (groups.has(gm.groupId)) out.add(gm.userId);
  if (team.isDefault) for (const u of ws.users) if (isInternal(u.role)) out.add(u.id);
  return out;
}

/**
 * Admins see every member; other internal people see every member who is not deactivated; a guest sees the
 * (not deactivated) people of its own teams, and itself.
 */
export function visibleUserIds(ws: PolicyWorkspace, viewer: PolicyViewer): Set<string> {
  if (!isRole(viewer.role) || !activeUser(ws, viewer.userId)) return new Set();
  if (viewer.role === "ADMIN") return new Set(ws.users.map((u) => u.id));
  const listable = (id: string) => ws.users.some((u) => u.id === id && u.status !== "DEACTIVATED");
  if (isInternal(viewer.role)) return new Set(ws.users.filter((u) => listable(u.id)).map((u) => u.id));
  const out = new Set<string>([viewer.userId]);
  for (const teamId of memberTeamIds(ws, viewer)) for (const id of teamMemberIds(ws, teamId)) if (listable(id)) out.add(id);
  return out;
}
