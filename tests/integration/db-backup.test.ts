// `npm run db -- backup <file>` / `restore <file>`: PGlite's dump of its data folder, under the folder's lock.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openPglite, DataDirLockedError } from "@/lib/db/pglite";
import { backupEmbedded, restoreEmbedded } from "@/lib/db/backup";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-backup-"));
const dataDir = path.join(tmp, "pglite");
const file = path.join(tmp, "backups", "one.tar.gz");

async function rows(): Promise<string[]> {
  const o = await openPglite(dataDir);
  try {
    return (await o.db.query<{ v: string }>(`SELECT v FROM notes ORDER BY v`)).rows.map((r) => r.v);
  } finally {
    await o.close();
  }
}

describe.runIf(!process.env.DATABASE_URL)("embedded backup and restore", () => {
  it("restores exactly what was there at backup time, and releases the lock each time", async () => {
    let o = await openPglite(dataDir);
    await o.db.exec(`CREATE TABLE notes (v text); INSERT INTO notes VALUES ('before'); CREATE TABLE "_prisma_migrations" (id text)`);
    await o.close();

    const { bytes } = await backupEmbedded(dataDir, file);
    expect(bytes).toBeGreaterThan(1000);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);

    o = await openPglite(dataDir);
    await o.db.exec(`INSERT INTO notes VALUES ('after')`);
    await o.close();
    expect(await rows()).toEqual(["after", "before"]);

    await restoreEmbedded(dataDir, file);
    expect(await rows()).toEqual(["before"]);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  }, 240_000); // five openings of a PGlite folder (each 1-15 s on a busy machine)

  it("is refused while the folder is open, and a file that is not a backup changes nothing", async () => {
    const o = await openPglite(dataDir);
    try {
      await expect(backupEmbedded(dataDir, path.join(tmp, "two.tar.gz"))).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(restoreEmbedded(dataDir, file)).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await o.close();
    }
    const junk = path.join(tmp, "junk.txt");
    fs.writeFileSync(junk, "not a backup");
    await expect(restoreEmbedded(dataDir, junk)).rejects.toThrow(/not a backup/);
    expect(await rows()).toEqual(["before"]);
  }, 120_000);
});
