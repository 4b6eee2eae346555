import type { Role } from "./types";

/**
 * One declarative table of what each role may do; anything not listed is refused. Every check of a right goes
 * through can() with one of these: queries, server actions, route handlers, pages and the sidebar.
 */
export const PERMISSIONS = {
  "members.manage": ["ADMIN"],
  "teams.manage": ["ADMIN"],
  "groups.manage": ["ADMIN"],
  /** Assigning resources to teams, and the resources table of the settings. */
  "assignments.manage": ["ADMIN"],
  "automations.manage": ["ADMIN"],
  "integrations.manage": ["ADMIN"],
  "authentication.manage": ["ADMIN"],
  /** "Who can see this?" and the exposure report of a client team. */
  "access.explain": ["ADMIN"],
  "audit.read": ["ADMIN"],
  "view-as.start": ["ADMIN"],
  /** Every API token of the workspace (Settings → API tokens), team tokens, and revoking anyone's token. */
  "tokens.manage": ["ADMIN"],
  "settings.manage": ["ADMIN"],
  "resources.edit": ["ADMIN", "EDITOR"],
  /** The /teams listing, and joining or leaving a public team. */
  "teams.join-public": ["ADMIN", "EDITOR", "VIEWER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(role: unknown): role is Role {
  return role === "ADMIN" || role === "EDITOR" || role === "VIEWER" || role === "GUEST";
}

/** Unknown roles may do nothing. */
export function can(role: Role | string, permission: Permission): boolean {
  return isRole(role) && (PERMISSIONS[permission] as readonly string[]).includes(role);
}

export function isInternal(role: Role | string): boolean {
  return role === "ADMIN" || role === "EDITOR" || role === "VIEWER";
}

export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", EDITOR: "Editor", VIEWER: "Viewer", GUEST: "Guest" };
