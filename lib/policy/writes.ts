import { can } from "./roles";
import { canSeeResource, visibleTeamIds } from "./visibility";
import type { PolicyViewer, PolicyWorkspace } from "./types";

/** Editors and admins edit descriptions and tags, and only of what they can see. */
export function canEditResource(ws: PolicyWorkspace, viewer: PolicyViewer, resourceId: string): boolean {
  return can(viewer.role, "resources.edit") && canSeeResource(ws, viewer, resourceId);
}

/** Moving or adding an assignment is checked against every team it touches, source and target alike. */
export function canAssign(ws: PolicyWorkspace, viewer: PolicyViewer, teamIds: string[]): boolean {
  if (!can(viewer.role, "assignments.manage")) return false;
  const teams = visibleTeamIds(ws, viewer);
  return teamIds.every((id) => teams.has(id));
}

/** Internal people may join a public team; nobody joins a private team by themselves. */
export function canJoinTeam(ws: PolicyWorkspace, viewer: PolicyViewer, teamId: string): boolean {
  const team = ws.teams.find((t) => t.id === teamId);
  return !!team && team.visibility === "PUBLIC" && can(viewer.role, "teams.join-public");
}
