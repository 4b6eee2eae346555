import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env by itself.
try {
  process.loadEnvFile();
} catch {
  /* no .env: fine */
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
