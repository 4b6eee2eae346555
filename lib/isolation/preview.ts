import "server-only";
import type { Viewer } from "@/lib/auth/resolve-viewer";
import { withViewer, type Tx } from "@/lib/db/scoped";

class Undo<T> extends Error {
  constructor(readonly value: T) {
    super("preview undone");
  }
}

/**
 * Runs a write in a transaction that is always rolled back, and returns what it said: a preview that makes the
 * very change the action would make and reads the exposures it adds, so the preview and the action can never
 * disagree about what is checked.
 */
export async function previewWrite<T>(viewer: Viewer, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await withViewer(viewer, async (tx) => {
      throw new Undo(await fn(tx));
    });
  } catch (e) {
    if (e instanceof Undo) return e.value as T;
    throw e;
  }
  throw new Error("unreachable: the preview transaction always rolls back");
}
