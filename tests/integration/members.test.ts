// Members settings: every action as the admin (happy paths and refusals), the invitation life cycle, the
// last-admin guard (also under concurrency), and every action refused to non-admins with the rows unchanged.
import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { NextRequest } from "next/server";
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import {
  changeRole, deactivateMembers, inviteMembers, previewRoleChange, reactivateMembers, removeMember, resendInvitation, revokeInvitation,
} from "@/lib/members/actions";
import { acceptInvitation } from "@/lib/invitations/actions";
import { getInvitationByToken } from "@/lib/invitations/queries";
import { exportMembers, getMember, listMembers } from "@/lib/members/queries";
import { membersUrl } from "@/lib/members/schemas";
import { listVisiblePeople } from "@/lib/people/queries";
import { GET as exportRoute } from "@/app/api/members/export/route";
import { said } from "../helpers/refusal";

const db = await setupTestDb();
const admin = () => db.viewer("admin@acme.test");
const idOf = async (email: string) => (await db.sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]))[0]!.id;
const teamId = async (name: string) => (await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE name = $1`, [name]))[0]!.id;
const tokenOf = (link: string | undefined) => link!.split("/invite/")[1]!;

/** Every row the members actions can touch, to compare before and after a refusal. */
async function state() {
  return {
    users: await db.sql(`SELECT id, email, name, status, "sessionVersion", "passwordHash" FROM "User" ORDER BY email`),
    memberships: await db.sql(`SELECT "workspaceId", "userId", role FROM "Membership" ORDER BY "userId"`),
    teamMembers: await db.sql(`SELECT "teamId", "userId" FROM "TeamMember" ORDER BY "teamId", "userId"`),
    groupMembers: await db.sql(`SELECT "groupId", "userId" FROM "GroupMember" ORDER BY "groupId", "userId"`),
    invitations: await db.sql(`SELECT id, "userId", "tokenHash", "usedAt", "revokedAt", "expiresAt" FROM "Invitation" ORDER BY id`),
    audit: await db.sql(`SELECT count(*)::int AS n FROM "AuditEvent"`),
  };
}

async function expectRefused(p: Promise<{ ok: boolean; error?: string }>, message: RegExp) {
  const before = await state();
  const res = await p;
  expect(res.ok).toBe(false);
  expect(said(res)).toMatch(message);
  expect(await state()).toEqual(before);
}

async function invite(emails: string, role: "ADMIN" | "EDITOR" | "VIEWER" | "GUEST" = "GUEST", teamIds: string[] = []) {
  actAs(await admin());
  const res = await inviteMembers({ emails, role, teamIds });
  if (!res.ok) throw new Error(res.error);
  return res.data;
}

describe(`invitations on ${db.engine}`, () => {
  it("invites one guest into a team: invited user, membership, team, hashed single-use token, audit", async () => {
    const globex = await teamId("Globex");
    const [r] = await invite("Gina@Globex.test", "GUEST", [globex]);
    expect(r!.email).toBe("gina@globex.test");
    expect(r!.delivery).toBe("shown");
    const token = tokenOf(r!.link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [u] = await db.sql<{ id: string; status: string; passwordHash: string | null }>(`SELECT id, status, "passwordHash" FROM "User" WHERE email = 'gina@globex.test'`);
    expect(u).toMatchObject({ status: "INVITED", passwordHash: null });
    expect(await db.sql(`SELECT role FROM "Membership" WHERE "userId" = $1`, [u!.id])).toEqual([{ role: "GUEST" }]);
    expect(await db.sql(`SELECT "teamId" FROM "TeamMember" WHERE "userId" = $1`, [u!.id])).toEqual([{ teamId: globex }]);
    const [inv] = await db.sql<{ tokenHash: string; expiresAt: Date }>(`SELECT "tokenHash", "expiresAt" FROM "Invitation" WHERE "userId" = $1`, [u!.id]);
    expect(inv!.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(inv!.tokenHash).not.toContain(token);
    const days = (new Date(inv!.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const [audit] = await db.sql<{ action: string; actorEmail: string; after: { role: string; teams: string[] } }>(`SELECT action, "actorEmail", after FROM "AuditEvent" WHERE "targetId" = $1`, [u!.id]);
    expect(audit).toMatchObject({ action: "member.invited", actorEmail: "admin@acme.test", after: { role: "GUEST", teams: ["Globex"] } });
    expect(await getInvitationByToken(token)).toMatchObject({ state: "valid", email: "gina@globex.test", workspaceName: "Acme Data" });
  });

  it("invites many (commas, newlines, duplicates) in one go", async () => {
    const res = await invite("hal@example.test, ida@example.test\nhal@example.test;  jo@example.test", "VIEWER");
    expect(res.map((r) => r.email).sort()).toEqual(["hal@example.test", "ida@example.test", "jo@example.test"]);
    expect(new Set(res.map((r) => r.link)).size).toBe(3);
    const rows = await db.sql(`SELECT u.email, m.role FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.email LIKE '%@example.test' ORDER BY u.email`);
    expect(rows).toEqual([{ email: "hal@example.test", role: "VIEWER" }, { email: "ida@example.test", role: "VIEWER" }, { email: "jo@example.test", role: "VIEWER" }]);
  });

  it("an existing member, a malformed address or an unknown team: a clear message and nothing created", async () => {
    actAs(await admin());
    await expectRefused(inviteMembers({ emails: "new1@example.test, ana@northwind.test", role: "GUEST", teamIds: [] }), /Already a member: ana@northwind\.test/);
    await expectRefused(inviteMembers({ emails: "new2@example.test, not-an-email", role: "GUEST", teamIds: [] }), /Not a valid email address: not-an-email/);
    await expectRefused(inviteMembers({ emails: " , \n ", role: "GUEST", teamIds: [] }), /at least one email/);
    await expectRefused(inviteMembers({ emails: "new3@example.test", role: "GUEST", teamIds: [crypto.randomUUID()] }), /Not found/);
    await expectRefused(inviteMembers({ emails: "new4@example.test", role: "OWNER" as never, teamIds: [] }), /role/i);
  });

  it("accepting sets name and password, activates, and signs-in material works; the link is then used", async () => {
    const [r] = await invite("kim@example.test", "GUEST", [await teamId("Northwind")]);
    const token = tokenOf(r!.link);
    actAs(null);
    const res = await acceptInvitation({ token, name: "Kim Novak", password: "correct horse battery" });
    expect(res).toEqual({ ok: true, data: { email: "kim@example.test", workspaceId: db.workspaceId } });
    const [u] = await db.sql<{ id: string; name: string; status: string; sessionVersion: number }>(`SELECT id, name, status, "sessionVersion" FROM "User" WHERE email = 'kim@example.test'`);
    expect(u).toMatchObject({ name: "Kim Novak", status: "ACTIVE" });
    const viewer = await resolveViewer(db.conn.prisma, u!.id, u!.sessionVersion);
    expect(viewer?.role).toBe("GUEST");
    expect(viewer?.memberTeamIds).toEqual([await teamId("Northwind")]);
    await expectRefused(acceptInvitation({ token, name: "Again", password: "another password" }), /already been used/);
    expect((await getInvitationByToken(token)).state).toBe("used");
  });

  it("an expired, revoked, unknown or malformed link and a short password are refused with nothing changed", async () => {
    actAs(null);
    const [exp] = await invite("lee@example.test");
    await db.sql(`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`, [crypto.createHash("sha256").update(tokenOf(exp!.link)).digest("hex")]);
    actAs(null);
    await expectRefused(acceptInvitation({ token: tokenOf(exp!.link), name: "Lee", password: "long enough password" }), /expired/);

    const [rev] = await invite("max@example.test");
    actAs(await admin());
    expect((await revokeInvitation({ userId: await idOf("max@example.test") })).ok).toBe(true);
    actAs(null);
    await expectRefused(acceptInvitation({ token: tokenOf(rev!.link), name: "Max", password: "long enough password" }), /withdrawn/);
    expect((await getInvitationByToken(tokenOf(rev!.link))).state).toBe("revoked");

    await expectRefused(acceptInvitation({ token: crypto.randomBytes(32).toString("base64url"), name: "X", password: "long enough password" }), /not valid/);
    await expectRefused(acceptInvitation({ token: "../../etc", name: "X", password: "long enough password" }), /not valid/);
    const [ok] = await invite("ned@example.test");
    actAs(null);
    await expectRefused(acceptInvitation({ token: tokenOf(ok!.link), name: "Ned", password: "short" }), /at least 10 characters/);
    await expectRefused(acceptInvitation({ token: tokenOf(ok!.link), name: "x".repeat(1_000_000), password: "long enough password" }), /too long/);
    await expectRefused(acceptInvitation({ token: tokenOf(ok!.link), name: 42 as never, password: "long enough password" }), /name/);
  });

  it("resending revokes the old link and issues a new one; revoking twice is refused", async () => {
    const [r] = await invite("olga@example.test");
    const uid = await idOf("olga@example.test");
    actAs(await admin());
    const again = await resendInvitation({ userId: uid });
    if (!again.ok) throw new Error(again.error);
    expect(again.data.link).not.toBe(r!.link);
    actAs(null);
    await expectRefused(acceptInvitation({ token: tokenOf(r!.link), name: "Olga", password: "long enough password" }), /withdrawn/);
    actAs(await admin());
    expect((await revokeInvitation({ userId: uid })).ok).toBe(true);
    await expectRefused(revokeInvitation({ userId: uid }), /no open invitation/);
    const audit = await db.sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "targetId" = $1 ORDER BY "createdAt"`, [uid]);
    expect(audit.map((a) => a.action)).toEqual(["member.invited", "invitation.resent", "invitation.revoked"]);
    await expectRefused(resendInvitation({ userId: await idOf("ana@northwind.test") }), /only invited members/);
  });
});

