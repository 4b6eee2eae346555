// ESLint: Next's rules (core web vitals, TypeScript) plus the import boundaries of the architecture.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The database and the generated Prisma client, however they are spelled.
const database = [
  { group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*"], message: "Only lib/ reaches the database: call a data-access function of lib/<feature>." },
  { group: ["@/lib/generated/*", "**/lib/generated/*", "@prisma/*", "pg", "@electric-sql/*"], message: "Prisma and the drivers stay in lib/: import DTO types from lib/<feature>." },
];

export default defineConfig([
  globalIgnores([".next/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "bench/results/**", "next-env.d.ts"]),
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Routes and components never touch the database: the access layer in lib/ is the only way to it.
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: database }] },
  },
  {
    // The policy is pure: it imports nothing of the application (only its own files).
    files: ["lib/policy/**"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ regex: "^(@/|\\.\\./|~/)", message: "lib/policy is pure: it imports only its own modules." }, ...database],
      }],
    },
  },
]);
