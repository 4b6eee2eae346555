// SCIM 2.0 at /scim/v2, called through its route handler as Entra ID and Okta call it: discovery, the user and
// group flows (create, PATCH name, add to group, deactivate, delete), filters and paging, SCIM's error format; a
// client connection's token creates and changes only Guests of its team and groups inside it, and sees nobody
// else; a deactivation ends an open session at its next request.
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { NextRequest } from "next/server";
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { createAuthConnection, rotateScimToken } from "@/lib/sso/actions";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import * as route from "@/app/scim/v2/[[...path]]/route";

const db = await setupTestDb();
const one = async (sql: string, params: unknown[] = []) => (await db.sql<{ id: string }>(sql, params))[0]?.id;
const team = (name: string) => one(`SELECT id FROM "Team" WHERE name = $1`, [name]);
const userId = (email: string) => one(`SELECT id FROM "User" WHERE email = $1`, [email]);
const admin = await db.viewer("admin@acme.test");

async function connection(input: Record<string, unknown>): Promise<string> {
  actAs(admin);
  const c = await createAuthConnection({ issuer: "https://idp.example", clientId: "c", clientSecret: "s", ...input } as never);
  if (!c.ok) throw new Error(c.error);
  const t = await rotateScimToken({ connectionId: c.data.id });
  if (!t.ok) throw new Error(t.error);
  return t.data.token;
}
const northwind = await connection({ name: "Northwind Entra", kind: "client", teamId: await team("Northwind"), domains: ["northwind.example"] });
const acme = await connection({ name: "Acme Okta", kind: "company", defaultRole: "VIEWER", domains: ["acme.example"] });

