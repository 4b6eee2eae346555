import type { Role } from "./types";

/** One declarative table of what each role may do; anything not listed is refused. */
export const PERMISSIONS = {
  "members.manage": ["ADMIN"],
  "teams.manage": ["ADMIN"],
  "groups.manage": ["ADMIN"],
  "assignments.manage": ["ADMIN"],
  "automations.manage": ["ADMIN"],
  "integrations.manage": ["ADMIN"],
  "audit.read": ["ADMIN"],
  "view-as.start": ["ADMIN"],
  "settings.manage": ["ADMIN"],
  "resources.edit": ["ADMIN", "EDITOR"],
  "teams.join-public": ["ADMIN", "EDITOR", "VIEWER"],
  "groups.read": ["ADMIN", "EDITOR", "VIEWER"],
  "settings.read": ["ADMIN", "EDITOR", "VIEWER"],
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
