"use client";
import { useState } from "react";
import { usePathname } from "next/navigation";
import { Dialog as D } from "radix-ui";
import { Menu as MenuIcon, PanelLeftClose, PanelLeftOpen, Search as SearchIcon, Shield, X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { OPEN_PALETTE_EVENT } from "@/components/search/command-palette";

import { SIDEBAR_COOKIE } from "./nav";

/**
 * The console's frame. From 1024 px the sidebar sits on the left and folds down to its icons (remembered in a
 * cookie, so the server renders it folded, without a flash); below that it is a drawer behind a menu button in
 * a top bar, a modal that traps focus and closes on Escape, on a link, or outside.
 */
export function Shell({ sidebar, workspaceName, collapsed: initial, children }: {
  sidebar: React.ReactNode;
  workspaceName: string;
  collapsed: boolean;
  children: React.ReactNode;
}) {
  const [collapsed, setCollapsed] = useState(initial);
  const [drawer, setDrawer] = useState(false);
  // A link followed from the drawer closes it (adjusted during render when the path changes).
  const pathname = usePathname();
  const [path, setPath] = useState(pathname);
  if (path !== pathname) {
    setPath(pathname);
    setDrawer(false);
  }

  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    document.cookie = `${SIDEBAR_COOKIE}=${next ? "collapsed" : "open"}; path=/; max-age=31536000; samesite=lax`;
  };

  return (
    <div className="min-h-screen lg:flex">
      <aside
        data-collapsed={collapsed}
        aria-label="Sidebar"
        className={cn("group/side sticky top-0 hidden h-screen shrink-0 flex-col border-r border-slate-200 bg-white lg:flex", collapsed ? "w-16" : "w-64")}
      >
        {sidebar}
        <button
          type="button"
          onClick={toggle}
          aria-label={collapsed ? "Expand sidebar" : "Collapse sidebar"}
          aria-expanded={!collapsed}
          title={collapsed ? "Expand sidebar" : "Collapse sidebar"}
          className="absolute -right-3 top-6 z-10 flex h-6 w-6 items-center justify-center rounded-full border border-slate-200 bg-white text-slate-600 shadow-sm hover:text-slate-900"
        >
          {collapsed ? <PanelLeftOpen className="h-3.5 w-3.5" aria-hidden /> : <PanelLeftClose className="h-3.5 w-3.5" aria-hidden />}
        </button>
      </aside>

      <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-slate-200 bg-white px-3 lg:hidden">
        <D.Root open={drawer} onOpenChange={setDrawer}>
          <D.Trigger aria-label="Open menu" className="rounded-md p-2 text-slate-700 hover:bg-slate-100">
            <MenuIcon className="h-5 w-5" aria-hidden />
          </D.Trigger>
          <D.Portal>
            <D.Overlay className="fixed inset-0 z-50 bg-slate-900/40 dark:bg-black/60 lg:hidden" />
            <D.Content aria-describedby={undefined} className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r border-slate-200 bg-white shadow-xl lg:hidden">
              <D.Title className="sr-only">Menu</D.Title>
              <D.Close aria-label="Close menu" className="absolute right-2 top-4 z-10 rounded-md p-1.5 text-slate-600 hover:bg-slate-100">
                <X className="h-4 w-4" aria-hidden />
              </D.Close>
              {sidebar}
            </D.Content>
          </D.Portal>
        </D.Root>
        <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-white">
          <Shield className="h-3.5 w-3.5" aria-hidden />
        </span>
        <span className="min-w-0 flex-1 truncate text-sm font-semibold">{workspaceName}</span>
        <button type="button" aria-label="Search" onClick={() => window.dispatchEvent(new Event(OPEN_PALETTE_EVENT))} className="rounded-md p-2 text-slate-700 hover:bg-slate-100">
          <SearchIcon className="h-5 w-5" aria-hidden />
        </button>
      </header>

      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
