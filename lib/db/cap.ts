// Bounded counts for unbounded tables: a count that stops at a cap, so that page 1 of a million rows does not count
// a million rows (bench/README.md, issue #20). Below the cap a count is exact; at the cap the UI says "10,000+".

/** Counts stop here; a table pages through at most this many rows (400 pages of 25). */
export const COUNT_CAP = 10_000;

export type CappedCount = { total: number; capped: boolean };

/** n as counted with `take: COUNT_CAP + 1` (or `LIMIT COUNT_CAP + 1`): the total to show, and whether it is a floor. */
export function capCount(n: number, cap = COUNT_CAP): CappedCount {
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/** "10,000+" or "1,234": a capped figure says so. */
export function formatCount(c: CappedCount): string {
  return `${c.total.toLocaleString("en-US")}${c.capped ? "+" : ""}`;
}
