import { can, isInternal, type Permission, type Role } from "@/lib/policy";

export type NavItem = {
  href: string;
  label: string;
  icon: "catalog" | "search" | "team" | "members" | "teams" | "manage-teams" | "groups" | "resources" | "integrations" | "automations" | "audit" | "workspace" | "isolation" | "tokens" | "settings" | "authentication";
};
export type NavSection = { title?: string; items: NavItem[] };

/** Each settings page and the permission its server side checks (the sidebar offers only what will open). */
const SETTINGS: (NavItem & { permission: Permission })[] = [
  { href: "/settings/members", label: "Members", icon: "members", permission: "members.manage" },
  { href: "/settings/teams", label: "Teams", icon: "manage-teams", permission: "teams.manage" },
  { href: "/settings/groups", label: "Groups", icon: "groups", permission: "groups.manage" },
  { href: "/settings/resources", label: "Resources", icon: "resources", permission: "assignments.manage" },
  { href: "/settings/integrations", label: "Integrations", icon: "integrations", permission: "integrations.manage" },
  { href: "/settings/automations", label: "Automations", icon: "automations", permission: "automations.manage" },
  { href: "/settings/authentication", label: "Authentication", icon: "authentication", permission: "authentication.manage" },
  { href: "/settings/isolation", label: "Isolation", icon: "isolation", permission: "settings.manage" },
  { href: "/settings/workspace", label: "Workspace", icon: "workspace", permission: "settings.manage" },
  { href: "/settings/tokens", label: "API tokens", icon: "tokens", permission: "tokens.manage" },
  { href: "/settings/audit", label: "Audit log", icon: "audit", permission: "audit.read" },
];

/** What the sidebar offers each role. Only pages that exist are listed; every page re-checks on the server. */
export function navFor(role: Role): NavSection[] {
  const browse: NavItem[] = [
    { href: "/catalog", label: "Catalog", icon: "catalog" },
    { href: "/search", label: "Search", icon: "search" },
    // A guest is in one client's team (or a few); everyone else is at least in General.
    { href: "/my-team", label: isInternal(role) ? "My teams" : "My team", icon: "team" },
  ];
  if (can(role, "teams.join-public")) browse.push({ href: "/teams", label: "Teams", icon: "teams" });
  const settings = SETTINGS.filter((s) => can(role, s.permission)).map(({ permission: _, ...item }) => item);
  const sections: NavSection[] = [{ items: browse }, { title: "Settings", items: settings }];
  return sections.filter((s) => s.items.length);
}

/** Remembers a folded desktop sidebar (read by the console layout so the server renders it folded). */
export const SIDEBAR_COOKIE = "enclave-sidebar";
