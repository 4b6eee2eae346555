import { describe, expect, it } from "vitest";
import {
  benchDbFor,
  growthPair,
  growthTable,
  growthVerdicts,
  mainSize,
  p95Of,
  parseSizeList,
  pgliteDirFor,
  rowKey,
  scaledSizes,
  sizeLabel,
  writeBlock,
  type SizeRun,
} from "@/bench/lib/sizes";
import { sizeOverrides, without } from "@/bench/lib/sizes-run";
import { DEFAULT_SIZES } from "@/bench/lib/workspace";

describe("bench --sizes", () => {
  it("parses a list of sizes, with k/M suffixes and underscores, distinct and smallest first", () => {
    expect(parseSizeList("3000000,100000,1000000")).toEqual([100_000, 1_000_000, 3_000_000]);
    expect(parseSizeList("100k, 1M,3m,1000000")).toEqual([100_000, 1_000_000, 3_000_000]);
    expect(parseSizeList("1_000_000,2.5m")).toEqual([1_000_000, 2_500_000]);
    for (const bad of ["", "100000,", "abc", "-5", "0", "1.5"]) expect(() => parseSizeList(bad), bad).toThrow();
    expect(() => parseSizeList(undefined)).toThrow(/comma-separated/);
  });

  it("names one database and one PGlite folder per size", () => {
    expect([100_000, 1_000_000, 3_000_000, 2_500_000, 1234].map(sizeLabel)).toEqual(["100k", "1M", "3M", "2500k", "1234"]);
    expect(benchDbFor(100_000)).toBe("enclave_bench_100k");
    expect(benchDbFor(1_000_000)).toBe("enclave_bench_1m");
    expect(benchDbFor(3_000_000)).toBe("enclave_bench_3m");
    expect(benchDbFor(3_000_000)).toMatch(/^enclave_bench[a-z0-9_]*$/); // what the generator accepts
    expect(pgliteDirFor(100_000)).toBe(".data/bench-pglite-100k");
  });

  it("scales people with the catalog below 1M and keeps the defaults at and above it; flags win", () => {
    const s100k = scaledSizes(100_000);
    expect(s100k).toMatchObject({ resources: 100_000, members: 10_000, teams: 200, groups: 500, clients: 50, guestsPerClient: 20, bigColumns: DEFAULT_SIZES.bigColumns });
    expect(scaledSizes(1_000_000)).toEqual(DEFAULT_SIZES);
    expect(scaledSizes(3_000_000)).toEqual({ ...DEFAULT_SIZES, resources: 3_000_000 });
    // Never fewer people than the clients' guests need, nor fewer teams than the client teams.
    const tiny = scaledSizes(1_000);
    expect(tiny.members).toBeGreaterThan(50 * 20);
    expect(tiny.teams).toBeGreaterThan(50);
    expect(scaledSizes(100_000, { members: 50_000 }).members).toBe(50_000);
    expect(scaledSizes(3_000_000, { teams: 300 }).teams).toBe(300);
  });

  it("picks the main size and the pair the growth factor compares", () => {
    expect(mainSize([100_000, 1_000_000, 3_000_000])).toBe(1_000_000);
    expect(mainSize([100_000, 300_000])).toBe(300_000);
    expect(growthPair([100_000, 1_000_000, 3_000_000])).toEqual([1_000_000, 3_000_000]);
    expect(growthPair([100_000, 1_000_000, 3_000_000, 5_000_000])).toEqual([1_000_000, 3_000_000]);
    expect(growthPair([100_000, 200_000, 400_000])).toEqual([200_000, 400_000]);
    expect(growthPair([100_000])).toBeNull();
  });

  it("reads the flags to pass on and the sizes given", () => {
    const argv = ["--sizes", "100k,1m", "--reuse", "--members", "5_000", "--sizes-http", "--runs", "5", "--db", "x"];
    expect(sizeOverrides(argv)).toEqual({ members: 5_000 });
    expect(without(argv, ["--sizes", "--db", "--members"], ["--sizes-http"])).toEqual(["--reuse", "--runs", "5"]);
  });
});

