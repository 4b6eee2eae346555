// One table for every server action in lib/*/actions.ts: each is called directly (a plain POST would reach the
// same function) by each role with the ids of what that role cannot see — another client's team, group, people
// and resources, or another workspace's for the admin — and must be refused, say nothing foreign, and leave every
// table's rows exactly as they were. An action missing from the table fails the test, so a new action is born
// inside it.
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { seedDemo } from "@/prisma/seed/demo";
import { generateManifest } from "@/lib/dbt/generate-manifest";

type Action = (input: unknown) => Promise<{ ok: boolean; error?: string }>;
const modules = import.meta.glob("/lib/*/actions.ts", { eager: true }) as Record<string, Record<string, unknown>>;
const actions = new Map<string, Action>();
for (const mod of Object.values(modules)) for (const [name, fn] of Object.entries(mod)) if (typeof fn === "function") actions.set(name, fn as Action);

/** The ids an attacker aims at: none of them visible to it. */
type Foreign = { team: string; group: string; user: string; invited: string; resource: string; integration: string; automation: string; run: string; token: string; connection: string };

/**
 * Inputs per action; `ids: false` marks inputs that carry no id (only a role check stands between a non-admin
 * and them, and an admin may call them legitimately, so the admin row skips them).
 */
const ATTACKS: Record<string, { ids: boolean; inputs: (f: Foreign) => unknown[] }> = {
  updateResourceDescription: { ids: true, inputs: (f) => [{ resourceId: f.resource, description: "pwned" }] },
  updateResourceTags: { ids: true, inputs: (f) => [{ resourceId: f.resource, tags: ["pwned"] }] },
  // The catalog tree's lazy expansion: a foreign schema (or other resource) opens to nothing.
  loadCatalogTreeChildren: { ids: true, inputs: (f) => [{ nodeId: f.resource }] },
  createGroup: { ids: false, inputs: () => [{ name: "Intruders", description: "" }] },
  updateGroup: { ids: true, inputs: (f) => [{ groupId: f.group, name: "Renamed", description: "" }] },
  deleteGroup: { ids: true, inputs: (f) => [{ groupId: f.group }] },
  addGroupMembers: { ids: true, inputs: (f) => [{ groupId: f.group, userIds: [f.user], confirm: true }] },
  removeGroupMembers: { ids: true, inputs: (f) => [{ groupId: f.group, userIds: [f.user] }] },
  createIntegration: { ids: true, inputs: (f) => [{ name: "Exfil", connectionString: "postgres://u:p@127.0.0.1:1/x", teamIds: [f.team] }] },
  testConnectionString: { ids: false, inputs: () => [{ connectionString: "postgres://u:p@127.0.0.1:1/x" }] },
  testIntegration: { ids: true, inputs: (f) => [{ integrationId: f.integration }] },
  replaceIntegrationSecret: { ids: true, inputs: (f) => [{ integrationId: f.integration, connectionString: "postgres://u:p@127.0.0.1:1/x" }] },
  syncIntegration: { ids: true, inputs: (f) => [{ integrationId: f.integration }] },
  inviteMembers: { ids: true, inputs: (f) => [{ emails: "mole@example.test", role: "GUEST", teamIds: [f.team] }] },
  resendInvitation: { ids: true, inputs: (f) => [{ userId: f.invited }] },
  revokeInvitation: { ids: true, inputs: (f) => [{ userId: f.invited }] },
  previewRoleChange: { ids: true, inputs: (f) => [{ userIds: [f.user], role: "ADMIN" }] },
  changeRole: { ids: true, inputs: (f) => [{ userIds: [f.user], role: "ADMIN" }] },
  deactivateMembers: { ids: true, inputs: (f) => [{ userIds: [f.user] }] },
  reactivateMembers: { ids: true, inputs: (f) => [{ userIds: [f.user] }] },
  removeMember: { ids: true, inputs: (f) => [{ userId: f.user }] },
  previewAssignment: { ids: true, inputs: (f) => [{ resourceIds: [f.resource], teamIds: [f.team], mode: "add" }] },
  assignResources: { ids: true, inputs: (f) => [{ resourceIds: [f.resource], teamIds: [f.team] }] },
  unassignResources: { ids: true, inputs: (f) => [{ resourceIds: [f.resource], teamIds: [f.team] }] },
  moveAssignments: { ids: true, inputs: (f) => [{ resourceIds: [f.resource], fromTeamId: f.team, toTeamId: f.team.replace(/.$/, (c) => (c === "0" ? "1" : "0")) }] },
  previewMove: { ids: true, inputs: (f) => [{ resourceIds: [f.resource], fromTeamId: f.team, toTeamId: f.team.replace(/.$/, (c) => (c === "0" ? "1" : "0")) }] },
  previewAddTeamMembers: { ids: true, inputs: (f) => [{ teamId: f.team, userIds: [f.user], confirm: true }] },
  previewAddTeamGroup: { ids: true, inputs: (f) => [{ teamId: f.team, groupId: f.group, confirm: true }] },
  previewAddGroupMembers: { ids: true, inputs: (f) => [{ groupId: f.group, userIds: [f.user], confirm: true }] },
  previewInvite: { ids: true, inputs: (f) => [{ emails: "mole@example.test", role: "GUEST", teamIds: [f.team] }] },
  setIsolationLock: { ids: false, inputs: () => [{ locked: false, confirmName: "Acme Data" }] },
  createTeam: { ids: false, inputs: () => [{ name: "Shadow", description: "", visibility: "PRIVATE" }] },
  updateTeam: { ids: true, inputs: (f) => [{ teamId: f.team, name: "Renamed", description: "", visibility: "PUBLIC" }] },
  deleteTeam: { ids: true, inputs: (f) => [{ teamId: f.team }] },
  previewDeleteTeam: { ids: true, inputs: (f) => [{ teamId: f.team }] },
  addTeamMembers: { ids: true, inputs: (f) => [{ teamId: f.team, userIds: [f.user], confirm: true }] },
  removeTeamMembers: { ids: true, inputs: (f) => [{ teamId: f.team, userIds: [f.user] }] },
  addTeamGroup: { ids: true, inputs: (f) => [{ teamId: f.team, groupId: f.group, confirm: true }] },
  removeTeamGroup: { ids: true, inputs: (f) => [{ teamId: f.team, groupId: f.group }] },
  joinTeam: { ids: true, inputs: (f) => [{ teamId: f.team }] },
  leaveTeam: { ids: true, inputs: (f) => [{ teamId: f.team }] },
  startViewAs: { ids: true, inputs: (f) => [{ userId: f.user }] },
  previewAutomation: { ids: true, inputs: (f) => [{ rule: { match: "all", conditions: [{ kind: "under", id: f.resource }] }, action: "add", teamIds: [f.team] }] },
  createAutomation: {
    ids: true,
    inputs: (f) => [{ name: "Siphon", rule: { match: "all", conditions: [{ kind: "under", id: f.resource }] }, action: "add", teamIds: [f.team], trigger: "manual" }],
  },
  updateAutomation: {
    ids: true,
    inputs: (f) => [{ id: f.automation, name: "Siphon", rule: { match: "all", conditions: [{ kind: "type", value: "TABLE" }] }, action: "remove", teamIds: [f.team], trigger: "manual" }],
  },
  setAutomationEnabled: { ids: true, inputs: (f) => [{ id: f.automation, enabled: false }] },
  deleteAutomation: { ids: true, inputs: (f) => [{ id: f.automation }] },
  previewSavedAutomation: { ids: true, inputs: (f) => [{ id: f.automation }] },
  runAutomation: { ids: true, inputs: (f) => [{ id: f.automation }] },
  undoAutomationRun: { ids: true, inputs: (f) => [{ runId: f.run }] },
  createTeamApiToken: { ids: true, inputs: (f) => [{ teamId: f.team, name: "Exfil", expiresInDays: 30 }] },
  revokeApiToken: { ids: true, inputs: (f) => [{ tokenId: f.token }] },
  createAuthConnection: {
    ids: true,
    inputs: (f) => [{ name: "Exfil", kind: "client", issuer: "https://idp.example", clientId: "x", clientSecret: "y", domains: ["exfil.example"], teamId: f.team }],
  },
  updateAuthConnection: {
    ids: true,
    inputs: (f) => [{ connectionId: f.connection, name: "Exfil", kind: "client", issuer: "https://idp.example", clientId: "x", domains: ["exfil.example"], teamId: f.team }],
  },
  deleteAuthConnection: { ids: true, inputs: (f) => [{ connectionId: f.connection }] },
  rotateScimToken: { ids: true, inputs: (f) => [{ connectionId: f.connection }] },
  // One end the caller can see (its own client's) and one it cannot, both ways round.
  addManualLineageEdge: { ids: true, inputs: (f) => [{ fromId: f.resource, toId: f.resource }, { fromId: f.resource, toId: f.integration }, { fromId: f.integration, toId: f.resource }] },
  removeManualLineageEdge: { ids: true, inputs: (f) => [{ fromId: f.resource, toId: f.integration }] },
  // A foreign resource with a foreign owner, and each one alone next to the other kind of owner.
  addResourceOwner: { ids: true, inputs: (f) => [{ resourceId: f.resource, userId: f.user }, { resourceId: f.resource, groupId: f.group }, { resourceId: f.integration, userId: f.user }] },
  removeResourceOwner: { ids: true, inputs: (f) => [{ resourceId: f.resource, userId: f.user }, { resourceId: f.resource, groupId: f.group }] },
  // The owner picker's type-ahead on a foreign resource, typing another client's names (a Guest may not set owners).
  findOwnerCandidates: { ids: true, inputs: (f) => ["", "cara", "globex", "dan", "%"].map((q) => ({ resourceId: f.resource, q })) },
  // A workspace the attacker is no member of, and an id that is no workspace at all.
  switchWorkspace: { ids: true, inputs: (f) => [{ workspaceId: otherWorkspace }, { workspaceId: f.team }] },
  importDbtManifest: {
    ids: false,
    inputs: () => [
      { manifest: JSON.stringify(generateManifest({ project: "p", database: "analytics", models: [{ kind: "source", sourceName: "globex", schema: "globex", name: "invoices", description: "pwned" }] })) },
      { path: "/etc/passwd.json" },
    ],
  },
};

