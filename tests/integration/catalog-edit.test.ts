// Description and tag edits: Editors and Admins on what they can see; nobody else; bad input refused.
import { describe, expect, it, vi } from "vitest";
vi.mock("@/lib/auth/viewer", () => import("../helpers/mock-viewer"));
import { actAs } from "../helpers/mock-viewer";
import { setupTestDb } from "../helpers/db";
import { updateResourceDescription, updateResourceTags } from "@/lib/catalog/actions";
import { said } from "../helpers/refusal";

const db = await setupTestDb();
const idOf = async (name: string, type?: string) =>
  (await db.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE name = $1 ${type ? `AND type = '${type}'` : ""} LIMIT 1`, [name]))[0].id;
const row = async (id: string) => (await db.sql<{ description: string; tags: string[] }>(`SELECT description, tags FROM "Resource" WHERE id = $1`, [id]))[0];
const audits = async () => Number((await db.sql<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditEvent"`))[0].n);

describe("editing descriptions and tags", () => {
  it("an editor edits a resource it can see, with an audit event", async () => {
    const orders = await idOf("orders", "TABLE");
    actAs(await db.viewer("editor@acme.test"));
    const before = await audits();
    const res = await updateResourceDescription({ resourceId: orders, description: "One row per **order**." });
    expect(res).toEqual({ ok: true, data: { description: "One row per **order**." } });
    expect((await row(orders)).description).toBe("One row per **order**.");
    const tags = await updateResourceTags({ resourceId: orders, tags: ["Core", "sales", "core"] });
    expect(tags).toEqual({ ok: true, data: { tags: ["core", "sales"] } });
    expect((await row(orders)).tags).toEqual(["core", "sales"]);
    expect(await audits()).toBe(before + 2);
    const [ev] = await db.sql<{ action: string; actorEmail: string }>(`SELECT action, "actorEmail" FROM "AuditEvent" ORDER BY "createdAt" DESC LIMIT 1`);
    expect(ev).toEqual({ action: "resource.tags.updated", actorEmail: "editor@acme.test" });
  });

  it("an admin edits anything, including what is in no team", async () => {
    const revenue = await idOf("revenue", "TABLE");
    actAs(await db.viewer("admin@acme.test"));
    expect((await updateResourceDescription({ resourceId: revenue, description: "Recognised revenue." })).ok).toBe(true);
  });

  it("an editor cannot edit what it cannot see: Not found, unchanged", async () => {
    const revenue = await idOf("revenue", "TABLE");
    const invoices = await idOf("invoices", "TABLE");
    actAs(await db.viewer("editor@acme.test"));
    for (const id of [revenue, invoices]) {
      const before = await row(id);
      expect(await updateResourceDescription({ resourceId: id, description: "hacked" })).toEqual({ ok: false, error: "Not found." });
      expect(await updateResourceTags({ resourceId: id, tags: ["x"] })).toEqual({ ok: false, error: "Not found." });
      expect(await row(id)).toEqual(before);
    }
  });

  it.each(["viewer@acme.test", "ana@northwind.test"])("%s may not edit, even what it sees", async (email) => {
    const orders = await idOf("orders", "TABLE");
    const invoices = await idOf("invoices", "TABLE");
    actAs(await db.viewer(email));
    for (const id of [orders, invoices]) {
      const before = await row(id);
      const n = await audits();
      const res = await updateResourceDescription({ resourceId: id, description: "mine now" });
      expect(res.ok).toBe(false);
      expect((await updateResourceTags({ resourceId: id, tags: ["mine"] })).ok).toBe(false);
      expect(await row(id)).toEqual(before);
      expect(await audits()).toBe(n);
    }
  });

  it("bad input is a clear error and changes nothing", async () => {
    const orders = await idOf("orders", "TABLE");
    actAs(await db.viewer("editor@acme.test"));
    const before = await row(orders);
    const cases: [unknown, RegExp][] = [
      [{ resourceId: orders, description: "x".repeat(1_000_000) }, /at most 10,000/],
      [{ resourceId: "not-a-uuid", description: "x" }, /resourceId/],
      [{ resourceId: "00000000-0000-4000-8000-000000000000", description: "x" }, /Not found/],
      [{ resourceId: orders, description: 42 }, /description/],
      [{ resourceId: orders }, /description/],
      [null, /.+/],
    ];
    for (const [input, msg] of cases) {
      const res = await updateResourceDescription(input as never);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(said(res)).toMatch(msg);
    }
    for (const tags of [["x".repeat(100)], ["<script>"], Array.from({ length: 30 }, (_, i) => `t${i}`), "core", [""]]) {
      const res = await updateResourceTags({ resourceId: orders, tags } as never);
      expect(res.ok).toBe(false);
    }
    expect(await row(orders)).toEqual(before);
  });
});
