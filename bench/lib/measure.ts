// Timing helpers of the benchmark suite: percentiles, a warm-up-then-measure loop, and a capture of the SQL that
// Prisma sends (replayed by bench/run.ts with row-level security on and off).

export function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export type Stats = { p50: number; p95: number; p99: number; n: number };

export const stats = (xs: number[]): Stats => ({ p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), n: xs.length });

/** Runs fn `warmup` times unmeasured, then `runs` times measured (ms). */
export async function measure(fn: () => Promise<unknown>, runs: number, warmup = 3): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return stats(xs);
}

export type Captured = { query: string; params: unknown[] };

/** Prisma's query events, as statements pg can run again: transaction control and context-setting left out. */
export function replayable(events: { query: string; params: string }[]): Captured[] {
  return events
    .filter((e) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SET LOCAL|SELECT set_config)/i.test(e.query))
    .map((e) => ({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
}

/**
 * Runs captured statements in one transaction, as the viewer under row-level security (`rls: true`: the app role
 * and the viewer's context, as withViewer does) or as the owner, which bypasses it.
 */
export async function replay(client: { query(sql: string, params?: unknown[]): Promise<unknown> }, statements: Captured[], ctx: { userId: string; workspaceId: string; rls: boolean; role?: string }): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(`SELECT set_config('app.user_id', $1, true), set_config('app.workspace_id', $2, true), set_config('jit', 'off', true)`, [ctx.userId, ctx.workspaceId]);
    if (ctx.rls) await client.query(`SET LOCAL ROLE ${ctx.role ?? "enclave_app"}`);
    for (const s of statements) await client.query(s.query, s.params);
  } finally {
    await client.query("COMMIT");
  }
}

export const fmt = (ms: number) => (Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) : "–");