/** Actions that name no one else's ids by design: they act on the caller's own account or on a token. */
const SELF_ONLY: Record<string, string> = {
  changePassword: "acts on the caller's own password only",
  renameSelf: "acts on the caller's own name only",
  recordSearch: "records a search in the caller's own recent searches (RLS: own rows only; tests/integration/search.test.ts)",
  clearRecentSearches: "clears the caller's own recent searches; takes no input",
  stopViewAs: "ends the caller's own view-as; takes no input",
  acceptInvitation: "public; the single-use token is the only handle (tests/integration/members.test.ts)",
  createMyToken: "creates a token of the caller's own, acting as the caller (tests/integration/api.test.ts)",
  signInOptions: "public; says what an address's domain does (single sign-on or password), never whether the address exists (tests/integration/sso.test.ts)",
  requestSignInLink: "public; the same answer for every address, the link goes to that address only (tests/integration/sign-in-links.test.ts)",
};

const db = await setupTestDb();
await seedDemo(db.conn.prisma, { force: true }); // a second workspace, for the admin's row

const one = async (sql: string, params: unknown[] = []) => ((await db.sql<{ id: string }>(sql, params))[0] ?? { id: "" }).id;
// A workspace none of the attackers belongs to, for the workspace switcher.
const otherWorkspace = (await db.conn.prisma.workspace.create({ data: { name: "Elsewhere", slug: "elsewhere" } })).id;
const ws = db.workspaceId;
const team = (name: string, other = false) => one(`SELECT id FROM "Team" WHERE name = $1 AND "workspaceId" ${other ? "<>" : "="} $2`, [name, ws]);
const group = (name: string, other = false) => one(`SELECT id FROM "Group" WHERE name = $1 AND "workspaceId" ${other ? "<>" : "="} $2`, [name, ws]);
const user = (email: string) => one(`SELECT id FROM "User" WHERE email = $1`, [email]);
const resource = (name: string, other = false) => one(`SELECT id FROM "Resource" WHERE name = $1 AND "workspaceId" ${other ? "<>" : "="} $2 ORDER BY depth LIMIT 1`, [name, ws]);