describe(`roles, deactivation and removal on ${db.engine}`, () => {
  it("previews what a role change does, with General's resource count from the scoped queries", async () => {
    actAs(await admin());
    const viewerId = await idOf("viewer@acme.test");
    const general = await teamId("General");
    const [{ n }] = (await db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Resource" r WHERE r.path && (SELECT array_agg("resourceId") FROM "TeamResource" WHERE "teamId" = $1)`, [general])) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    const down = await previewRoleChange({ userIds: [viewerId], role: "GUEST" });
    if (!down.ok) throw new Error(down.error);
    expect(down.data.altersAccess).toBe(true);
    expect(down.data.groups[0]!.effects.join(" ")).toContain(`Leaves General and no longer sees its ${n} resource`);
    const up = await previewRoleChange({ userIds: [await idOf("ana@northwind.test"), viewerId], role: "VIEWER" });
    if (!up.ok) throw new Error(up.error);
    expect(up.data.unchanged).toBe(1);
    expect(up.data.groups[0]!.effects[0]).toBe(`Joins General and sees its ${n} resources.`);
  });

  it("changes one role (applies at the next resolution, audited) and many at once", async () => {
    actAs(await admin());
    const ana = await idOf("ana@northwind.test");
    const sv = (await db.sql<{ sessionVersion: number }>(`SELECT "sessionVersion" FROM "User" WHERE id = $1`, [ana]))[0]!.sessionVersion;
    expect((await changeRole({ userIds: [ana], role: "VIEWER" })).ok).toBe(true);
    const after = await resolveViewer(db.conn.prisma, ana, sv);
    expect(after?.role).toBe("VIEWER");
    expect(after?.memberTeamIds).toContain(await teamId("General"));
    const [audit] = await db.sql(`SELECT before, after FROM "AuditEvent" WHERE action = 'member.role_changed' AND "targetId" = $1`, [ana]);
    expect(audit).toEqual({ before: { role: "GUEST" }, after: { role: "VIEWER" } });
    const ids = [ana, await idOf("ben@northwind.test")];
    const bulk = await changeRole({ userIds: ids, role: "GUEST" });
    expect(bulk).toEqual({ ok: true, data: { changed: 1, role: "Guest" } });
    expect(await db.sql(`SELECT DISTINCT role FROM "Membership" WHERE "userId" = ANY($1::uuid[])`, [ids])).toEqual([{ role: "GUEST" }]);
  });

  it("the last active admin cannot be demoted, deactivated or removed", async () => {
    const me = await admin();
    actAs(me);
    await expectRefused(changeRole({ userIds: [me.userId], role: "EDITOR" }), /last active admin/);
    await expectRefused(changeRole({ userIds: [me.userId, await idOf("viewer@acme.test")], role: "GUEST" }), /last active admin/);
    await expectRefused(deactivateMembers({ userIds: [me.userId] }), /cannot deactivate yourself/);
    await expectRefused(removeMember({ userId: me.userId }), /cannot remove yourself/);
  });

  it("holds under two concurrent demotions: exactly one succeeds and an active admin remains", async () => {
    actAs(await admin());
    const editor = await idOf("editor@acme.test");
    expect((await changeRole({ userIds: [editor], role: "ADMIN" })).ok).toBe(true);
    const a = await admin();
    const b = await db.viewer("editor@acme.test");
    actAs(a);
    const p1 = changeRole({ userIds: [b.userId], role: "EDITOR" });
    actAs(b);
    const p2 = changeRole({ userIds: [a.userId], role: "EDITOR" });
    const results = await Promise.all([p1, p2]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const admins = await db.sql(`SELECT m."userId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m.role = 'ADMIN' AND u.status = 'ACTIVE'`);
    expect(admins).toHaveLength(1);
    // Back to the demo's shape.
    const remaining = (admins[0] as { userId: string }).userId;
    actAs(remaining === a.userId ? a : b);
    await changeRole({ userIds: [a.userId], role: "ADMIN" });
    actAs(await admin());
    expect((await changeRole({ userIds: [editor], role: "EDITOR" })).ok).toBe(true);
  });

  // Forces the interleaving the lock exists for: another admin's transaction has demoted B and not committed yet
  // when B demotes A. Without the lock, B reads the committed state (two admins), passes the guard and leaves
  // none; with it, B waits, then sees it is no longer backed by another admin and is refused.
  it.skipIf(db.engine !== "postgres")("the lock serialises a demotion that races an uncommitted one", async () => {
    actAs(await admin());
    const editor = await idOf("editor@acme.test");
    expect((await changeRole({ userIds: [editor], role: "ADMIN" })).ok).toBe(true);
    const a = await admin();
    const b = await db.viewer("editor@acme.test");
    const other = await db.otherConnection();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`members:${a.workspaceId}`]);
      await other.query(`UPDATE "Membership" SET role = 'EDITOR' WHERE "userId" = $1 AND "workspaceId" = $2`, [b.userId, a.workspaceId]);
      actAs(b);
      let settled = false;
      const pending = changeRole({ userIds: [a.userId], role: "EDITOR" }).finally(() => { settled = true; });
      await new Promise((r) => setTimeout(r, 400));
      expect(settled).toBe(false); // waiting on the lock
      await other.query("COMMIT");
      const res = await pending;
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error).toMatch(/last active admin/);
    } finally {
      await other.query("ROLLBACK").catch(() => undefined);
      other.release();
    }
    const admins = await db.sql<{ userId: string }>(`SELECT m."userId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m.role = 'ADMIN' AND u.status = 'ACTIVE'`);
    expect(admins.map((r) => r.userId)).toEqual([a.userId]);
  });

  it("deactivation ends the session at the next request and hides the person; reactivation restores", async () => {
    const ben = await idOf("ben@northwind.test");
    const sv = (await db.sql<{ sessionVersion: number }>(`SELECT "sessionVersion" FROM "User" WHERE id = $1`, [ben]))[0]!.sessionVersion;
    expect(await resolveViewer(db.conn.prisma, ben, sv)).not.toBeNull();
    actAs(await admin());
    expect(await deactivateMembers({ userIds: [ben] })).toEqual({ ok: true, data: { changed: 1 } });
    expect(await resolveViewer(db.conn.prisma, ben, sv)).toBeNull();
    expect(await resolveViewer(db.conn.prisma, ben, sv + 1)).toBeNull();
    const ana = await db.viewer("ana@northwind.test");
    expect((await listVisiblePeople(ana)).map((p) => p.email)).not.toContain("ben@northwind.test");
    expect(await db.sql(`SELECT before, after FROM "AuditEvent" WHERE action = 'member.deactivated' AND "targetId" = $1`, [ben])).toEqual([{ before: { status: "ACTIVE" }, after: { status: "DEACTIVATED" } }]);
    actAs(await admin());
    expect(await reactivateMembers({ userIds: [ben] })).toEqual({ ok: true, data: { changed: 1 } });
    expect(await resolveViewer(db.conn.prisma, ben, sv + 1)).not.toBeNull();
    expect(await resolveViewer(db.conn.prisma, ben, sv)).toBeNull();
    expect((await listVisiblePeople(await db.viewer("ana@northwind.test"))).map((p) => p.email)).toContain("ben@northwind.test");
  });

  it("removal deletes membership, team and group memberships here; the audit history stays", async () => {
    await invite("pat@example.test", "GUEST", [await teamId("Initech")]);
    actAs(null);
    const finn = await idOf("finn@initech.test");
    const sv = (await db.sql<{ sessionVersion: number }>(`SELECT "sessionVersion" FROM "User" WHERE id = $1`, [finn]))[0]!.sessionVersion;
    actAs(await admin());
    expect((await removeMember({ userId: finn })).ok).toBe(true);
    expect(await db.sql(`SELECT 1 FROM "Membership" WHERE "userId" = $1`, [finn])).toEqual([]);
    expect(await db.sql(`SELECT 1 FROM "GroupMember" WHERE "userId" = $1`, [finn])).toEqual([]);
    expect(await resolveViewer(db.conn.prisma, finn, sv)).toBeNull();
    const [audit] = await db.sql<{ before: { role: string; groups: string[] } }>(`SELECT before FROM "AuditEvent" WHERE action = 'member.removed' AND "targetId" = $1`, [finn]);
    expect(audit!.before).toMatchObject({ role: "GUEST", groups: ["Initech people"] });
    // Removing again: the person is no longer in the workspace.
    await expectRefused(removeMember({ userId: finn }), /Not found/);
    // An invited member's link dies with the removal.
    const pat = await idOf("pat@example.test");
    expect((await removeMember({ userId: pat })).ok).toBe(true);
    expect(await db.sql(`SELECT 1 FROM "Invitation" WHERE "userId" = $1 AND "revokedAt" IS NULL`, [pat])).toEqual([]);
  });
});

