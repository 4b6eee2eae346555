// One fresh, migrated, seeded database per test file: an in-memory PGlite by default, or a new database on
// the DATABASE_URL server (created here and dropped afterwards). When DATABASE_URL's role may not create
// databases (a managed service's owner: LOGIN CREATEROLE only), TEST_DATABASE_ADMIN_URL names a role that may:
// it creates each database OWNED by DATABASE_URL's role, and everything else runs as that owner.
import crypto from "node:crypto";
import { afterAll } from "vitest";
import pg from "pg";
import { connect, type Connection } from "@/lib/db/connect";
import { appRoleFor } from "@/lib/db/config";
import { openMemoryPglite } from "@/lib/db/pglite";
import { applyMigrations } from "@/lib/db/migrate";
import { setConnection } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/demo";
import { resolveViewer, type Viewer } from "@/lib/auth/resolve-viewer";
import type { PolicyWorkspace } from "@/lib/policy";

export type TestDb = {
  conn: Connection;
  engine: "pglite" | "postgres";
  workspaceId: string;
  viewer(email: string): Promise<Viewer>;
  snapshot(workspaceId?: string): Promise<PolicyWorkspace>;
  /** Raw SQL as the owner (bypasses the app role): for setup and for checking rows are unchanged. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Raw SQL as the app role in a viewer's context, with no app-level filter at all: RLS alone decides. */
  sqlAs<T = Record<string, unknown>>(viewer: Viewer, text: string, params?: unknown[], opts?: { settings?: Record<string, string> }): Promise<T[]>;
  /** A second, separate owner connection (PostgreSQL only: PGlite has one connection), for tests of concurrency. */
  otherConnection(): Promise<pg.PoolClient>;
};

export async function setupTestDb(opts: { seed?: boolean } = {}): Promise<TestDb> {
  const serverUrl = process.env.DATABASE_URL;
  let conn: Connection;
  let drop: (() => Promise<void>) | undefined;
  let pool: pg.Pool | undefined;
  if (serverUrl) {
    const name = `enclave_t_${crypto.randomBytes(6).toString("hex")}`;
    const adminUrl = process.env.TEST_DATABASE_ADMIN_URL || serverUrl;
    const owner = decodeURIComponent(new URL(serverUrl).username);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(adminUrl === serverUrl ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} OWNER "${owner.replace(/"/g, '""')}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await applyMigrations({ url: url.toString() });
    conn = await connect({ url: url.toString() });
    pool = new pg.Pool({ connectionString: url.toString(), max: 3 });
    pool.on("error", () => undefined); // an idle client cut by the DROP DATABASE … WITH (FORCE) below
    drop = async () => {
      await pool!.end();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    const lite = await openMemoryPglite();
    await applyMigrations({ pglite: lite });
    conn = await connect({ pglite: lite });
    drop = () => lite.close();
  }
  setConnection(conn);
  if (opts.seed !== false) await seedDemo(conn.prisma);
  const ws = await conn.prisma.workspace.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });

  const sql = async <T,>(text: string, params: unknown[] = []): Promise<T[]> => {
    if (pool) return (await pool.query(text, params)).rows as T[];
    return (await conn.pglite!.query<T>(text, params)).rows;
  };
  const sqlAs = async <T,>(viewer: Viewer, text: string, params: unknown[] = [], opts: { settings?: Record<string, string> } = {}): Promise<T[]> => {
    // Extra settings (e.g. enable_seqscan for a plan test) as set_config(name, value, true): names are the test's own.
    const extra = Object.entries(opts.settings ?? {}).map(([k], i) => `, set_config('${k.replace(/[^a-z_]/g, "")}', $${i + 3}, true)`).join("");
    const ctx = [`SELECT set_config('app.user_id', $1, true), set_config('app.workspace_id', $2, true)${extra}`, [viewer.userId, viewer.workspaceId, ...Object.values(opts.settings ?? {})]] as const;
    if (pool) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(ctx[0], [...ctx[1]]);
        await client.query(`SET LOCAL ROLE ${appRoleFor(viewer)}`);
        const res = await client.query(text, params);
        return res.rows as T[];
      } finally {
        await client.query("ROLLBACK").catch(() => undefined);
        client.release();
      }
    }
    return conn.pglite!.transaction(async (tx) => {
      await tx.query(ctx[0], [...ctx[1]]);
      await tx.query(`SET LOCAL ROLE ${appRoleFor(viewer)}`);
      const res = await tx.query<T>(text, params);
      await tx.rollback();
      return res.rows;
    });
  };

  afterAll(async () => {
    await conn.close();
    await drop?.();
  });

  return {
    conn,
    engine: conn.engine,
    workspaceId: ws?.id ?? "",
    async viewer(email: string) {
      const u = await conn.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
      const v = await resolveViewer(conn.prisma, u.id, u.sessionVersion);
      if (!v) throw new Error(`${email} resolves to no viewer`);
      return v;
    },
    async snapshot(workspaceId = ws?.id ?? "") {
      const p = conn.prisma;
      const [members, teams, teamMembers, groupMembers, teamGroups, resources, assignments] = [
        await p.membership.findMany({ where: { workspaceId }, select: { userId: true, role: true, status: true, user: { select: { status: true } } } }),
        await p.team.findMany({ where: { workspaceId }, select: { id: true, visibility: true, isDefault: true } }),
        await p.teamMember.findMany({ where: { workspaceId }, select: { teamId: true, userId: true } }),
        await p.groupMember.findMany({ where: { workspaceId }, select: { groupId: true, userId: true } }),
        await p.teamGroup.findMany({ where: { workspaceId }, select: { teamId: true, groupId: true } }),
        await p.resource.findMany({ where: { workspaceId }, select: { id: true, parentId: true } }),
        await p.teamResource.findMany({ where: { workspaceId }, select: { teamId: true, resourceId: true } }),
      ];
      return {
        users: members.map((m) => ({ id: m.userId, role: m.role, status: m.user.status === "DEACTIVATED" ? m.user.status : m.status })),
        teams,
        teamMembers,
        groupMembers,
        teamGroups,
        resources,
        assignments,
      };
    },
    sql,
    sqlAs,
    async otherConnection() {
      if (!pool) throw new Error("otherConnection() needs PostgreSQL: PGlite has a single connection");
      return pool.connect();
    },
  };
}