type Res = { status: number; body: Record<string, unknown> & { Resources?: Record<string, unknown>[] }; text: string };
async function scim(token: string | null, method: string, path: string, body?: unknown): Promise<Res> {
  const url = new URL(`http://localhost/scim/v2/${path}`);
  const req = new NextRequest(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/scim+json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const segments = url.pathname.replace(/^\/scim\/v2\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const handler = (route as Record<string, (r: NextRequest, c: { params: Promise<{ path?: string[] }> }) => Promise<Response>>)[method];
  const res = await handler(req, { params: Promise.resolve({ path: segments }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, text };
}
const q = (filter: string) => `?filter=${encodeURIComponent(filter)}`;
const patch = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });

describe(`SCIM 2.0, on ${db.engine}`, () => {
  it("answers discovery, and refuses a missing or wrong token in SCIM's error format", async () => {
    const spc = await scim(northwind, "GET", "ServiceProviderConfig");
    expect(spc.status).toBe(200);
    expect(spc.body).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } });
    expect((await scim(northwind, "GET", "ResourceTypes")).body.Resources!.map((r) => r.id)).toEqual(["User", "Group"]);
    expect((await scim(northwind, "GET", "Schemas")).body.totalResults).toBe(2);
    for (const token of [null, "scim_" + "x".repeat(43)]) {
      const res = await scim(token, "GET", "Users");
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401", detail: "A valid bearer token is required." });
    }
    const bad = await scim(northwind, "GET", `Users${q('displayName co "a"')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.scimType).toBe("invalidFilter");
  });

  it("Entra ID's flow on a client connection: find, create, PATCH the name, add to a group, deactivate (ending her session), delete", async () => {
    expect((await scim(northwind, "GET", `Users${q('userName eq "kim@northwind.example"')}`)).body.totalResults).toBe(0);
    const created = await scim(northwind, "POST", "Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], externalId: "aad-kim", userName: "Kim@Northwind.example", active: true,
      name: { givenName: "Kim", familyName: "Tanaka" }, emails: [{ primary: true, type: "work", value: "kim@northwind.example" }],
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "Sales" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userName: "kim@northwind.example", displayName: "Kim Tanaka", active: true, externalId: "aad-kim" });
    const kim = created.body.id as string;
    // She is a Guest of Northwind and nothing else: the same viewer Ana is.
    const sv = () => db.sql<{ sessionVersion: number }>(`SELECT "sessionVersion" FROM "User" WHERE id = $1`, [kim]).then((r) => r[0].sessionVersion);
    const session = await sv();
    const viewer = await resolveViewer(db.conn.prisma, kim, session);
    expect(viewer).toMatchObject({ role: "GUEST", memberTeamIds: [await team("Northwind")] });
    expect(viewer!.memberTeamIds).toEqual((await db.viewer("ana@northwind.test")).memberTeamIds);
    expect((await scim(northwind, "GET", `Users${q('externalId eq "aad-kim"')}`)).body.totalResults).toBe(1);
    expect((await scim(northwind, "POST", "Users", { userName: "kim@northwind.example" })).body).toMatchObject({ status: "409", scimType: "uniqueness" });

    const renamed = await scim(northwind, "PATCH", `Users/${kim}`, patch({ op: "Replace", path: "name.givenName", value: "Kimberly" }, { op: "Add", path: "title", value: "Buyer" }));
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe("Kimberly Tanaka");

    const group = await scim(northwind, "POST", "Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Buyers", externalId: "aad-buyers", members: [] });
    expect(group.status).toBe(201);
    expect(group.body.displayName).toBe("Buyers");
    const gid = group.body.id as string;
    const added = await scim(northwind, "PATCH", `Groups/${gid}`, patch({ op: "Add", path: "members", value: [{ value: kim }] }));
    expect(added.body.members).toEqual([expect.objectContaining({ value: kim, display: "Kimberly Tanaka" })]);
    // The group lives inside Northwind alone.
    expect(await db.sql(`SELECT "teamId" FROM "TeamGroup" WHERE "groupId" = $1`, [gid])).toEqual([{ teamId: await team("Northwind") }]);
    expect((await scim(northwind, "GET", `Groups${q('displayName eq "Buyers"')}`)).body.totalResults).toBe(1);
    expect((await scim(northwind, "GET", `Users/${kim}`)).body.groups).toEqual([expect.objectContaining({ value: gid, display: "Buyers" })]);

    // Deactivation (Entra sends "False" as a string): the open session ends at its next request.
    expect(await resolveViewer(db.conn.prisma, kim, session)).not.toBeNull();
    const off = await scim(northwind, "PATCH", `Users/${kim}`, patch({ op: "Replace", path: "active", value: "False" }));
    expect(off.body.active).toBe(false);
    expect(await resolveViewer(db.conn.prisma, kim, session)).toBeNull();
    expect(await resolveViewer(db.conn.prisma, kim, await sv())).toBeNull();

    const on = await scim(northwind, "PATCH", `Users/${kim}`, patch({ op: "replace", value: { active: true } }));
    expect(on.body.active).toBe(true);
    expect(await resolveViewer(db.conn.prisma, kim, await sv())).not.toBeNull();

    const del = await scim(northwind, "DELETE", `Users/${kim}`);
    expect(del.status).toBe(204);
    expect((await scim(northwind, "GET", `Users/${kim}`)).status).toBe(404);
    expect(await resolveViewer(db.conn.prisma, kim, await sv())).toBeNull();
    expect(await db.sql(`SELECT 1 FROM "Membership" WHERE "userId" = $1`, [kim])).toEqual([]);
    const actions = await db.sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "actorEmail" = 'scim:Northwind Entra' ORDER BY "createdAt"`);
    expect(actions.map((a) => a.action)).toEqual(["scim.user.created", "scim.user.updated", "scim.group.created", "scim.group.updated", "scim.user.deactivated", "scim.user.updated", "scim.user.deleted"]);
  });

  it("a client connection's token is refused outside its team, and says nothing about anyone there", async () => {
    const prisma = db.conn.prisma;
    const kit = await scim(northwind, "POST", "Users", { userName: "kit@northwind.example", name: { givenName: "Kit" } });
    const group = await scim(northwind, "POST", "Groups", { displayName: "Planners", members: [{ value: kit.body.id }] });
    // Someone at the connection's own domain whom an admin put in Globex: not the token's.
    const gus = await prisma.user.create({ data: { email: "gus@northwind.example", name: "Gus Globex" } });
    await prisma.membership.create({ data: { workspaceId: db.workspaceId, userId: gus.id, role: "GUEST" } });
    await prisma.teamMember.create({ data: { workspaceId: db.workspaceId, teamId: await team("Globex"), userId: gus.id } });
    const before = await db.sql(`SELECT u.email, u.name, u.status, u."sessionVersion", m.role FROM "User" u JOIN "Membership" m ON m."userId" = u.id ORDER BY u.email`);
    const cara = await userId("cara@globex.test");
    const ana = await userId("ana@northwind.test");
    const globexPeople = await one(`SELECT id FROM "Group" WHERE name = 'Globex people'`);
    const northwindPeople = await one(`SELECT id FROM "Group" WHERE name = 'Northwind people'`);
    const probes: Res[] = [];
    for (const id of [cara, ana, gus.id]) {
      for (const [m, body] of [["GET"], ["PUT", { userName: "x@northwind.example" }], ["PATCH", patch({ op: "replace", path: "active", value: false })], ["DELETE"]] as const) {
        const res = await scim(northwind, m, `Users/${id}`, body);
        expect(res.status, `${m} Users/${id}`).toBe(404);
        probes.push(res);
      }
    }
    for (const id of [globexPeople, northwindPeople]) {
      for (const m of ["GET", "DELETE"]) probes.push(await scim(northwind, m, `Groups/${id}`));
      probes.push(await scim(northwind, "PATCH", `Groups/${id}`, patch({ op: "add", path: "members", value: [{ value: kit.body.id }] })));
    }
    for (const p of probes.slice(-6)) expect(p.status).toBe(404);
    for (const f of ['userName eq "cara@globex.test"', 'userName eq "gus@northwind.example"', 'userName eq "ana@northwind.test"']) {
      const res = await scim(northwind, "GET", `Users${q(f)}`);
      expect(res.body.totalResults, f).toBe(0);
      probes.push(res);
    }
    const addCara = await scim(northwind, "PATCH", `Groups/${group.body.id}`, patch({ op: "add", path: "members", value: [{ value: cara }] }));
    expect(addCara.body).toMatchObject({ status: "400", scimType: "invalidValue", detail: "A member is not a person this connection provisions." });
    const outside = await scim(northwind, "POST", "Users", { userName: "mole@globex.test" });
    expect(outside.body).toMatchObject({ status: "400", scimType: "invalidValue" });
    probes.push(addCara, outside);
    // What the token can list: its own people and groups, nobody else.
    const users = await scim(northwind, "GET", "Users");
    expect(users.body.Resources!.map((u) => u.userName)).toEqual(["kit@northwind.example"]);
    const groups = await scim(northwind, "GET", "Groups");
    expect(groups.body.Resources!.map((g) => g.displayName)).toEqual(["Buyers", "Planners"]);
    probes.push(users, groups);
    for (const p of probes) for (const word of ["Globex", "Cara", "Gus", "Ana", "Initech"]) expect(p.text).not.toContain(word);
    expect(await db.sql(`SELECT u.email, u.name, u.status, u."sessionVersion", m.role FROM "User" u JOIN "Membership" m ON m."userId" = u.id ORDER BY u.email`)).toEqual(before);
    expect(await db.sql(`SELECT 1 FROM "GroupMember" WHERE "groupId" = $1 AND "userId" = $2`, [group.body.id, cara])).toEqual([]);
  });

  it("Okta's flow on a company connection: default role, filters and paging, groups made in Enclave keep existing", async () => {
    const ids: string[] = [];
    for (const n of ["lea", "max", "noa"]) {
      const res = await scim(acme, "POST", "Users", { userName: `${n}@acme.example`, name: { givenName: n.toUpperCase(), familyName: "Acme" }, externalId: `okta-${n}` });
      expect(res.status).toBe(201);
      ids.push(res.body.id as string);
    }
    expect((await db.viewer("lea@acme.example")).role).toBe("VIEWER");
    const page1 = await scim(acme, "GET", "Users?startIndex=1&count=2");
    expect(page1.body).toMatchObject({ totalResults: 3, startIndex: 1, itemsPerPage: 2 });
    const page2 = await scim(acme, "GET", "Users?startIndex=3&count=2");
    expect(page2.body.Resources!.map((u) => u.userName)).toEqual(["noa@acme.example"]);
    expect((await scim(acme, "GET", `Users${q('externalId eq "okta-max"')}`)).body.Resources!.map((u) => u.id)).toEqual([ids[1]]);
    // Okta renames with a PUT of the whole resource, deactivates with a path-less replace.
    const put = await scim(acme, "PUT", `Users/${ids[0]}`, { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "lea@acme.example", name: { givenName: "Lea", familyName: "Fischer" }, active: true });
    expect(put.body.displayName).toBe("Lea Fischer");
    expect((await scim(acme, "PATCH", `Users/${ids[2]}`, patch({ op: "replace", value: { active: false } }))).body.active).toBe(false);

    const engineers = await db.conn.prisma.group.create({ data: { workspaceId: db.workspaceId, name: "Data engineers" } });
    const found = await scim(acme, "GET", `Groups${q('displayName eq "Data engineers"')}`);
    expect(found.body.totalResults).toBe(1);
    const okta = await scim(acme, "PATCH", `Groups/${engineers.id}`, patch({ op: "add", path: "members", value: [{ value: ids[0] }, { value: ids[1] }] }));
    expect((okta.body.members as unknown[]).length).toBe(2);
    const removed = await scim(acme, "PATCH", `Groups/${engineers.id}`, patch({ op: "remove", path: `members[value eq "${ids[1]}"]` }));
    expect((removed.body.members as { value: string }[]).map((m) => m.value)).toEqual([ids[0]]);
    const del = await scim(acme, "DELETE", `Groups/${engineers.id}`);
    expect(del.body).toMatchObject({ status: "400", scimType: "mutability" });
    // The clients' groups are not a company token's.
    expect((await scim(acme, "GET", `Groups${q('displayName eq "Northwind people"')}`)).body.totalResults).toBe(0);
    const bad = await scim(acme, "PATCH", `Users/${ids[0]}`, { Operations: "nope" });
    expect(bad.body).toEqual({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "400", scimType: "invalidSyntax", detail: "A PATCH request carries an Operations array." });
  });
});
