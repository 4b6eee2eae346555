// The migration runner must not hold PostgreSQL's migration lock once it returns: a second app server starting
// meanwhile (several servers on one database) waits for that lock and gives up after 10 s.
import { describe, expect, it } from "vitest";
import { applyMigrations, migrationStatus } from "@/lib/db/migrate";
import { setupTestDb } from "../helpers/db";

const db = await setupTestDb({ seed: false });

describe.skipIf(db.engine !== "postgres")("the migration runner on PostgreSQL", () => {
  const url = async () => {
    const [{ name }] = await db.sql<{ name: string }>("SELECT current_database() AS name");
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const heldNow = async () =>
    (await db.sql<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND a.datname = current_database()"))[0]!.n;
  // A backend closes its socket before it releases its locks on the way out (PostgreSQL runs its proc-exit callbacks
  // before its shared-memory ones), so the pool's end can resolve a moment before the lock goes. Wait for that
  // moment, but far less than the pool's 10 s idle timeout that held the lock before the runner closed its pool.
  const advisoryLocks = async () => {
    const until = Date.now() + 2_000;
    let n = await heldNow();
    while (n > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      n = await heldNow();
    }
    return n;
  };

  it("leaves no advisory lock behind once it has applied (or found nothing to apply)", async () => {
    expect(await applyMigrations({ url: await url() })).toEqual([]);
    expect(await advisoryLocks()).toBe(0);
    await migrationStatus({ url: await url() });
    expect(await advisoryLocks()).toBe(0);
  });

  it("two runners at once both finish", async () => {
    const target = { url: await url() };
    expect(await Promise.all([applyMigrations(target), applyMigrations(target)])).toEqual([[], []]);
    expect(await advisoryLocks()).toBe(0);
  });
});
