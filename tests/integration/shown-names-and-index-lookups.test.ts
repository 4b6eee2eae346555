// The members table sorts and filters on the name this workspace shows, kept on the membership by the database
// (Membership.sortName, migration 20261206100000_membership_sort_name): the membership's own name while the
// account has not joined there, else the account's. Whatever a writer sends, and after an account is renamed,
// the column says what the two names say, in every workspace; and a workspace never sorts or finds a person by
// the name another workspace knows them by. And the owner-side index lookups that let text conditions use their
// indexes under row-level security (app_members_matching, app_resources_matching, app_search_admin) answer only what the
// session's own policies would show: their own workspace, and only the roles they serve.
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { setupTestDb } from "../helpers/db";
import { resolveViewer } from "@/lib/auth/resolve-viewer";
import { exportMembers, listMembers } from "@/lib/members/queries";
import { membersUrl } from "@/lib/members/schemas";
import { withViewer } from "@/lib/db/scoped";
import { search } from "@/lib/search/queries";

const db = await setupTestDb();
const p = db.conn.prisma;
const acme = db.workspaceId;

const borealis = (await p.workspace.create({ data: { name: "Borealis Sort", slug: "borealis-sort" } })).id;
await p.team.create({ data: { workspaceId: borealis, name: "General", slug: "general", isDefault: true, visibility: "PUBLIC" } });
const boss = await p.user.create({ data: { email: "boss@borealis-sort.test", name: "Bo Real", status: "ACTIVE" } });
await p.membership.create({ data: { workspaceId: borealis, userId: boss.id, role: "ADMIN" } });
const bossViewer = async () => (await resolveViewer(p, boss.id, 1))!;

// An Acme account invited into Borealis under the name Borealis gave it, and a Borealis-only person.
const editor = await p.user.findUniqueOrThrow({ where: { email: "editor@acme.test" }, select: { id: true, name: true } });
await p.membership.create({ data: { workspaceId: borealis, userId: editor.id, role: "VIEWER", status: "INVITED", shownName: "Aaron Invited" } });
const mid = await p.user.create({ data: { email: "mid@borealis-sort.test", name: "Mona Middle", status: "ACTIVE" } });
await p.membership.create({ data: { workspaceId: borealis, userId: mid.id, role: "VIEWER" } });

const keys = (workspaceId: string, userId: string) =>
  p.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId, userId } }, select: { sortName: true, sortEmail: true } });
const sortName = async (workspaceId: string, userId: string) => (await keys(workspaceId, userId)).sortName;
const names = async (params: Record<string, string>) => (await listMembers(await bossViewer(), membersUrl.load(params)))!.rows.map((r) => r.name);

