import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

// The contrib extensions the migrations create; PGlite only knows those passed at construction.
export const pgliteExtensions = { pg_trgm, btree_gin, unaccent };

export class DataDirLockedError extends Error {}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite takes no lock of its own and two processes on one folder corrupt it silently, so the first
 * opener writes its pid next to the folder and every other live process is refused at once.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number(fs.readFileSync(lockFile, "utf8").trim());
      if (holder === process.pid) throw new DataDirLockedError(`The embedded database ${dataDir} is already open in this process.`);
      if (Number.isInteger(holder) && holder > 0 && pidAlive(holder)) {
        throw new DataDirLockedError(
          `The embedded database at ${dataDir} is in use by another Enclave process (pid ${holder}). ` +
            `Stop that process first, or point ENCLAVE_DATA_DIR at another folder. ` +
            `Two processes on one folder would corrupt it.`,
        );
      }
      fs.rmSync(lockFile, { force: true }); // left behind by a process that died: take it over
    }
  }
  throw new DataDirLockedError(`Could not lock the embedded database at ${dataDir}.`);
}

export type OpenedPglite = { db: PGlite; close: () => Promise<void> };

/** Opens (locks) the folder; `loadDataDir` (a dump from dumpDataDir) fills an empty folder first (restore). */
export async function openPglite(dataDir: string, opts: { loadDataDir?: Blob } = {}): Promise<OpenedPglite> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const release = acquireDataDirLock(dataDir);
  try {
    const db = await PGlite.create({ dataDir, extensions: pgliteExtensions, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
    let closed = false;
    return {
      db,
      close: async () => {
        if (closed) return;
        closed = true;
        await db.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

export async function openMemoryPglite(): Promise<PGlite> {
  return PGlite.create({ extensions: pgliteExtensions });
}
