import { describe, expect, it } from "vitest";
import { setupTestDb } from "../helpers/db";
import { listAuditEvents, exportAuditEvents } from "@/lib/audit/queries";
import { auditUrl } from "@/lib/audit/schemas";

const db = await setupTestDb();

describe(`audit log on ${db.engine}`, () => {
  it("admins read it, filtered and paged; nobody else does", async () => {
    const admin = await db.viewer("admin@acme.test");
    const page = await listAuditEvents(admin, auditUrl.load({}));
    expect(page?.rows.map((r) => r.action)).toContain("workspace.seeded");
    expect((await listAuditEvents(admin, auditUrl.load({ action: "no.such" })))?.total).toBe(0);
    for (const email of ["editor@acme.test", "viewer@acme.test", "ana@northwind.test"]) {
      expect(await listAuditEvents(await db.viewer(email), auditUrl.load({}))).toBeNull();
      const batches = [];
      for await (const b of exportAuditEvents(await db.viewer(email), auditUrl.load({}))) batches.push(b);
      expect(batches).toEqual([]);
    }
  });

  it("bad URL parameters fall back to safe defaults instead of failing", () => {
    const p = auditUrl.load({ sort: "passwordHash", dir: "sideways", page: "-4", size: "100000", action: "x'; drop table", from: "yesterday" });
    expect(p).toMatchObject({ sort: "createdAt", dir: "desc", page: 1, size: 25, action: "", from: undefined });
  });
});
