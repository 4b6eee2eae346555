// `npm start`: migrate, seed the demo workspace when the database is empty, build when the sources changed,
// then serve the console. `npm run dev` does the same with `next dev`.
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "@/lib/db/connect";
import { applyMigrations } from "@/lib/db/migrate";
import { databaseUrl, embeddedDataDir } from "@/lib/db/config";
import { seedDemo, demoUsers, DEMO_PASSWORD } from "@/prisma/seed/demo";
import { authSecret } from "@/lib/auth/secret";
import { listenHost } from "@/lib/net/listen";
import { buildIfNeeded } from "./build-if-needed";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

/** Migrates and seeds; says whether the demo workspace (well-known passwords) is in the database. */
async function prepareDatabase(): Promise<boolean> {
  const url = databaseUrl();
  const conn = await connect();
  try {
    const applied = await applyMigrations(url ? { url } : { pglite: conn.pglite! });
    if (applied.length) console.log(`▸ Applied migrations: ${applied.join(", ")}`);
    // The demo workspace goes into the embedded database when it is empty; a server database only when asked.
    if (!url || process.env.ENCLAVE_SEED_DEMO === "1") {
      if (await seedDemo(conn.prisma)) console.log("▸ Created the demo workspace “Acme Data”.");
    }
    return !!(await conn.prisma.user.findFirst({ where: { email: { in: demoUsers.map((u) => u.email) } }, select: { id: true } }));
  } finally {
    await conn.close(); // releases the embedded folder's lock before the server opens it
  }
}

function printWelcome(host: string) {
  const url = `http://localhost:${port}`;
  const lines = [
    ...(host === "127.0.0.1" && !process.env.HOST ? ["", "  Listening on 127.0.0.1 only while the demo accounts exist (HOST=0.0.0.0 opens it up)."] : []),
    "",
    `  Enclave is running at ${url}`,
    `  Database: ${databaseUrl() ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${path.relative(root, embeddedDataDir())}`}`,
    "",
    `  Demo accounts (password: ${DEMO_PASSWORD})`,
    ...demoUsers.map((u) => `    ${u.email.padEnd(22)} ${u.role.toLowerCase()}`),
    "",
  ];
  console.log(lines.join("\n"));
}

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

// SIGTERM or SIGINT (also when sent to `npm start`, which passes it on): the server stops in order and this process
// exits after it, so neither the port nor the embedded database's lock is left behind. A server that does not stop
// within 15 s is killed.
let child: ChildProcess | undefined;
let stopping = false;
function stop(sig: NodeJS.Signals) {
  if (!child) {
    // Still migrating or building: exiting runs the lock's exit hook.
    stopping = true;
    if (!preparing) process.exit(0);
    return;
  }
  if (child.exitCode !== null || child.signalCode !== null) process.exit(0);
  if (stopping && sig !== "SIGTERM") return;
  stopping = true;
  child.kill(sig);
  setTimeout(() => child?.kill("SIGKILL"), 15_000).unref();
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
let preparing = false;

async function main() {
  preparing = true;
  const demoPresent = await prepareDatabase();
  preparing = false;
  if (stopping) process.exit(0);
  const host = listenHost({ HOST: process.env.HOST }, demoPresent);
  if (!dev && !buildIfNeeded()) process.exit(1);
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    HOST: host,
    PORT: String(port),
  };
  // Production runs scripts/serve.ts (it decides the client's address on the socket); dev runs `next dev`.
  // NEXT_MANUAL_SIG_HANDLE: the server's own handler (lib/shutdown.ts) stops the worker and closes the database
  // before it exits; Next's would exit first.
  const args = dev ? [nextBin, "dev", "-p", String(port), "-H", host] : [tsxCli, path.join(root, "scripts", "serve.ts")];
  const server = spawn(process.execPath, args, {
    stdio: ["inherit", "pipe", "inherit"],
    env: { ...env, NEXT_MANUAL_SIG_HANDLE: "1" },
  });
  child = server;
  server.stdout.on("data", (d: Buffer) => process.stdout.write(d));
  server.on("exit", (code, signal) => process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0))));
  if (stopping) stop("SIGTERM");
  await waitUntilUp();
  printWelcome(host);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
