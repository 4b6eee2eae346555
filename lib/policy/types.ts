// The policy's own vocabulary: plain data, no database, so every rule can be unit- and property-tested.

export const ROLES = ["ADMIN", "EDITOR", "VIEWER", "GUEST"] as const;
export type Role = (typeof ROLES)[number];
export type UserStatus = "ACTIVE" | "INVITED" | "DEACTIVATED";

export type PolicyUser = { id: string; role: Role | string; status: UserStatus };
export type PolicyTeam = { id: string; visibility: "PUBLIC" | "PRIVATE"; isDefault: boolean };
export type PolicyResource = { id: string; parentId: string | null };

/** One workspace as the policy sees it. */
export type PolicyWorkspace = {
  users: PolicyUser[];
  teams: PolicyTeam[];
  teamMembers: { teamId: string; userId: string }[];
  groupMembers: { groupId: string; userId: string }[];
  teamGroups: { teamId: string; groupId: string }[];
  resources: PolicyResource[];
  assignments: { teamId: string; resourceId: string }[];
};

/** Who is looking: resolved from the session and the database, never from the request. */
export type PolicyViewer = { userId: string; role: Role | string };
