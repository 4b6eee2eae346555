// Failing closed (#15 item 11): an unreadable integration configuration reads nothing (it is not "every schema",
// which for the demo warehouse would be the console's own public and pgboss schemas); an automation run whose admin
// has since been demoted or deactivated stops, and says so.
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { readSourceCatalog } from "@/lib/integrations/source";
import { createAutomation, runAutomation } from "@/lib/automations/actions";
import { processRun } from "@/lib/automations/runner";

const db = await setupTestDb();

describe("the demo warehouse reader", () => {
  it("refuses a malformed or empty configuration, and Enclave's own schemas, instead of reading everything", async () => {
    for (const config of ["garbage", { schemas: "northwind" }, {}, { schemas: [] }, { schemas: ["public"] }, { schemas: ["northwind", "pgboss"] }, { schemas: ["pg_catalog"] }, { schemas: [42] }, null]) {
      await expect(readSourceCatalog({ kind: "demo", secret: "", config }), JSON.stringify(config)).rejects.toThrow(/nothing was read/);
    }
    const nodes = await readSourceCatalog({ kind: "demo", secret: "", config: { schemas: ["northwind"] } });
    const schemas = nodes.filter((n) => n.type === "SCHEMA").map((n) => n.name);
    expect(schemas).toEqual(["northwind"]);
  });

  it("a PostgreSQL integration with unreadable settings reads nothing either", async () => {
    await expect(readSourceCatalog({ kind: "postgres", secret: "x", config: { schemas: "all" } })).rejects.toThrow(/nothing was read/);
  });
});

describe("automation runs re-check their admin", () => {
  const globexDashboards = { match: "all" as const, conditions: [{ kind: "type" as const, value: "DASHBOARD" as const }, { kind: "nameStartsWith" as const, value: "Globex" }] };

  for (const [what, change, undo] of [
    ["demoted", `UPDATE "Membership" SET role = 'EDITOR' WHERE "userId" = $1`, `UPDATE "Membership" SET role = 'ADMIN' WHERE "userId" = $1`],
    ["deactivated", `UPDATE "User" SET status = 'DEACTIVATED' WHERE id = $1`, `UPDATE "User" SET status = 'ACTIVE' WHERE id = $1`],
  ] as const) {
    it(`a run whose admin was ${what} after starting it stops, visibly, and changes nothing`, async () => {
      const admin = await db.viewer("admin@acme.test");
      actAs(admin);
      const [{ id: globex }] = await db.sql<{ id: string }>(`SELECT id FROM "Team" WHERE name = 'Globex'`);
      const made = await createAutomation({ name: `Globex dashboards (${what})`, rule: globexDashboards, action: "add", teamIds: [globex], trigger: "manual" });
      expect(made.ok).toBe(true);
      const started = await runAutomation({ id: made.ok ? made.data.id : "" });
      expect(started.ok).toBe(true);
      const runId = started.ok ? started.data.runId : "";
      const before = await db.sql(`SELECT "teamId", "resourceId" FROM "TeamResource" ORDER BY 1, 2`);
      await db.sql(change, [admin.userId]);
      try {
        expect(await processRun(runId)).toBe("done");
      } finally {
        await db.sql(undo, [admin.userId]);
      }
      const [r] = await db.sql<{ status: string; error: string | null }>(`SELECT status, error FROM "AutomationRun" WHERE id = $1`, [runId]);
      expect(r).toEqual({ status: "failed", error: expect.stringMatching(/no longer an active admin/) });
      expect(await db.sql(`SELECT "teamId", "resourceId" FROM "TeamResource" ORDER BY 1, 2`)).toEqual(before);
    });
  }
});
