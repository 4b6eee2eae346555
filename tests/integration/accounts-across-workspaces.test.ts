// Accounts across workspaces (#15 item 8). An account (User) is global; its life in each workspace is its
// membership's. A second workspace, Borealis, made here (the demo stays as it is), invites, provisions (SCIM) and
// signs in (SSO) an address that already has an account in Acme Data exactly as a brand-new address: same answer,
// nothing of the Acme account shown (name, activity, other memberships); accepting proves the existing password;
// the session's workspace is honoured only while active there; a deactivation in one workspace leaves the other.
import bcrypt from "bcryptjs";
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { NextRequest } from "next/server";
import { actAs, sessionWorkspace } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { deactivateMembers, inviteMembers, removeMember, resendInvitation } from "@/lib/members/actions";
import { acceptInvitation } from "@/lib/invitations/actions";
import { getInvitationByToken } from "@/lib/invitations/queries";
import { exportMembers, getMember, listMembers } from "@/lib/members/queries";
import { membersUrl } from "@/lib/members/schemas";
import { createAuthConnection, rotateScimToken } from "@/lib/sso/actions";
import { signInThroughConnection } from "@/lib/sso/provision";
import * as scimRoute from "@/app/scim/v2/[[...path]]/route";
import { switchWorkspace } from "@/lib/workspaces/actions";
import { listMyWorkspaces } from "@/lib/workspaces/queries";

const db = await setupTestDb();
const p = db.conn.prisma;
const acme = db.workspaceId;
const idOf = async (email: string) => (await p.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const tokenOf = (link: string | undefined) => link!.split("/invite/")[1]!;

// Borealis: a workspace of its own, with its General team and an admin who is nobody in Acme.
const borealis = (await p.workspace.create({ data: { name: "Borealis", slug: "borealis" } })).id;
await p.team.create({ data: { workspaceId: borealis, name: "General", slug: "general", isDefault: true, visibility: "PUBLIC" } });
const boss = await p.user.create({ data: { email: "boss@borealis.test", name: "Bo Real", passwordHash: await bcrypt.hash("borealis-admin", 4), status: "ACTIVE" } });
await p.membership.create({ data: { workspaceId: borealis, userId: boss.id, role: "ADMIN" } });
const bossViewer = async () => (await resolveViewer(p, boss.id, 1))!;

/** What an admin of Borealis is told and shown about an invited address, with the ids (random) left out. */
async function inviteFromBorealis(emails: string) {
  actAs(await bossViewer());
  const res = await inviteMembers({ emails, role: "VIEWER", teamIds: [] });
  return res;
}
const shape = (r: unknown) => JSON.parse(JSON.stringify(r, (k, v) => (k === "userId" || k === "link" ? typeof v : k === "email" ? "<email>" : v)));

/** The Acme side of an account: every column another workspace's action could change. */
const accountRow = (email: string) => p.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, status: true, passwordHash: true, sessionVersion: true, lastActiveAt: true } });
const membershipIn = (workspaceId: string, userId: string) => p.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true, status: true, shownName: true, lastActiveAt: true } });

