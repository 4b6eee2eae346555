import "server-only";
import { textContains } from "@/lib/db/like";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";
import { reportIn, type IsolationReport } from "@/lib/isolation/queries";
import { Prisma } from "@/lib/generated/prisma/client";
import { effectiveMembershipsSql, teamMembersWhere } from "@/lib/access/scope";
import type { ResourceType } from "@/lib/generated/prisma/enums";
import { can, explainAccess, grantKey, grantRoles, resourceAudience, type AccessGrant, type PolicyWorkspace, type Role } from "@/lib/policy";

// "Who can see this, and why" and the exposure report of a client team: admins only. The grouping and the
// explanation come from lib/policy/explain.ts; this module loads only what those need (the resource's path,
// its assignments, the teams and groups involved) and turns each grant into a count and a page of people.

export type PersonRef = { id: string; name: string; email: string; role: Role };
type NamedResource = { id: string; name: string; type: ResourceType };
type TeamRef = { id: string; name: string; slug: string; visibility: "PUBLIC" | "PRIVATE"; isDefault: boolean };

export type GrantView = {
  key: string;
  kind: "admin" | "general" | "public" | "direct" | "group";
  team: TeamRef | null;
  group: { id: string; name: string } | null;
  /** The assigned ancestors-or-self that bring the resource to the team, nearest first. */
  assigned: NamedResource[];
};

export type AudienceGroup = GrantView & { count: number; people: PersonRef[] };

