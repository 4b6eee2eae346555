import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, embeddedDataDir } from "./config";
import { openPglite } from "./pglite";

export type Db = PrismaClient;

export type Connection = {
  prisma: PrismaClient;
  /** The embedded engine, when there is one (tests use it for raw SQL). */
  pglite?: PGlite;
  engine: "pglite" | "postgres";
  /** The server's connection string (PostgreSQL only): the job queue opens its own small pool with it. */
  url?: string;
  close: () => Promise<void>;
};

/** Opens the configured database: the DATABASE_URL server, or the embedded folder (locked to this process). */
export async function connect(opts: { url?: string; dataDir?: string; pglite?: PGlite } = {}): Promise<Connection> {
  const url = opts.url ?? (opts.pglite || opts.dataDir ? undefined : databaseUrl());
  if (url) {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) });
    return { prisma, engine: "postgres", url, close: () => prisma.$disconnect() };
  }
  if (opts.pglite) {
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(opts.pglite) });
    return { prisma, pglite: opts.pglite, engine: "pglite", close: () => prisma.$disconnect() };
  }
  const opened = await openPglite(opts.dataDir ?? embeddedDataDir());
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(opened.db) });
  return {
    prisma,
    pglite: opened.db,
    engine: "pglite",
    close: async () => {
      await prisma.$disconnect();
      await opened.close();
    },
  };
}
