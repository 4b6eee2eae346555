// Teams and groups: every action as the admin does what it says (with audit and guardrails), and as anyone
// else, or against another client's or another workspace's ids, is refused and changes nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import * as teamActions from "@/lib/teams/actions";
import * as groupActions from "@/lib/groups/actions";
import { getTeamBySlug, listTeamMembers, listTeamsTable, listVisibleTeams, listTeamCandidates, listTeamGroupCandidates, getTeamDeletionImpact } from "@/lib/teams/queries";
import { getGroup, listGroupsTable, listGroupCandidates } from "@/lib/groups/queries";
import { seedDemo } from "@/prisma/seed/demo";
import { said } from "../helpers/refusal";

const db = await setupTestDb();
const P = { page: 1, size: 25, sort: "name" as const, dir: "asc" as const, q: "" };

/** A Guest of no client yet: adding one to a client team exposes nobody (another client's Guest would). */
async function freeGuest(email: string): Promise<string> {
  const u = await db.conn.prisma.user.create({ data: { email, name: email.split("@")[0]!, status: "ACTIVE" } });
  await db.conn.prisma.membership.create({ data: { workspaceId: db.workspaceId, userId: u.id, role: "GUEST" } });
  return u.id;
}

const one = async (sql: string, params: unknown[] = []) => (await db.sql<{ id: string }>(sql, params))[0].id;
const teamId = (name: string) => one(`SELECT id FROM "Team" WHERE name = $1 AND "workspaceId" = $2`, [name, db.workspaceId]);
const groupId = (name: string) => one(`SELECT id FROM "Group" WHERE name = $1 AND "workspaceId" = $2`, [name, db.workspaceId]);
const userId = (email: string) => one(`SELECT id FROM "User" WHERE email = $1`, [email]);

/** Every row an action could touch, to compare before and after a refused call. */
async function state() {
  const q = (t: string) => db.sql(`SELECT * FROM "${t}" ORDER BY 1, 2, 3`);
  return {
    teams: await db.sql(`SELECT id, name, slug, description, visibility, "isDefault" FROM "Team" ORDER BY id`),
    groups: await db.sql(`SELECT id, name, description FROM "Group" ORDER BY id`),
    teamMembers: await q("TeamMember"),
    groupMembers: await q("GroupMember"),
    teamGroups: await q("TeamGroup"),
    audit: await db.sql(`SELECT count(*)::int AS n FROM "AuditEvent"`),
  };
}

async function audits(action: string) {
  return db.sql<{ targetName: string; actorEmail: string }>(`SELECT "targetName", "actorEmail" FROM "AuditEvent" WHERE action = $1 ORDER BY "createdAt"`, [action]);
}

let ids: Record<string, string>;
beforeAll(async () => {
  ids = {
    general: await teamId("General"),
    northwind: await teamId("Northwind"),
    globex: await teamId("Globex"),
    initech: await teamId("Initech"),
    northwindPeople: await groupId("Northwind people"),
    globexPeople: await groupId("Globex people"),
    initechPeople: await groupId("Initech people"),
    ana: await userId("ana@northwind.test"),
    ben: await userId("ben@northwind.test"),
    cara: await userId("cara@globex.test"),
    dan: await userId("dan@globex.test"),
    eve: await userId("eve@initech.test"),
    editor: await userId("editor@acme.test"),
    viewer: await userId("viewer@acme.test"),
  };
});

