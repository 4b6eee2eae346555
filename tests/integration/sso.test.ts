// OIDC connections: what an admin may configure (a client team only, secrets encrypted at rest, one connection
// per domain, admins alone under row-level security), what a sign-in through a connection does (a client
// connection makes a Guest of its team and nothing else whatever the claims; a company connection gives the
// default role and maps groups; every refusal is plain and audited), and that people bound to a client
// connection cannot be promoted or put in another team.
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { createAuthConnection, deleteAuthConnection, rotateScimToken, updateAuthConnection } from "@/lib/sso/actions";
import { getAuthenticationSettings } from "@/lib/sso/queries";
import { signInThroughConnection, SignInRefused } from "@/lib/sso/provision";
import { passwordRefused, routeFor } from "@/lib/sso/routing";
import { signInOptions } from "@/lib/sign-in/actions";
import { changeRole } from "@/lib/members/actions";
import { addTeamMembers, deleteTeam, previewDeleteTeam } from "@/lib/teams/actions";
import { addGroupMembers } from "@/lib/groups/actions";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { decryptSecret } from "@/lib/integrations/crypto";

const db = await setupTestDb();
const one = async (sql: string, params: unknown[] = []) => (await db.sql<{ id: string }>(sql, params))[0]?.id;
const team = (name: string) => one(`SELECT id FROM "Team" WHERE name = $1`, [name]);
const group = (name: string) => one(`SELECT id FROM "Group" WHERE name = $1`, [name]);
const admin = await db.viewer("admin@acme.test");

const base = { issuer: "https://idp.northwind.example", clientId: "enclave", clientSecret: "s3cret-value" };

async function create(input: Record<string, unknown>) {
  actAs(admin);
  return createAuthConnection(input as never);
}

const northwind = await create({ ...base, name: "Northwind IdP", kind: "client", teamId: await team("Northwind"), domains: ["northwind.example"] });
if (!northwind.ok) throw new Error(northwind.error);
const engineers = await db.conn.prisma.group.create({ data: { workspaceId: db.workspaceId, name: "Data engineers" } });
const acme = await create({
  ...base, issuer: "https://login.acme.example", name: "Acme IdP", kind: "company", defaultRole: "EDITOR", domains: ["acme.example", "acme-corp.example"], enforcedDomains: ["acme.example"],
  groupMap: [{ claim: "data-engineers", groupId: engineers.id }],
});
if (!acme.ok) throw new Error(acme.error);

describe(`OIDC connections, on ${db.engine}`, () => {
  it("stores the client secret encrypted, never as given, and shows it to no page", async () => {
    const [row] = await db.sql<{ clientSecret: string }>(`SELECT "clientSecret" FROM "AuthConnection" WHERE id = $1`, [northwind.ok && northwind.data.id]);
    expect(row.clientSecret).not.toContain("s3cret");
    expect(decryptSecret(row.clientSecret)).toBe("s3cret-value");
    const settings = await getAuthenticationSettings(admin);
    expect(JSON.stringify(settings)).not.toContain("s3cret");
    expect(settings!.connections.map((c) => c.name)).toEqual(["Acme IdP", "Northwind IdP"]);
  });

  it("binds a client connection to a client team only, and routes each domain to one connection", async () => {
    const general = await create({ ...base, name: "Bad", kind: "client", teamId: await team("General"), domains: ["bad.example"] });
    expect(general).toEqual({ ok: false, error: "Choose a client team: a private team other than General." });
    const noTeam = await create({ ...base, name: "Bad", kind: "client", domains: ["bad.example"] });
    expect(noTeam.ok).toBe(false);
    const taken = await create({ ...base, name: "Bad", kind: "client", teamId: await team("Globex"), domains: ["northwind.example"] });
    expect(taken).toEqual({ ok: false, error: "northwind.example is already routed to another connection." });
    const http = await create({ ...base, issuer: "http://idp.example", name: "Bad", kind: "client", teamId: await team("Globex"), domains: ["bad.example"] });
    expect(http.ok).toBe(false);
    expect(await db.sql(`SELECT 1 FROM "AuthConnection" WHERE name = 'Bad'`)).toEqual([]);
  });

  it("is readable and writable by admins alone under row-level security", async () => {
    for (const email of ["editor@acme.test", "viewer@acme.test", "ana@northwind.test"]) {
      const v = await db.viewer(email);
      expect(await db.sqlAs(v, `SELECT id FROM "AuthConnection"`)).toEqual([]);
      expect(await db.sqlAs(v, `SELECT domain FROM "AuthDomain"`)).toEqual([]);
      expect(await getAuthenticationSettings(v)).toBeNull();
    }
    expect((await db.sqlAs(admin, `SELECT id FROM "AuthConnection"`)).length).toBe(2);
    expect(await db.sqlAs(admin, `SELECT id FROM "SignInLink"`).catch((e) => String(e.code ?? e))).toBe("42501");
  });

  it("routes the sign-in page by domain, and Enforce SSO turns the password off for that domain only", async () => {
    expect(await routeFor("kim@northwind.example")).toMatchObject({ enforceSso: false });
    expect(await routeFor("ana@northwind.test")).toBeNull();
    expect(await passwordRefused("lea@acme.example")).toBe(true);
    expect(await passwordRefused("lea@acme-corp.example")).toBe(false);
    expect(await passwordRefused("admin@acme.test")).toBe(false);
    expect(await signInOptions({ email: "Someone@ACME.example" })).toEqual({ ok: true, data: { sso: true, password: false } });
    expect(await signInOptions({ email: "nobody@nowhere.example" })).toEqual({ ok: true, data: { sso: false, password: true } });
  });
});

