import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
const e2eDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
// A second console, on its own embedded database, with SMTP configured: e-mail sign-in links are offered only
// then, and with SMTP set invitation links are e-mailed instead of shown, which the main console's specs rely on.
export const linksURL = `http://localhost:${port + 2}`;
export const smtpPort = port + 8;
const linksDir = `${e2eDir}-links`;

// Debian's Chromium: no browser is downloaded. The flags keep it off the (closed) network.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

/** A console on a fresh embedded database of its own (scripts/e2e-prepare.ts lays it), on its own port. */
function embeddedConsole(at: number, dir: string, before: string, env: Record<string, string>) {
  const url = `http://localhost:${at}`;
  return {
    command: `${before}npx tsx scripts/e2e-prepare.ts && npx tsx scripts/start.ts`,
    url: `${url}/login`,
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "pipe" as const,
    env: {
      PORT: String(at),
      E2E_DATA_DIR: dir,
      ENCLAVE_DATA_DIR: `${dir}/pglite`,
      ENCLAVE_SECRET_FILE: `${dir}/auth-secret`,
      ENCLAVE_ENCRYPTION_KEY_FILE: `${dir}/encryption-key`,
      DATABASE_URL: "",
      NEXTAUTH_URL: url,
      ...env,
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: { baseURL, launchOptions, trace: "off" },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "console", testMatch: /.*\.spec\.ts/, testIgnore: /sign-in-links\.spec\.ts/, dependencies: ["setup"] },
    { name: "links", testMatch: /sign-in-links\.spec\.ts/, use: { baseURL: linksURL } },
  ],
  webServer: [
    // Its own embedded database folder, laid fresh (with an id map for the cross-client specs), its own port.
    // e2e/integrations.spec.ts adds the local PostgreSQL as an integration.
    embeddedConsole(port, e2eDir, "", { ENCLAVE_INTEGRATION_HOSTS: process.env.ENCLAVE_INTEGRATION_HOSTS ?? "127.0.0.1,::1,localhost" }),
    // Waits for the first console, so that only one of them builds. e2e/sign-in-links.spec.ts starts the mail
    // server on smtpPort (e2e/support/idp.ts).
    embeddedConsole(port + 2, linksDir, `npx tsx scripts/wait-for.ts ${baseURL}/login && `, { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }),
  ],
});