/** Every team and group action, with arguments aimed at the given ids. */
function everyCall(t: { team: string; group: string; user: string }) {
  return [
    ["createTeam", () => teamActions.createTeam({ name: "Sneaky", description: "", visibility: "PUBLIC" })],
    ["updateTeam", () => teamActions.updateTeam({ teamId: t.team, name: "Renamed", description: "x", visibility: "PUBLIC" })],
    ["deleteTeam", () => teamActions.deleteTeam({ teamId: t.team })],
    ["addTeamMembers", () => teamActions.addTeamMembers({ teamId: t.team, userIds: [t.user], confirm: true })],
    ["removeTeamMembers", () => teamActions.removeTeamMembers({ teamId: t.team, userIds: [t.user] })],
    ["addTeamGroup", () => teamActions.addTeamGroup({ teamId: t.team, groupId: t.group, confirm: true })],
    ["removeTeamGroup", () => teamActions.removeTeamGroup({ teamId: t.team, groupId: t.group })],
    ["joinTeam", () => teamActions.joinTeam({ teamId: t.team })],
    ["leaveTeam", () => teamActions.leaveTeam({ teamId: t.team })],
    ["createGroup", () => groupActions.createGroup({ name: "Sneaky people", description: "" })],
    ["updateGroup", () => groupActions.updateGroup({ groupId: t.group, name: "Renamed", description: "" })],
    ["deleteGroup", () => groupActions.deleteGroup({ groupId: t.group })],
    ["addGroupMembers", () => groupActions.addGroupMembers({ groupId: t.group, userIds: [t.user], confirm: true })],
    ["removeGroupMembers", () => groupActions.removeGroupMembers({ groupId: t.group, userIds: [t.user] })],
  ] as const;
}

