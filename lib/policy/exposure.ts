import type { PolicyUser, PolicyWorkspace, Role } from "./types";
import { pathOf } from "./visibility";

// The cross-client exposure rule of DESIGN.md, stated once. A *client team* is a private team that is not
// General. An exposure is any of:
//   guest-resource   a Guest can see a resource assigned (itself or through an ancestor) to a client team the
//                    Guest is not in;
//   guest-person     a Guest can see a person who is in none of the Guest's client teams and is a Guest of
//                    another client team;
//   guest-two-teams  a Guest is in two client teams;
//   group-two-clients a group holds Guests of two client teams;
//   shared-resource  a resource is visible to two client teams (intentional sharing: allowed, always named).
//
// "Guest" means every Guest who is not deactivated: an invited Guest counts as if the invitation were accepted
// (accepting is not a change anyone reviews). Resources are counted by the topmost resources of each overlap
// (the subtree under a top is exposed with it), so a key stays the same while the exposure only deepens.
// Every write that can widen what a Guest sees asks `exposuresAdded(state, change)` (the SQL of lib/isolation
// computes the same set on the database, tests/integration/isolation-rule.test.ts checks the two agree).

export type ExposureKind = "guest-resource" | "guest-person" | "guest-two-teams" | "group-two-clients" | "shared-resource";

