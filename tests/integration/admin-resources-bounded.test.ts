// The admin resources table's bounded reads (app_admin_resources, migration 20261208020000): its count stops at the
// cap, and with a text filter its page is found either by sorting the matches (at most cap of them) or by walking the
// table's order through an index (more than cap), falling back to the sort when the walk gives up. Each way must give
// exactly the page a plain ORDER BY … LIMIT … OFFSET gives. The cap (10,000) and the walk's length (25,000) are out of
// reach of the demo, so the function is asked here with small ones to take every path.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../helpers/db";
import { listAdminResources } from "@/lib/resources/queries";
import { adminResourcesUrl } from "@/lib/resources/schemas";

const db = await setupTestDb();
const TOKEN = "BoundedQ";
const TYPES = ["TABLE", "COLUMN", "TERM", "DASHBOARD"] as const;

// 30 matches in mixed case with ties on type and on updatedAt (and five exact duplicate names), between 12 names that
// do not match and sort among them, so that a walk has rows to pass over.
const stamp = (i: number) => new Date(Date.UTC(2026, 0, 1 + (i % 4))).toISOString();
let n = 0;
async function add(name: string, type: string) {
  const id = crypto.randomUUID();
  await db.sql(`INSERT INTO "Resource" (id, "workspaceId", type, name, path, "updatedAt") VALUES ($1, $2, $3::"ResourceType", $4, ARRAY[$1]::uuid[], $5)`, [id, db.workspaceId, type, name, stamp(n++)]);
}
for (let i = 0; i < 25; i++) await add(`${i % 2 ? "b" : "B"}ound ${String(i % 13).padStart(2, "0")} ${i % 3 ? TOKEN : TOKEN.toLowerCase()}`, TYPES[i % 4]!);
for (let i = 0; i < 5; i++) await add(`Bound 03 ${TOKEN}`, TYPES[i % 2]!);
for (let i = 0; i < 12; i++) await add(`bound ${String(i).padStart(2, "0")} other`, TYPES[i % 4]!);

const SORT: Record<string, string> = { name: "name", type: "type", updatedAt: `"updatedAt"` };
const order = (sort: string, desc: boolean) => `${SORT[sort]} ${desc ? "DESC" : "ASC"}${sort === "name" ? "" : ", name"}, id`;

type Ask = { contains: string | null; type?: string; sort: string; desc: boolean; page: number; size: number; cap: number; walk?: number };

async function ask(a: Ask, as = "admin@acme.test") {
  const v = await db.viewer(as);
  const [r] = await db.sqlAs<{ ids: string[] | null; total: number }>(
    v,
    `SELECT ids::text[] AS ids, total FROM app_admin_resources($1::text, $2::text, NULL, NULL, NULL, $3, $4, $5, $6, $7${a.walk ? ", $8" : ""})`,
    [a.contains, a.type ?? null, a.sort, a.desc, a.page, a.size, a.cap, ...(a.walk ? [a.walk] : [])],
  );
  return r!;
}