describe(`signing in through a connection, on ${db.engine}`, () => {
  const nw = northwind.ok ? northwind.data.id : "";
  const ac = acme.ok ? acme.data.id : "";

  it("a client connection: a new person is a Guest of that team alone, whatever the claims say, and the same viewer as a password", async () => {
    const user = await signInThroughConnection(nw, { email: "Kim@Northwind.example", name: "Kim Tanaka", groups: ["Globex people", "admins"], subject: "k1" });
    const viewer = await resolveViewer(db.conn.prisma, user.id, user.sessionVersion);
    expect(viewer).toMatchObject({ email: "kim@northwind.example", name: "Kim Tanaka", role: "GUEST" });
    expect(viewer!.memberTeamIds).toEqual([await team("Northwind")]);
    const ana = await db.viewer("ana@northwind.test");
    expect(viewer!.memberTeamIds).toEqual(ana.memberTeamIds);
    // Signing in again changes nothing and is audited again.
    await signInThroughConnection(nw, { email: "kim@northwind.example", groups: [], subject: "k1" });
    const audits = await db.sql<{ action: string; actorEmail: string }>(`SELECT action, "actorEmail" FROM "AuditEvent" WHERE action = 'sso.authenticated' AND "actorEmail" = 'kim@northwind.example'`);
    expect(audits.length).toBe(2);
  });

  it("refuses, with one reason for the audit log and nothing for the person: wrong domain, deactivated, not a guest, in another client's team", async () => {
    const prisma = db.conn.prisma;
    // Someone an admin made an Editor, and a Guest of Globex, both at the connection's domain.
    const ed = await prisma.user.create({ data: { email: "ed@northwind.example", name: "Ed" } });
    await prisma.membership.create({ data: { workspaceId: db.workspaceId, userId: ed.id, role: "EDITOR" } });
    const gus = await prisma.user.create({ data: { email: "gus@northwind.example", name: "Gus" } });
    await prisma.membership.create({ data: { workspaceId: db.workspaceId, userId: gus.id, role: "GUEST" } });
    await prisma.teamMember.create({ data: { workspaceId: db.workspaceId, teamId: await team("Globex"), userId: gus.id } });
    const dee = await prisma.user.create({ data: { email: "dee@northwind.example", name: "Dee", status: "DEACTIVATED" } });
    await prisma.membership.create({ data: { workspaceId: db.workspaceId, userId: dee.id, role: "GUEST" } });
    const cases: [string, string][] = [
      ["ana@northwind.test", "domain"],
      ["ed@northwind.example", "not-guest"],
      ["gus@northwind.example", "outside-team"],
      ["dee@northwind.example", "deactivated"],
    ];
    for (const [email, reason] of cases) {
      const err = await signInThroughConnection(nw, { email, groups: [], subject: email }).catch((e) => e);
      expect(err, email).toBeInstanceOf(SignInRefused);
      expect((err as SignInRefused).reason).toBe(reason);
    }
    const unverified = await signInThroughConnection(nw, { email: "new@northwind.example", emailVerified: false, groups: [], subject: "n" }).catch((e) => e);
    expect((unverified as SignInRefused).reason).toBe("unverified");
    expect(await db.sql(`SELECT 1 FROM "User" WHERE email = 'new@northwind.example'`)).toEqual([]);
    // Gus is still only in Globex: a refusal changes nothing.
    expect(await db.sql(`SELECT "teamId" FROM "TeamMember" WHERE "userId" = $1`, [gus.id])).toEqual([{ teamId: await team("Globex") }]);
    const refused = await db.sql<{ actorEmail: string; after: { reason: string } }>(`SELECT "actorEmail", after FROM "AuditEvent" WHERE action = 'sso.sign_in_refused' ORDER BY "createdAt"`);
    expect(refused.map((r) => r.after.reason)).toEqual(["domain", "not-guest", "outside-team", "deactivated", "unverified"]);
  });

  it("a company connection: the default role at first sign-in, and mapped groups follow the claim at every sign-in", async () => {
    const first = await signInThroughConnection(ac, { email: "lea@acme.example", name: "Lea", groups: ["data-engineers", "unmapped"], subject: "l" });
    const lea = (await resolveViewer(db.conn.prisma, first.id, first.sessionVersion))!;
    expect(lea.role).toBe("EDITOR");
    const members = () => db.sql(`SELECT 1 FROM "GroupMember" WHERE "groupId" = $1 AND "userId" = $2`, [engineers.id, first.id]);
    expect((await members()).length).toBe(1);
    await signInThroughConnection(ac, { email: "lea@acme.example", groups: ["unmapped"], subject: "l" });
    expect(await members()).toEqual([]);
  });

  it("a person bound to a client connection cannot be promoted, nor put into another team or group", async () => {
    const kim = await one(`SELECT id FROM "User" WHERE email = 'kim@northwind.example'`);
    actAs(admin);
    const promote = await changeRole({ userIds: [kim], role: "VIEWER" });
    expect(promote).toEqual({ ok: false, error: expect.stringContaining("not promotable while bound") });
    const general = await addTeamMembers({ teamId: await team("General"), userIds: [kim], confirm: true });
    expect(general).toEqual({ ok: false, error: expect.stringContaining("belongs to its team alone") });
    const globex = await addGroupMembers({ groupId: await group("Globex people"), userIds: [kim], confirm: true });
    expect(globex.ok).toBe(false);
    // Within her own team it is fine.
    const own = await addGroupMembers({ groupId: await group("Northwind people"), userIds: [kim], confirm: true });
    expect(own.ok).toBe(true);
    expect((await db.viewer("kim@northwind.example")).role).toBe("GUEST");
  });

  it("a team bound to a connection is not deleted: the preview names the connection, the refusal says what to do, nothing changes", async () => {
    const northwindTeam = (await team("Northwind"))!;
    actAs(admin);
    const preview = await previewDeleteTeam({ teamId: northwindTeam });
    expect(preview.ok && preview.data.connections).toEqual(["Northwind IdP"]);
    const before = await db.sql(`SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) AS h FROM "Team" t`);
    expect(await deleteTeam({ teamId: northwindTeam })).toEqual({
      ok: false,
      error: "Northwind is bound to the sign-in connection “Northwind IdP”: delete it or bind it to another team under Settings → Authentication first. Nothing was deleted.",
    });
    expect(await db.sql(`SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) AS h FROM "Team" t`)).toEqual(before);
    // A team with no connection still goes, its team tokens counted first.
    const globex = (await team("Globex"))!;
    const globexPreview = await previewDeleteTeam({ teamId: globex });
    expect(globexPreview.ok && globexPreview.data).toMatchObject({ connections: [], tokens: 0 });
  });

  it("a connection with people keeps its kind and team; deleting it unbinds them and frees the domains", async () => {
    actAs(admin);
    const rebind = await updateAuthConnection({ ...base, connectionId: nw, name: "Northwind IdP", kind: "client", teamId: await team("Globex"), domains: ["northwind.example"] } as never);
    expect(rebind.ok).toBe(false);
    const token = await rotateScimToken({ connectionId: nw });
    expect(token.ok && token.data.token).toMatch(/^scim_/);
    const deleted = await deleteAuthConnection({ connectionId: nw });
    expect(deleted.ok).toBe(true);
    expect(await routeFor("kim@northwind.example")).toBeNull();
    expect(await db.sql(`SELECT 1 FROM "Membership" WHERE "connectionId" = $1`, [nw])).toEqual([]);
    // Unbound, Kim is an ordinary Guest again: still of Northwind alone.
    expect((await db.viewer("kim@northwind.example")).memberTeamIds).toEqual([await team("Northwind")]);
  });
});