export type WhoCanSee = {
  resource: NamedResource;
  /** Distinct people who can see it (active members of the workspace). */
  total: number;
  groups: AudienceGroup[];
  /** The explanation for one person, when asked: their grants (empty: they cannot see it). */
  chosen: { person: PersonRef; active: boolean; grants: GrantView[] } | null;
  /** Asked for someone who is not in the workspace. */
  chosenMissing: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const personSelect = { id: true, name: true, email: true } as const;

type Loaded = { ws: PolicyWorkspace; teams: Map<string, TeamRef>; groups: Map<string, string>; resources: Map<string, NamedResource> };

/** The part of the workspace that decides who sees this resource: its path, assignments on it, their teams and groups. */
async function loadAudienceWorkspace(tx: Tx, viewer: Viewer, path: string[]): Promise<Loaded> {
  const ws = viewer.workspaceId;
  const [pathRows, assignments] = [
    await tx.resource.findMany({ where: { workspaceId: ws, id: { in: path } }, select: { id: true, name: true, type: true, parentId: true } }),
    await tx.teamResource.findMany({ where: { workspaceId: ws, resourceId: { in: path } }, select: { teamId: true, resourceId: true } }),
  ];
  const teamIds = [...new Set(assignments.map((a) => a.teamId))];
  const [teams, teamGroups] = teamIds.length
    ? [
        await tx.team.findMany({ where: { workspaceId: ws, id: { in: teamIds } }, select: { id: true, name: true, slug: true, visibility: true, isDefault: true } }),
        await tx.teamGroup.findMany({ where: { workspaceId: ws, teamId: { in: teamIds } }, select: { teamId: true, groupId: true, group: { select: { name: true } } } }),
      ]
    : [[], []];
  return {
    ws: {
      users: [],
      teams: teams.map((t) => ({ id: t.id, visibility: t.visibility, isDefault: t.isDefault })),
      teamMembers: [],
      groupMembers: [],
      teamGroups: teamGroups.map((tg) => ({ teamId: tg.teamId, groupId: tg.groupId })),
      resources: pathRows.map((r) => ({ id: r.id, parentId: r.parentId })),
      assignments,
    },
    teams: new Map(teams.map((t) => [t.id, t])),
    groups: new Map(teamGroups.map((tg) => [tg.groupId, tg.group.name])),
    resources: new Map(pathRows.map((r) => [r.id, { id: r.id, name: r.name, type: r.type }])),
  };
}

function grantView(g: AccessGrant, l: Loaded): GrantView {
  if (g.kind === "admin") return { key: grantKey(g), kind: "admin", team: null, group: null, assigned: [] };
  return {
    key: grantKey(g),
    kind: g.via.kind,
    team: l.teams.get(g.teamId) ?? null,
    group: g.via.kind === "group" ? { id: g.via.groupId, name: l.groups.get(g.via.groupId) ?? "" } : null,
    assigned: g.assignedResourceIds.flatMap((id) => (l.resources.has(id) ? [l.resources.get(id)!] : [])),
  };
}

/** The people a grant lets in, as a where clause: the same rule as grantHolds() in lib/policy/explain.ts. */
function grantWhere(viewer: Viewer, g: AccessGrant): Prisma.UserWhereInput {
  const ws = viewer.workspaceId;
  const base: Prisma.UserWhereInput = { memberships: { some: { workspaceId: ws, status: "ACTIVE", role: { in: grantRoles(g) } } } };
  if (g.kind === "admin" || g.via.kind === "general" || g.via.kind === "public") return base;
  if (g.via.kind === "direct") return { AND: [base, { teamMembers: { some: { workspaceId: ws, teamId: g.teamId } } }] };
  return { AND: [base, { groupMembers: { some: { workspaceId: ws, groupId: g.via.groupId } } }] };
}

async function people(tx: Tx, viewer: Viewer, where: Prisma.UserWhereInput, take: number): Promise<PersonRef[]> {
  const rows = await tx.user.findMany({
    where,
    select: { ...personSelect, memberships: { where: { workspaceId: viewer.workspaceId }, select: { role: true }, take: 1 } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take,
  });
  return rows.map((u) => ({ id: u.id, name: u.name, email: u.email, role: (u.memberships[0]?.role ?? "GUEST") as Role }));
}

/**
 * Everyone who can see a resource, grouped by the path that grants it, with counts and the first `take` people
 * of each group; and, for one person (`who`: a user id, or a name or email to look up), the full chain.
 */
export async function whoCanSee(viewer: Viewer, resourceId: string, opts: { who?: string; take?: number } = {}): Promise<WhoCanSee | null> {
  if (!can(viewer.role, "access.explain") || !UUID.test(resourceId)) return null;
  const take = Math.min(Math.max(opts.take ?? 12, 1), 100);
  return withViewer(viewer, async (tx) => {
    const r = await tx.resource.findFirst({ where: { workspaceId: viewer.workspaceId, id: resourceId }, select: { id: true, name: true, type: true, path: true } });
    if (!r) return null;
    const loaded = await loadAudienceWorkspace(tx, viewer, r.path);
    const grants = resourceAudience(loaded.ws, r.id);
    const groups: AudienceGroup[] = [];
    for (const g of grants) {
      const where = grantWhere(viewer, g);
      const count = await tx.user.count({ where });
      if (!count) continue;
      groups.push({ ...grantView(g, loaded), count, people: await people(tx, viewer, where, take) });
    }
    // Admins first, then team by team (by name); within a team, the order of resourceAudience.
    groups.sort((a, b) => (a.kind === "admin" ? 0 : 1) - (b.kind === "admin" ? 0 : 1) || (a.team?.name ?? "").localeCompare(b.team?.name ?? ""));
    const total = await tx.user.count({ where: { OR: grants.map((g) => grantWhere(viewer, g)) } });

    let chosen: WhoCanSee["chosen"] = null;
    let chosenMissing = false;
    const who = opts.who?.trim().slice(0, 320);
    if (who) {
      const person = await tx.user.findFirst({
        where: {
          memberships: { some: { workspaceId: viewer.workspaceId } },
          ...(UUID.test(who) ? { id: who } : { OR: [{ email: { equals: who.toLowerCase() } }, { name: textContains(who) }, { email: textContains(who) }] }),
        },
        select: { ...personSelect, memberships: { where: { workspaceId: viewer.workspaceId }, select: { role: true, status: true, shownName: true }, take: 1 } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      });
      if (!person) chosenMissing = true;
      else {
        const groupIds = [...loaded.groups.keys()];
        const teamIds = [...loaded.teams.keys()];
        const role = (person.memberships[0]?.role ?? "GUEST") as Role;
        const ws: PolicyWorkspace = {
          ...loaded.ws,
          users: [{ id: person.id, role, status: person.memberships[0]?.status ?? "DEACTIVATED" }],
          teamMembers: teamIds.length
            ? await tx.teamMember.findMany({ where: { workspaceId: viewer.workspaceId, userId: person.id, teamId: { in: teamIds } }, select: { teamId: true, userId: true } })
            : [],
          groupMembers: groupIds.length
            ? await tx.groupMember.findMany({ where: { workspaceId: viewer.workspaceId, userId: person.id, groupId: { in: groupIds } }, select: { groupId: true, userId: true } })
            : [],
        };
        chosen = {
          person: { id: person.id, name: person.memberships[0]?.shownName ?? person.name, email: person.email, role },
          active: person.memberships[0]?.status === "ACTIVE",
          grants: explainAccess(ws, person.id, r.id).map((g) => grantView(g, loaded)),
        };
      }
    }
    return { resource: { id: r.id, name: r.name, type: r.type }, total, groups, chosen, chosenMissing };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Exposure report of a private client team.

export type SharedFinding = {
  /** The resource both teams see (the more specific of the two assignments). */
  resource: NamedResource;
  otherTeam: TeamRef;
  /** Where the other team's assignment sits: on this resource, or on an ancestor it inherits from. */
  assignedAt: NamedResource;
};

export type ForeignGuest = PersonRef & { through: TeamRef[] };

export type TeamExposure = {
  team: TeamRef;
  findings: number;
  internalMembers: { total: number; people: (PersonRef & { via: string[] })[] };
  shared: SharedFinding[];
  foreignGuests: { total: number; people: ForeignGuest[] };
  /** General or public teams that also see some of this team's resources: every employee sees those. */
  alsoEmployees: { team: TeamRef; resources: NamedResource[] }[];
  resourceCount: number;
  /** Every exposure of the isolation rule (lib/policy/exposure.ts) that concerns this team: the verdict. */
  rule: IsolationReport;
};

const teamSelect = { id: true, name: true, slug: true, visibility: true, isDefault: true } as const;

/**
 * What a private client team's resources are exposed to, for admins: its internal members, the resources it
 * shares with another private team, and any Guest outside it who can see one of them. Null for anyone but an
 * admin, and for General and public teams (they are not meant to be isolated).
 */
export async function teamExposure(viewer: Viewer, teamId: string, opts: { take?: number } = {}): Promise<TeamExposure | null> {
  if (!can(viewer.role, "access.explain") || !UUID.test(teamId)) return null;
  const take = Math.min(Math.max(opts.take ?? 25, 1), 200);
  const ws = viewer.workspaceId;
  return withViewer(viewer, async (tx) => {
    const team = await tx.team.findFirst({ where: { workspaceId: ws, id: teamId }, select: teamSelect });
    if (!team || team.isDefault || team.visibility !== "PRIVATE") return null;
    const links = await tx.teamGroup.findMany({ where: { workspaceId: ws, teamId }, select: { groupId: true, group: { select: { name: true } } } });
    const groupIds = links.map((l) => l.groupId);
    const groupName = new Map(links.map((l) => [l.groupId, l.group.name]));
    const inTeam = teamMembersWhere(ws, { teamIds: [teamId], groupIds, general: team.isDefault });

    // Internal people who are members, and so see everything of the team (and are seen by its clients).
    const internalWhere: Prisma.UserWhereInput = { AND: [{ memberships: { some: { workspaceId: ws, status: "ACTIVE", role: { not: "GUEST" } } } }, inTeam] };
    const internalTotal = await tx.user.count({ where: internalWhere });
    const internalRows = await tx.user.findMany({
      where: internalWhere,
      select: {
        ...personSelect,
        memberships: { where: { workspaceId: ws }, select: { role: true }, take: 1 },
        teamMembers: { where: { workspaceId: ws, teamId }, select: { teamId: true } },
        groupMembers: { where: { workspaceId: ws, groupId: { in: groupIds } }, select: { groupId: true } },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take,
    });

    // Resources of the team and the assignments of other teams that overlap them (on an ancestor or inside).
    const roots = await tx.teamResource.findMany({ where: { workspaceId: ws, teamId }, select: { resource: { select: { id: true, name: true, type: true, path: true } } } });
    const rootIds = roots.map((r) => r.resource.id);
    const onPaths = [...new Set(roots.flatMap((r) => r.resource.path))];
    const overlaps = rootIds.length
      ? await tx.teamResource.findMany({
          where: { workspaceId: ws, teamId: { not: teamId }, OR: [{ resourceId: { in: onPaths } }, { resource: { path: { hasSome: rootIds } } }] },
          select: { team: { select: teamSelect }, resource: { select: { id: true, name: true, type: true, path: true } } },
          orderBy: [{ teamId: "asc" }, { resourceId: "asc" }],
        })
      : [];

    const named = (r: { id: string; name: string; type: ResourceType }): NamedResource => ({ id: r.id, name: r.name, type: r.type });
    const shared: SharedFinding[] = [];
    const employees = new Map<string, { team: TeamRef; resources: Map<string, NamedResource> }>();
    for (const o of overlaps) {
      // Each root of this team that the other assignment touches: it is inside the root, or the root inside it.
      for (const root of roots.map((x) => x.resource)) {
        const inside = o.resource.path.includes(root.id);
        const above = !inside && root.path.includes(o.resource.id);
        if (!inside && !above) continue;
        const seen = inside ? o.resource : root;
        if (o.team.visibility === "PRIVATE" && !o.team.isDefault) {
          shared.push({ resource: named(seen), otherTeam: o.team, assignedAt: named(o.resource) });
        } else {
          const e = employees.get(o.team.id) ?? { team: o.team, resources: new Map() };
          e.resources.set(seen.id, named(seen));
          employees.set(o.team.id, e);
        }
      }
    }
    const uniqShared = [...new Map(shared.map((s) => [`${s.otherTeam.id}/${s.resource.id}/${s.assignedAt.id}`, s])).values()];

    // Guests outside this team who are members of a team that overlaps it: they see some of its resources.
    const overlapTeams = new Map(overlaps.map((o) => [o.team.id, o.team]));
    const overlapLinks = overlapTeams.size
      ? await tx.teamGroup.findMany({ where: { workspaceId: ws, teamId: { in: [...overlapTeams.keys()] } }, select: { teamId: true, groupId: true } })
      : [];
    const foreignWhere: Prisma.UserWhereInput = {
      AND: [
        { memberships: { some: { workspaceId: ws, status: "ACTIVE", role: "GUEST" } } },
        teamMembersWhere(ws, { teamIds: [...overlapTeams.keys()], groupIds: overlapLinks.map((l) => l.groupId), general: [...overlapTeams.values()].some((t) => t.isDefault) }),
        { NOT: inTeam },
      ],
    };
    const foreignTotal = overlapTeams.size ? await tx.user.count({ where: foreignWhere }) : 0;
    const foreignRows = foreignTotal
      ? await tx.user.findMany({
          where: foreignWhere,
          select: personSelect,
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take,
        })
      : [];
    // Which of the overlapping teams each of them is in, by the one membership rule (lib/access: directly or
    // through a group; Guests are never General's implicit members).
    const throughRows = foreignRows.length
      ? await tx.$queryRaw<{ uid: string; tid: string }[]>(Prisma.sql`
          SELECT DISTINCT x.uid::text AS uid, x.tid::text AS tid
            FROM (${effectiveMembershipsSql(ws, { users: Prisma.sql`SELECT unnest(${foreignRows.map((u) => u.id)}::uuid[])`, general: false })}) x
           WHERE x.tid = ANY(${[...overlapTeams.keys()]}::uuid[])`)
      : [];

    const resourceCount = rootIds.length;
    // The verdict is the isolation rule's, over the whole workspace (never a cut list): "Isolated" only when the
    // rule finds nothing that concerns this team.
    const rule = await reportIn(tx, ws, { teamId });
    return {
      team,
      findings: rule.findings,
      rule,
      internalMembers: {
        total: internalTotal,
        people: internalRows.map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          role: (u.memberships[0]?.role ?? "VIEWER") as Role,
          via: [...(u.teamMembers.length ? ["direct member"] : []), ...u.groupMembers.map((g) => `group ${groupName.get(g.groupId) ?? ""}`)],
        })),
      },
      shared: uniqShared,
      foreignGuests: {
        total: foreignTotal,
        people: foreignRows.map((u) => {
          const teams = new Set(throughRows.filter((r) => r.uid === u.id).map((r) => r.tid));
          return { id: u.id, name: u.name, email: u.email, role: "GUEST" as Role, through: [...teams].flatMap((id) => (overlapTeams.has(id) ? [overlapTeams.get(id)!] : [])) };
        }),
      },
      alsoEmployees: [...employees.values()].map((e) => ({ team: e.team, resources: [...e.resources.values()] })),
      resourceCount,
    };
  });
}
