// One orderly stop per process (SIGTERM, SIGINT): the job queue's worker first, the database last, then exit.
// Next's own signal handler is turned off by scripts/start.ts (NEXT_MANUAL_SIG_HANDLE=1): it would exit the
// process while the embedded database is still closing. Hooks live on globalThis: Next bundles a module once
// per route chunk, and the instrumentation and the database client may each hold their own copy.

type Hook = { name: string; last: boolean; fn: () => Promise<void> };
const g = globalThis as unknown as { __enclaveShutdown?: { hooks: Hook[]; installed: boolean; running: boolean } };
const state = (g.__enclaveShutdown ??= { hooks: [], installed: false, running: false });

/** Runs fn when the process is asked to stop; `last` hooks (the database) run after all others. */
export function onShutdown(name: string, fn: () => Promise<void>, opts: { last?: boolean } = {}): void {
  state.hooks.push({ name, last: !!opts.last, fn });
  if (state.installed) return;
  state.installed = true;
  for (const sig of ["SIGTERM", "SIGINT"] as const) process.on(sig, () => void shutdown(sig));
}

const withTimeout = (p: Promise<void>, ms: number) => Promise.race([p, new Promise<void>((r) => setTimeout(r, ms).unref())]);

export async function shutdown(signal: string): Promise<void> {
  if (state.running) return;
  state.running = true;
  const ordered = [...state.hooks.filter((h) => !h.last), ...state.hooks.filter((h) => h.last)];
  for (const h of ordered) {
    try {
      await withTimeout(h.fn(), 8_000);
    } catch (e) {
      console.error(`[shutdown] ${h.name}:`, e instanceof Error ? e.message : e);
    }
  }
  console.log(`[shutdown] stopped on ${signal}`);
  process.exit(0);
}
