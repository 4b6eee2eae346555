import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Server-only modules are plain modules under test.
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          // The catalog-sync tests read the local PostgreSQL: integrations may connect to the loopback here (#15).
          // A fixed test key: no test writes .data/encryption-key, the real data folder's.
          env: {
            ENCLAVE_INTEGRATION_HOSTS: process.env.ENCLAVE_INTEGRATION_HOSTS ?? "127.0.0.1,::1,localhost",
            ENCLAVE_ENCRYPTION_KEY: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
          },
          hookTimeout: 120_000,
          // Each file opens its own database; two at a time keeps both cores busy without starving them.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
