// The production server for the HTTP and load measures (bench/run.ts, bench/api.ts): scripts/start.ts (migrations,
// `next build` when the sources are newer than the build, `next start`) in its own process group, waited for until
// /login answers, and a sign-in over HTTP as the browser does it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type BenchServer = { child: ChildProcess; stop: () => void };

/** Starts scripts/start.ts with env and resolves once `${base}/login` answers 200 (or throws after timeoutMs). */
export async function startServer(base: string, env: NodeJS.ProcessEnv, timeoutMs = 15 * 60_000): Promise<BenchServer> {
  const child = spawn(process.execPath, [path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "inherit"], detached: true });
  child.stdout!.on("data", (d: Buffer) => { if (/Building|error/i.test(d.toString())) process.stdout.write(d); });
  const stop = () => { try { if (child.pid) process.kill(-child.pid, "SIGTERM"); } catch { /* gone */ } };
  process.on("exit", stop);
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error("the server exited");
    try { if ((await fetch(`${base}/login`)).status === 200) break; } catch { /* starting */ }
    if (Date.now() > until) { stop(); throw new Error(`the server did not start in ${Math.round(timeoutMs / 60_000)} minutes`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, stop };
}

/** Signs in with the credentials form over HTTP (csrf, then the callback) and returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => { for (const c of res.headers.getSetCookie()) { const [kv] = c.split(";"); const i = kv!.indexOf("="); jar.set(kv!.slice(0, i), kv!.slice(i + 1)); } };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/catalog`, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return cookie();
}