describe(`teams and groups actions on ${db.engine}: refusals`, () => {
  it.each([
    ["ana@northwind.test", "globex", "globexPeople", "cara"],
    ["ana@northwind.test", "initech", "initechPeople", "eve"],
    ["ana@northwind.test", "northwind", "northwindPeople", "ben"],
    ["cara@globex.test", "northwind", "northwindPeople", "ana"],
    ["cara@globex.test", "general", "globexPeople", "dan"],
  ])("%s calling every action on %s / %s / %s is refused and changes nothing", async (email, team, group, user) => {
    actAs(await db.viewer(email));
    const before = await state();
    for (const [name, call] of everyCall({ team: ids[team], group: ids[group], user: ids[user] })) {
      const res = await call();
      expect(res.ok, name).toBe(false);
      if (!res.ok) expect(res.error, name).toMatch(/permission|Not found/);
    }
    expect(await state()).toEqual(before);
  });

  it.each(["editor@acme.test", "viewer@acme.test"])("%s calling admin actions is refused and changes nothing", async (email) => {
    actAs(await db.viewer(email));
    const before = await state();
    for (const [name, call] of everyCall({ team: ids.northwind, group: ids.northwindPeople, user: ids.viewer })) {
      if (name === "joinTeam" || name === "leaveTeam") continue;
      const res = await call();
      expect(res, name).toEqual({ ok: false, error: "You do not have permission to do this." });
    }
    // Join and leave are theirs, but never for a private team (even one the editor is in) or General.
    for (const team of [ids.northwind, ids.globex, ids.general]) {
      expect((await teamActions.joinTeam({ teamId: team })).ok).toBe(false);
    }
    const leaveGeneral = await teamActions.leaveTeam({ teamId: ids.general });
    expect(leaveGeneral).toEqual({ ok: false, error: "Everyone who is not a Guest is always in General." });
    expect(await state()).toEqual(before);
  });

  it("a private team the editor is not in is reported exactly like a missing one", async () => {
    actAs(await db.viewer("editor@acme.test"));
    expect(await teamActions.joinTeam({ teamId: ids.globex })).toEqual({ ok: false, error: "Not found." });
    expect(await teamActions.joinTeam({ teamId: randomUUID() })).toEqual({ ok: false, error: "Not found." });
  });

  it("bad inputs get a clear error, never a throw, and change nothing", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const before = await state();
    const bad: [string, () => Promise<{ ok: boolean; error?: string }>, RegExp][] = [
      ["no name", () => teamActions.createTeam({ name: "  ", description: "", visibility: "PRIVATE" }), /name is required/],
      ["missing name", () => teamActions.createTeam({ description: "", visibility: "PRIVATE" } as never), /name/i],
      ["1 MB name", () => teamActions.createTeam({ name: "x".repeat(1_000_000), description: "", visibility: "PRIVATE" }), /at most 80/],
      ["1 MB description", () => groupActions.createGroup({ name: "Big", description: "x".repeat(1_000_000) }), /at most 1000/],
      ["bad visibility", () => teamActions.createTeam({ name: "A", description: "", visibility: "SECRET" as never }), /PUBLIC or PRIVATE/],
      ["number for a name", () => groupActions.createGroup({ name: 42 as never, description: "" }), /name/i],
      ["non-uuid team", () => teamActions.deleteTeam({ teamId: "general" }), /Not a valid id/],
      ["null team", () => teamActions.deleteTeam({ teamId: null as never }), /teamId/],
      ["unknown team", () => teamActions.deleteTeam({ teamId: randomUUID() }), /^Not found\.$/],
      ["unknown group", () => groupActions.deleteGroup({ groupId: randomUUID() }), /^Not found\.$/],
      ["unknown user", () => teamActions.addTeamMembers({ teamId: ids.northwind, userIds: [randomUUID()] }), /^Not found\.$/],
      ["no users", () => teamActions.addTeamMembers({ teamId: ids.northwind, userIds: [] }), /at least one/],
      ["users not an array", () => groupActions.addGroupMembers({ groupId: ids.northwindPeople, userIds: ids.ana as never }), /userIds/],
      ["too many users", () => groupActions.addGroupMembers({ groupId: ids.northwindPeople, userIds: Array.from({ length: 501 }, () => randomUUID()) }), /At most 500/],
      ["duplicate team name", () => teamActions.createTeam({ name: "globex", description: "", visibility: "PRIVATE" }), /exists already/],
      ["duplicate group name", () => groupActions.createGroup({ name: "Globex People", description: "" }), /exists already/],
      ["delete General", () => teamActions.deleteTeam({ teamId: ids.general }), /cannot be deleted/],
      ["no input at all", () => teamActions.updateTeam(undefined as never), /./],
    ];
    for (const [name, call, message] of bad) {
      const res = await call();
      expect(res.ok, name).toBe(false);
      expect(said(res), name).toMatch(message);
    }
    expect(await state()).toEqual(before);
  });

  it("another workspace's team, group and user are not found, even for an admin", async () => {
    await seedDemo(db.conn.prisma, { force: true });
    const other = await db.sql<{ id: string; kind: string }>(
      `SELECT t.id, 'team' AS kind FROM "Team" t WHERE t."workspaceId" <> $1 AND t.name = 'Northwind'
       UNION ALL SELECT g.id, 'group' FROM "Group" g WHERE g."workspaceId" <> $1 AND g.name = 'Northwind people'`,
      [db.workspaceId],
    );
    const team = other.find((o) => o.kind === "team")!.id;
    const group = other.find((o) => o.kind === "group")!.id;
    actAs(await db.viewer("admin@acme.test"));
    const before = await state();
    for (const [name, call] of everyCall({ team, group, user: ids.ana })) {
      if (name === "createTeam" || name === "createGroup" || name === "joinTeam" || name === "leaveTeam") continue;
      expect(await call(), name).toEqual({ ok: false, error: "Not found." });
    }
    expect(await getTeamBySlug(await db.viewer("admin@acme.test"), "northwind")).not.toBeNull();
    expect(await getGroup(await db.viewer("admin@acme.test"), group)).toBeNull();
    expect(await state()).toEqual(before);
  });
});

