// Text at the boundary (#15 items 5 and 6): a NUL byte in a URL or an action is refused or dropped with a clear
// message, never a 500; "%" and "_" match themselves in every name filter, never act as wildcards.
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { search } from "@/lib/search/queries";
import { recordSearch } from "@/lib/search/actions";
import { renameSelf } from "@/lib/account/actions";
import { createTeam, updateTeam } from "@/lib/teams/actions";
import { createGroup } from "@/lib/groups/actions";
import { listTeamsTable, listTeamMembers, getTeamBySlug } from "@/lib/teams/queries";
import { listChildren, listCatalogSection } from "@/lib/catalog/queries";
import { listVisiblePeople } from "@/lib/people/queries";
import { listPeoplePage } from "@/lib/people/listing";
import { searchUrl, paletteQuery } from "@/lib/search/schemas";
import { childrenUrl } from "@/lib/catalog/schemas";
import { teamsUrl, teamMembersUrl } from "@/lib/teams/schemas";

const db = await setupTestDb();

describe("NUL and other control characters", () => {
  it("URL parameters drop them before any query runs", async () => {
    expect(searchUrl.load({ q: "orders\u0000" }).q).toBe("orders");
    expect(paletteQuery.parse({ q: "x\u0000" }).q).toBe("x");
    expect(childrenUrl.load({ q: "\u0000" }).q).toBe("");
    expect(teamsUrl.load({ q: "a\u0000b" }).q).toBe("ab");
    expect(teamMembersUrl.load({ q: "\u0000\u001f" }).q).toBe("");
    const ana = await db.viewer("ana@northwind.test");
    await expect(search(ana, searchUrl.load({ q: "x\u0000" }).q)).resolves.toBeTruthy();
  });

  it("actions refuse them with a clear message and change nothing", async () => {
    const ben = await db.viewer("ben@northwind.test");
    actAs(ben);
    const before = await db.sql(`SELECT name FROM "User" WHERE id = $1`, [ben.userId]);
    expect(await renameSelf({ name: "Ben\u0000" })).toEqual({ ok: false, error: expect.stringMatching(/control character/) });
    expect(await recordSearch({ q: "x\u0000" })).toEqual({ ok: false, error: expect.stringMatching(/control character/) });
    expect(await db.sql(`SELECT name FROM "User" WHERE id = $1`, [ben.userId])).toEqual(before);
    expect(await db.sql(`SELECT count(*)::int AS n FROM "RecentSearch" WHERE "userId" = $1`, [ben.userId])).toEqual([{ n: 0 }]);
  });
});

describe("LIKE wildcards match themselves", () => {
  it("the palette's people and teams: '%' and '_' find nothing in the demo", async () => {
    for (const email of ["ana@northwind.test", "editor@acme.test", "admin@acme.test"]) {
      const v = await db.viewer(email);
      for (const q of ["%", "_", "%%", "a%n"]) {
        const r = await search(v, q, { others: 5 });
        expect(r.people, `${email} ${q}`).toEqual([]);
        expect(r.teams, `${email} ${q}`).toEqual([]);
      }
    }
  });

  it("people, team and children filters", async () => {
    const admin = await db.viewer("admin@acme.test");
    expect(await listVisiblePeople(admin, { q: "%" })).toEqual([]);
    // The REST API's people list (GET /api/v1/users?q=).
    for (const q of ["%", "_", "a%n"]) expect((await listPeoplePage(admin, { q, limit: 50 })).rows).toEqual([]);
    expect((await listTeamsTable(admin, teamsUrl.load({ q: "%" }))).total).toBe(0);
    const northwind = (await getTeamBySlug(admin, "northwind"))!;
    expect((await listTeamMembers(admin, northwind.id, teamMembersUrl.load({ q: "_" }))).total).toBe(0);
    const [schema] = await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE name = 'northwind' AND type = 'SCHEMA'`);
    expect((await listChildren(admin, schema.id, childrenUrl.load({ q: "%" }))).total).toBe(0);
    // "_" finds the children with an underscore in their name, not every child.
    const [{ n, all }] = await db.sql<{ n: number; all: number }>(
      `SELECT count(*) FILTER (WHERE strpos(name, '_') > 0)::int AS n, count(*)::int AS "all" FROM "Resource" WHERE "parentId" = $1`, [schema.id]);
    expect(n).toBeLessThan(all);
    expect((await listChildren(admin, schema.id, childrenUrl.load({ q: "_" }))).total).toBe(n);
    expect((await listCatalogSection(admin, "data", childrenUrl.load({ q: "%" }))).total).toBe(0);
  });

  it("a name with '%' or '_' is not taken by every other name", async () => {
    actAs(await db.viewer("admin@acme.test"));
    const made = await createTeam({ name: "%", description: "", visibility: "PUBLIC" });
    expect(made).toMatchObject({ ok: true });
    expect(await createGroup({ name: "_", description: "" })).toMatchObject({ ok: true });
    // …and the names still clash with themselves, whatever their case.
    expect(await createTeam({ name: "%", description: "", visibility: "PUBLIC" })).toMatchObject({ ok: false, error: "A team with that name exists already." });
    expect(await createTeam({ name: "NORTHWIND", description: "", visibility: "PRIVATE" })).toMatchObject({ ok: false, error: "A team with that name exists already." });
    if (made.ok) {
      const id = (made.data as { id: string }).id;
      expect(await updateTeam({ teamId: id, name: "Globe_", description: "", visibility: "PUBLIC" })).toMatchObject({ ok: true });
    }
  });
});