export type Exposure =
  | {
      kind: "guest-resource";
      key: string;
      guestId: string;
      /** The client team the resource belongs to. */
      ownerTeamId: string;
      /** The topmost resource of the overlap: it and everything under it. */
      resourceId: string;
      /** The Guest's teams whose assignments bring the resource to them. */
      viaTeamIds: string[];
      /** Every team that brings it is a client team of the Guest's: an intentional share between clients. */
      sharing: boolean;
    }
  | { kind: "guest-person"; key: string; guestId: string; personId: string; viaTeamIds: string[] }
  | { kind: "guest-two-teams"; key: string; guestId: string; teamIds: [string, string] }
  | { kind: "group-two-clients"; key: string; groupId: string; teamIds: [string, string] }
  | { kind: "shared-resource"; key: string; teamIds: [string, string]; resourceId: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An exposure before its key is made. */
export type ExposureFields = DistributiveOmit<Exposure, "key">;

/** What a write adds to the workspace (nothing here removes: removals never widen what a Guest sees). */
export type WorkspaceChange = {
  users?: PolicyUser[];
  roles?: { userId: string; role: Role }[];
  teamMembers?: { teamId: string; userId: string }[];
  groupMembers?: { groupId: string; userId: string }[];
  teamGroups?: { teamId: string; groupId: string }[];
  assignments?: { teamId: string; resourceId: string }[];
  /** Re-parenting: the resource moves under another parent (null: to the top). */
  parents?: { resourceId: string; parentId: string | null }[];
  /** A team's visibility changes (a public team made private becomes a client team). */
  visibility?: { teamId: string; visibility: "PUBLIC" | "PRIVATE" }[];
};

const pair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

export function exposureKey(e: ExposureFields): string {
  switch (e.kind) {
    case "guest-resource":
      return `guest-resource:${e.guestId}:${e.ownerTeamId}:${e.resourceId}`;
    case "guest-person":
      return `guest-person:${e.guestId}:${e.personId}`;
    case "guest-two-teams":
      return `guest-two-teams:${e.guestId}:${e.teamIds[0]}:${e.teamIds[1]}`;
    case "group-two-clients":
      return `group-two-clients:${e.groupId}:${e.teamIds[0]}:${e.teamIds[1]}`;
    case "shared-resource":
      return `shared-resource:${e.teamIds[0]}:${e.teamIds[1]}:${e.resourceId}`;
  }
}

/** Private teams other than General. */
export function clientTeamIds(ws: PolicyWorkspace): Set<string> {
  return new Set(ws.teams.filter((t) => t.visibility === "PRIVATE" && !t.isDefault).map((t) => t.id));
}

/** Guests who are not deactivated: the people the rule protects and watches. */
export function watchedGuestIds(ws: PolicyWorkspace): Set<string> {
  return new Set(ws.users.filter((u) => u.role === "GUEST" && u.status !== "DEACTIVATED").map((u) => u.id));
}

/** A Guest's teams: direct, and through each group added to a team (Guests are never in General implicitly). */
export function guestTeamIds(ws: PolicyWorkspace, userId: string): Set<string> {
  const existing = new Set(ws.teams.map((t) => t.id));
  const out = new Set<string>();
  for (const tm of ws.teamMembers) if (tm.userId === userId && existing.has(tm.teamId)) out.add(tm.teamId);
  const groups = new Set(ws.groupMembers.filter((g) => g.userId === userId).map((g) => g.groupId));
  for (const tg of ws.teamGroups) if (groups.has(tg.groupId) && existing.has(tg.teamId)) out.add(tg.teamId);
  return out;
}

type Paths = Map<string, string[]>;

function allPaths(ws: PolicyWorkspace): Paths {
  const byId = new Map(ws.resources.map((r) => [r.id, r]));
  const memo: Paths = new Map();
  const walk = (id: string): string[] => {
    const known = memo.get(id);
    if (known) return known;
    const path: string[] = [];
    const seen = new Set<string>();
    let cur = byId.get(id);
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id);
      path.unshift(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
    memo.set(id, path);
    return path;
  };
  for (const r of ws.resources) walk(r.id);
  return memo;
}

/**
 * Where two sets of assigned resources overlap, as the topmost resources of the overlap: for each pair where one
 * is an ancestor-or-self of the other, the deeper one; then only those with no other top above them.
 */
export function overlapTops(paths: Paths, a: Iterable<string>, b: Iterable<string>): string[] {
  const as = [...a].filter((x) => paths.has(x));
  const bs = [...b].filter((x) => paths.has(x));
  const tops = new Set<string>();
  for (const x of as) {
    for (const y of bs) {
      if (paths.get(y)!.includes(x)) tops.add(y);
      else if (paths.get(x)!.includes(y)) tops.add(x);
    }
  }
  return minimalTops(paths, tops);
}

function minimalTops(paths: Paths, tops: Set<string>): string[] {
  return [...tops].filter((t) => !paths.get(t)!.some((anc) => anc !== t && tops.has(anc))).sort();
}

/** Every exposure of the workspace, by the rule above. */
export function exposures(ws: PolicyWorkspace): Exposure[] {
  const paths = allPaths(ws);
  const clients = clientTeamIds(ws);
  const guests = watchedGuestIds(ws);
  const assigned = new Map<string, Set<string>>();
  for (const a of ws.assignments) {
    if (!paths.has(a.resourceId)) continue;
    const s = assigned.get(a.teamId) ?? new Set<string>();
    s.add(a.resourceId);
    assigned.set(a.teamId, s);
  }
  const roots = (teamId: string) => assigned.get(teamId) ?? new Set<string>();
  const teamsOf = new Map([...guests].map((g) => [g, guestTeamIds(ws, g)]));
  const clientsOf = (g: string) => new Set([...(teamsOf.get(g) ?? [])].filter((t) => clients.has(t)));
  const out: Exposure[] = [];
  const push = (e: ExposureFields) => out.push({ ...e, key: exposureKey(e) } as Exposure);
  const sortedClients = [...clients].sort();

  for (const g of [...guests].sort()) {
    const mine = teamsOf.get(g)!;
    const myClients = clientsOf(g);
    // guest-resource: the resources of each client team the Guest is not in, seen through the Guest's teams.
    for (const owner of sortedClients) {
      if (mine.has(owner)) continue;
      const seen = new Set<string>();
      for (const u of mine) for (const t of overlapTops(paths, roots(u), roots(owner))) seen.add(t);
      for (const top of minimalTops(paths, seen)) {
        const via = [...mine].filter((u) => paths.get(top)!.some((x) => roots(u).has(x))).sort();
        push({ kind: "guest-resource", guestId: g, ownerTeamId: owner, resourceId: top, viaTeamIds: via, sharing: via.every((u) => clients.has(u)) });
      }
    }
    // guest-person: another client's Guest met in a shared team.
    for (const p of [...guests].sort()) {
      if (p === g) continue;
      const theirClients = clientsOf(p);
      if (!theirClients.size || [...theirClients].some((t) => myClients.has(t))) continue;
      const via = [...mine].filter((t) => teamsOf.get(p)!.has(t)).sort();
      if (via.length) push({ kind: "guest-person", guestId: g, personId: p, viaTeamIds: via });
    }
    // guest-two-teams
    const mc = [...myClients].sort();
    for (let i = 0; i < mc.length; i++) for (let j = i + 1; j < mc.length; j++) push({ kind: "guest-two-teams", guestId: g, teamIds: [mc[i], mc[j]] });
  }

  // group-two-clients: the client teams of a group's Guests.
  const groupIds = [...new Set(ws.groupMembers.map((m) => m.groupId))].sort();
  for (const gr of groupIds) {
    const teams = new Set<string>();
    for (const m of ws.groupMembers) if (m.groupId === gr && guests.has(m.userId)) for (const t of clientsOf(m.userId)) teams.add(t);
    const ts = [...teams].sort();
    for (let i = 0; i < ts.length; i++) for (let j = i + 1; j < ts.length; j++) push({ kind: "group-two-clients", groupId: gr, teamIds: [ts[i], ts[j]] });
  }

  // shared-resource
  for (let i = 0; i < sortedClients.length; i++) {
    for (let j = i + 1; j < sortedClients.length; j++) {
      const [a, b] = pair(sortedClients[i], sortedClients[j]);
      for (const top of overlapTops(paths, roots(a), roots(b))) push({ kind: "shared-resource", teamIds: [a, b], resourceId: top });
    }
  }
  return out;
}

/** The workspace after a change. */
export function applyChange(ws: PolicyWorkspace, change: WorkspaceChange): PolicyWorkspace {
  const uniq = <T,>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];
  const roles = new Map((change.roles ?? []).map((r) => [r.userId, r.role]));
  const parents = new Map((change.parents ?? []).map((p) => [p.resourceId, p.parentId]));
  const vis = new Map((change.visibility ?? []).map((v) => [v.teamId, v.visibility]));
  return {
    users: uniq([...ws.users, ...(change.users ?? [])], (u) => u.id).map((u) => (roles.has(u.id) ? { ...u, role: roles.get(u.id)! } : u)),
    teams: ws.teams.map((t) => (vis.has(t.id) ? { ...t, visibility: vis.get(t.id)! } : t)),
    teamMembers: uniq([...ws.teamMembers, ...(change.teamMembers ?? [])], (x) => `${x.teamId}/${x.userId}`),
    groupMembers: uniq([...ws.groupMembers, ...(change.groupMembers ?? [])], (x) => `${x.groupId}/${x.userId}`),
    teamGroups: uniq([...ws.teamGroups, ...(change.teamGroups ?? [])], (x) => `${x.teamId}/${x.groupId}`),
    resources: ws.resources.map((r) => (parents.has(r.id) ? { ...r, parentId: parents.get(r.id)! } : r)),
    assignments: uniq([...ws.assignments, ...(change.assignments ?? [])], (x) => `${x.teamId}/${x.resourceId}`),
  };
}