describe(`teams and groups on ${db.engine}: reads`, () => {
  it("the editor lists public teams and its own, never a private team it is not in", async () => {
    const admin = await db.viewer("admin@acme.test");
    actAs(admin);
    const created = await teamActions.createTeam({ name: "Data guild", description: "Open to all", visibility: "PUBLIC" });
    expect(created).toMatchObject({ ok: true, data: { slug: "data-guild" } });
    const editor = await db.viewer("editor@acme.test");
    expect((await listVisibleTeams(editor)).map((t) => t.name)).toEqual(["General", "Data guild", "Northwind"]);
    expect(await getTeamBySlug(editor, "globex")).toBeNull();
    expect(await getTeamBySlug(editor, "northwind")).toMatchObject({ name: "Northwind", isDirectMember: true, canJoin: false, canLeave: true });
    expect(await getTeamBySlug(editor, "data-guild")).toMatchObject({ canJoin: true, canLeave: false });
    const viewer = await db.viewer("viewer@acme.test");
    expect((await listVisibleTeams(viewer)).map((t) => t.name)).toEqual(["General", "Data guild"]);
    expect(await listTeamsTable(editor, P)).toMatchObject({ rows: [], total: 0 });
    expect(await listGroupsTable(editor, { ...P, sort: "name" })).toMatchObject({ rows: [], total: 0 });
    expect(await listTeamCandidates(editor, ids.northwind)).toEqual([]);
    expect(await listTeamGroupCandidates(editor, ids.northwind)).toEqual([]);
    expect(await getTeamDeletionImpact(editor, ids.northwind)).toBeNull();
  });

  it("an editor joins and leaves a public team; the audit names it", async () => {
    const team = await teamId("Data guild");
    actAs(await db.viewer("editor@acme.test"));
    expect(await teamActions.joinTeam({ teamId: team })).toEqual({ ok: true, data: { ok: true } });
    expect(await teamActions.joinTeam({ teamId: team })).toEqual({ ok: false, error: "You are in Data guild already." });
    expect((await db.viewer("editor@acme.test")).memberTeamIds).toContain(team);
    expect(await teamActions.leaveTeam({ teamId: team })).toEqual({ ok: true, data: { ok: true } });
    expect((await db.viewer("editor@acme.test")).memberTeamIds).not.toContain(team);
    expect((await audits("team.joined")).map((a) => [a.targetName, a.actorEmail])).toEqual([["Data guild", "editor@acme.test"]]);
    expect((await audits("team.left")).length).toBe(1);
  });

  it("a guest sees only its own team, never group names, and another team is null", async () => {
    const ana = await db.viewer("ana@northwind.test");
    expect(await getTeamBySlug(ana, "globex")).toBeNull();
    expect(await getTeamBySlug(ana, "general")).toBeNull();
    expect(await getTeamBySlug(ana, "data-guild")).toBeNull();
    const nw = await getTeamBySlug(ana, "northwind");
    expect(nw).toMatchObject({ name: "Northwind", groups: null, canManage: false, canJoin: false, canLeave: false });
    expect(nw!.resources.map((r) => r.name).sort()).toEqual(["Freight", "Northwind Customer Health", "Northwind Sales Overview", "Northwind data dictionary", "northwind"].sort());
    expect(nw!.resources.find((r) => r.name === "northwind")!.descendants).toBeGreaterThan(5);
    const members = await listTeamMembers(ana, ids.northwind, { ...P });
    expect(members.rows.map((m) => m.email)).toEqual(["ana@northwind.test", "ben@northwind.test", "editor@acme.test"]);
    expect(members.rows.every((m) => m.groups.length === 0 && !m.direct && !m.throughGroup)).toBe(true);
    expect(JSON.stringify(members)).not.toContain("Northwind people");
    expect(await listTeamMembers(ana, ids.globex, { ...P })).toMatchObject({ rows: [], total: 0 });
    // The admin sees each member's source.
    const adminView = await listTeamMembers(await db.viewer("admin@acme.test"), ids.northwind, { ...P });
    expect(adminView.rows.map((m) => [m.email, m.direct, m.groups.map((g) => g.name)])).toEqual([
      ["ana@northwind.test", false, ["Northwind people"]],
      ["ben@northwind.test", false, ["Northwind people"]],
      ["editor@acme.test", true, []],
    ]);
  });

  it("the teams table counts members through groups and General, sorts and filters", async () => {
    const admin = await db.viewer("admin@acme.test");
    const all = await listTeamsTable(admin, P);
    const byName = Object.fromEntries(all.rows.map((r) => [r.name, r]));
    expect(byName.General).toMatchObject({ members: 3, groups: 0, isDefault: true });
    expect(byName.Northwind).toMatchObject({ members: 3, groups: 1, visibility: "PRIVATE" });
    expect(byName.Globex).toMatchObject({ members: 2, groups: 1 });
    expect(byName.Northwind.resources).toBeGreaterThan(0);
    const sorted = await listTeamsTable(admin, { ...P, sort: "members", dir: "desc", size: 10 });
    expect(sorted.rows.map((r) => r.members)).toEqual([...sorted.rows.map((r) => r.members)].sort((a, b) => b - a));
    // Counted for the page only or for every team to sort by one figure: each team's figures are the same.
    for (const sort of ["members", "groups", "resources", "visibility"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const t = await listTeamsTable(admin, { ...P, sort, dir, size: 100 });
        expect(t.rows.map((r) => r.name).sort()).toEqual(all.rows.map((r) => r.name).sort());
        for (const r of t.rows) expect(r, `${sort} ${dir}`).toEqual(byName[r.name]);
        const key = t.rows.map((r) => (sort === "visibility" ? r.visibility : r[sort]));
        const want = [...key].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(key, `${sort} ${dir}`).toEqual(dir === "asc" ? want : want.reverse());
      }
    }
    const filtered = await listTeamsTable(admin, { ...P, q: "glob" });
    expect(filtered.rows.map((r) => r.name)).toEqual(["Globex"]);
    expect((await listTeamsTable(admin, { ...P, q: "100%_" })).total).toBe(0);
    const paged = await listTeamsTable(admin, { ...P, size: 10, page: 99 });
    expect(paged.page).toBe(1);
  });
});

