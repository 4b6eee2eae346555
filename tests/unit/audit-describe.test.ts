// The audit log's Change column in words: a field's old → new value, lists as what was added and removed.
import { describe, expect, it } from "vitest";
import { describeChange } from "@/lib/audit/describe";

describe("describeChange", () => {
  it("a changed value reads old → new, enum values in words", () => {
    expect(describeChange({ role: "GUEST" }, { role: "VIEWER" })).toEqual([{ field: "role", kind: "changed", from: "Guest", to: "Viewer" }]);
  });
  it("lists say what was added and removed, people by e-mail", () => {
    expect(describeChange({ tags: ["pii", "finance"] }, { tags: ["finance", "gold"] })).toEqual([{ field: "tags", kind: "list", added: ["gold"], removed: ["pii"] }]);
    expect(describeChange(null, { users: [{ id: "u1", email: "ana@northwind.test", role: "GUEST" }] })).toEqual([
      { field: "people", kind: "list", added: ["ana@northwind.test"], removed: [] },
    ]);
  });
  it("a creation sets fields, a removal clears them; unchanged fields and ids are left out", () => {
    expect(describeChange(null, { name: "Umbrella", visibility: "PRIVATE", description: "" })).toEqual([
      { field: "name", kind: "set", to: "Umbrella" },
      { field: "visibility", kind: "set", to: "Private" },
      { field: "description", kind: "set", to: "—" },
    ]);
    expect(describeChange({ name: "Ops", groupId: "g1" }, { name: "Ops", groupId: "g2" })).toEqual([]);
    expect(describeChange({ status: "ACTIVE" }, null)).toEqual([{ field: "status", kind: "cleared", from: "Active" }]);
  });
  it("dates read as UTC minutes, field names as words", () => {
    expect(describeChange({ openInvitations: 1 }, { openInvitations: 0, expiresAt: "2026-12-08T09:14:00.000Z" })).toEqual([
      { field: "open invitations", kind: "changed", from: "1", to: "0" },
      { field: "expires", kind: "set", to: "2026-12-08 09:14 UTC" },
    ]);
  });
});
