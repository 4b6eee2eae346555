import { requireViewer } from "@/lib/auth/viewer";
import { listVisibleTeams } from "@/lib/teams/queries";
import { ROLE_LABELS } from "@/lib/policy";
import { Sidebar } from "@/components/shell/sidebar";
import { ViewAsBanner } from "@/components/view-as/view-as-banner";
import { CommandPalette } from "@/components/search/command-palette";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const myTeams = await listVisibleTeams(viewer, { mine: true });
  return (
    <div className="flex min-h-screen">
      <Sidebar viewer={viewer} myTeams={myTeams} />
      <main className="min-w-0 flex-1">
        {viewer.actingAdmin ? (
          <ViewAsBanner name={viewer.name} role={ROLE_LABELS[viewer.role]} teams={myTeams.map((t) => t.name)} adminName={viewer.actingAdmin.name} />
        ) : null}
        <div className="mx-auto max-w-6xl px-8 py-8">{children}</div>
      </main>
      <CommandPalette />
    </div>
  );
}
