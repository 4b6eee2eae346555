import Link from "next/link";
import { Lock, Shield } from "lucide-react";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import type { TeamSummary } from "@/lib/teams/queries";
import { ROLE_LABELS } from "@/lib/policy";
import { navFor } from "./nav";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { PaletteButton } from "@/components/search/palette-button";

export function Sidebar({ viewer, myTeams }: { viewer: Viewer; myTeams: TeamSummary[] }) {
  const sections = navFor(viewer.role);
  const initials = viewer.name.split(/\s+/).map((p) => p[0]).slice(0, 2).join("").toUpperCase();
  return (
    <aside className="sticky top-0 flex h-screen w-64 shrink-0 flex-col border-r border-slate-200 bg-white">
      <div className="flex items-center gap-2.5 px-5 py-5">
        <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-white">
          <Shield className="h-4 w-4" aria-hidden />
        </span>
        <div className="min-w-0">
          <div className="text-sm font-semibold leading-tight">Enclave</div>
          <div className="truncate text-xs text-slate-500">{viewer.workspaceName}</div>
        </div>
      </div>
      <div className="px-3 pb-4">
        <PaletteButton />
      </div>
      <nav className="flex-1 space-y-6 overflow-y-auto px-3 pb-4" aria-label="Main">
        {sections.map((s, i) => (
          <div key={i}>
            {s.title ? <div className="mb-1.5 px-2.5 text-xs font-semibold uppercase tracking-wide text-slate-400">{s.title}</div> : null}
            <div className="space-y-0.5">
              {s.items.map((item) => (
                <NavLink key={item.href} item={item} />
              ))}
            </div>
          </div>
        ))}
        {myTeams.length ? (
          <div>
            <div className="mb-1.5 px-2.5 text-xs font-semibold uppercase tracking-wide text-slate-400">{viewer.role === "GUEST" ? "Your team" : "Your teams"}</div>
            <ul className="space-y-0.5">
              {myTeams.map((t) => (
                <li key={t.id}>
                  <Link href={`/teams/${t.slug}`} className="flex items-center gap-2 rounded-lg px-2.5 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                    <span className="flex h-5 w-5 items-center justify-center rounded bg-slate-100 text-[10px] font-semibold text-slate-600">{t.name[0]}</span>
                    <span className="truncate">{t.name}</span>
                    {t.visibility === "PRIVATE" ? <Lock className="ml-auto h-3 w-3 text-slate-400" aria-label="Private" /> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </nav>
      <div className="flex items-center gap-3 border-t border-slate-200 px-4 py-3">
        <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700">{initials}</span>
        <Link href="/account" className="min-w-0 flex-1 rounded-md hover:text-brand-700" title="Your account">
          <div className="truncate text-sm font-medium">{viewer.name}</div>
          <div className="truncate text-xs text-slate-500">{ROLE_LABELS[viewer.role]} · {viewer.email}</div>
        </Link>
        <SignOutButton />
      </div>
    </aside>
  );
}
