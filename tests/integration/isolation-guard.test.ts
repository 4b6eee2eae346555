// Issue #16's scenarios on the demo workspace, through the server actions an admin's browser calls: the preview
// names each exposure, the unconfirmed action is refused and changes nothing (an md5 of every table it could
// touch), the confirmed one goes through and the report then lists it; with the isolation lock on, it is refused
// whatever the confirmation says.
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { assignResources, previewAssignment, unassignResources } from "@/lib/resources/actions";
import { addTeamGroup, addTeamMembers, previewAddTeamGroup, previewAddTeamMembers, removeTeamGroup, removeTeamMembers } from "@/lib/teams/actions";
import { addGroupMembers, previewAddGroupMembers, removeGroupMembers } from "@/lib/groups/actions";
import { changeRole, inviteMembers, previewInvite, previewRoleChange } from "@/lib/members/actions";
import { createIntegration } from "@/lib/integrations/actions";
import { createAutomation, runAutomation } from "@/lib/automations/actions";
import { processRun } from "@/lib/automations/runner";
import { setIsolationLock } from "@/lib/isolation/actions";
import { isolationReport, workspaceSettings } from "@/lib/isolation/queries";
import { teamExposure } from "@/lib/explain/queries";
import { getResourceDetail } from "@/lib/catalog/queries";
import type { Viewer } from "@/lib/auth/resolve-viewer";

const db = await setupTestDb();
const TABLES = ["User", "Membership", "Team", "TeamMember", "Group", "GroupMember", "TeamGroup", "Resource", "TeamResource", "AuditEvent", "WorkspaceSettings", "Invitation", "Integration", "Automation", "AutomationRun"];

