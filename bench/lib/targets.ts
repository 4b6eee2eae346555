// The targets of issue #20, each as the text the results table shows and a judgement of what was measured, so
// that every row says "met" or by how much it is missed (never a timed assertion: the suite only reports).
import type { Stats } from "./measure";

export type Verdict = { text: string; met: boolean };
export type Target = { text: string; judge(app: Stats, bare?: Stats): Verdict };

const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);

/** p95 ≤ limit ms and, when ratio is given, p50 ≤ ratio × the bare SQL's p50. */
export function p95Within(limit: number, ratio?: number): Target {
  const text = `p95 ≤ ${limit} ms${ratio ? `, ≤ ${ratio}× bare` : ""}`;
  return {
    text,
    judge(app, bare) {
      const misses: string[] = [];
      if (app.p95 > limit) misses.push(`p95 by ${ms(app.p95 - limit)} (${(app.p95 / limit).toFixed(1)}×)`);
      if (ratio && bare && app.p50 > ratio * bare.p50) misses.push(`${(app.p50 / bare.p50).toFixed(1)}× bare`);
      return misses.length ? { text: `${text}: **missed**, ${misses.join(", ")}`, met: false } : { text: `${text}: met`, met: true };
    },
  };
}

export type LoadResult = { rps: number; p99: number; errors: number; non2xx: number; rssMb: number };
export type LoadTarget = { text: string; judge(r: LoadResult): Verdict };

/** At least minRps requests/s with no error and no non-2xx answer; optionally p99 and the server's memory. */
export function loadWithin(minRps: number, opts: { p99?: number; rssMb?: number } = {}): LoadTarget {
  const text = [`≥ ${minRps} req/s`, ...(opts.p99 ? [`p99 ≤ ${opts.p99} ms`] : []), "0 errors", ...(opts.rssMb ? [`RSS ≤ ${opts.rssMb} MB`] : [])].join(", ");
  return {
    text,
    judge(r) {
      const misses: string[] = [];
      if (r.rps < minRps) misses.push(`${r.rps.toFixed(0)} req/s (${(minRps / Math.max(r.rps, 0.01)).toFixed(1)}× short)`);
      if (opts.p99 && r.p99 > opts.p99) misses.push(`p99 ${r.p99} ms`);
      if (r.errors || r.non2xx) misses.push(`${r.errors} errors, ${r.non2xx} non-2xx`);
      if (opts.rssMb && r.rssMb > opts.rssMb) misses.push(`RSS ${r.rssMb.toFixed(0)} MB`);
      return misses.length ? { text: `${text}: **missed**, ${misses.join(", ")}`, met: false } : { text: `${text}: met`, met: true };
    },
  };
}

/** Issue #20's table. */
export const TARGETS = {
  search: p95Within(100, 2),
  searchPage: p95Within(250),
  resourcesTable: p95Within(150),
  teamsTable: p95Within(150),
  members: p95Within(100),
  page: p95Within(100),
  assign: p95Within(1000),
  palette: loadWithin(300, { p99: 300, rssMb: 700 }),
  searchPages: loadWithin(100),
} as const;
