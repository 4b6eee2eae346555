// fast-check generators of random workspaces, shared by the unit properties and the database parity tests.
import fc from "fast-check";
import type { PolicyWorkspace, Role } from "@/lib/policy";

const roles: Role[] = ["ADMIN", "EDITOR", "VIEWER", "GUEST"];

export type GeneratedWorkspace = PolicyWorkspace & { groups: string[] };

const id = (prefix: string, i: number) => `${prefix}${i}`;

export const workspaceArb: fc.Arbitrary<GeneratedWorkspace> = fc
  .record({
    users: fc.array(fc.record({ role: fc.constantFrom(...roles), status: fc.constantFrom("ACTIVE", "ACTIVE", "ACTIVE", "DEACTIVATED", "INVITED") }), { minLength: 1, maxLength: 8 }),
    teams: fc.array(fc.constantFrom("PUBLIC", "PRIVATE"), { minLength: 0, maxLength: 5 }),
    generalVisibility: fc.constantFrom("PUBLIC", "PRIVATE"),
    groups: fc.nat({ max: 3 }),
    resources: fc.array(fc.nat({ max: 1000 }), { minLength: 0, maxLength: 25 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
    groupLinks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
    teamGroupLinks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    assignments: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
  })
  .map((g) => {
    const users = g.users.map((u, i) => ({ id: id("u", i), role: u.role, status: u.status as "ACTIVE" | "DEACTIVATED" | "INVITED" }));
    const teams = [
      { id: "t0", visibility: g.generalVisibility as "PUBLIC" | "PRIVATE", isDefault: true },
      ...g.teams.map((v, i) => ({ id: id("t", i + 1), visibility: v as "PUBLIC" | "PRIVATE", isDefault: false })),
    ];
    const groups = Array.from({ length: g.groups }, (_, i) => id("g", i));
    // Parent of resource i is an earlier resource (or none): a forest, as the database enforces.
    const resources = g.resources.map((p, i) => ({ id: id("r", i), parentId: i === 0 || p % 4 === 0 ? null : id("r", p % i) }));
    const uniq = <T,>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];
    const teamMembers = uniq(g.links.map(([t, u]) => ({ teamId: teams[t % teams.length].id, userId: users[u % users.length].id })), (x) => `${x.teamId}/${x.userId}`);
    const groupMembers = groups.length ? uniq(g.groupLinks.map(([gr, u]) => ({ groupId: groups[gr % groups.length], userId: users[u % users.length].id })), (x) => `${x.groupId}/${x.userId}`) : [];
    const teamGroups = groups.length ? uniq(g.teamGroupLinks.map(([t, gr]) => ({ teamId: teams[t % teams.length].id, groupId: groups[gr % groups.length] })), (x) => `${x.teamId}/${x.groupId}`) : [];
    const assignments = resources.length ? uniq(g.assignments.map(([t, r]) => ({ teamId: teams[t % teams.length].id, resourceId: resources[r % resources.length].id })), (x) => `${x.teamId}/${x.resourceId}`) : [];
    return { users, teams, groups, teamMembers, groupMembers, teamGroups, resources, assignments };
  });
