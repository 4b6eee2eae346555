// Every GIN index keeps a small pending list (migration 20261207090100): a lookup reads all of the list, and with
// PostgreSQL's 4 MB default a guest's scope or a descendant count read hundreds of pages after each sync. A GIN
// index added later without the setting fails here.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../helpers/db";

const db = await setupTestDb({ seed: false });

describe(`GIN indexes on ${db.engine}`, () => {
  it("every one has gin_pending_list_limit = 64 kB", async () => {
    const rows = await db.sql<{ name: string; options: string[] | null }>(
      `SELECT c.relname AS name, c.reloptions AS options FROM pg_class c JOIN pg_am am ON am.oid = c.relam
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE am.amname = 'gin' AND n.nspname = 'public' ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(9);
    expect(rows.filter((r) => !(r.options ?? []).includes("gin_pending_list_limit=64")).map((r) => r.name)).toEqual([]);
  });
});
