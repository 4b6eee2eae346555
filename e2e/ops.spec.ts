// Operations: the health checks answer without a session and name nothing; SIGTERM to `npm start` stops the server,
// the job queue's worker and the embedded database, and leaves no process, no port and no lock behind.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { test, expect } from "@playwright/test";

test("GET /api/health and /api/health/ready answer without a session, in fixed words", async ({ playwright }) => {
  const anon = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] } });
  const live = await anon.get("/api/health", { maxRedirects: 0 });
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "ok" });
  const ready = await anon.get("/api/health/ready", { maxRedirects: 0 });
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready", database: "up", migrations: "current" });
  await anon.dispose();
});

/** Every process below pid, from /proc (children first found by their parent's pid). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const e of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      parent.set(Number(e), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [c, pp] of parent) if (pp === p) { out.push(c); walk(c); }
  };
  walk(pid);
  return out;
}
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

test("SIGTERM to npm start stops the server, the worker and the embedded database, and releases port and lock", async () => {
  test.setTimeout(240_000);
  const port = Number(process.env.E2E_PORT ?? 3100) + 4;
  const dir = path.resolve(".data", `sigterm-${port}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const dataDir = path.join(dir, "pglite");
  const npm = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: "", ENCLAVE_DATA_DIR: dataDir, ENCLAVE_SECRET_FILE: path.join(dir, "secret"), ENCLAVE_ENCRYPTION_KEY_FILE: path.join(dir, "key"), NEXTAUTH_URL: `http://localhost:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  npm.stdout!.on("data", (d: Buffer) => (out += d));
  npm.stderr!.on("data", (d: Buffer) => (out += d));
  const exited = new Promise<number | null>((r) => npm.on("exit", (code) => r(code)));
  let tree: number[] = [];
  try {
    await expect(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      expect(res.status).toBe(200);
    }).toPass({ timeout: 200_000, intervals: [1000] });
    tree = [npm.pid!, ...descendants(npm.pid!)];
    expect(tree.length, "npm, sh, tsx, start.ts and next-server").toBeGreaterThanOrEqual(3);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(true);

    process.kill(npm.pid!, "SIGTERM");
    expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r("timeout"), 30_000))])).not.toBe("timeout");
    await expect(async () => expect(tree.filter(alive)).toEqual([])).toPass({ timeout: 20_000 });
    expect(fs.existsSync(`${dataDir}.lock`), "the embedded database's lock").toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    expect(out).toContain("[shutdown] stopped on SIGTERM");
  } finally {
    for (const p of [...descendants(npm.pid!), ...tree].filter(alive)) { try { process.kill(p, "SIGKILL"); } catch { /* gone */ } }
  }
});
