// `npm run bench -- --sizes 100000,1000000,3000000`: the growth curve of issue #20. Runs bench/run.ts once per
// size, each in its own process (a fresh heap and pool per size; one failure names its size) on its own database
// (enclave_bench_100k, enclave_bench_1m, enclave_bench_3m; generated, or with --reuse reused), then writes the
// growth table (bench/lib/sizes.ts) into bench/README.md's bench:growth block.
//
// The main size (1,000,000 when listed, else the largest) runs the whole suite and writes the results table as a
// plain `npm run bench` does. The other sizes run the in-process parts only (query functions, RLS on/off, writes),
// unless --sizes-http adds their HTTP pages; the load test runs at the main size only. --pglite <resources> adds
// the embedded-database run (`--engine pglite`) to the same invocation; it writes its own block.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_SIZES, type Sizes } from "./workspace";
import { benchDbFor, growthTable, mainSize, parseSizeList, scaledSizes, sizeLabel, writeBlock, type SizeRun } from "./sizes";

/** The generator's flags, by the Sizes key they set. */
export const SIZE_FLAGS: Record<keyof Sizes, string> = {
  seed: "seed",
  resources: "resources",
  members: "members",
  teams: "teams",
  groups: "groups",
  clients: "clients",
  guestsPerClient: "guests",
  bigColumns: "big-columns",
};

/** The sizes given on the command line (they then hold at every size). */
export function sizeOverrides(argv: string[]): Partial<Sizes> {
  const out: Partial<Sizes> = {};
  for (const [key, name] of Object.entries(SIZE_FLAGS) as [keyof Sizes, string][]) {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) out[key] = Number(argv[i + 1]!.replace(/_/g, ""));
  }
  return out;
}

/** argv without the flags named (each with its value when it takes one). */
export function without(argv: string[], withValue: string[], bare: string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (withValue.includes(a)) { i++; continue; }
    if (!bare.includes(a)) out.push(a);
  }
  return out;
}

const sizeArgs = (s: Sizes) => (Object.entries(SIZE_FLAGS) as [keyof Sizes, string][]).flatMap(([k, name]) => [`--${name}`, String(s[k])]);

function runChild(args: string[]): Promise<void> {
  const cli = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--tsconfig", "bench/tsconfig.json", "bench/run.ts", ...args], { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`bench/run.ts ${args.join(" ")} exited with ${code}`))));
  });
}

type ChildJson = SizeRun & { engine: string; minutes: number; load: number[]; machine: string; workspace: string; md: string };

export async function runSizes(argv: string[]): Promise<void> {
  const sizes = parseSizeList(argv[argv.indexOf("--sizes") + 1]);
  const main = mainSize(sizes);
  const overrides = sizeOverrides(argv);
  delete overrides.resources;
  const pgliteAt = argv.indexOf("--pglite");
  const pgliteSize = pgliteAt >= 0 && /^\d/.test(argv[pgliteAt + 1] ?? "") ? parseSizeList(argv[pgliteAt + 1])[0]! : null;
  const common = without(argv, ["--sizes", "--pglite", "--db", "--json", "--engine", "--data-dir", ...Object.values(SIZE_FLAGS).map((f) => `--${f}`)], ["--sizes-http"]);
  const noWrite = argv.includes("--no-write");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-bench-sizes-"));
  const t0 = performance.now();
  const runs: ChildJson[] = [];
  const plan = sizes.map((n) => ({ n, s: scaledSizes(n, overrides) }));
  console.log(`▸ Growth curve at ${sizes.map(sizeLabel).join(", ")} resources (main size ${sizeLabel(main)})`);
  for (const { n, s } of plan) console.log(`  ${sizeLabel(n).padEnd(6)} ${benchDbFor(n)}: ${s.members.toLocaleString("en-US")} members, ${s.teams} teams, ${s.groups} groups`);
  for (const { n, s } of plan) {
    const json = path.join(dir, `${sizeLabel(n)}.json`);
    const extra = n === main ? [] : ["--no-write", "--no-load", ...(argv.includes("--sizes-http") ? [] : ["--no-http"])];
    console.log(`\n▸▸ ${sizeLabel(n)} resources: ${benchDbFor(n)}${extra.length ? ` (${extra.join(" ")})` : ""}`);
    await runChild([...common, ...extra, ...sizeArgs(s), "--db", benchDbFor(n), "--json", json]);
    runs.push(JSON.parse(fs.readFileSync(json, "utf8")) as ChildJson);
  }
  let pglite: ChildJson | null = null;
  if (pgliteSize) {
    const json = path.join(dir, "pglite.json");
    console.log(`\n▸▸ embedded PGlite, ${sizeLabel(pgliteSize)} resources`);
    await runChild([...common, "--engine", "pglite", ...sizeArgs(scaledSizes(pgliteSize, overrides)), "--json", json]);
    pglite = JSON.parse(fs.readFileSync(json, "utf8")) as ChildJson;
  }
  const minutes = ((performance.now() - t0) / 60_000).toFixed(1);
  const each = [...runs.map((r) => `${sizeLabel(r.resources)} ${r.minutes.toFixed(1)} min`), ...(pglite ? [`PGlite ${pglite.minutes.toFixed(1)} min`] : [])].join(", ");
  const mainRun = runs.find((r) => r.resources === main) ?? runs[runs.length - 1]!;
  let md = `Growth curve: \`npm run bench -- ${argv.join(" ")}\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${minutes} min in all (${each}).  \n`;
  md += `Machine: ${mainRun.machine}.  \n`;
  for (const r of runs) md += `At ${sizeLabel(r.resources)}: ${r.workspace}; load average at its end ${r.load.map((x) => x.toFixed(1)).join(" / ")}.  \n`;
  md += `People scale with the catalog up to ${DEFAULT_SIZES.resources.toLocaleString("en-US")} resources and stay at the defaults above it; ${argv.includes("--no-http") ? "no HTTP (--no-http)" : `HTTP${argv.includes("--no-load") ? "" : " and load"} at ${sizeLabel(main)} only${argv.includes("--sizes-http") ? " (HTTP pages at every size: --sizes-http)" : ""}`}.\n`;
  md += growthTable(runs);
  console.log(`\n${md}`);
  if (!noWrite) {
    const readme = path.join(process.cwd(), "bench", "README.md");
    const next = writeBlock(fs.readFileSync(readme, "utf8"), "growth", md);
    if (next) {
      fs.writeFileSync(readme, next);
      console.log("▸ Wrote the growth table into bench/README.md (bench:growth)");
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
