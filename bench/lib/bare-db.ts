// The bare SQL's database handle, the same for both engines: a pg pool on PostgreSQL, the one in-process PGlite
// instance (shared with the app's Prisma client, which it waits behind: PGlite runs one statement at a time).
import type pg from "pg";
import type { PGlite } from "@electric-sql/pglite";

type Row = Record<string, unknown>;
export type Queryable = { query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> };
export type BareDb = Queryable & { connect(): Promise<Queryable & { release(): void }>; end(): Promise<void> };

export function pgBare(pool: pg.Pool): BareDb {
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({ query: async <T extends Row>(sql: string, params?: unknown[]) => ({ rows: (await q.query(sql, params)).rows as T[] }) });
  return {
    ...wrap(pool),
    async connect() {
      const c = await pool.connect();
      return { ...wrap(c), release: () => c.release() };
    },
    end: () => pool.end(),
  };
}

export function pgliteBare(db: PGlite): BareDb {
  const q: Queryable = { query: async <T extends Row>(sql: string, params?: unknown[]) => ({ rows: (await db.query<T>(sql, params)).rows }) };
  return { ...q, connect: async () => ({ ...q, release: () => undefined }), end: async () => undefined };
}