describe(`teams table on ${db.engine}: General's count`, () => {
  it("counts every non-guest once and a guest who is in General directly or through a group", async () => {
    const admin = await db.viewer("admin@acme.test");
    const general = (await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE "workspaceId" = $1 AND "isDefault"`, [db.workspaceId]))[0]!.id;
    const user = async (email: string) => (await db.sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]))[0]!.id;
    const count = async () => (await listTeamsTable(admin, { ...P, size: 100 })).rows.find((r) => r.isDefault)!.members;
    const before = await count();
    const [editor, eve] = [await user("editor@acme.test"), await user("eve@initech.test")];
    // A non-guest who is also a direct member is one of the non-guests already; a guest put in directly is one more.
    await db.sql(`INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") VALUES ($1, $2, $3), ($1, $2, $4)`, [db.workspaceId, general, editor, eve]);
    try {
      expect(await count()).toBe(before + 1);
      const sorted = await listTeamsTable(admin, { ...P, sort: "members", dir: "desc", size: 100 });
      expect(sorted.rows.find((r) => r.isDefault)!.members).toBe(before + 1);
    } finally {
      await db.sql(`DELETE FROM "TeamMember" WHERE "teamId" = $1 AND "userId" IN ($2, $3)`, [general, editor, eve]);
    }
    expect(await count()).toBe(before);
  });
});

describe(`teams and groups on ${db.engine}: admin changes`, () => {
  it("groups: create, add a guest through the UI path, link to a private team, remove the link keeps a direct membership", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const team = await teamActions.createTeam({ name: "Umbrella", description: "Umbrella Corp", visibility: "PRIVATE" });
    expect(team.ok).toBe(true);
    const umbrella = await teamId("Umbrella");
    const group = await groupActions.createGroup({ name: "Umbrella people", description: "" });
    if (!group.ok) throw new Error(group.error);
    const gid = group.data.id;
    // Eve leaves Initech people and joins Umbrella people.
    expect(await groupActions.removeGroupMembers({ groupId: ids.initechPeople, userIds: [ids.eve] })).toEqual({ ok: true, data: { removed: 1 } });
    expect(await groupActions.addGroupMembers({ groupId: gid, userIds: [ids.eve] })).toEqual({ ok: true, data: { added: 1 } });
    expect(await teamActions.addTeamGroup({ teamId: umbrella, groupId: gid })).toEqual({ ok: true, data: { ok: true } });
    const eve = await db.viewer("eve@initech.test");
    expect((await listVisibleTeams(eve)).map((t) => t.name)).toEqual(["Umbrella"]);
    // A direct membership as well: removing the group keeps it.
    expect(await teamActions.addTeamMembers({ teamId: umbrella, userIds: [ids.eve] })).toEqual({ ok: true, data: { added: 1 } });
    expect(await teamActions.removeTeamGroup({ teamId: umbrella, groupId: gid })).toEqual({ ok: true, data: { ok: true } });
    expect((await db.viewer("eve@initech.test")).memberTeamIds).toEqual([umbrella]);
    // Removing the direct membership too leaves her in no team.
    expect(await teamActions.removeTeamMembers({ teamId: umbrella, userIds: [ids.eve] })).toEqual({ ok: true, data: { removed: 1, skipped: 0 } });
    expect((await db.viewer("eve@initech.test")).memberTeamIds).toEqual([]);
    // Ana never sees any of it.
    const ana = await db.viewer("ana@northwind.test");
    expect((await listVisibleTeams(ana)).map((t) => t.name)).toEqual(["Northwind"]);
    expect(await getTeamBySlug(ana, "umbrella")).toBeNull();
    for (const a of ["team.created", "group.created", "group.members.removed", "group.members.added", "team.group.added", "team.group.removed", "team.members.added", "team.members.removed"]) {
      expect((await audits(a)).length, a).toBeGreaterThan(0);
    }
    // Back as she was, for the tests below.
    await groupActions.addGroupMembers({ groupId: ids.initechPeople, userIds: [ids.eve] });
  });

  it("guardrail: a guest (or a group holding one) into General needs an explicit confirmation", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const before = await state();
    const direct = await teamActions.addTeamMembers({ teamId: ids.general, userIds: [ids.ben] });
    expect(direct.ok).toBe(false);
    if (!direct.ok) expect(direct.error).toMatch(/Ben Carter is a Guest: in General they will see every resource and every person shared with General.*Confirm/);
    const viaGroup = await teamActions.addTeamGroup({ teamId: ids.general, groupId: ids.globexPeople });
    expect(viaGroup.ok).toBe(false);
    if (!viaGroup.ok) expect(viaGroup.error).toMatch(/Through the group Globex people: Cara Mendes and Dan Okafor are Guests/);
    expect(await state()).toEqual(before);
    // Confirmed: it happens, and the audit records the confirmation.
    expect(await teamActions.addTeamMembers({ teamId: ids.general, userIds: [ids.ben], confirm: true })).toEqual({ ok: true, data: { added: 1 } });
    const ev = await db.sql<{ after: { confirmed: boolean } }>(`SELECT after FROM "AuditEvent" WHERE action = 'team.members.added' ORDER BY "createdAt" DESC LIMIT 1`);
    expect(ev[0].after.confirmed).toBe(true);
    expect(await teamActions.removeTeamMembers({ teamId: ids.general, userIds: [ids.ben] })).toMatchObject({ ok: true });
  });

  it("guardrail: a non-guest into a private client team, directly or through a group, warns first", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const before = await state();
    const direct = await teamActions.addTeamMembers({ teamId: ids.globex, userIds: [ids.viewer] });
    expect(direct).toMatchObject({ ok: false });
    if (!direct.ok) expect(direct.error).toMatch(/Sam Ortiz is not a Guest and also sees everything in General/);
    const res = await groupActions.addGroupMembers({ groupId: ids.globexPeople, userIds: [ids.viewer] });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/Through Globex people, in Globex: Sam Ortiz is not a Guest/);
    expect(await state()).toEqual(before);
    // A guest (of no other client) into a private team, or a person into a public one, needs nothing.
    const gus = await freeGuest("gus@free.test");
    expect(await teamActions.addTeamMembers({ teamId: ids.globex, userIds: [gus] })).toMatchObject({ ok: true });
    expect(await teamActions.removeTeamMembers({ teamId: ids.globex, userIds: [gus] })).toMatchObject({ ok: true });
    // Another client's guest is an exposure: tests/integration/isolation-guard.test.ts.
    expect(await teamActions.addTeamMembers({ teamId: ids.globex, userIds: [ids.ben] })).toMatchObject({ ok: false, error: expect.stringContaining("isolation lock") });
  });

  it("candidates: the pickers list only workspace people and unlinked groups", async () => {
    const admin = await db.viewer("admin@acme.test");
    const people = await listTeamCandidates(admin, ids.northwind);
    expect(people.map((p) => p.email)).not.toContain("editor@acme.test");
    expect(people.map((p) => p.email)).toContain("ana@northwind.test");
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    const groups = await listTeamGroupCandidates(admin, ids.northwind);
    expect(groups.map((g) => g.name)).not.toContain("Northwind people");
    expect(groups.map((g) => g.name)).toContain("Globex people");
    const gc = await listGroupCandidates(admin, ids.northwindPeople);
    expect(gc.map((p) => p.email)).not.toContain("ana@northwind.test");
  });

  it("edit and delete a team; General stays; deletion impact is counted first", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const guild = await teamId("Data guild");
    expect(await teamActions.updateTeam({ teamId: guild, name: "Data guild", description: "Now private", visibility: "PRIVATE" })).toMatchObject({ ok: true });
    expect(await teamActions.updateTeam({ teamId: guild, name: "Globex", description: "", visibility: "PRIVATE" })).toEqual({ ok: false, error: "A team with that name exists already.", fieldErrors: { name: "A team with that name exists already." } });
    const editor = await db.viewer("editor@acme.test");
    expect(await getTeamBySlug(editor, "data-guild")).toBeNull();
    const impact = await getTeamDeletionImpact(await db.viewer("admin@acme.test"), ids.initech);
    expect(impact).toMatchObject({ members: 2, groups: 1 });
    expect(impact!.assigned).toBeGreaterThan(0);
    expect(impact!.onlyHere).toBeGreaterThan(0);
    expect(await teamActions.deleteTeam({ teamId: guild })).toEqual({ ok: true, data: { deleted: true } });
    expect(await db.sql(`SELECT 1 FROM "Team" WHERE id = $1`, [guild])).toEqual([]);
    expect((await audits("team.deleted")).map((a) => a.targetName)).toEqual(["Data guild"]);
    expect(await teamActions.updateTeam({ teamId: ids.general, name: "General", description: "All of us", visibility: "PRIVATE" })).toMatchObject({ ok: true });
    // Every non-guest is still in General, private or not.
    expect((await db.viewer("viewer@acme.test")).memberTeamIds).toContain(ids.general);
  });

  it("groups: rename and delete; a deleted group's path into a team goes with it", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const g = await groupActions.createGroup({ name: "Temp", description: "" });
    if (!g.ok) throw new Error(g.error);
    expect(await groupActions.updateGroup({ groupId: g.data.id, name: "Northwind People", description: "" })).toEqual({ ok: false, error: "A group with that name exists already." });
    expect(await groupActions.updateGroup({ groupId: g.data.id, name: "Temporary", description: "d" })).toMatchObject({ ok: true });
    const hal = await freeGuest("hal@free.test");
    expect(await groupActions.addGroupMembers({ groupId: g.data.id, userIds: [hal] })).toMatchObject({ ok: true });
    expect(await teamActions.addTeamGroup({ teamId: ids.northwind, groupId: g.data.id })).toMatchObject({ ok: true });
    expect((await db.viewer("hal@free.test")).memberTeamIds).toContain(ids.northwind);
    const detail = await getGroup(await db.viewer("admin@acme.test"), g.data.id);
    expect(detail).toMatchObject({ name: "Temporary", teams: [{ name: "Northwind" }], members: [{ email: "hal@free.test" }] });
    expect(await groupActions.deleteGroup({ groupId: g.data.id })).toEqual({ ok: true, data: { deleted: true } });
    expect((await db.viewer("hal@free.test")).memberTeamIds).not.toContain(ids.northwind);
    expect((await audits("group.deleted")).map((a) => a.targetName)).toEqual(["Temporary"]);
    expect(await getGroup(await db.viewer("ana@northwind.test"), ids.northwindPeople)).toBeNull();
  });
});