describe(`accounts across workspaces on ${db.engine}`, () => {
  it("inviting an address with an account in another workspace answers exactly as for a new address, and creates a membership", async () => {
    const editor = await idOf("editor@acme.test");
    await p.user.update({ where: { id: editor }, data: { lastActiveAt: new Date("2026-11-30T10:00:00Z") } });
    await p.membership.update({ where: { workspaceId_userId: { workspaceId: acme, userId: editor } }, data: { lastActiveAt: new Date("2026-11-30T10:00:00Z") } });
    const before = await accountRow("editor@acme.test");
    const existing = await inviteFromBorealis("editor@acme.test");
    const fresh = await inviteFromBorealis("nobody-yet@acme.test");
    expect(existing.ok).toBe(true);
    expect(fresh.ok).toBe(true);
    expect(shape(existing)).toEqual(shape(fresh));
    // The account is reused, untouched; the membership of Borealis is invited.
    expect(await accountRow("editor@acme.test")).toEqual(before);
    expect(await membershipIn(borealis, editor)).toEqual({ role: "VIEWER", status: "INVITED", shownName: "editor@acme.test", lastActiveAt: null });
    expect(await membershipIn(acme, editor)).toMatchObject({ role: "EDITOR", status: "ACTIVE" });
    // A second invitation of the same address is this workspace's own knowledge: "already a member", as for anyone.
    const again = await inviteFromBorealis("editor@acme.test");
    const againNew = await inviteFromBorealis("nobody-yet@acme.test");
    expect(again.ok).toBe(false);
    expect(JSON.stringify(again)).toBe(JSON.stringify(againNew).replaceAll("nobody-yet@acme.test", "editor@acme.test"));
  });

  it("Borealis's admin sees nothing of the account's life in Acme: name, last activity, standing, other memberships", async () => {
    const editor = await idOf("editor@acme.test");
    const acmeName = (await accountRow("editor@acme.test")).name;
    actAs(await bossViewer());
    const v = await bossViewer();
    // The invitation page (whoever holds the link: the inviter too, without SMTP) is checked in the next test.
    const page = (await listMembers(v, membersUrl.load({})))!;
    const row = page.rows.find((r) => r.id === editor)!;
    expect(row).toMatchObject({ name: "editor@acme.test", email: "editor@acme.test", role: "VIEWER", status: "INVITED", lastActiveAt: null, teams: [{ name: "General" }], groups: [] });
    expect(page.total).toBe(3); // boss, editor, nobody-yet
    expect(JSON.stringify(page)).not.toContain(acmeName);
    expect(JSON.stringify(page)).not.toContain("2026-11-30");
    // Searching or sorting by the Acme name finds nothing; the export and the single read say the same.
    expect((await listMembers(v, membersUrl.load({ q: acmeName })))!.total).toBe(0);
    expect((await listMembers(v, membersUrl.load({ status: "ACTIVE" })))!.rows.map((r) => r.email)).toEqual(["boss@borealis.test"]);
    expect(JSON.stringify(await exportMembers(v, membersUrl.load({})))).not.toContain(acmeName);
    expect(await getMember(v, editor)).toMatchObject({ name: "editor@acme.test", status: "INVITED", lastActiveAt: null });
  });

  it("accepting as the existing account proves its own password (which stays), then the session may choose Borealis", async () => {
    const editor = await idOf("editor@acme.test");
    actAs(await bossViewer());
    const res = await resendInvitation({ userId: editor });
    if (!res.ok) throw new Error(res.error);
    const token = tokenOf(res.data.link);
    const view = await getInvitationByToken(token);
    expect(view).toEqual({ state: "valid", email: "editor@acme.test", name: "editor@acme.test", workspaceName: "Borealis" });
    const before = await accountRow("editor@acme.test");
    actAs(null);
    const wrong = await acceptInvitation({ token, name: "Someone", password: "not-the-password" });
    expect(wrong.ok).toBe(false);
    expect(await accountRow("editor@acme.test")).toEqual(before);
    expect(await membershipIn(borealis, editor)).toMatchObject({ status: "INVITED" });
    const ok = await acceptInvitation({ token, name: "Someone Else", password: "enclave-demo" });
    expect(ok).toEqual({ ok: true, data: { email: "editor@acme.test", workspaceId: borealis } });
    const after = await accountRow("editor@acme.test");
    // The account keeps its name, password and sessions; Borealis now shows the account's own name.
    expect({ ...after, lastActiveAt: null }).toEqual({ ...before, lastActiveAt: null });
    expect(await membershipIn(borealis, editor)).toMatchObject({ status: "ACTIVE", shownName: null });
    // The session's workspace: Borealis when asked for, Acme (the first) otherwise.
    expect((await resolveViewer(p, editor, after.sessionVersion, borealis))!).toMatchObject({ workspaceId: borealis, role: "VIEWER", workspaceName: "Borealis" });
    expect((await resolveViewer(p, editor, after.sessionVersion))!).toMatchObject({ workspaceId: acme, role: "EDITOR" });
  });

  it("the session never lands in a workspace without an active membership there", async () => {
    const ana = await idOf("ana@northwind.test");
    const sv = (await accountRow("ana@northwind.test")).sessionVersion;
    // Not a member of Borealis; a made-up id; garbage: each resolves to Acme, never to the workspace named.
    for (const ws of [borealis, "00000000-0000-4000-8000-000000000000", "not-a-uuid", 42]) {
      expect((await resolveViewer(p, ana, sv, ws))!.workspaceId).toBe(acme);
    }
    // Invited (not yet accepted) in Borealis: not a way in either.
    actAs(await bossViewer());
    expect((await inviteMembers({ emails: "ana@northwind.test", role: "GUEST", teamIds: [] })).ok).toBe(true);
    expect((await resolveViewer(p, ana, sv, borealis))!.workspaceId).toBe(acme);
  });

  it("deactivation and removal in one workspace leave the account and its other workspace as they were", async () => {
    const editor = await idOf("editor@acme.test");
    const before = await accountRow("editor@acme.test");
    actAs(await bossViewer());
    expect((await deactivateMembers({ userIds: [editor] })).ok).toBe(true);
    expect(await membershipIn(borealis, editor)).toMatchObject({ status: "DEACTIVATED" });
    expect(await accountRow("editor@acme.test")).toEqual(before);
    // The session asking for Borealis lands in Acme, where nothing changed.
    expect((await resolveViewer(p, editor, before.sessionVersion, borealis))!).toMatchObject({ workspaceId: acme, role: "EDITOR" });
    const admin = await db.viewer("admin@acme.test");
    const acmeRow = (await listMembers(admin, membersUrl.load({ q: "editor@acme.test" })))!.rows[0]!;
    expect(acmeRow).toMatchObject({ status: "ACTIVE", role: "EDITOR" });
    // Acme's deactivation of someone leaves their Borealis membership as it is, the other way round too.
    actAs(admin);
    const viewer = await idOf("viewer@acme.test");
    await p.membership.create({ data: { workspaceId: borealis, userId: viewer, role: "VIEWER" } });
    const viewerBefore = await accountRow("viewer@acme.test");
    expect((await deactivateMembers({ userIds: [viewer] })).ok).toBe(true);
    expect(await membershipIn(borealis, viewer)).toMatchObject({ status: "ACTIVE" });
    expect(await accountRow("viewer@acme.test")).toEqual(viewerBefore);
    expect((await resolveViewer(p, viewer, viewerBefore.sessionVersion, acme))!.workspaceId).toBe(borealis);
    // Removal from Borealis: the Acme side is untouched.
    actAs(await bossViewer());
    expect((await removeMember({ userId: editor })).ok).toBe(true);
    expect(await membershipIn(borealis, editor)).toBeNull();
    expect(await accountRow("editor@acme.test")).toEqual(before);
    expect((await resolveViewer(p, editor, before.sessionVersion))!.workspaceId).toBe(acme);
  });
});