/** An md5 of every row of every table a refused write could have touched. */
async function hashes(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const [r] = await db.sql<{ n: number; h: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`);
    out[t] = `${r.n}:${r.h}`;
  }
  return out;
}

const one = async (sql: string, params: unknown[] = []) => (await db.sql<{ id: string }>(sql, params))[0].id;
let admin: Viewer;
const ids: Record<string, string> = {};

async function lock(on: boolean) {
  actAs(admin);
  expect(await setIsolationLock({ locked: on, confirmName: on ? undefined : "Acme Data" })).toMatchObject({ ok: true });
}

async function verdict(): Promise<number> {
  return (await isolationReport(admin))!.findings;
}

beforeAll(async () => {
  admin = await db.viewer("admin@acme.test");
  for (const t of ["General", "Northwind", "Globex", "Initech"]) ids[t] = await one(`SELECT id FROM "Team" WHERE name = $1 AND "workspaceId" = $2`, [t, db.workspaceId]);
  for (const g of ["Northwind people", "Globex people"]) ids[g] = await one(`SELECT id FROM "Group" WHERE name = $1 AND "workspaceId" = $2`, [g, db.workspaceId]);
  for (const u of ["ana", "ben", "cara", "dan", "viewer", "editor"]) ids[u] = await one(`SELECT id FROM "User" WHERE email LIKE $1`, [`${u}@%`]);
  ids.schema = await one(`SELECT id FROM "Resource" WHERE "workspaceId" = $1 AND type = 'SCHEMA' AND name = 'northwind'`, [db.workspaceId]);
  ids.finance = await one(`SELECT id FROM "Resource" WHERE "workspaceId" = $1 AND type = 'SCHEMA' AND name = 'finance'`, [db.workspaceId]);
});

describe(`isolation guardrails on ${db.engine}`, () => {
  it("the demo workspace is Isolated, with the lock on, in the workspace report and every client team's", async () => {
    expect(await workspaceSettings(admin)).toMatchObject({ isolationLock: true });
    expect(await isolationReport(admin)).toMatchObject({ findings: 0, lines: [], locked: true });
    for (const t of ["Northwind", "Globex", "Initech"]) expect((await teamExposure(admin, ids[t]))!.findings).toBe(0);
    // Admins only: everyone else gets nothing (the page's plain 404).
    for (const e of ["editor@acme.test", "viewer@acme.test", "ana@northwind.test"]) {
      expect(await isolationReport(await db.viewer(e))).toBeNull();
      expect(await workspaceSettings(await db.viewer(e))).toBeNull();
    }
  });

  it("the Northwind schema added to Globex: named, refused unconfirmed and under the lock, then confirmed, reported, visible to Cara, and removed", async () => {
    actAs(admin);
    const items = Number((await db.sql<{ n: string }>(`SELECT count(*)::text AS n FROM "Resource" WHERE path @> ARRAY[$1::uuid] AND id <> $1`, [ids.schema]))[0].n);
    const input = { resourceIds: [ids.schema], teamIds: [ids.Globex] };
    const preview = await previewAssignment({ ...input, mode: "add" });
    expect(preview.ok).toBe(true);
    const review = preview.ok ? preview.data.exposures : null;
    expect(review!.lines.map((l) => l.text)).toContain(`Globex's guests Cara Mendes and Dan Okafor would see schema northwind and its ${items} items, assigned to Northwind.`);
    expect(review).toMatchObject({ locked: true, blocked: true });
    expect(await hashes()).toEqual(await hashes()); // the preview changed nothing (its transaction is rolled back)

    const before = await hashes();
    const refused = await assignResources(input);
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining("isolation lock is on") });
    expect(refused.ok ? "" : refused.error).toContain("Cara Mendes and Dan Okafor would see schema northwind");
    expect(await assignResources({ ...input, confirmExposures: review!.confirmation! })).toMatchObject({ ok: false, error: expect.stringContaining("isolation lock is on") });
    expect(await hashes()).toEqual(before);

    await lock(false);
    const again = await previewAssignment({ ...input, mode: "add" });
    const open = again.ok ? again.data.exposures : null;
    expect(open).toMatchObject({ locked: false, blocked: false, confirmation: review!.confirmation });
    const unlocked = await hashes();
    expect(await assignResources(input)).toMatchObject({ ok: false, error: expect.stringContaining("needs your confirmation") });
    expect(await assignResources({ ...input, confirmExposures: "0".repeat(64) })).toMatchObject({ ok: false, error: expect.stringContaining("changed since you reviewed it") });
    expect(await hashes()).toEqual(unlocked);

    const cara = await db.viewer("cara@globex.test");
    expect(await getResourceDetail(cara, ids.schema)).toBeNull();
    expect(await assignResources({ ...input, confirmExposures: open!.confirmation! })).toMatchObject({ ok: true, data: { added: 1 } });
    const report = (await isolationReport(admin))!;
    expect(report.findings).toBe(open!.count);
    expect(report.lines.map((l) => l.text)).toContain(`Globex's guests Cara Mendes and Dan Okafor can see schema northwind and its ${items} items, assigned to Northwind.`);
    expect(report.lines.find((l) => l.kind === "guest-resource")!.fix).toBe(`/resources/${ids.schema}#teams`);
    expect((await teamExposure(admin, ids.Northwind))!.findings).toBeGreaterThan(0);
    // The rule and visibility agree: Cara can now open it.
    expect(await getResourceDetail(cara, ids.schema)).not.toBeNull();
    const [audit] = await db.sql<{ after: { exposures: string[]; confirmation: string; keys: string[] } }>(
      `SELECT after FROM "AuditEvent" WHERE action = 'isolation.exposure.confirmed' ORDER BY "createdAt" DESC LIMIT 1`,
    );
    expect(audit.after.confirmation).toBe(open!.confirmation);
    expect(audit.after.keys.length).toBe(open!.count);
    expect(audit.after.exposures).toContain(`Globex's guests Cara Mendes and Dan Okafor would see schema northwind and its ${items} items, assigned to Northwind.`);

    expect(await unassignResources(input)).toMatchObject({ ok: true });
    expect(await verdict()).toBe(0);
    await lock(true);
  });

  it("a Globex guest added to the group Northwind people: named, refused and unchanged, under the lock whatever the confirmation", async () => {
    actAs(admin);
    const input = { groupId: ids["Northwind people"], userIds: [ids.dan], confirm: true };
    const preview = await previewAddGroupMembers(input);
    const review = preview.ok ? preview.data.exposures : null;
    expect(review!.lines.map((l) => l.text)).toContain("Guest Dan Okafor would be in two client teams, Globex and Northwind, and sees both.");
    expect(review!.lines.map((l) => l.text)).toContain("Group Northwind people would hold guests of two client teams, Globex and Northwind.");
    expect(review!.blocked).toBe(true);
    const before = await hashes();
    expect(await addGroupMembers(input)).toMatchObject({ ok: false, error: expect.stringContaining("isolation lock is on") });
    expect(await addGroupMembers({ ...input, confirmExposures: review!.confirmation! })).toMatchObject({ ok: false });
    expect(await hashes()).toEqual(before);

    await lock(false);
    expect(await addGroupMembers(input)).toMatchObject({ ok: false, error: expect.stringContaining("needs your confirmation") });
    expect(await hashes()).not.toEqual(before); // only the lock's row and its audit event
    const unlocked = await hashes();
    expect(await addGroupMembers(input)).toMatchObject({ ok: false });
    expect(await hashes()).toEqual(unlocked);
    expect(await addGroupMembers({ ...input, confirmExposures: review!.confirmation! })).toMatchObject({ ok: true, data: { added: 1 } });
    expect(await verdict()).toBe(review!.count);
    expect((await teamExposure(admin, ids.Northwind))!.findings).toBeGreaterThan(0);
    expect((await teamExposure(admin, ids.Globex))!.findings).toBeGreaterThan(0);
    expect(await removeGroupMembers({ groupId: ids["Northwind people"], userIds: [ids.dan] })).toMatchObject({ ok: true });
    expect(await verdict()).toBe(0);
    await lock(true);
  });

  it("a Globex guest added straight to the Northwind team: the same", async () => {
    actAs(admin);
    const input = { teamId: ids.Northwind, userIds: [ids.cara] };
    const preview = await previewAddTeamMembers(input);
    const review = preview.ok ? preview.data.exposures : null;
    expect(review!.lines.map((l) => l.text)).toContain("Guest Cara Mendes would be in two client teams, Globex and Northwind, and sees both.");
    const before = await hashes();
    expect(await addTeamMembers(input)).toMatchObject({ ok: false, error: expect.stringContaining("isolation lock is on") });
    expect(await addTeamMembers({ ...input, confirmExposures: review!.confirmation! })).toMatchObject({ ok: false, error: expect.stringContaining("isolation lock is on") });
    expect(await hashes()).toEqual(before);
    await lock(false);
    expect(await addTeamMembers(input)).toMatchObject({ ok: false, error: expect.stringContaining("needs your confirmation") });
    expect(await addTeamMembers({ ...input, confirmExposures: review!.confirmation! })).toMatchObject({ ok: true, data: { added: 1 } });
    expect(await verdict()).toBe(review!.count);
    expect(await removeTeamMembers(input)).toMatchObject({ ok: true });
    expect(await verdict()).toBe(0);
    await lock(true);
  });

  it("a group holding guests of two clients added to a public team: each guest would find the other", async () => {
    actAs(admin);
    // Set up as the owner: a public team, and a group of Ana and Cara (that group is an exposure already).
    const platform = await one(`INSERT INTO "Team" (id, "workspaceId", name, slug, visibility) VALUES (gen_random_uuid(), $1, 'Platform', 'platform', 'PUBLIC') RETURNING id`, [db.workspaceId]);
    const mixed = await one(`INSERT INTO "Group" (id, "workspaceId", name) VALUES (gen_random_uuid(), $1, 'Mixed') RETURNING id`, [db.workspaceId]);
    await db.sql(`INSERT INTO "GroupMember" ("workspaceId", "groupId", "userId") VALUES ($1, $2, $3), ($1, $2, $4)`, [db.workspaceId, mixed, ids.ana, ids.cara]);
    expect((await isolationReport(admin))!.lines.map((l) => l.text)).toEqual(["Group Mixed holds guests of two client teams, Globex and Northwind."]);
    const input = { teamId: platform, groupId: mixed };
    const preview = await previewAddTeamGroup(input);
    const review = preview.ok ? preview.data.exposures : null;
    expect(review!.lines.map((l) => l.text).sort()).toEqual([
      "guest Ana Souza would see Globex's guest Cara Mendes, through Platform.",
      "guest Cara Mendes would see Northwind's guest Ana Souza, through Platform.",
    ]);
    const before = await hashes();
    expect(await addTeamGroup(input)).toMatchObject({ ok: false, error: expect.stringContaining("isolation lock is on") });
    expect(await hashes()).toEqual(before);
    await lock(false);
    const unlocked = await hashes();
    expect(await addTeamGroup(input)).toMatchObject({ ok: false, error: expect.stringContaining("needs your confirmation") });
    expect(await hashes()).toEqual(unlocked);
    expect(await addTeamGroup({ ...input, confirmExposures: review!.confirmation! })).toMatchObject({ ok: true });
    expect(await verdict()).toBe(3);
    expect(await removeTeamGroup(input)).toMatchObject({ ok: true });
    await db.sql(`DELETE FROM "Group" WHERE id = $1`, [mixed]);
    await db.sql(`DELETE FROM "Team" WHERE id = $1`, [platform]);
    expect(await verdict()).toBe(0);
    await lock(true);
  });

  it("a Viewer in two client teams made a Guest: named in the preview, refused, unchanged", async () => {
    actAs(admin);
    await db.sql(`INSERT INTO "TeamMember" ("workspaceId", "teamId", "userId") VALUES ($1, $2, $4), ($1, $3, $4)`, [db.workspaceId, ids.Northwind, ids.Globex, ids.viewer]);
    expect(await verdict()).toBe(0);
    const input = { userIds: [ids.viewer], role: "GUEST" as const };
    const preview = await previewRoleChange(input);
    expect(preview.ok ? preview.data.exposures.lines.map((l) => l.text) : []).toContain("Guest Sam Ortiz would be in two client teams, Globex and Northwind, and sees both.");
    const before = await hashes();
    expect(await changeRole(input)).toMatchObject({ ok: false, error: expect.stringContaining("isolation lock is on") });
    expect(await hashes()).toEqual(before);
    await db.sql(`DELETE FROM "TeamMember" WHERE "userId" = $1 AND "teamId" = ANY($2::uuid[])`, [ids.viewer, [ids.Northwind, ids.Globex]]);
  });

  it("an invitation of a Guest into two client teams: named, refused, nobody invited", async () => {
    actAs(admin);
    const input = { emails: "zoe@partner.test", role: "GUEST" as const, teamIds: [ids.Northwind, ids.Globex] };
    const preview = await previewInvite(input);
    expect(preview.ok ? preview.data.lines.map((l) => l.text) : []).toContain("Guest zoe@partner.test would be in two client teams, Globex and Northwind, and sees both.");
    const before = await hashes();
    expect(await inviteMembers(input)).toMatchObject({ ok: false, error: expect.stringContaining("isolation lock is on") });
    expect(await hashes()).toEqual(before);
    expect(await hashes()).toEqual(before);
  });

  it("an integration shared with two client teams at once: sharing, which needs a confirmation even under the lock", async () => {
    actAs(admin);
    const before = await hashes();
    const res = await createIntegration({ name: "Partner DB", connectionString: "postgres://u:p@127.0.0.1:1/x", teamIds: [ids.Northwind, ids.Globex] });
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining("needs your confirmation") });
    expect(res.ok ? "" : res.error).toContain("Integration Partner DB would be visible to two client teams, Globex and Northwind.");
    expect(await hashes()).toEqual(before);
  });

  it("an automation run that would add Northwind's tables to Globex stops, naming the exposure, and adds nothing", async () => {
    actAs(admin);
    const res = await createAutomation({ name: "Leak", rule: { match: "all", conditions: [{ kind: "under", id: ids.schema }] }, action: "add", teamIds: [ids.Globex], trigger: "manual" });
    expect(res.ok).toBe(true);
    const run = await runAutomation({ id: res.ok ? res.data.id : "" });
    const runId = run.ok ? run.data.runId : "";
    const assignments = () => db.sql(`SELECT "teamId", "resourceId" FROM "TeamResource" ORDER BY 1, 2`);
    const before = await assignments();
    await processRun(runId);
    const [row] = await db.sql<{ status: string; error: string; added: number }>(`SELECT status, error, added FROM "AutomationRun" WHERE id = $1`, [runId]);
    expect(row.status).toBe("failed");
    expect(row.error).toContain("Globex's guests Cara Mendes and Dan Okafor would see");
    expect(row.added).toBe(0);
    expect(await assignments()).toEqual(before);
    expect(await verdict()).toBe(0);
  });

  it("turning the lock off needs the workspace's name and is audited", async () => {
    actAs(admin);
    const before = await hashes();
    expect(await setIsolationLock({ locked: false, confirmName: "Acme" })).toMatchObject({ ok: false, error: expect.stringContaining("Type the workspace's name") });
    expect(await hashes()).toEqual(before);
    actAs(await db.viewer("editor@acme.test"));
    expect(await setIsolationLock({ locked: false, confirmName: "Acme Data" })).toMatchObject({ ok: false });
    expect(await hashes()).toEqual(before);
    await lock(false);
    await lock(true);
    const events = await db.sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE action LIKE 'workspace.isolation_lock.%' ORDER BY "createdAt"`);
    expect(events.map((e) => e.action).slice(-2)).toEqual(["workspace.isolation_lock.disabled", "workspace.isolation_lock.enabled"]);
  });
});