// An invitation pending in each client, so resend/revoke have a real foreign target.
async function invited(email: string, teamName: string): Promise<string> {
  const p = db.conn.prisma;
  const u = await p.user.create({ data: { email, name: email.split("@")[0]!, status: "INVITED" } });
  await p.membership.create({ data: { workspaceId: ws, userId: u.id, role: "GUEST", status: "INVITED" } });
  await p.teamMember.create({ data: { workspaceId: ws, teamId: await team(teamName), userId: u.id } });
  return u.id;
}
const globexInvite = await invited("gus@globex.test", "Globex");
const northwindInvite = await invited("nell@northwind.test", "Northwind");
const warehouse = await resource("Warehouse");

// An automation with a finished run in each workspace, for the automation actions to aim at.
async function automation(workspaceId: string, teamName: string): Promise<{ automation: string; run: string; connection: string }> {
  const p = db.conn.prisma;
  const team = await p.team.findFirstOrThrow({ where: { workspaceId, name: teamName } });
  // A client connection in each workspace too, for the authentication actions.
  const c = await p.authConnection.create({
    data: { workspaceId, name: `${teamName} IdP`, kind: "client", issuer: "https://idp.example", clientId: "c", clientSecret: "v1.x.y.z", teamId: team.id, defaultRole: "GUEST" },
  });
  await p.authDomain.create({ data: { domain: `${teamName.toLowerCase()}-${workspaceId.slice(0, 8)}.example`, workspaceId, connectionId: c.id } });
  const a = await p.automation.create({
    data: { workspaceId, name: `${teamName} dashboards`, rule: { match: "all", conditions: [{ kind: "type", value: "DASHBOARD" }] }, action: "add", teamIds: [team.id] },
  });
  const r = await p.automationRun.create({ data: { workspaceId, automationId: a.id, status: "succeeded", finishedAt: new Date(), teamIds: [team.id] } });
  return { automation: a.id, run: r.id, connection: c.id };
}
const here = await automation(ws, "Globex");
const otherWs = (await db.sql<{ id: string }>(`SELECT id FROM "Workspace" WHERE id <> $1`, [ws]))[0].id;
const there = await automation(otherWs, "Northwind");