const run = (resources: number, guest: number, admin: number, extra: SizeRun["rows"] = []): SizeRun => ({
  resources,
  rows: [
    { section: "Query functions vs bare SQL", name: 'search(guest, "revenue")', app: { p95: guest } },
    { section: "Query functions vs bare SQL", name: 'search(admin, "revenue")', app: { p95: admin } },
    ...extra,
  ],
});

describe("the growth table", () => {
  it("matches rows whose names carry a size, and reads single timings but not throughput", () => {
    expect(rowKey("assign a database of 10,000 columns to a client team")).toBe(rowKey("assign a database of 100,000 columns to a client team"));
    expect(rowKey("members: name desc, page 1000")).not.toBe(rowKey("members: name desc, page 1"));
    expect(p95Of({ section: "W", name: "sync", value: "15366 ms" })).toBe(15366);
    expect(p95Of({ section: "L", name: "load", value: "47 req/s, p99 1300 ms" })).toBeUndefined();
    expect(p95Of({ section: "H", name: "rss", value: "512 MB" })).toBeUndefined();
    expect(p95Of(undefined)).toBeUndefined();
  });

  it("judges the growth targets 1M → 3M: guest ≤ 1.5×, admin ≤ 2×", () => {
    const runs = [run(100_000, 10, 50), run(1_000_000, 20, 100), run(3_000_000, 30, 201)];
    const [g, a] = growthVerdicts(runs, [1_000_000, 3_000_000]);
    expect(g).toMatchObject({ from: 20, to: 30, factor: 1.5, met: true });
    expect(a).toMatchObject({ from: 100, to: 201, met: false });
    expect(a!.factor).toBeCloseTo(2.01);
    const missing = growthVerdicts([run(1_000_000, 20, 100)], [1_000_000, 3_000_000]);
    expect(missing.map((v) => v.met)).toEqual([null, null]);
  });

  it("prints each measure's p95 at each size with its factor, then the targets", () => {
    const sizeRow = (n: string, p95: number) => ({ section: "Writes", name: `assign a database of ${n} columns to a client team`, app: { p95 } });
    const md = growthTable([
      run(3_000_000, 31, 150, [sizeRow("100,000", 80), { section: "Writes", name: "sync: first apply", value: "30000 ms" }, { section: "Load", name: "load", value: "40 req/s" }]),
      run(100_000, 12, 40, [sizeRow("10,000", 9)]),
      run(1_000_000, 20, 100, [sizeRow("100,000", 60), { section: "Writes", name: "sync: first apply", value: "15000 ms" }]),
    ]);
    expect(md).toContain("| measure | p95 ms at 100k | p95 ms at 1M | p95 ms at 3M | 1M→3M |");
    expect(md).toContain('| search(guest, "revenue") | 12.0 | 20.0 | 31.0 | 1.55× |');
    expect(md).toContain('| search(admin, "revenue") | 40.0 | 100 | 150 | 1.50× |');
    // One row for the assignment at every size, named as the largest run names it.
    expect(md).toContain("| assign a database of 100,000 columns to a client team | 9.0 | 60.0 | 80.0 | 1.33× |");
    expect(md).toContain("| sync: first apply |  | 15000 | 30000 | 2.00× |");
    expect(md).not.toContain("req/s");
    expect(md).toContain("| guest search p95 grows ≤ 1.5× | 20.0 | 31.0 | 1.55× | missed (limit 1.5×) |");
    expect(md).toContain("| admin search p95 grows ≤ 2× | 100 | 150 | 1.50× | met |");
    // Sections keep the suite's order.
    expect(md.indexOf("**Query functions vs bare SQL")).toBeLessThan(md.indexOf("**Writes"));
  });

  it("replaces only its own block of the README", () => {
    const text = "a\n<!-- bench:results -->\nold 1M\n<!-- /bench:results -->\n<!-- bench:growth -->\nold\n<!-- /bench:growth -->\nz\n";
    const next = writeBlock(text, "growth", "new table\n")!;
    expect(next).toBe("a\n<!-- bench:results -->\nold 1M\n<!-- /bench:results -->\n<!-- bench:growth -->\nnew table\n\n<!-- /bench:growth -->\nz\n");
    expect(writeBlock(next, "growth", "again")).toContain("<!-- bench:growth -->\nagain\n\n<!-- /bench:growth -->");
    expect(writeBlock(text, "pglite", "x")).toBeNull();
  });
});
