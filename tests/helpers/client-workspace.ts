import type { PolicyWorkspace } from "@/lib/policy";

/**
 * The demo workspace's shape in small, for the pure policy tests: General, the private client teams Northwind and
 * Globex (each with its "people" group, nw-people and gx-people, linked to it), optionally the public Platform,
 * and the editor a direct member of Northwind. The caller gives the people, each client's guests (the groups'
 * members), the resource tree and the assignments.
 */
export function clientWorkspace(o: {
  users: PolicyWorkspace["users"];
  guests: { northwind: string[]; globex: string[] };
  platform?: boolean;
  resources: PolicyWorkspace["resources"];
  assignments: PolicyWorkspace["assignments"];
}): PolicyWorkspace {
  return {
    users: o.users,
    teams: [
      { id: "general", visibility: "PUBLIC", isDefault: true },
      { id: "northwind", visibility: "PRIVATE", isDefault: false },
      { id: "globex", visibility: "PRIVATE", isDefault: false },
      ...(o.platform ? [{ id: "platform", visibility: "PUBLIC" as const, isDefault: false }] : []),
    ],
    teamMembers: [{ teamId: "northwind", userId: "editor" }],
    groupMembers: [
      ...o.guests.northwind.map((userId) => ({ groupId: "nw-people", userId })),
      ...o.guests.globex.map((userId) => ({ groupId: "gx-people", userId })),
    ],
    teamGroups: [
      { teamId: "northwind", groupId: "nw-people" },
      { teamId: "globex", groupId: "gx-people" },
    ],
    resources: o.resources,
    assignments: o.assignments,
  };
}