// An API token in each client (a person's and a team's), and one in the other workspace, for revoke to aim at.
async function token(workspaceId: string, owner: { userId?: string; teamName?: string }): Promise<string> {
  const p = db.conn.prisma;
  const teamId = owner.teamName ? (await p.team.findFirstOrThrow({ where: { workspaceId, name: owner.teamName } })).id : null;
  const t = await p.apiToken.create({
    data: { workspaceId, userId: owner.userId ?? null, teamId, name: "probe", scope: "read", tokenHash: crypto.randomUUID(), prefix: "enc_probe", expiresAt: new Date(Date.now() + 86_400_000) },
  });
  return t.id;
}
const globexToken = await token(ws, { userId: await user("cara@globex.test") });
const northwindToken = await token(ws, { teamName: "Northwind" });
const otherWsToken = await token(otherWs, { teamName: "Globex" });

const ATTACKERS: { email: string; foreign: Foreign; names: string[]; skipIdless?: boolean }[] = [
  {
    email: "ana@northwind.test",
    foreign: { team: await team("Globex"), group: await group("Globex people"), user: await user("cara@globex.test"), invited: globexInvite, resource: await resource("globex"), integration: warehouse, ...here, token: globexToken },
    names: ["Globex", "Cara", "globex", "Warehouse"],
  },
  {
    email: "cara@globex.test",
    foreign: { team: await team("Northwind"), group: await group("Northwind people"), user: await user("ana@northwind.test"), invited: northwindInvite, resource: await resource("Northwind Sales Overview"), integration: warehouse, ...here, token: northwindToken },
    names: ["Northwind", "Ana", "northwind", "Warehouse"],
  },
  {
    email: "viewer@acme.test",
    foreign: { team: await team("Initech"), group: await group("Initech people"), user: await user("eve@initech.test"), invited: globexInvite, resource: await resource("finance"), integration: warehouse, ...here, token: globexToken },
    names: ["Initech", "Eve", "finance"],
  },
  {
    email: "editor@acme.test",
    foreign: { team: await team("Globex"), group: await group("Globex people"), user: await user("dan@globex.test"), invited: globexInvite, resource: await resource("revenue"), integration: warehouse, ...here, token: northwindToken },
    names: ["Globex", "Dan", "revenue"],
  },
  {
    email: "admin@acme.test",
    foreign: {
      team: await team("Northwind", true),
      group: await group("Northwind people", true),
      user: crypto.randomUUID(), // the demo people belong to both workspaces: an unknown id stands for a foreign one
      invited: crypto.randomUUID(),
      resource: await resource("northwind", true),
      integration: await resource("Warehouse", true),
      ...there,
      token: otherWsToken,
    },
    names: [],
    skipIdless: true,
  },
];

