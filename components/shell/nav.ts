import type { Role } from "@/lib/policy";

export type NavItem = { href: string; label: string; icon: "catalog" | "search" | "team" | "members" | "teams" | "groups" | "resources" | "integrations" | "automations" | "authentication" | "audit" };
export type NavSection = { title?: string; items: NavItem[] };

/** What the sidebar offers each role. Only pages that exist are listed; every page re-checks on the server. */
export function navFor(role: Role): NavSection[] {
  const browse: NavItem[] = [
    { href: "/catalog", label: "Catalog", icon: "catalog" },
    { href: "/search", label: "Search", icon: "search" },
  ];
  if (role === "GUEST") return [{ items: [...browse, { href: "/my-team", label: "My team", icon: "team" }] }];
  const sections: NavSection[] = [
    { items: [...browse, { href: "/my-team", label: "My teams", icon: "team" }, { href: "/teams", label: "Teams", icon: "teams" }] },
  ];
  if (role === "ADMIN") {
    sections.push({
      title: "Settings",
      items: [
        { href: "/settings/members", label: "Members", icon: "members" },
        { href: "/settings/teams", label: "Teams", icon: "teams" },
        { href: "/settings/groups", label: "Groups", icon: "groups" },
        { href: "/settings/resources", label: "Resources", icon: "resources" },
        { href: "/settings/integrations", label: "Integrations", icon: "integrations" },
        { href: "/settings/automations", label: "Automations", icon: "automations" },
        { href: "/settings/authentication", label: "Authentication", icon: "authentication" },
        { href: "/settings/audit", label: "Audit log", icon: "audit" },
      ],
    });
  }
  return sections.filter((s) => s.items.length);
}
