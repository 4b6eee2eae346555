import Link from "next/link";
import { Lock, Shield } from "lucide-react";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { TeamSummary } from "@/lib/teams/queries";
import { ROLE_LABELS } from "@/lib/policy";
import type { NavSection } from "./nav";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { ThemeMenu } from "./theme-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";
import type { WorkspaceChoice } from "@/lib/workspaces/queries";
import { PaletteButton } from "@/components/search/palette-button";

// Inside the folded desktop sidebar (see shell.tsx) the words are hidden but still name each link.
const folded = "group-data-[collapsed=true]/side:sr-only";

export function Sidebar({ viewer, myTeams, sections, workspaces }: { viewer: Viewer; myTeams: TeamSummary[]; sections: NavSection[]; workspaces: WorkspaceChoice[] }) {
  const initials = viewer.name.split(/\s+/).map((p) => p[0]).slice(0, 2).join("").toUpperCase();
  return (
    <>
      <div className="flex items-center gap-2.5 px-5 py-5 group-data-[collapsed=true]/side:px-4">
        <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-lg bg-brand-600 text-white">
          <Shield className="h-4 w-4" aria-hidden />
        </span>
        <div className={`min-w-0 flex-1 ${folded}`}>
          <div className="text-sm font-semibold leading-tight">Enclave</div>
          <div className="truncate text-xs text-slate-600">{viewer.workspaceName}</div>
        </div>
        <div className={folded}>
          <WorkspaceSwitcher workspaces={workspaces} />
        </div>
      </div>
      <div className="px-3 pb-4">
        <PaletteButton />
      </div>
      <nav className="flex-1 space-y-6 overflow-y-auto px-3 pb-4" aria-label="Main">
        {sections.map((s, i) => (
          <div key={i}>
            {s.title ? <div className={`mb-1.5 px-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600 ${folded}`}>{s.title}</div> : null}
            <div className="space-y-0.5">
              {s.items.map((item) => (
                <NavLink key={item.href} item={item} />
              ))}
            </div>
          </div>
        ))}
        {myTeams.length ? (
          <div>
            <div className={`mb-1.5 px-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600 ${folded}`}>{viewer.role === "GUEST" ? "Your team" : "Your teams"}</div>
            <ul className="space-y-0.5">
              {myTeams.map((t) => (
                <li key={t.id}>
                  <Link href={`/teams/${t.slug}`} title={t.name} className="flex items-center gap-2 rounded-lg px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                    <span className="flex h-5 w-5 shrink-0 items-center justify-center rounded bg-slate-100 text-[10px] font-semibold text-slate-700" aria-hidden>{t.name[0]}</span>
                    <span className={`truncate ${folded}`}>{t.name}</span>
                    {t.visibility === "PRIVATE" ? <Lock className={`ml-auto h-3 w-3 text-slate-500 ${folded}`} aria-label="Private" /> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </nav>
      <div className="flex items-center gap-2 border-t border-slate-200 px-4 py-3 group-data-[collapsed=true]/side:flex-col group-data-[collapsed=true]/side:px-2">
        <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-800" aria-hidden>{initials}</span>
        <Link href="/account" className={`min-w-0 flex-1 rounded-md hover:text-brand-700 ${folded}`} title="Your account">
          <div className="truncate text-sm font-medium">{viewer.name}</div>
          <div className="truncate text-xs text-slate-600">{ROLE_LABELS[viewer.role]} · {viewer.email}</div>
        </Link>
        <ThemeMenu />
        <SignOutButton />
      </div>
    </>
  );
}
