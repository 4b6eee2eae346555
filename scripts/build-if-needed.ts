// Builds the console when there is no build or a source is newer than it: `npm start` before serving, and
// `npm test` before its browser tests (so the build's minutes are never counted against a server's start-up time).
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

const SOURCES = ["app", "components", "lib", "prisma/schema.prisma", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs"];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (e !== "generated" && e !== "node_modules") visit(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const s of SOURCES) visit(path.join(root, s));
  return newest;
}

/** False when the build failed (its output says why). */
export function buildIfNeeded(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built && built >= newestSourceMtime() && process.env.ENCLAVE_FORCE_BUILD !== "1") return true;
  console.log("▸ Building the console (next build)…");
  const res = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return res.status === 0;
}

