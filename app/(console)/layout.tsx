import { cookies } from "next/headers";
import { requireViewer } from "@/lib/auth/viewer";
import { listVisibleTeams } from "@/lib/teams/queries";
import { listMyWorkspaces } from "@/lib/workspaces/queries";
import { ROLE_LABELS } from "@/lib/policy";
import { Shell } from "@/components/shell/shell";
import { Sidebar } from "@/components/shell/sidebar";
import { navFor, SIDEBAR_COOKIE } from "@/components/shell/nav";
import { ViewAsBanner } from "@/components/view-as/view-as-banner";
import { CommandPalette } from "@/components/search/command-palette";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const [myTeams, workspaces] = await Promise.all([listVisibleTeams(viewer, { mine: true }), listMyWorkspaces(viewer)]);
  const sections = navFor(viewer.role);
  const collapsed = (await cookies()).get(SIDEBAR_COOKIE)?.value === "collapsed";
  return (
    <Shell sidebar={<Sidebar viewer={viewer} myTeams={myTeams} sections={sections} workspaces={workspaces} />} workspaceName={viewer.workspaceName} collapsed={collapsed}>
      {viewer.actingAdmin ? (
        <ViewAsBanner name={viewer.name} role={ROLE_LABELS[viewer.role]} teams={myTeams.map((t) => t.name)} adminName={viewer.actingAdmin.name} />
      ) : null}
      <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">{children}</div>
      <CommandPalette pages={sections.flatMap((s) => s.items)} />
    </Shell>
  );
}