/** The same question as one plain statement, as the owner: the count, and the page clamped as the table clamps it. */
async function expected(a: Ask) {
  const where = `"workspaceId" = $1 AND name ILIKE $2 AND ($3::text IS NULL OR type::text = $3)`;
  const params = [db.workspaceId, a.contains, a.type ?? null];
  const [{ n: all }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Resource" WHERE ${where}`, params);
  const pages = Math.max(1, Math.ceil(Math.min(all, a.cap) / a.size));
  const skip = (Math.min(a.page, pages) - 1) * a.size;
  const ids = (await db.sql<{ id: string }>(`SELECT id::text AS id FROM "Resource" WHERE ${where} ORDER BY ${order(a.sort, a.desc)} LIMIT ${a.size} OFFSET ${skip}`, params)).map((r) => r.id);
  return { ids, total: Math.min(all, a.cap + 1) };
}

describe(`admin resources, bounded (${db.engine})`, () => {
  const pattern = `%${TOKEN}%`;
  const cases: Ask[] = [];
  for (const sort of ["name", "type", "updatedAt"])
    for (const desc of [false, true])
      for (const page of [1, 2, 4, 99])
        for (const [cap, walk] of [[1000, undefined], [7, undefined], [7, 3]] as const)
          for (const type of [undefined, "TABLE"]) cases.push({ contains: pattern, sort, desc, page, size: 4, cap, walk, type });

  it("gives the plain statement's page and capped count for every sort, direction, page, cap and walk length", async () => {
    for (const a of cases) expect(await ask(a), JSON.stringify(a)).toEqual(await expected(a));
    // The cases do take each path: few (30 matches under a cap of 1,000), many (over a cap of 7) walked, many with
    // the walk given up after 3 index entries.
    expect((await expected({ ...cases[0]!, cap: 1000 })).total).toBe(30);
    expect((await expected({ ...cases[0]!, cap: 7 })).total).toBe(8);
  });

  it("without a text filter: the capped count only (the caller pages under row-level security)", async () => {
    const v = await db.viewer("admin@acme.test");
    const [{ n: all }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Resource" WHERE "workspaceId" = $1`, [db.workspaceId]);
    const [{ n: terms }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Resource" WHERE "workspaceId" = $1 AND type = 'TERM'`, [db.workspaceId]);
    expect(await ask({ contains: null, sort: "name", desc: false, page: 1, size: 25, cap: 10_000 })).toEqual({ ids: null, total: all });
    expect(await ask({ contains: null, sort: "name", desc: false, page: 1, size: 25, cap: 10 })).toEqual({ ids: null, total: 11 });
    expect(await ask({ contains: null, type: "TERM", sort: "updatedAt", desc: true, page: 1, size: 25, cap: 10_000 })).toEqual({ ids: null, total: terms });
    // A team's assignments (any_of) and the unassigned (none_of) count as the table's filters do.
    const northwind = (await db.sql<{ ids: string[] }>(`SELECT array_agg("resourceId")::text[] AS ids FROM "TeamResource" tr JOIN "Team" t ON t.id = tr."teamId" WHERE t.name = 'Northwind'`))[0]!.ids;
    const [{ n: inNorthwind }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Resource" WHERE "workspaceId" = $1 AND path && $2::uuid[]`, [db.workspaceId, northwind]);
    const [r] = await db.sqlAs<{ total: number }>(v, `SELECT total FROM app_admin_resources(NULL, NULL, NULL, $1::uuid[], NULL, 'name', false, 1, 25, 10000)`, [northwind]);
    expect(r!.total).toBe(inNorthwind);
    expect(inNorthwind).toBeGreaterThan(0);
  });

  it("answers nothing to anyone but an admin of the session's workspace", async () => {
    for (const who of ["editor@acme.test", "viewer@acme.test", "ana@northwind.test"]) {
      expect(await ask({ contains: pattern, sort: "name", desc: false, page: 1, size: 25, cap: 10_000 }, who), who).toEqual({ ids: [], total: 0 });
      expect(await ask({ contains: null, sort: "name", desc: false, page: 1, size: 25, cap: 10_000 }, who), who).toEqual({ ids: [], total: 0 });
    }
  });

  it("refuses a sort it does not know (the order is never taken from the caller's text)", async () => {
    await expect(ask({ contains: pattern, sort: "name; DROP TABLE x", desc: false, page: 1, size: 25, cap: 10 })).rejects.toThrow(/unknown sort/);
  });

  it("the table's text filter shows those pages: every sort and direction, the rows read back in the function's order", async () => {
    const admin = await db.viewer("admin@acme.test");
    for (const sort of ["name", "type", "updatedAt"] as const)
      for (const dir of ["asc", "desc"] as const)
        for (const page of [1, 3]) {
          const got = await listAdminResources(admin, adminResourcesUrl.load({ q: TOKEN, sort, dir, size: "10", page: String(page) }));
          const want = await expected({ contains: pattern, sort, desc: dir === "desc", page, size: 10, cap: 10_000 });
          expect({ ids: got.rows.map((r) => r.id), total: got.total, capped: got.totalCapped }, `${sort} ${dir} ${page}`).toEqual({ ids: want.ids, total: 30, capped: false });
        }
  });
});
