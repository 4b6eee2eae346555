// `npx tsx --tsconfig bench/tsconfig.json bench/api.ts [--db enclave_bench_api] [--reuse] [--seconds 30] [--connections 50]`
// The REST API's search under load next to the console's: the generated workspace (1,000,000 resources by
// default, bench/generate.ts), the production server on it, then autocannon at 50 connections for the same
// guest: `GET /api/v1/search` with a personal token (Authorization: Bearer) and `GET /api/search` with the
// guest's session cookie. Each request's latency is recorded (autocannon's client events) for p50/p95/p99.
// Run it under `flock /tmp/bench.lock` on a machine nobody else is loading, or say that it was shared.
import os from "node:os";
import crypto from "node:crypto";
import pg from "pg";
import { signIn, startServer } from "./lib/server";
import autocannon from "autocannon";
import { BENCH_SERVER, dbUrl, generate, parseSizes } from "./generate";
import { BENCH_PASSWORD, GUEST_EMAIL, SEARCH_TERM } from "./lib/workspace";

const argv = process.argv.slice(2);
const opt = (n: string, d: number) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? Number(argv[i + 1]) : d;
};
const { db: parsedDb, ...sizes } = parseSizes(argv);
const DB = argv.includes("--db") ? parsedDb : "enclave_bench_api";
const SECONDS = opt("seconds", 30);
const CONNS = opt("connections", 50);
const PORT = opt("port", 3152);
const BASE = `http://127.0.0.1:${PORT}`;
const log = (s: string) => console.log(s);

const admin = new pg.Client({ connectionString: BENCH_SERVER });
await admin.connect();
const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB])).rowCount === 1;
await admin.end();
if (!exists || !argv.includes("--reuse")) {
  log(`▸ Generating ${DB}`);
  const g = await generate(sizes, DB);
  log(`  ${JSON.stringify(g.counts)} in ${g.seconds.toFixed(0)} s`);
} else log(`▸ Reusing ${DB}`);
const url = dbUrl(DB);
const owner = new pg.Client({ connectionString: url });
await owner.connect();

// The guest's personal token, made as the console makes one (only the SHA-256 is stored).
const { rows: [guest] } = await owner.query<{ id: string; workspaceId: string }>(`SELECT u.id, m."workspaceId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.email = $1`, [GUEST_EMAIL]);
const token = `enc_${crypto.randomBytes(32).toString("base64url")}`;
await owner.query(
  `INSERT INTO "ApiToken" (id, "workspaceId", "userId", name, scope, "tokenHash", prefix, "expiresAt") VALUES (gen_random_uuid(), $1, $2, 'bench', 'read', $3, $4, now() + interval '1 day')`,
  [guest!.workspaceId, guest!.id, crypto.createHash("sha256").update(token).digest("hex"), token.slice(0, 10)],
);
const { rows: [{ n: resources }] } = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Resource"`);

log(`\n▸ Production server on :${PORT}`);
const env = {
  ...process.env,
  DATABASE_URL: url,
  PORT: String(PORT),
  NEXTAUTH_URL: BASE,
  NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
  NEXT_TELEMETRY_DISABLED: "1",
  ENCLAVE_SEED_DEMO: "",
  ENCLAVE_NO_WORKER: "1",
  // The load is one token's: the per-token limit (600 a minute by default) would answer 429 to nearly all of it.
  ENCLAVE_API_RATE_LIMIT: "100000000",
};
const { stop } = await startServer(BASE, env, 10 * 60_000);

const cookie = await signIn(BASE, GUEST_EMAIL, BENCH_PASSWORD);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

type Result = { name: string; rps: number; p50: number; p95: number; p99: number; total: number; errors: number; non2xx: number; hits: number };
const results: Result[] = [];
for (const [name, pathname, headers] of [
  [`GET /api/v1/search?q=${SEARCH_TERM} (guest token)`, `/api/v1/search?q=${SEARCH_TERM}&limit=20`, { authorization: `Bearer ${token}` }],
  [`GET /api/search?q=${SEARCH_TERM} (guest session, the console's palette)`, `/api/search?q=${SEARCH_TERM}`, { cookie }],
] as const) {
  const probe = await fetch(`${BASE}${pathname}`, { headers });
  const body = (await probe.json()) as { data?: unknown[]; hits?: unknown[] };
  const hits = (body.data ?? body.hits ?? []).length;
  if (probe.status !== 200) throw new Error(`${pathname}: ${probe.status}`);
  // Warm-up, then the measured run.
  await autocannon({ url: `${BASE}${pathname}`, connections: 10, duration: 5, headers });
  const latencies: number[] = [];
  log(`\n▸ Load: ${name}, ${CONNS} connections, ${SECONDS} s`);
  const r = await autocannon({
    url: `${BASE}${pathname}`,
    connections: CONNS,
    duration: SECONDS,
    headers,
    setupClient: (client: { on: (e: "response", cb: (status: number, bytes: number, ms: number) => void) => void }) => client.on("response", (_s, _b, ms) => latencies.push(ms)),
  } as autocannon.Options);
  const res = { name, rps: r.requests.average, p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), total: r.requests.total, errors: r.errors + r.timeouts, non2xx: r.non2xx, hits };
  results.push(res);
  log(`  ${res.rps.toFixed(0)} req/s, p50 ${res.p50.toFixed(0)} ms, p95 ${res.p95.toFixed(0)} ms, p99 ${res.p99.toFixed(0)} ms, ${res.total} requests, ${res.errors} errors, ${res.non2xx} non-2xx, ${hits} hits per answer`);
}
stop();
await owner.end();

const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}; load average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")} (1/5/15 min)`;
let md = `Machine: ${machine}; shared with other sessions while it ran (figures are noisy).  \nWorkspace: ${resources.toLocaleString("en-US")} resources (bench/generate.ts), the guest ${GUEST_EMAIL}.  \nRun: \`flock /tmp/bench.lock npx tsx --tsconfig bench/tsconfig.json bench/api.ts ${argv.join(" ")}\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.\n\n`;
md += `| load, ${CONNS} connections, ${SECONDS} s | req/s | p50 ms | p95 ms | p99 ms | requests | errors | non-2xx | hits per answer |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n`;
for (const r of results) md += `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.total.toLocaleString("en-US")} | ${r.errors} | ${r.non2xx} | ${r.hits} |\n`;
console.log(`\n${md}`);
process.exit(0);
