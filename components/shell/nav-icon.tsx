import { BookOpen, Boxes, Fingerprint, KeyRound, Layers, LayoutGrid, Library, Plug, ScrollText, Search, Settings, Settings2, ShieldCheck, Users, UsersRound, Workflow } from "lucide-react";
import type { NavItem } from "./nav";

// One icon per entry: no two entries of the sidebar share one.
const icons: Record<NavItem["icon"], typeof Library> = {
  catalog: Library,
  search: Search,
  team: UsersRound,
  teams: LayoutGrid,
  members: Users,
  "manage-teams": Layers,
  groups: Boxes,
  resources: BookOpen,
  integrations: Plug,
  automations: Workflow,
  audit: ScrollText,
  workspace: Settings2,
  isolation: ShieldCheck,
  tokens: KeyRound,
  authentication: Fingerprint,
  settings: Settings,
};

export function NavIcon({ icon, className = "h-4 w-4" }: { icon: NavItem["icon"]; className?: string }) {
  const Icon = icons[icon] ?? Settings;
  return <Icon className={className} aria-hidden />;
}
