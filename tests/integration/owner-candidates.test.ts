// The owner picker's type-ahead (lib/owners/queries.ts ownerCandidates, through the findOwnerCandidates action),
// on both engines: it finds people and groups case-insensitively by name and e-mail, with % _ \ taken literally,
// at most OWNER_CANDIDATES_MAX of them; only whom the viewer may see (its user and group scopes in the query) and
// only active people; never for a Guest (no right to set owners) and never on a resource out of the viewer's sight.
import { afterEach, describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
// One test lends Guests the right to set owners, to show that the user scope in the query holds on its own.
const lend = vi.hoisted(() => ({ guests: false }));
vi.mock("@/lib/policy", async (original) => {
  const policy = await original<typeof import("@/lib/policy")>();
  return { ...policy, can: (role: string, perm: string) => (lend.guests && role === "GUEST" && perm === "resources.edit") || policy.can(role as never, perm as never) };
});
afterEach(() => {
  lend.guests = false;
});
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { findOwnerCandidates, addResourceOwner } from "@/lib/owners/actions";
import { ownerCandidates, OWNER_CANDIDATES_MAX } from "@/lib/owners/queries";
import { visibleUserIds } from "@/lib/policy";

const db = await setupTestDb();
const p = db.conn.prisma;
const ws = db.workspaceId;
const one = async (sql: string, params: unknown[] = []) => (await db.sql<{ id: string }>(sql, params))[0]?.id as string;
const res = (...parts: string[]) => one(`SELECT id FROM "Resource" WHERE "externalKey" = $1`, [JSON.stringify(["analytics", ...parts])]);

const orders = await res("northwind", "orders");
const customers = await res("northwind", "customers");
const revenue = await res("finance", "revenue");

// People and groups whose names hold LIKE's wildcards and escape, and look-alikes that a wildcard would match.
async function person(email: string, name: string, membership: { status?: "ACTIVE" | "INVITED" | "DEACTIVATED"; shownName?: string; workspaceId?: string; role?: "EDITOR" | "VIEWER" } = {}) {
  const u = await p.user.create({ data: { email, name, status: "ACTIVE" } });
  await p.membership.create({ data: { workspaceId: membership.workspaceId ?? ws, userId: u.id, role: membership.role ?? "VIEWER", status: membership.status ?? "ACTIVE", shownName: membership.shownName ?? null } });
  return u.id;
}
await person("percent@acme.test", "Pat 100% Sure");
await person("hundred@acme.test", "Pat 100 x Sure");
await person("under@acme.test", "Una Snake_Case");
await person("snake@acme.test", "Una SnakeXCase");
await person("slash@acme.test", "Bo Back\\slash");
await person("gone@acme.test", "Gwen Gone", { status: "DEACTIVATED" });
await person("pending@acme.test", "Pim Pending", { status: "INVITED" });
// The account calls itself one thing; this workspace knows it by the name its invitation gave.
await person("renamed@acme.test", "Global Account Name", { shownName: "Rhea Local" });
const elsewhere = await p.workspace.create({ data: { name: "Elsewhere", slug: "elsewhere" } });
await person("zed@elsewhere.test", "Zed Outsider", { workspaceId: elsewhere.id });
await p.group.create({ data: { workspaceId: elsewhere.id, name: "Outsider people" } });
await p.group.createMany({ data: [{ workspaceId: ws, name: "Ops_Team" }, { workspaceId: ws, name: "OpsXTeam" }, { workspaceId: ws, name: "Ops 50% crew" }] });
for (let i = 10; i < 40; i++) await person(`bulk${i}@acme.test`, `Bulk Person ${i}`);

const admin = await db.viewer("admin@acme.test");
const editor = await db.viewer("editor@acme.test");
const viewer = await db.viewer("viewer@acme.test");
const ana = await db.viewer("ana@northwind.test");

const names = async (as: typeof admin, q: string, resourceId = orders) => (await ownerCandidates(as, resourceId, q))?.map((c) => `${c.kind}:${c.name}`) ?? null;

describe(`owner type-ahead on ${db.engine}`, () => {
  it("matches names and e-mails case-insensitively, people first, starts-with before contains", async () => {
    expect(await names(admin, "cara")).toEqual(["user:Cara Mendes"]);
    expect(await names(admin, "CARA")).toEqual(["user:Cara Mendes"]);
    expect(await names(admin, "@GLOBEX.test")).toEqual(["user:Cara Mendes", "user:Dan Okafor"]);
    // "Globex people" is the group; its people are found by their addresses.
    expect(await names(admin, "globex")).toEqual(["user:Cara Mendes", "user:Dan Okafor", "group:Globex people"]);
    // "dan@…" and "Dan Okafor" start with it, nobody else holds it.
    expect(await names(admin, "dan")).toEqual(["user:Dan Okafor"]);
    // "Bo Back\slash" holds "ack"; nothing starts with it. "Ben Carter" starts with "ben", "Ben" too.
    expect(await names(admin, "ben")).toEqual(["user:Ben Carter"]);
    const sorted = await ownerCandidates(admin, orders, "person 1");
    expect(sorted!.map((c) => c.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Bulk Person ${10 + i}`));
    expect(sorted![0]).toMatchObject({ kind: "user", detail: "bulk10@acme.test" });
  });

  it("takes % _ and \\ literally", async () => {
    expect(await names(admin, "100%")).toEqual(["user:Pat 100% Sure"]);
    expect(await names(admin, "%")).toEqual(["user:Pat 100% Sure", "group:Ops 50% crew"]);
    expect(await names(admin, "Snake_")).toEqual(["user:Una Snake_Case"]);
    expect(await names(admin, "_")).toEqual(["user:Una Snake_Case", "group:Ops_Team"]);
    expect(await names(admin, "ops_t")).toEqual(["group:Ops_Team"]);
    expect(await names(admin, "back\\s")).toEqual(["user:Bo Back\\slash"]);
    expect(await names(admin, "\\")).toEqual(["user:Bo Back\\slash"]);
  });

  it("answers at most OWNER_CANDIDATES_MAX, keeping places for matching groups", async () => {
    const bulk = await ownerCandidates(admin, orders, "bulk");
    expect(bulk).toHaveLength(OWNER_CANDIDATES_MAX);
    expect(bulk!.every((c) => c.kind === "user")).toBe(true);
    // Everyone has an e-mail at some domain: "e" matches dozens of people, and the groups still show.
    const e = await ownerCandidates(admin, orders, "e");
    expect(e).toHaveLength(OWNER_CANDIDATES_MAX);
    expect(e!.filter((c) => c.kind === "group").map((c) => c.name)).toEqual(["Globex people", "Initech people", "Northwind people", "Ops 50% crew", "Ops_Team"]);
    // Nothing typed yet: the first by name.
    expect(await ownerCandidates(admin, orders, "")).toHaveLength(OWNER_CANDIDATES_MAX);
  });

  it("offers only active members of this workspace, by the name this workspace shows", async () => {
    expect(await names(admin, "gwen")).toEqual([]);
    expect(await names(admin, "pending")).toEqual([]);
    expect(await names(admin, "zed")).toEqual([]);
    expect(await names(admin, "outsider")).toEqual([]);
    expect(await names(admin, "rhea")).toEqual(["user:Rhea Local"]);
    // The account's own name is its life elsewhere: not a way to find it here.
    expect(await names(admin, "global account")).toEqual([]);
  });

  it("leaves out the resource's current owners", async () => {
    actAs(admin);
    const cara = await one(`SELECT id FROM "User" WHERE email = 'cara@globex.test'`);
    expect((await addResourceOwner({ resourceId: customers, userId: cara })).ok).toBe(true);
    expect(await names(admin, "cara", customers)).toEqual([]);
    expect(await names(admin, "cara", orders)).toEqual(["user:Cara Mendes"]);
  });

  it("an editor finds the people its user scope holds (every active member) and never a group", async () => {
    // The editor's user scope is the policy's: every non-deactivated member of the workspace (DESIGN.md), so
    // Globex's guests are people it may name; groups are admins' only, so "globex" finds no group.
    const mayList = visibleUserIds(await db.snapshot(), { userId: editor.userId, role: editor.role });
    const found = (await ownerCandidates(editor, orders, "@"))!;
    expect(found.every((c) => c.kind === "user" && mayList.has(c.id))).toBe(true);
    expect(await names(editor, "globex")).toEqual(["user:Cara Mendes", "user:Dan Okafor"]);
    expect(await names(editor, "people")).toEqual([]);
    expect(await names(editor, "ops")).toEqual([]);
    expect(await names(editor, "_")).toEqual(["user:Una Snake_Case"]);
    // A resource out of its sight (finance, in no team): nothing at all, as for an id that does not exist.
    expect(await ownerCandidates(editor, revenue, "")).toBeNull();
    expect(await ownerCandidates(editor, crypto.randomUUID(), "")).toBeNull();
    expect(await ownerCandidates(admin, revenue, "cara")).not.toBeNull();
  });

  it("a Guest or a Viewer gets nothing: no right to set owners, whatever it types and on its own resources", async () => {
    for (const who of [ana, viewer]) {
      for (const q of ["", "cara", "globex", "dan", "ana", "northwind", "%"]) {
        expect(await ownerCandidates(who, orders, q)).toBeNull();
        actAs(who);
        const r = await findOwnerCandidates({ resourceId: orders, q });
        expect(r).toEqual({ ok: false, error: "You do not have permission to do this." });
      }
    }
  });

  it("were a Guest allowed to set owners, it would still find only its own team's people and no group", async () => {
    lend.guests = true;
    for (const q of ["cara", "globex", "dan", "eve", "initech", "people", "%", "_"]) expect(await names(ana, q), q).toEqual([]);
    // Ana's team-mates: herself, Ben (both through "Northwind people") and the editor (a direct member).
    expect((await names(ana, ""))!.sort()).toEqual(["user:Ana Souza", "user:Ben Carter", "user:Priya Shah"]);
    expect(await names(ana, "northwind")).toEqual(["user:Ana Souza", "user:Ben Carter"]);
    expect(await ownerCandidates(ana, await res("globex", "invoices"), "")).toBeNull();
    // The scope is in the query's where, not only under it: with row-level security off for people and their
    // memberships (in this file's own database, for this test only), the answers are the same.
    const rls = (on: boolean) => Promise.all(["User", "Membership"].map((t) => db.sql(`ALTER TABLE "${t}" ${on ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY`)));
    await rls(false);
    try {
      for (const q of ["cara", "globex", "dan", "eve", "initech"]) expect(await names(ana, q), `${q}, without RLS`).toEqual([]);
      expect((await names(ana, ""))!.sort()).toEqual(["user:Ana Souza", "user:Ben Carter", "user:Priya Shah"]);
    } finally {
      await rls(true);
    }
  });

  it("the action answers the query's rows, validates its input and refuses control characters", async () => {
    actAs(admin);
    expect(await findOwnerCandidates({ resourceId: orders, q: "  cara " })).toMatchObject({ ok: true, data: [{ kind: "user", name: "Cara Mendes", detail: "cara@globex.test" }] });
    actAs(editor);
    expect(await findOwnerCandidates({ resourceId: revenue, q: "cara" })).toEqual({ ok: false, error: "Not found." });
    actAs(admin);
    for (const [input, error] of [
      [{ resourceId: orders, q: "x".repeat(101) }, "Type at most 100 characters."],
      [{ resourceId: orders, q: "ca\nra" }, "Type a name or an e-mail address on one line."],
      [{ resourceId: orders, q: "ca\u0000ra" }, "Text may not contain control characters (such as NUL)."],
      [{ resourceId: orders }, "Type a name or an e-mail address."],
      [{ resourceId: "orders", q: "cara" }, "Choose a resource."],
    ] as const) {
      expect(await findOwnerCandidates(input as never)).toMatchObject({ ok: false, error });
    }
  });
});