async function everyRow(): Promise<Record<string, string>> {
  const tables = await db.sql<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [r] = await db.sql<{ n: number; h: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`);
    out[t] = `${r.n}:${r.h}`;
  }
  return out;
}

describe(`every server action against foreign ids, on ${db.engine}`, () => {
  it("the table covers every exported action", () => {
    const missing = [...actions.keys()].filter((name) => !(name in ATTACKS) && !(name in SELF_ONLY));
    expect(missing, "add these actions to ATTACKS (or SELF_ONLY, with the reason)").toEqual([]);
    expect(Object.keys(ATTACKS).filter((name) => !actions.has(name)), "stale rows").toEqual([]);
  });

  for (const attacker of ATTACKERS) {
    it(`${attacker.email}: refused, naming nothing, and every row unchanged`, async () => {
      const viewer = await db.viewer(attacker.email);
      const before = await everyRow();
      let probes = 0;
      for (const [name, attack] of Object.entries(ATTACKS)) {
        if (attacker.skipIdless && !attack.ids) continue;
        for (const input of attack.inputs(attacker.foreign)) {
          actAs(viewer);
          const res = await actions.get(name)!(input);
          probes++;
          expect(res.ok, `${attacker.email} → ${name}(${JSON.stringify(input)})`).toBe(false);
          for (const word of attacker.names) expect(res.error ?? "", `${name} names ${word}`).not.toContain(word);
        }
      }
      expect(probes).toBeGreaterThan(20);
      expect(await everyRow()).toEqual(before);
    });
  }

  // Bad input, as the admin (whose permission passes, so validation alone must stop it): each field of each
  // action replaced by a wrong type, a 1 MB string or removed, and no input at all → a plain refusal that is not
  // the catch-all "Something went wrong" (what a 500 would have been), and every row unchanged.
  it("bad input to every action is a clear refusal, never a crash, and changes nothing", async () => {
    const admin = ATTACKERS.find((a) => a.email === "admin@acme.test")!;
    const viewer = await db.viewer(admin.email);
    const before = await everyRow();
    const WRONG: unknown[] = [42, null, "x".repeat(1_000_000), { nested: true }];
    const DEFAULTED = new Set(["confirm", "teamIds"]); // optional fields: leaving them out is valid
    let probes = 0;
    for (const [name, attack] of Object.entries(ATTACKS)) {
      if (!attack.ids) continue;
      const base = attack.inputs(admin.foreign)[0] as Record<string, unknown>;
      const mutants: unknown[] = [undefined, null, "not an object", []];
      for (const key of Object.keys(base)) {
        for (const value of WRONG) mutants.push({ ...base, [key]: value });
        if (!DEFAULTED.has(key)) mutants.push(Object.fromEntries(Object.entries(base).filter(([k]) => k !== key)));
      }
      for (const input of mutants) {
        actAs(viewer);
        const res = await actions.get(name)!(input);
        probes++;
        const label = `${name}(${JSON.stringify(input)?.slice(0, 120)})`;
        expect(res.ok, label).toBe(false);
        expect(res.error, label).not.toMatch(/Something went wrong/);
        expect((res.error ?? "").length, label).toBeLessThan(300);
      }
    }
    expect(probes).toBeGreaterThan(200);
    expect(await everyRow()).toEqual(before);
  });
});
