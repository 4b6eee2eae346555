import { defineConfig } from "@playwright/test";

// End-to-end on PostgreSQL with two app servers (issue #22): `next start` twice on one database, as a load balancer
// would see them, both with the same secrets. The database is the one DATABASE_URL names, owned by a role that is
// not a superuser; scripts/e2e-pg-prepare.ts migrates it and seeds the demo once (or, with E2E_PG_ADMIN_URL, lays it
// fresh first). Specs in e2e-pg/ send one person's requests to both servers in turn.
//
//   DATABASE_URL=postgres://enclave_owner:…@127.0.0.1:5432/enclave_managed E2E_PORT=3120 E2E_PORT_B=3125 \
//     npx playwright test -c playwright.pg.config.ts
const portA = Number(process.env.E2E_PORT ?? 3100);
const portB = Number(process.env.E2E_PORT_B ?? portA + 5);
export const baseA = `http://localhost:${portA}`;
export const baseB = `http://localhost:${portB}`;
process.env.E2E_BASE_A = baseA;
process.env.E2E_BASE_B = baseB;

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

// What every app server behind one load balancer must share: the session secret (sessions and view-as claims) and
// the key that encrypts integration connection strings. Nothing else lives in a server process.
const shared = {
  DATABASE_URL: process.env.DATABASE_URL ?? "",
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-pg-shared-secret-e2e-pg-shared-secret",
  ENCLAVE_ENCRYPTION_KEY: process.env.ENCLAVE_ENCRYPTION_KEY ?? "ZTJlLXBnLWtleS1lMmUtcGcta2V5LWUyZS1wZy1rZXk=",
  NEXT_MANUAL_SIG_HANDLE: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};
const next = "node node_modules/next/dist/bin/next start";

export default defineConfig({
  testDir: "e2e-pg",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-pg.json" }]],
  use: { baseURL: baseA, launchOptions, trace: "off" },
  webServer: [
    {
      // Migrates and seeds (once), builds if there is no build, then serves.
      command: `npx tsx scripts/e2e-pg-prepare.ts && ${next} -p ${portA}`,
      url: `${baseA}/api/health/ready`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      env: { ...shared, PORT: String(portA), NEXTAUTH_URL: baseA },
    },
    {
      // The second server waits for the first to have laid the database.
      command: `npx tsx scripts/wait-for.ts ${baseA}/api/health/ready && ${next} -p ${portB}`,
      url: `${baseB}/api/health/ready`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      env: { ...shared, PORT: String(portB), NEXTAUTH_URL: baseB },
    },
  ],
});
