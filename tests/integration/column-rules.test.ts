// The database's own column rules (#15 item 10), tried with forged statements as the app role in a viewer's context
// (no application code in between): what row-level security lets through by row, the triggers refuse by column.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../helpers/db";

const db = await setupTestDb();
const id = async (sql: string, params: unknown[] = []) => (await db.sql<{ id: string }>(sql, params))[0].id;
const schema = (name: string) => id(`SELECT id FROM "Resource" WHERE type = 'SCHEMA' AND name = $1`, [name]);
const table = (schemaName: string, name: string) =>
  id(`SELECT r.id FROM "Resource" r JOIN "Resource" s ON s.id = r."parentId" WHERE s.type = 'SCHEMA' AND s.name = $1 AND r.name = $2`, [schemaName, name]);
const denied = { code: "42501" };

describe(`column rules on ${db.engine}`, () => {
  it("an editor changes a resource's description and tags, nothing else: no re-parenting under a client's schema", async () => {
    const editor = await db.viewer("editor@acme.test");
    const [general] = await db.sql<{ id: string }>(
      `SELECT r.id FROM "Resource" r JOIN "Resource" s ON s.id = r."parentId" WHERE s.name = 'shared' AND r.type = 'TABLE' LIMIT 1`);
    const northwind = await schema("northwind");
    // The editor may edit both (RLS lets the rows through): the description does change…
    expect(await db.sqlAs(editor, `UPDATE "Resource" SET description = 'edited', tags = ARRAY['x'] WHERE id = $1 RETURNING id`, [general.id])).toHaveLength(1);
    // …but the parent, the name, the type, the path and removal do not.
    for (const [set, params] of [
      [`"parentId" = $2`, [northwind]],
      [`name = 'renamed'`, []],
      [`type = 'DOCUMENT'`, []],
      [`"removedAt" = now()`, []],
      [`meta = '{"x":1}'`, []],
      [`"externalKey" = 'x'`, []],
    ] as [string, unknown[]][]) {
      await expect(db.sqlAs(editor, `UPDATE "Resource" SET ${set} WHERE id = $1 RETURNING id`, [general.id, ...params]), set).rejects.toMatchObject(denied);
    }
    const before = await db.sql(`SELECT "parentId", path, name FROM "Resource" WHERE id = $1`, [general.id]);
    expect(before[0]).toMatchObject({ name: expect.any(String) });
  });

  it("admins still change anything of a resource", async () => {
    const admin = await db.viewer("admin@acme.test");
    const orders = await table("northwind", "orders");
    expect(await db.sqlAs(admin, `UPDATE "Resource" SET name = 'orders2', "removedAt" = now() WHERE id = $1 RETURNING id`, [orders])).toHaveLength(1);
  });

  it("a person changes their own name and password hash, not their status, e-mail or session version", async () => {
    const ben = await db.viewer("ben@northwind.test");
    expect(await db.sqlAs(ben, `UPDATE "User" SET name = 'Benjamin', "passwordHash" = 'x' WHERE id = $1 RETURNING id`, [ben.userId])).toHaveLength(1);
    // A password change moves the session version on: forward only.
    expect(await db.sqlAs(ben, `UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = $1 RETURNING id`, [ben.userId])).toHaveLength(1);
    for (const set of [`status = 'INVITED'`, `status = 'DEACTIVATED'`, `email = 'ben@evil.example'`, `"sessionVersion" = 0`, `"sessionVersion" = "sessionVersion" - 1`, `"createdAt" = now()`]) {
      await expect(db.sqlAs(ben, `UPDATE "User" SET ${set} WHERE id = $1 RETURNING id`, [ben.userId]), set).rejects.toMatchObject(denied);
    }
  });

  it("an admin deactivates a member, but neither sets their password nor their e-mail", async () => {
    const admin = await db.viewer("admin@acme.test");
    const ana = await id(`SELECT id FROM "User" WHERE email = 'ana@northwind.test'`);
    expect(await db.sqlAs(admin, `UPDATE "User" SET status = 'DEACTIVATED', "sessionVersion" = "sessionVersion" + 1 WHERE id = $1 RETURNING id`, [ana])).toHaveLength(1);
    for (const set of [`"passwordHash" = 'x'`, `email = 'x@evil.example'`, `name = 'Someone'`, `"sessionVersion" = 0`]) {
      await expect(db.sqlAs(admin, `UPDATE "User" SET ${set} WHERE id = $1 RETURNING id`, [ana]), set).rejects.toMatchObject(denied);
    }
  });

  it("the owner's own writes (migrations, seed, sign-in) are not concerned", async () => {
    const ana = await id(`SELECT id FROM "User" WHERE email = 'ana@northwind.test'`);
    await db.sql(`UPDATE "User" SET "lastActiveAt" = now() WHERE id = $1`, [ana]);
  });
});
