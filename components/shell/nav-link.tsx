"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { BookOpen, Boxes, Layers, ScrollText, Search, Users, UsersRound, Workflow, Library, Plug, Settings2, ShieldCheck, KeyRound } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { NavItem } from "./nav";

const icons = { catalog: Library, search: Search, team: UsersRound, members: Users, teams: Layers, groups: Boxes, resources: BookOpen, integrations: Plug, automations: Workflow, audit: ScrollText, workspace: Settings2, isolation: ShieldCheck, authentication: KeyRound };

export function NavLink({ item }: { item: NavItem }) {
  const pathname = usePathname();
  const active = pathname === item.href || pathname.startsWith(`${item.href}/`) || (item.href === "/catalog" && pathname.startsWith("/resources/"));
  const Icon = icons[item.icon];
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2.5 rounded-lg px-2.5 py-1.5 text-sm font-medium transition-colors",
        active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
      )}
    >
      <Icon className="h-4 w-4" aria-hidden />
      {item.label}
    </Link>
  );
}
