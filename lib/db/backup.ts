// Backups of the embedded database: PGlite's own dump of its data folder (a gzipped tar), taken while this process
// holds the folder's lock, and restored into an emptied folder. A PostgreSQL server is backed up with its own
// tools (pg_dump / pg_restore, or the managed service's snapshots): see docs/deploy.md.
import fs from "node:fs";
import path from "node:path";
import { openPglite, acquireDataDirLock } from "./pglite";

/** Writes a dump of the folder to file (the folder must not be open in another process: its lock says so). */
export async function backupEmbedded(dataDir: string, file: string): Promise<{ bytes: number }> {
  const opened = await openPglite(dataDir);
  try {
    const dump = await opened.db.dumpDataDir("gzip");
    const bytes = Buffer.from(await dump.arrayBuffer());
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const tmp = `${file}.partial`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file); // a backup is whole or absent
    return { bytes: bytes.length };
  } finally {
    await opened.close();
  }
}

/** Replaces the folder's contents with a dump (under the folder's lock), then checks that it opens and answers. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<{ migrations: number }> {
  const data = fs.readFileSync(file);
  if (data.length < 2 || data[0] !== 0x1f || data[1] !== 0x8b) throw new Error(`${file} is not a backup made by "npm run db -- backup" (a gzipped dump).`);
  // Hold the lock while the old folder is removed, so a running server is never pulled out from under.
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const release = acquireDataDirLock(dataDir);
  try {
    fs.rmSync(dataDir, { recursive: true, force: true });
  } finally {
    release();
  }
  const opened = await openPglite(dataDir, { loadDataDir: new Blob([data]) });
  try {
    const { rows } = await opened.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    return { migrations: rows[0]?.n ?? 0 };
  } finally {
    await opened.close();
  }
}