describe(`isolation and bad input on ${db.engine}`, () => {
  it.each(["ana@northwind.test", "editor@acme.test", "viewer@acme.test"])("%s calling each admin action directly is refused and nothing changes", async (email) => {
    const cara = await idOf("cara@globex.test");
    const dan = await idOf("dan@globex.test");
    const [inv] = await invite(`q${email.split("@")[0]}@example.test`);
    const invited = await idOf(`q${email.split("@")[0]}@example.test`);
    void inv;
    actAs(await db.viewer(email));
    const refused = /permission/;
    await expectRefused(inviteMembers({ emails: "intruder@example.test", role: "ADMIN", teamIds: [await teamId("Globex")] }), refused);
    await expectRefused(changeRole({ userIds: [cara], role: "ADMIN" }), refused);
    await expectRefused(previewRoleChange({ userIds: [cara], role: "VIEWER" }), refused);
    await expectRefused(deactivateMembers({ userIds: [cara, dan] }), refused);
    await expectRefused(reactivateMembers({ userIds: [cara] }), refused);
    await expectRefused(removeMember({ userId: dan }), refused);
    await expectRefused(resendInvitation({ userId: invited }), refused);
    await expectRefused(revokeInvitation({ userId: invited }), refused);
    // Not even with their own id.
    await expectRefused(changeRole({ userIds: [(await db.viewer(email)).userId], role: "ADMIN" }), refused);
  });

  it("Ana cannot see the members of Globex through any query", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const p = membersUrl.load({ team: await teamId("Globex") });
    expect(await listMembers(ana, p)).toBeNull();
    expect(await exportMembers(ana, p)).toBeNull();
    expect(await getMember(ana, await idOf("cara@globex.test"))).toBeNull();
    const people = (await listVisiblePeople(ana)).map((x) => x.email);
    expect(people.some((e) => e.endsWith("@globex.test") || e.endsWith("@initech.test"))).toBe(false);
    // Row-level security alone: no invitation, and no Globex membership, reaches her.
    expect(await db.sqlAs(ana, `SELECT id FROM "Invitation"`)).toEqual([]);
    expect(await db.sqlAs(ana, `SELECT u.email FROM "User" u WHERE u.email LIKE '%@globex.test'`)).toEqual([]);
    expect(await db.sqlAs(await db.viewer("editor@acme.test"), `SELECT id FROM "Invitation"`)).toEqual([]);
    // A forged write as the app role fails.
    await expect(db.sqlAs(ana, `INSERT INTO "Invitation" (id, "workspaceId", "userId", "tokenHash", "expiresAt") VALUES (gen_random_uuid(), $1, $2, 'x', now())`, [ana.workspaceId, ana.userId])).rejects.toThrow();
  });

  it("bad input: huge strings, non-uuids, unknown uuids, wrong types, missing fields", async () => {
    actAs(await admin());
    await expectRefused(inviteMembers({ emails: "a".repeat(1_000_000), role: "GUEST", teamIds: [] }), /Too many addresses/);
    await expectRefused(inviteMembers({ emails: "x@example.test", role: "GUEST", teamIds: ["not-a-uuid"] }), /Not a valid team id/);
    await expectRefused(inviteMembers({ emails: 42, role: "GUEST" } as never), /emails/);
    await expectRefused(inviteMembers({} as never), /emails/);
    await expectRefused(changeRole({ userIds: ["not-a-uuid"], role: "GUEST" }), /Not a valid member id/);
    await expectRefused(changeRole({ userIds: [crypto.randomUUID()], role: "GUEST" }), /^Not found\.$/);
    await expectRefused(changeRole({ userIds: "x".repeat(1_000_000) as never, role: "GUEST" }), /userIds/);
    await expectRefused(changeRole({ userIds: [], role: "GUEST" }), /at least one/);
    await expectRefused(changeRole({ userIds: [await idOf("ana@northwind.test")], role: "x".repeat(1_000_000) as never }), /role/i);
    await expectRefused(deactivateMembers({ userIds: Array.from({ length: 101 }, () => crypto.randomUUID()) }), /At most 100/);
    await expectRefused(deactivateMembers({ userIds: [await idOf("ana@northwind.test"), crypto.randomUUID()] }), /^Not found\.$/);
    await expectRefused(removeMember({ userId: 12 } as never), /userId/);
    await expectRefused(removeMember(null as never), /./);
    await expectRefused(resendInvitation({ userId: crypto.randomUUID() }), /^Not found\.$/);
  });
});