/** The exposures a change adds: those of the workspace after it that were not there before (by key). */
export function exposuresAdded(ws: PolicyWorkspace, change: WorkspaceChange): Exposure[] {
  const next = applyChange(ws, change);
  const moved = (change.parents ?? []).map((p) => ({ before: pathOf(ws, p.resourceId), after: pathOf(next, p.resourceId) }));
  return diffExposures(exposures(ws), exposures(next), moved);
}

/**
 * The exposures of `after` that were not in `before`. A key names the top of an exposed subtree, so a resource
 * re-parented into an exposed subtree widens an exposure whose key is unchanged: `moved` (each moved resource's
 * path before and after) counts such an exposure as added too.
 */
export function diffExposures(before: Exposure[], after: Exposure[], moved: { before: string[]; after: string[] }[] = []): Exposure[] {
  const had = new Set(before.map((e) => e.key));
  const movedInto = (top: string) => moved.some((m) => m.after.includes(top) && !m.before.includes(top));
  return after.filter((e) => !had.has(e.key) || ((e.kind === "guest-resource" || e.kind === "shared-resource") && movedInto(e.resourceId)));
}

/**
 * What the isolation lock still lets through, with confirmation: only sharing a resource between client teams
 * that was none of theirs before the change (a resource given to several clients at once). A client's own
 * resources are never opened to another client while the lock is on: a guest-resource exposure passes only when
 * its resource was not, before the change, the owner team's (`ownedBefore`), and every team that brings it to the
 * Guest is one of the Guest's client teams.
 */
export function lockAllows(e: Exposure, ownedBefore: (teamId: string, resourceId: string) => boolean): boolean {
  if (e.kind === "shared-resource") return true;
  return e.kind === "guest-resource" && e.sharing && !ownedBefore(e.ownerTeamId, e.resourceId);
}

/** ownedBefore for a workspace state: the resource, or one of its ancestors, is assigned to the team. */
export function ownedIn(ws: PolicyWorkspace): (teamId: string, resourceId: string) => boolean {
  return (teamId, resourceId) => {
    const path = new Set(pathOf(ws, resourceId));
    return ws.assignments.some((a) => a.teamId === teamId && path.has(a.resourceId));
  };
}
