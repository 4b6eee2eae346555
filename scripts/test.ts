// `npm test`: lint and typecheck, unit tests, integration tests (embedded PGlite, or the DATABASE_URL server), then the
// end-to-end tests in Debian's Chromium against a production build on a fresh embedded database.
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import { buildIfNeeded } from "./build-if-needed";

type Stage = { name: string; cmd: string[]; env?: Record<string, string>; results: () => { passed: number; failed: number; skipped: number } };

function vitestCounts(file: string) {
  return () => {
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTestSuites && !r.success && r.numFailedTests === 0 ? 1 : 0), skipped: r.numPendingTests + r.numTodoTests };
  };
}

function playwrightCounts() {
  const r = JSON.parse(fs.readFileSync("test-results/e2e.json", "utf8"));
  const s = r.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
}

// A check that is not a test runner counts as one test: passed when it exits 0.
function exitCounts(stage: string) {
  return () => {
    const status = exits.get(stage);
    return status === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  };
}
const exits = new Map<string, number | null>();

const only = process.argv.slice(2);
fs.mkdirSync("test-results", { recursive: true });

const stages: Stage[] = [
  { name: "lint", cmd: ["npx", "eslint", "--max-warnings", "0", "."], results: exitCounts("lint") },
  { name: "typecheck", cmd: ["npx", "tsc", "--noEmit"], results: exitCounts("typecheck") },
  { name: "unit", cmd: ["npx", "vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"], results: vitestCounts("test-results/unit.json") },
  { name: "integration", cmd: ["npx", "vitest", "run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/integration.json"], results: vitestCounts("test-results/integration.json") },
  { name: "e2e", cmd: ["npx", "playwright", "test"], results: playwrightCounts },
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const stage of stages) {
  if (only.length && !only.includes(stage.name)) continue;
  console.log(`\n━━ ${stage.name} ━━`);
  if (stage.name === "e2e") {
    // A fresh database and a fresh build for the browser tests.
    fs.rmSync(process.env.E2E_DATA_DIR ?? ".data/e2e", { recursive: true, force: true });
    fs.mkdirSync("e2e/.auth", { recursive: true });
  }
  // The production build comes first, outside the browser tests' server start-up timeout (minutes on a busy machine).
  const built = stage.name !== "e2e" || buildIfNeeded();
  const res = built ? spawnSync(stage.cmd[0], stage.cmd.slice(1), { stdio: "inherit", env: { ...process.env, ...stage.env } }) : { status: 1 };
  exits.set(stage.name, res.status);
  let counts = { passed: 0, failed: 1, skipped: 0 };
  try {
    counts = stage.results();
    if (res.status !== 0 && counts.failed === 0) counts.failed = 1;
  } catch {
    console.error(`${stage.name}: no results were written (exit ${res.status}).`);
  }
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  console.log(`${stage.name}: ${counts.passed} passed, ${counts.failed} failed`);
}

console.log(`\nall: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