describe(`the members table and its export on ${db.engine}`, () => {
  it("filters by role, status, team and text; sorts; pages; whitelists the URL", async () => {
    const a = await admin();
    const guests = await listMembers(a, membersUrl.load({ role: "GUEST", sort: "email", dir: "desc", size: "10" }));
    expect(guests!.rows.every((r) => r.role === "GUEST")).toBe(true);
    const emails = guests!.rows.map((r) => r.email);
    expect(emails).toEqual([...emails].sort().reverse());
    const globex = await listMembers(a, membersUrl.load({ team: await teamId("Globex"), q: "" }));
    expect(globex!.rows.map((r) => r.email)).toEqual(expect.arrayContaining(["cara@globex.test", "dan@globex.test"]));
    expect(globex!.rows.find((r) => r.email === "cara@globex.test")!.groups.map((g) => g.name)).toEqual(["Globex people"]);
    expect(globex!.rows.find((r) => r.email === "cara@globex.test")!.teams.map((t) => t.name)).toEqual(["Globex"]);
    const general = await listMembers(a, membersUrl.load({ team: await teamId("General") }));
    expect(general!.rows.every((r) => r.role !== "GUEST")).toBe(true);
    // General holds every non-guest (through the role), plus any guest added to it directly or through a group.
    const [{ n: internal }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Membership" WHERE role <> 'GUEST'`);
    expect(general!.total).toBe(internal);
    const editors = await listMembers(a, membersUrl.load({ team: await teamId("General"), role: "EDITOR" }));
    expect(editors!.rows.map((r) => r.email)).toEqual(["editor@acme.test"]);
    const q = await listMembers(a, membersUrl.load({ q: "NORTHWIND" }));
    expect(q!.rows.map((r) => r.email).sort()).toEqual(["ana@northwind.test", "ben@northwind.test"]);
    const invited = await listMembers(a, membersUrl.load({ status: "INVITED" }));
    expect(invited!.rows.length).toBeGreaterThan(0);
    expect(invited!.rows.every((r) => r.status === "INVITED" && r.invitation)).toBe(true);
    const p2 = await listMembers(a, membersUrl.load({ size: "10", page: "2", sort: "name" }));
    const all = await listMembers(a, membersUrl.load({ size: "100", sort: "name" }));
    expect(p2!.rows.map((r) => r.id)).toEqual(all!.rows.slice(10, 20).map((r) => r.id));
    expect(p2!.total).toBe(all!.total);
    // Anything outside the whitelist falls back to the defaults.
    expect(membersUrl.load({ sort: "passwordHash", dir: "sideways", size: "1000000", role: "ROOT", team: "x", page: "-3" })).toEqual(
      { page: 1, size: 25, sort: "name", dir: "asc", q: "", role: undefined, status: undefined, team: undefined });
  });

  it("the export route refuses non-admins with a 404 and neutralises formulas for the admin", async () => {
    const call = (qs = "") => exportRoute(new NextRequest(`http://localhost/api/members/export${qs}`), { params: Promise.resolve({}) });
    for (const email of ["ana@northwind.test", "editor@acme.test", "viewer@acme.test"]) {
      actAs(await db.viewer(email));
      const res = await call("?team=" + (await teamId("Globex")));
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("globex.test");
    }
    actAs(null);
    expect((await call()).status).toBe(401);
    const dan = await idOf("dan@globex.test");
    await db.sql(`UPDATE "User" SET name = $2 WHERE id = $1`, [dan, '=HYPERLINK("http://evil.test","Dan, \"the man\"")']);
    actAs(await admin());
    const res = await call("?team=" + (await teamId("Globex")) + "&sort=email");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const body = await res.text();
    const lines = body.trim().split("\r\n");
    expect(lines[0]).toBe("Name,Email,Role,Status,Teams,Groups,Joined,Last active");
    expect(lines.length).toBe(4); // cara, dan and the invited gina
    expect(body).toContain(`"'=HYPERLINK(""http://evil.test"",""Dan, ""the man"""")"`);
    expect(body).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(body).not.toContain("northwind.test");
  });
});