describe(`the members table's sort name on ${db.engine}`, () => {
  it("is the membership's own name while it has one, else the account's, whatever a writer sends", async () => {
    expect(await sortName(borealis, editor.id)).toBe("Aaron Invited");
    expect(await sortName(acme, editor.id)).toBe(editor.name);
    expect(await sortName(borealis, mid.id)).toBe("Mona Middle");
    await p.membership.update({ where: { workspaceId_userId: { workspaceId: borealis, userId: mid.id } }, data: { sortName: "Aardvark" } });
    expect(await sortName(borealis, mid.id)).toBe("Mona Middle");
    await p.$executeRawUnsafe(`UPDATE "Membership" SET "sortName" = 'zzz', "sortEmail" = 'z@z' WHERE "userId" = '${mid.id}'`);
    expect(await keys(borealis, mid.id)).toEqual({ sortName: "Mona Middle", sortEmail: "mid@borealis-sort.test" });
  });

  it("follows an account's new e-mail in every workspace", async () => {
    await p.user.update({ where: { id: mid.id }, data: { email: "mona@borealis-sort.test" } });
    expect(await keys(borealis, mid.id)).toEqual({ sortName: "Mona Middle", sortEmail: "mona@borealis-sort.test" });
    expect(await names({ q: "mona@" })).toEqual(["Mona Middle"]);
    expect(await names({ q: "mid@" })).toEqual([]);
    expect((await listMembers(await bossViewer(), membersUrl.load({ sort: "email", dir: "desc" })))!.rows.map((r) => r.email)[0]).toBe("mona@borealis-sort.test");
  });

  it("search finds a person by the name this workspace shows, never by the account's name from elsewhere", async () => {
    const people = async (q: string) => (await search(await bossViewer(), q)).people.map((h) => h.name);
    expect(await people("Aaron")).toEqual(["Aaron Invited"]);
    expect(await people("mona@")).toEqual(["Mona Middle"]);
    expect(await people(editor.name)).toEqual([]);
    expect(await people(editor.name.split(" ")[0]!)).toEqual([]);
  });

  it("the admin search's index lookup answers an admin for their own workspace only, and nobody else", async () => {
    const found = (v: Awaited<ReturnType<typeof bossViewer>>, pattern: string) =>
      withViewer(v, async (tx) => (await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM app_resources_matching(to_tsquery('simple', 'orders:*'), ${pattern})`)[0]!.n);
    const admin = await p.user.findUniqueOrThrow({ where: { email: "admin@acme.test" } });
    const acmeAdmin = (await resolveViewer(p, admin.id, admin.sessionVersion))!;
    const everything = await p.resource.count({ where: { workspaceId: acme } });
    expect(await found(acmeAdmin, "%")).toBe(everything);
    expect(await found(acmeAdmin, "%orders%")).toBeGreaterThan(0);
    expect(await found(await bossViewer(), "%")).toBe(await p.resource.count({ where: { workspaceId: borealis } }));
    for (const email of ["ana@northwind.test", "viewer@acme.test", "editor@acme.test"]) {
      const u = await p.user.findUniqueOrThrow({ where: { email } });
      expect(await found((await resolveViewer(p, u.id, u.sessionVersion))!, "%")).toBe(0);
    }
  });

  it("the admin search's ranked lookup (app_search_admin) answers an admin for their own workspace only, and nobody else", async () => {
    // "or" is a prefix of names in Acme (orders…) and of none in Borealis, which has no resources.
    const ask = (v: Awaited<ReturnType<typeof bossViewer>>) =>
      withViewer(v, async (tx) => (await tx.$queryRaw<{ n: number; total: number }[]>`
        SELECT cardinality(ids)::int AS n, total FROM app_search_admin('or', 'or%', to_tsquery('simple', 'or:*'), NULL, NULL, ARRAY['TABLE'], ARRAY[1]::numeric[], 1000, 1001)`)[0]!);
    const admin = await p.user.findUniqueOrThrow({ where: { email: "admin@acme.test" } });
    const mine = await ask((await resolveViewer(p, admin.id, admin.sessionVersion))!);
    expect(mine.n).toBeGreaterThan(0);
    expect(mine.total).toBe(mine.n);
    expect(await ask(await bossViewer())).toEqual({ n: 0, total: 0 });
    for (const email of ["ana@northwind.test", "viewer@acme.test", "editor@acme.test"]) {
      const u = await p.user.findUniqueOrThrow({ where: { email } });
      expect(await ask((await resolveViewer(p, u.id, u.sessionVersion))!), email).toEqual({ n: 0, total: 0 });
    }
  });

  it("the admin's descendant counts count their own workspace only, and answer nobody else", async () => {
    const top = await p.resource.findFirstOrThrow({ where: { workspaceId: acme, parentId: null, type: "INTEGRATION" }, select: { id: true } });
    const below = await p.resource.count({ where: { workspaceId: acme, path: { has: top.id }, NOT: { id: top.id } } });
    expect(below).toBeGreaterThan(0);
    const counted = (v: Awaited<ReturnType<typeof bossViewer>>) =>
      withViewer(v, async (tx) => (await tx.$queryRaw<{ n: number }[]>`SELECT coalesce(sum(n), 0)::int AS n FROM app_descendant_counts(${[top.id]}::uuid[], false)`)[0]!.n);
    const admin = await p.user.findUniqueOrThrow({ where: { email: "admin@acme.test" } });
    expect(await counted((await resolveViewer(p, admin.id, admin.sessionVersion))!)).toBe(below);
    expect(await counted(await bossViewer())).toBe(0);
    for (const email of ["ana@northwind.test", "viewer@acme.test"]) {
      const u = await p.user.findUniqueOrThrow({ where: { email } });
      expect(await counted((await resolveViewer(p, u.id, u.sessionVersion))!)).toBe(0);
    }
  });

  it("the admin's tops lookups (app_admin_tops, app_admin_top_count) answer an admin for their own workspace only", async () => {
    const kinds = ["INTEGRATION", "DATABASE", "SCHEMA", "TABLE", "VIEW", "COLUMN", "DASHBOARD", "CHART", "DOCUMENT", "METRIC", "TERM"];
    const asked = (v: Awaited<ReturnType<typeof bossViewer>>) =>
      withViewer(v, async (tx) => {
        const ids = await tx.$queryRaw<{ id: string }[]>`SELECT t.id::text AS id FROM app_admin_tops((${kinds}::text[])::"ResourceType"[], 1000) AS t(id)`;
        const [c] = await tx.$queryRaw<{ n: number }[]>`SELECT app_admin_top_count((${kinds}::text[])::"ResourceType"[])::int AS n`;
        return { ids: ids.map((r) => r.id).sort(), n: c!.n };
      });
    const acmeRoots = (await p.resource.findMany({ where: { workspaceId: acme, parentId: null, removedAt: null }, select: { id: true } })).map((r) => r.id).sort();
    expect(acmeRoots.length).toBeGreaterThan(0);
    const admin = await p.user.findUniqueOrThrow({ where: { email: "admin@acme.test" } });
    expect(await asked((await resolveViewer(p, admin.id, admin.sessionVersion))!)).toEqual({ ids: acmeRoots, n: acmeRoots.length });
    // Borealis's admin: Borealis's roots (none), never Acme's.
    expect(await asked(await bossViewer())).toEqual({ ids: [], n: 0 });
    for (const email of ["ana@northwind.test", "viewer@acme.test", "editor@acme.test"]) {
      const u = await p.user.findUniqueOrThrow({ where: { email } });
      expect(await asked((await resolveViewer(p, u.id, u.sessionVersion))!)).toEqual({ ids: [], n: 0 });
    }
  });

  it("the text filter's index lookup answers internal viewers for their own workspace only, and a guest nothing", async () => {
    const matching = (v: Awaited<ReturnType<typeof bossViewer>>) =>
      withViewer(v, async (tx) => (await tx.$queryRaw<{ ids: string[] }[]>`SELECT app_members_matching('%') AS ids`)[0]!.ids.length);
    expect(await matching(await bossViewer())).toBe(await p.membership.count({ where: { workspaceId: borealis } }));
    const ana = await p.user.findUniqueOrThrow({ where: { email: "ana@northwind.test" } });
    expect(await matching((await resolveViewer(p, ana.id, ana.sessionVersion))!)).toBe(0);
    const viewer = await p.user.findUniqueOrThrow({ where: { email: "viewer@acme.test" } });
    expect(await matching((await resolveViewer(p, viewer.id, viewer.sessionVersion))!)).toBe(await p.membership.count({ where: { workspaceId: acme } }));
  });

  it("sorts and filters Borealis by the name Borealis shows, never by the account's name in Acme", async () => {
    const asc = await names({ sort: "name", dir: "asc" });
    expect(asc).toEqual(["Aaron Invited", "Bo Real", "Mona Middle"]);
    expect(await names({ sort: "name", dir: "desc" })).toEqual(["Mona Middle", "Bo Real", "Aaron Invited"]);
    expect(await names({ q: "aaron inv" })).toEqual(["Aaron Invited"]);
    expect(await names({ q: editor.name })).toEqual([]);
    const exported = (await exportMembers(await bossViewer(), membersUrl.load({ sort: "name", dir: "asc" })))!.map((r) => r.name);
    expect(exported).toEqual(asc);
    expect((await exportMembers(await bossViewer(), membersUrl.load({ q: editor.name })))!).toEqual([]);
  });

  it("follows an account's rename where the account's own name is shown, and nowhere else", async () => {
    await p.user.update({ where: { id: editor.id }, data: { name: "Edna Renamed" } });
    expect(await sortName(acme, editor.id)).toBe("Edna Renamed");
    expect(await sortName(borealis, editor.id)).toBe("Aaron Invited");
    // Joining Borealis: Borealis now shows the account's name, and sorts by it.
    await p.membership.update({ where: { workspaceId_userId: { workspaceId: borealis, userId: editor.id } }, data: { shownName: null, status: "ACTIVE" } });
    expect(await sortName(borealis, editor.id)).toBe("Edna Renamed");
    expect(await names({ sort: "name", dir: "asc" })).toEqual(["Bo Real", "Edna Renamed", "Mona Middle"]);
    await p.user.update({ where: { id: editor.id }, data: { name: editor.name } });
    expect(await sortName(borealis, editor.id)).toBe(editor.name);
    expect(await sortName(acme, editor.id)).toBe(editor.name);
  });

  it("sorts names as people do: case-insensitively", async () => {
    const low = await p.user.create({ data: { email: "low@borealis-sort.test", name: "bea lower", status: "ACTIVE" } });
    await p.membership.create({ data: { workspaceId: borealis, userId: low.id, role: "VIEWER" } });
    const asc = await names({ sort: "name", dir: "asc" });
    expect(asc.indexOf("bea lower")).toBe(asc.indexOf("Bo Real") - 1);
  });
});