// ---- SCIM and single sign-on provision such an address like a new one --------------------------------------

type Res = { status: number; body: Record<string, unknown> };
async function scim(token: string, method: string, path: string, body?: unknown): Promise<Res> {
  const url = new URL(`http://localhost/scim/v2/${path}`);
  const req = new NextRequest(url, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const segments = url.pathname.replace(/^\/scim\/v2\/?/, "").split("/").filter(Boolean);
  const handler = (scimRoute as Record<string, (r: NextRequest, c: { params: Promise<{ path?: string[] }> }) => Promise<Response>>)[method];
  const res = await handler(req, { params: Promise.resolve({ path: segments }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

describe(`provisioning across workspaces on ${db.engine}`, () => {
  it("SCIM create of an address whose account lives in another workspace is a 201 like a new one, with this workspace's name", async () => {
    // An account of Acme at a domain Borealis's connection serves.
    const pat = await p.user.create({ data: { email: "pat@shared.example", name: "Pat Acme-Name", passwordHash: await bcrypt.hash("pat-password-1", 4), status: "ACTIVE" } });
    await p.membership.create({ data: { workspaceId: acme, userId: pat.id, role: "VIEWER" } });
    actAs(await bossViewer());
    const c = await createAuthConnection({ issuer: "https://idp.borealis.example", clientId: "c", clientSecret: "s", name: "Borealis IdP", kind: "company", defaultRole: "VIEWER", domains: ["shared.example"] } as never);
    if (!c.ok) throw new Error(c.error);
    const t = await rotateScimToken({ connectionId: c.data.id });
    if (!t.ok) throw new Error(t.error);
    const user = (email: string) => ({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: email, name: { givenName: "Given", familyName: "ByIdP" }, active: true });
    const existing = await scim(t.data.token, "POST", "Users", user("pat@shared.example"));
    const fresh = await scim(t.data.token, "POST", "Users", user("quinn@shared.example"));
    expect(existing.status).toBe(201);
    expect(fresh.status).toBe(201);
    const strip = (b: Record<string, unknown>) => JSON.parse(JSON.stringify(b).replace(/pat@|quinn@/g, "x@").replace(/"[0-9a-f-]{36}"/g, '"<id>"').replace(/\/Users\/[0-9a-f-]{36}/g, "/Users/<id>").replace(/"\d{4}-\d\d-\d\dT[^"]+"/g, '"<time>"'));
    expect(strip(existing.body)).toEqual(strip(fresh.body));
    expect(existing.body).toMatchObject({ displayName: "Given ByIdP", active: true });
    expect(await accountRow("pat@shared.example")).toMatchObject({ name: "Pat Acme-Name", status: "ACTIVE" });
    // The same for a read, and a deactivation through SCIM stays in Borealis.
    expect((await scim(t.data.token, "GET", `Users/${pat.id}`)).body).toMatchObject({ displayName: "Given ByIdP" });
    const off = await scim(t.data.token, "PATCH", `Users/${pat.id}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: false }] });
    expect(off.status).toBe(200);
    expect(await membershipIn(acme, pat.id)).toMatchObject({ status: "ACTIVE" });
    expect(await membershipIn(borealis, pat.id)).toMatchObject({ status: "DEACTIVATED" });
    expect((await resolveViewer(p, pat.id, 1))!.workspaceId).toBe(acme);
  });

  it("a single sign-on sign-in through Borealis's connection of an Acme account joins Borealis like a new person", async () => {
    const c = await p.authConnection.findFirstOrThrow({ where: { workspaceId: borealis }, select: { id: true } });
    const acmeAccount = await p.user.create({ data: { email: "rae@shared.example", name: "Rae Acme", status: "ACTIVE" } });
    await p.membership.create({ data: { workspaceId: acme, userId: acmeAccount.id, role: "VIEWER" } });
    const existing = await signInThroughConnection(c.id, { email: "rae@shared.example", emailVerified: true, name: "Rae From IdP", groups: [], subject: "r" });
    const fresh = await signInThroughConnection(c.id, { email: "sol@shared.example", emailVerified: true, name: "Sol", groups: [], subject: "s" });
    expect(existing.workspaceId).toBe(borealis);
    expect(fresh.workspaceId).toBe(borealis);
    expect(await membershipIn(borealis, acmeAccount.id)).toMatchObject({ role: "VIEWER", status: "ACTIVE" });
    // Borealis's audit log says the same of both (created here), and names no refusal.
    const audits = await p.auditEvent.findMany({ where: { workspaceId: borealis, action: { startsWith: "sso." }, actorEmail: { in: ["rae@shared.example", "sol@shared.example"] } }, select: { action: true, after: true }, orderBy: { createdAt: "asc" } });
    expect(audits).toEqual([
      { action: "sso.authenticated", after: { role: "VIEWER", created: true, groups: [] } },
      { action: "sso.authenticated", after: { role: "VIEWER", created: true, groups: [] } },
    ]);
    expect((await resolveViewer(p, acmeAccount.id, 1, borealis))!.workspaceId).toBe(borealis);
    expect((await resolveViewer(p, acmeAccount.id, 1, acme))!.workspaceId).toBe(acme);
  });
});

// ---- the workspace switcher --------------------------------------------------------------------------------

describe(`the workspace switcher on ${db.engine}`, () => {
  it("lists the person's active workspaces only, switches to one of them, and refuses any other as not found", async () => {
    const rae = await idOf("rae@shared.example"); // active in Acme and in Borealis (the SSO test above)
    const v = (await resolveViewer(p, rae, 1))!;
    expect(v.workspaceId).toBe(acme);
    expect(await listMyWorkspaces(v)).toEqual([
      { id: acme, name: "Acme Data", current: true },
      { id: borealis, name: "Borealis", current: false },
    ]);
    actAs(v);
    expect(await switchWorkspace({ workspaceId: borealis })).toEqual({ ok: true, data: { workspaceId: borealis } });
    expect(sessionWorkspace()).toBe(borealis);
    const there = (await resolveViewer(p, rae, 1, sessionWorkspace()))!;
    expect(there).toMatchObject({ workspaceId: borealis, workspaceName: "Borealis", role: "VIEWER" });
    // Borealis's view from there: its own people, none of Acme's.
    expect((await listMyWorkspaces(there)).find((w) => w.current)!.id).toBe(borealis);
    // A workspace where the person is invited only, deactivated, or not a member, and a made-up id: not found.
    const ana = await idOf("ana@northwind.test"); // invited (not accepted) in Borealis above
    actAs(await db.viewer("ana@northwind.test"));
    const made = "00000000-0000-4000-8000-000000000000";
    for (const workspaceId of [borealis, made]) {
      const res = await switchWorkspace({ workspaceId });
      expect(res.ok).toBe(false);
      expect(res.ok ? "" : res.error).toBe("Not found.");
    }
    expect(await listMyWorkspaces(await db.viewer("ana@northwind.test"))).toEqual([{ id: acme, name: "Acme Data", current: true }]);
    void ana;
    // Deactivated in Borealis after switching: the next request's viewer is Acme's, never Borealis's.
    await p.membership.update({ where: { workspaceId_userId: { workspaceId: borealis, userId: rae } }, data: { status: "DEACTIVATED" } });
    expect((await resolveViewer(p, rae, 1, borealis))!.workspaceId).toBe(acme);
    actAs(v);
    expect((await switchWorkspace({ workspaceId: borealis })).ok).toBe(false);
    // While an admin views as someone, the person's other workspaces are not listed.
    expect(await listMyWorkspaces({ ...v, actingAdmin: { userId: boss.id, name: "Bo", email: "boss@borealis.test" } })).toEqual([]);
  });
});
