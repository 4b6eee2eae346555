// The project's own migration runner: Prisma's schema engine as WebAssembly, driven through a driver
// adapter, because the CLI's migrate commands need a native engine that cannot be downloaded here.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PGlite } from "@electric-sql/pglite";
import { openMemoryPglite } from "./pglite";

const require = createRequire(import.meta.url);
const root = process.cwd();
export const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  diagnoseMigrationHistory(input: unknown): Promise<{ history: unknown; failedMigrationNames: string[] }>;
  free(): void;
};

let bgModule: Promise<{ SchemaEngine: { new: (o: unknown, cb: unknown, a: unknown) => Promise<Engine> } }> | undefined;

async function loadWasm() {
  bgModule ??= (async () => {
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = await import(/* webpackIgnore: true */ bgPath);
    const wasmBytes = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return bgModule;
}

/** Shadow databases are fresh in-memory PGlites with the same extensions as the real one. */
class ShadowAwarePglite extends PrismaPGlite {
  async connectToShadowDb() {
    return new PrismaPGlite(await openMemoryPglite()).connect();
  }
}

/**
 * adapter-pg runs a migration script by splitting it on every ";", which breaks on function bodies and
 * comments; PostgreSQL's simple query protocol takes the whole script at once, as psql would send it.
 */
class WholeScriptPg extends PrismaPg {
  /** Every pool this factory opened: closed when the engine is done (see `done`). */
  readonly opened: { dispose(): Promise<void> }[] = [];
  async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    const inner = adapter as unknown as { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never };
    adapter.executeScript = async (script: string) => {
      try {
        await inner.client.query(script);
      } catch (e) {
        inner.onError(e);
      }
    };
    return adapter;
  }
}

type Target = { pglite: PGlite } | { url: string };

type Session = { engine: Engine; done: () => Promise<void> };

/**
 * The schema engine takes PostgreSQL's migration lock (a session-level advisory lock) on one of its pool's
 * connections and leaves it there: freeing the engine does not close the pool. Left to the pool's idle timeout the
 * lock outlived the run by 10 s, and for as long as the event loop was blocked (`npm start` building with
 * spawnSync): a second app server starting meanwhile timed out waiting for it. `done` frees the engine and closes
 * the pool, which ends the lock with its session.
 */
async function engineFor(target: Target): Promise<Session> {
  const { SchemaEngine } = await loadWasm();
  const pg = "pglite" in target ? null : new WholeScriptPg({ connectionString: target.url });
  const factory = pg ?? new ShadowAwarePglite((target as { pglite: PGlite }).pglite);
  const logs: string[] = [];
  const engine: Engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, fs.readFileSync(schemaPath, "utf8")]] },
    (msg: string) => logs.push(msg),
    bindMigrationAwareSqlAdapterFactory(factory as never),
  );
  return {
    engine,
    done: async () => {
      engine.free();
      await Promise.all((pg?.opened ?? []).map((a) => a.dispose()));
    },
  };
}

function migrationList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") } },
    })),
  };
}

const filters = { externalTables: [], externalEnums: [] };

export async function applyMigrations(target: Target): Promise<string[]> {
  const { engine, done } = await engineFor(target);
  try {
    const out = await engine.applyMigrations({ migrationsList: migrationList(), filters });
    return out.appliedMigrationNames;
  } finally {
    await done();
  }
}

/** SQL that takes the committed migrations to the current schema.prisma ("" when nothing changed). */
export async function diffSchema(): Promise<string> {
  const shadow = await openMemoryPglite();
  const { engine, done } = await engineFor({ pglite: shadow });
  try {
    const list = migrationList();
    const out = await engine.diff({
      from: list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] },
      script: true,
      exitCode: true,
      filters,
    });
    return out.exitCode === 2 ? (out.stdout ?? "") : "";
  } finally {
    await done();
    await shadow.close();
  }
}

export async function migrationStatus(target: Target) {
  const { engine, done } = await engineFor(target);
  try {
    return await engine.diagnoseMigrationHistory({ migrationsList: migrationList(), optInToShadowDatabase: false, filters });
  } finally {
    await done();
  }
}
