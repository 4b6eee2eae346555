import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { teamLinks, teamMemberSql } from "@/lib/access/team-members";
import { can, describeExposures, type Exposure, type ExposureLine } from "@/lib/policy";
import { exposuresIn } from "./rule-sql";
import { loadExposureNames } from "./names";
import { isolationLocked } from "./settings";

// The exposure report: every exposure of the whole workspace by the rule of lib/policy (computed in SQL, with no
// cut-off), in plain words, each with a link to fix it. Admins only; anyone else gets null (the page's 404).

export type IsolationReport = {
  /** Exposures (by key) the rule finds: "Isolated" exactly when 0. */
  findings: number;
  lines: (ExposureLine & { fix: string })[];
  locked: boolean;
};

function fixLink(l: ExposureLine, teamSlug: (id: string) => string | undefined): string {
  switch (l.subject.type) {
    case "resource":
      return `/resources/${l.subject.id}#teams`;
    case "group":
      return `/settings/groups/${l.subject.id}`;
    case "user":
      return `/settings/members?member=${l.subject.id}`;
    case "team":
      return `/teams/${teamSlug(l.subject.id) ?? ""}`;
  }
}

/** Whether an exposure concerns a team: its resource's owner, a team it goes through, or a team of a Guest in it. */
async function involving(tx: Tx, workspaceId: string, exposures: Exposure[], teamId: string): Promise<Exposure[]> {
  const users = [...new Set(exposures.flatMap((e) => (e.kind === "guest-resource" ? [e.guestId] : e.kind === "guest-person" ? [e.guestId, e.personId] : [])))];
  const team = users.length ? await tx.team.findFirst({ where: { workspaceId, id: teamId }, select: { id: true, isDefault: true } }) : null;
  const rows = team
    ? await tx.$queryRaw<{ uid: string }[]>(
        Prisma.sql`SELECT u.id::text AS uid FROM unnest(${users}::uuid[]) AS u(id)
          WHERE ${teamMemberSql(workspaceId, await teamLinks(tx, workspaceId, [team]), Prisma.sql`u.id`)}`,
      )
    : [];
  const inTeam = new Set(rows.map((r) => r.uid));
  return exposures.filter((e) => {
    switch (e.kind) {
      case "guest-resource":
        return e.ownerTeamId === teamId || e.viaTeamIds.includes(teamId) || inTeam.has(e.guestId);
      case "guest-person":
        return e.viaTeamIds.includes(teamId) || inTeam.has(e.guestId) || inTeam.has(e.personId);
      default:
        return e.teamIds.includes(teamId);
    }
  });
}

export async function reportIn(tx: Tx, workspaceId: string, opts: { teamId?: string } = {}): Promise<IsolationReport> {
  let exposures = await exposuresIn(tx, workspaceId);
  if (opts.teamId) exposures = await involving(tx, workspaceId, exposures, opts.teamId);
  const names = await loadExposureNames(tx, workspaceId, exposures);
  const teamIds = [...new Set(exposures.flatMap((e) => ("teamIds" in e ? e.teamIds : [])))];
  const slugs = new Map((teamIds.length ? await tx.team.findMany({ where: { workspaceId, id: { in: teamIds } }, select: { id: true, slug: true } }) : []).map((t) => [t.id, t.slug]));
  const lines = describeExposures(exposures, names, "can").map((l) => ({ ...l, fix: fixLink(l, (id) => slugs.get(id)) }));
  return { findings: exposures.length, lines, locked: await isolationLocked(tx, workspaceId) };
}

/** The whole workspace's report, for /settings/isolation. */
export async function isolationReport(viewer: Viewer): Promise<IsolationReport | null> {
  if (!can(viewer.role, "settings.manage")) return null;
  return withViewer(viewer, (tx) => reportIn(tx, viewer.workspaceId), { timeout: 120_000 });
}

export type WorkspaceSettingsView = { workspaceName: string; isolationLock: boolean; updatedAt: string | null };

/** Settings → Workspace: admins only. */
export async function workspaceSettings(viewer: Viewer): Promise<WorkspaceSettingsView | null> {
  if (!can(viewer.role, "settings.manage")) return null;
  return withViewer(viewer, async (tx) => {
    const row = await tx.workspaceSettings.findUnique({ where: { workspaceId: viewer.workspaceId }, select: { isolationLock: true, updatedAt: true } });
    return { workspaceName: viewer.workspaceName, isolationLock: row?.isolationLock ?? true, updatedAt: row?.updatedAt.toISOString() ?? null };
  });
}
