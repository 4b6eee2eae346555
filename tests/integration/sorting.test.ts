// Tables sort like people sort, on the server: names case-insensitively and by language, ties in a stable order
// (name, then id) so that a page never repeats or skips a row; the same on PGlite and on PostgreSQL.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../helpers/db";
import { listMembers } from "@/lib/members/queries";
import { membersUrl } from "@/lib/members/schemas";
import { listAdminResources } from "@/lib/resources/queries";
import { adminResourcesUrl } from "@/lib/resources/schemas";

const db = await setupTestDb();
const admin = () => db.viewer("admin@acme.test");

async function addMember(name: string) {
  const id = crypto.randomUUID();
  await db.sql(`INSERT INTO "User" (id, email, name, status) VALUES ($1, $2, $3, 'INVITED')`, [id, `${id}@sort.test`, name]);
  await db.sql(`INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES ($1, $2, $3, 'VIEWER')`, [crypto.randomUUID(), db.workspaceId, id]);
}

async function addResources(names: string[]) {
  for (const name of names) {
    const id = crypto.randomUUID();
    await db.sql(`INSERT INTO "Resource" (id, "workspaceId", type, name, path, "updatedAt") VALUES ($1, $2, 'TERM', $3, ARRAY[$1]::uuid[], now())`, [id, db.workspaceId, name]);
  }
}

describe(`sorting on ${db.engine}`, () => {
  it("members: lower case, capitals and accents sort together; the reverse is the exact reverse", async () => {
    for (const n of ["zoë sortcase", "Adam Sortcase", "ángel sortcase", "bob sortcase", "Émile Sortcase", "Eve Sortcase"]) await addMember(n);
    const v = await admin();
    const asc = (await listMembers(v, membersUrl.load({ q: "sortcase", sort: "name", dir: "asc" })))!.rows.map((r) => r.name);
    expect(asc).toEqual(["Adam Sortcase", "ángel sortcase", "bob sortcase", "Émile Sortcase", "Eve Sortcase", "zoë sortcase"]);
    const desc = (await listMembers(v, membersUrl.load({ q: "sortcase", sort: "name", dir: "desc" })))!.rows.map((r) => r.name);
    expect(desc).toEqual([...asc].reverse());
  });

  it("resources: the demo's names read alphabetically whatever their case", async () => {
    await addResources(["Initech TPS SortCheck", "Initech integration SortCheck", "account SortCheck", "Working SortCheck"]);
    const v = await admin();
    const names = (await listAdminResources(v, adminResourcesUrl.load({ q: "SortCheck", sort: "name", dir: "asc" }))).rows.map((r) => r.name);
    expect(names).toEqual(["account SortCheck", "Initech integration SortCheck", "Initech TPS SortCheck", "Working SortCheck"]);
  });

  it("resources: sorted by a column where everything ties, pages neither repeat nor skip, and each reads by name", async () => {
    const tied = Array.from({ length: 23 }, (_, i) => `${i % 2 ? "t" : "T"}ie ${String(i).padStart(2, "0")} TieBreak`);
    await addResources([...tied, ...tied.slice(0, 5)]); // five exact duplicates: only the id tells them apart
    const v = await admin();
    const page = async (n: number) =>
      (await listAdminResources(v, adminResourcesUrl.load({ q: "TieBreak", sort: "type", dir: "asc", size: "10", page: String(n) }))).rows;
    const seen = [...(await page(1)), ...(await page(2)), ...(await page(3))];
    expect(seen).toHaveLength(28);
    expect(new Set(seen.map((r) => r.id)).size).toBe(28);
    const names = seen.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }) || 0));
    // Asked again, the same order (the id breaks the exact ties).
    const again = [...(await page(1)), ...(await page(2)), ...(await page(3))];
    expect(again.map((r) => r.id)).toEqual(seen.map((r) => r.id));
  });
});
