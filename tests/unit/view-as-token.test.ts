// The view-as cookie value: signed with a key derived from the auth secret, bound to its claim, short-lived.
import { describe, expect, it } from "vitest";
import { signViewAs, verifyViewAs, VIEW_AS_MAX_AGE_S } from "@/lib/auth/view-as";

const claim = { adminUserId: "11111111-1111-4111-8111-111111111111", targetUserId: "22222222-2222-4222-8222-222222222222", startedAt: Date.now(), sv: 3, sid: "44444444-4444-4444-8444-444444444444" };

describe("view-as token", () => {
  it("round-trips with the same secret only", () => {
    const t = signViewAs(claim, "s1");
    expect(verifyViewAs(t, "s1")).toEqual(claim);
    expect(verifyViewAs(t, "s2")).toBeNull();
  });

  it("refuses any change to the claim or the signature, and malformed values", () => {
    const t = signViewAs(claim, "s1");
    const [body, sig] = t.split(".");
    const other = signViewAs({ ...claim, targetUserId: "33333333-3333-4333-8333-333333333333" }, "s1").split(".")[0];
    for (const bad of [`${other}.${sig}`, `${body}.${sig.replace(/^./, (c) => (c === "A" ? "B" : "A"))}`, `${body}.`, body, `${t}.x`, "", "x".repeat(5000), 42, null, undefined]) {
      expect(verifyViewAs(bad, "s1")).toBeNull();
    }
    const notUuids = signViewAs({ ...claim, targetUserId: "ana" }, "s1");
    expect(verifyViewAs(notUuids, "s1")).toBeNull();
  });

  it("expires, and refuses a start in the future", () => {
    const now = Date.now();
    expect(verifyViewAs(signViewAs({ ...claim, startedAt: now - VIEW_AS_MAX_AGE_S * 1000 + 1000 }, "s"), "s", now)).not.toBeNull();
    expect(verifyViewAs(signViewAs({ ...claim, startedAt: now - VIEW_AS_MAX_AGE_S * 1000 - 1 }, "s"), "s", now)).toBeNull();
    expect(verifyViewAs(signViewAs({ ...claim, startedAt: now + 3_600_000 }, "s"), "s", now)).toBeNull();
  });
});
