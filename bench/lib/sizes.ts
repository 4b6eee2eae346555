// The growth curve's pure parts (issue #20): the --sizes list, one database name per size, the people scaled
// with the catalog, and the table of each measure's p95 at each size with its growth factor. bench/lib/sizes-run.ts
// runs the suite once per size; tests/unit/bench-sizes.test.ts checks these.
import { DEFAULT_SIZES, SEARCH_TERM, type Sizes } from "./workspace";
import { fmt } from "./measure";

/** "100000,1000000,3000000" or "100k,1m,3M": distinct whole sizes, smallest first. */
export function parseSizeList(s: string | undefined): number[] {
  if (!s?.trim()) throw new Error("--sizes takes a comma-separated list of resource counts, e.g. 100000,1000000,3000000");
  const out = s.split(",").map((part) => {
    const m = /^\s*(\d+(?:\.\d+)?|\d{1,3}(?:_\d{3})+)\s*([km]?)\s*$/i.exec(part);
    const n = m ? Number(m[1]!.replace(/_/g, "")) * (m[2]!.toLowerCase() === "m" ? 1_000_000 : m[2]!.toLowerCase() === "k" ? 1_000 : 1) : NaN;
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--sizes: "${part.trim()}" is not a whole number of resources`);
    return n;
  });
  return [...new Set(out)].sort((a, b) => a - b);
}

/** 100000 → "100k", 1000000 → "1M", 3000000 → "3M", 2500000 → "2500k", 1234 → "1234". */
export function sizeLabel(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return String(n);
}

/** The PostgreSQL database of one size: enclave_bench_100k, enclave_bench_1m, enclave_bench_3m. */
export const benchDbFor = (n: number) => `enclave_bench_${sizeLabel(n).toLowerCase()}`;

/** The embedded PGlite folder of one size (relative to the working directory unless --data-dir says). */
export const pgliteDirFor = (n: number) => `.data/bench-pglite-${sizeLabel(n).toLowerCase()}`;

/**
 * The workspace at `resources`: below the default (1,000,000) members, teams and groups shrink in proportion
 * (100,000 resources: 10,000 members, 200 teams, 500 groups); at and above it they stay at the defaults, so the
 * growth from 1M to 3M is the catalog's alone. Clients, guests and the archive database never scale (the guest
 * sees the same share at every size). `overrides` (flags given on the command line) win at every size.
 */
export function scaledSizes(resources: number, overrides: Partial<Sizes> = {}): Sizes {
  const f = Math.min(1, resources / DEFAULT_SIZES.resources);
  const base = { ...DEFAULT_SIZES, ...overrides };
  const scale = (key: "members" | "teams" | "groups", floor: number) => (key in overrides ? base[key] : Math.max(floor, Math.round(DEFAULT_SIZES[key] * f)));
  return {
    ...base,
    resources,
    members: scale("members", 1_000 + base.clients * base.guestsPerClient),
    teams: scale("teams", base.clients + 11),
    groups: scale("groups", base.clients + 10),
  };
}

/** The size that runs the whole suite (HTTP, load, the results table): 1,000,000 when listed, else the largest. */
export const mainSize = (sizes: number[]) => (sizes.includes(DEFAULT_SIZES.resources) ? DEFAULT_SIZES.resources : sizes[sizes.length - 1]!);

/** The two sizes the growth factor compares: 1M → 3M when both are listed, else the two largest. */
export function growthPair(sizes: number[]): [number, number] | null {
  if (sizes.includes(1_000_000) && sizes.includes(3_000_000)) return [1_000_000, 3_000_000];
  return sizes.length >= 2 ? [sizes[sizes.length - 2]!, sizes[sizes.length - 1]!] : null;
}

export type GrowthRow = { section: string; name: string; app?: { p95: number }; value?: string };
export type SizeRun = { resources: number; rows: GrowthRow[] };

/** Names carry sizes ("a database of 10,000 columns" at 100k, "100,000" at 1M): rows match with those numbers out. */
export const rowKey = (name: string) => name.replace(/\d{1,3}(?:,\d{3})+/g, "#");

/** A row's p95 in ms: its measured p95, or a single timing ("15366 ms"); undefined for throughput rows. */
export function p95Of(row: GrowthRow | undefined): number | undefined {
  if (!row) return undefined;
  if (row.app) return row.app.p95;
  const m = row.value ? /^([\d.]+) ms$/.exec(row.value) : null;
  return m ? Number(m[1]) : undefined;
}

/** The growth targets of issue #20, on the in-process search. */
export const GROWTH_TARGETS = [
  { name: `search(guest, "${SEARCH_TERM}")`, label: "guest search p95 grows ≤ 1.5×", limit: 1.5 },
  { name: `search(admin, "${SEARCH_TERM}")`, label: "admin search p95 grows ≤ 2×", limit: 2 },
] as const;

export type GrowthVerdict = { label: string; from?: number; to?: number; factor?: number; limit: number; met: boolean | null };

/** Each growth target's factor between the pair's sizes; met is null when a size lacks the row. */
export function growthVerdicts(runs: SizeRun[], pair: [number, number]): GrowthVerdict[] {
  const at = (n: number, name: string) => p95Of(runs.find((r) => r.resources === n)?.rows.find((x) => rowKey(x.name) === rowKey(name)));
  return GROWTH_TARGETS.map((t) => {
    const from = at(pair[0], t.name);
    const to = at(pair[1], t.name);
    const factor = from && to !== undefined ? to / from : undefined;
    return { label: t.label, from, to, factor, limit: t.limit, met: factor === undefined ? null : factor <= t.limit };
  });
}

/**
 * The growth table: per section, each measure's p95 at every size (in the order the rows first appear, the
 * largest run's names shown) and the factor between the pair; then the growth targets, met or missed.
 */
export function growthTable(runs: SizeRun[]): string {
  const sorted = [...runs].sort((a, b) => a.resources - b.resources);
  const sizes = sorted.map((r) => r.resources);
  const pair = growthPair(sizes);
  const order: { section: string; key: string; name: string }[] = [];
  for (const run of [...sorted].reverse()) {
    for (const row of run.rows) {
      if (p95Of(row) === undefined) continue;
      const key = rowKey(row.name);
      if (!order.some((o) => o.section === row.section && o.key === key)) order.push({ section: row.section, key, name: row.name });
    }
  }
  const find = (run: SizeRun, section: string, key: string) => run.rows.find((x) => x.section === section && rowKey(x.name) === key);
  const cell = (v: number | undefined) => (v === undefined ? "" : fmt(v));
  const factor = (a: number | undefined, b: number | undefined) => (a && b !== undefined ? `${(b / a).toFixed(2)}×` : "");
  const head = `| measure | ${sizes.map((n) => `p95 ms at ${sizeLabel(n)}`).join(" | ")} |${pair ? ` ${sizeLabel(pair[0])}→${sizeLabel(pair[1])} |` : ""}\n| --- |${sizes.map(() => " ---: |").join("")}${pair ? " ---: |" : ""}\n`;
  let md = "";
  // Sections in the order the main suite prints them; within each, rows as the largest run has them.
  for (const section of [...new Set(order.map((o) => o.section))]) {
    md += `\n**${section}: p95 at each size**\n\n${head}`;
    for (const o of order.filter((x) => x.section === section)) {
      const vals = sorted.map((run) => p95Of(find(run, section, o.key)));
      const [a, b] = pair ? pair.map((n) => vals[sizes.indexOf(n)]) : [undefined, undefined];
      md += `| ${o.name} | ${vals.map(cell).join(" | ")} |${pair ? ` ${factor(a, b)} |` : ""}\n`;
    }
  }
  if (pair) {
    md += `\n**Growth targets (${sizeLabel(pair[0])} → ${sizeLabel(pair[1])} resources, in-process p95)**\n\n| target | p95 ms at ${sizeLabel(pair[0])} | p95 ms at ${sizeLabel(pair[1])} | growth | met? |\n| --- | ---: | ---: | ---: | --- |\n`;
    for (const v of growthVerdicts(sorted, pair)) {
      md += `| ${v.label} | ${cell(v.from)} | ${cell(v.to)} | ${v.factor === undefined ? "" : `${v.factor.toFixed(2)}×`} | ${v.met === null ? "not measured" : v.met ? "met" : `missed (limit ${v.limit}×)`} |\n`;
    }
  }
  return md;
}

/** Replaces the text between `<!-- bench:name -->` and `<!-- /bench:name -->`; null when the markers are missing. */
export function writeBlock(text: string, name: string, md: string): string | null {
  const [a, b] = [`<!-- bench:${name} -->`, `<!-- /bench:${name} -->`];
  const i = text.indexOf(a);
  const j = text.indexOf(b);
  if (i < 0 || j < i) return null;
  return `${text.slice(0, i + a.length)}\n${md.trim()}\n\n${text.slice(j)}`;
}
