import fs from "node:fs";
import path from "node:path";

export type Ids = {
  teams: { id: string; name: string; slug: string }[];
  groups: { id: string; name: string }[];
  users: { id: string; email: string; name: string }[];
  resources: { id: string; name: string; type: string; path: string[] }[];
  assignments: { teamId: string; resourceId: string }[];
  /** One automation per client, made by scripts/e2e-prepare.ts (the demo seed has none). */
  automations: { id: string; name: string }[];
};

/** The id map written by scripts/e2e-prepare.ts for this run's database. */
export function loadIds(): Ids {
  const dir = process.env.E2E_DATA_DIR ?? ".data/e2e";
  return JSON.parse(fs.readFileSync(path.join(dir, "ids.json"), "utf8"));
}

export const CLIENTS = {
  Northwind: { domain: "northwind.test", guest: "ana@northwind.test" },
  Globex: { domain: "globex.test", guest: "cara@globex.test" },
  Initech: { domain: "initech.test", guest: "eve@initech.test" },
} as const;
export type Client = keyof typeof CLIENTS;

/** The resources a team reaches: those assigned to it and everything under them. */
export function teamResources(ids: Ids, teamName: string) {
  const team = ids.teams.find((t) => t.name === teamName)!;
  const roots = new Set(ids.assignments.filter((a) => a.teamId === team.id).map((a) => a.resourceId));
  return ids.resources.filter((r) => r.path.some((p) => roots.has(p)));
}

/** Everything that belongs to a client: its team, its group, its people, and the resources under its assignments. */
export function clientScope(ids: Ids, client: Client) {
  return {
    team: ids.teams.find((t) => t.name === client)!,
    group: ids.groups.find((g) => g.name === `${client} people`)!,
    users: ids.users.filter((u) => u.email.endsWith(`@${CLIENTS[client].domain}`)),
    resources: teamResources(ids, client),
  };
}
