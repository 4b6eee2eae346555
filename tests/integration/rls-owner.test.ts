// The owner (the role that migrates and owns the tables) on a PostgreSQL without a superuser, as every managed
// service gives it: the policies must not apply to it, or the SECURITY DEFINER helpers recurse into them.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../helpers/db";
import { seedDemo } from "@/prisma/seed/demo";

const db = await setupTestDb();

describe(`the owner role on ${db.engine}`, () => {
  it("no table FORCEs row-level security (the owner is a member of enclave_app: FORCE would make the helpers re-enter the policies)", async () => {
    const forced = await db.sql<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relforcerowsecurity ORDER BY 1`,
    );
    expect(forced).toEqual([]);
  });

  it("every table the app role can read has row-level security enabled", async () => {
    const open = await db.sql<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relrowsecurity
          AND has_table_privilege('enclave_app', c.oid, 'SELECT') ORDER BY 1`,
    );
    expect(open).toEqual([]);
  });

  it("as a viewer, the helpers answer (no recursion) and a guest sees its own team only", async () => {
    const ana = await db.viewer("ana@northwind.test");
    const [row] = await db.sqlAs<{ role: string; teams: number; roots: number }>(
      ana,
      `SELECT app_role() AS role, cardinality(app_visible_team_ids()) AS teams, cardinality(app_resource_roots()) AS roots`,
    );
    expect(row).toMatchObject({ role: "GUEST", teams: 1 });
    expect(row!.roots).toBeGreaterThan(0);
  });

  it("an admin's role (enclave_admin) reads its own workspace only: no policy admits every row any more", async () => {
    await seedDemo(db.conn.prisma, { force: true }); // a second workspace
    const admin = await db.viewer("admin@acme.test");
    const [all] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Resource"`);
    const [mine] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Resource" WHERE "workspaceId" = $1`, [admin.workspaceId]);
    expect(all!.n).toBeGreaterThan(mine!.n);
    for (const t of ["Resource", "Team", "Membership", "TeamResource", "AuditEvent", "Integration"]) {
      const [seen] = await db.sqlAs<{ n: number; other: number }>(admin,
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE "workspaceId" <> $1)::int AS other FROM "${t}"`, [admin.workspaceId]);
      expect(seen!.other, t).toBe(0);
      if (t === "Resource") expect(seen!.n).toBe(mine!.n);
    }
    expect(await db.sql(`SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'system_all'`)).toEqual([]);
  });

  // CI sets EXPECT_NON_SUPERUSER=1 for its PostgreSQL stage, so that this suite cannot quietly go back to a
  // superuser (which skips row-level security entirely and hides every problem of a managed database).
  it.runIf(db.engine === "postgres" && process.env.EXPECT_NON_SUPERUSER === "1")(
    "runs as a role that is neither superuser nor BYPASSRLS, and owns its database",
    async () => {
      const [me] = await db.sql<{ rolsuper: boolean; rolbypassrls: boolean; owns: boolean }>(
        `SELECT r.rolsuper, r.rolbypassrls, pg_get_userbyid(d.datdba) = current_user AS owns
           FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`,
      );
      expect(me).toEqual({ rolsuper: false, rolbypassrls: false, owns: true });
    },
  );
});
