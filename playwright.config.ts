import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
const e2eDir = process.env.E2E_DATA_DIR ?? ".data/e2e";

// Debian's Chromium: no browser is downloaded. The flags keep it off the (closed) network.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

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
    { name: "console", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: {
    // Its own embedded database folder, laid fresh (with an id map for the cross-client specs), its own port.
    command: "npx tsx scripts/e2e-prepare.ts && npx tsx scripts/start.ts",
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    env: {
      PORT: String(port),
      E2E_DATA_DIR: e2eDir,
      ENCLAVE_DATA_DIR: `${e2eDir}/pglite`,
      ENCLAVE_SECRET_FILE: `${e2eDir}/auth-secret`,
      ENCLAVE_ENCRYPTION_KEY_FILE: `${e2eDir}/encryption-key`,
      DATABASE_URL: "",
      NEXTAUTH_URL: baseURL,
      // E2E_SMTP=1: e2e/sign-in-links.spec.ts starts a mail server on this port (e2e/support/idp.ts). Not by default:
      // with SMTP set, invitation links are e-mailed instead of shown, which e2e/members.spec.ts relies on.
      ...(process.env.E2E_SMTP === "1" ? { SMTP_URL: `smtp://127.0.0.1:${port + 8}` } : {}),
      // e2e/integrations.spec.ts adds the local PostgreSQL as an integration.
      ENCLAVE_INTEGRATION_HOSTS: process.env.ENCLAVE_INTEGRATION_HOSTS ?? "127.0.0.1,::1,localhost",
    },
  },
});
