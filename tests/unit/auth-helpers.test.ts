import { describe, expect, it, beforeEach } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { recordSignInFailure, resetSignInLimits, signInBlocked, SIGN_IN_LIMITS, clearSignInFailures } from "@/lib/auth/rate-limit";

describe("callback URLs", () => {
  it.each([
    ["/resources/abc?x=1", "/resources/abc?x=1"],
    ["https://evil.test/", "/catalog"],
    ["//evil.test", "/catalog"],
    ["/\\evil.test", "/catalog"],
    ["/login?callbackUrl=/x", "/catalog"],
    [undefined, "/catalog"],
    [["/search", "/x"], "/search"],
  ])("%j → %s", (raw, want) => {
    expect(safeCallbackUrl(raw)).toBe(want);
  });

  // Browsers strip tabs and newlines from URLs and treat a backslash as a slash: "/\t/evil" becomes "//evil".
  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\t\\evil.example",
    "/ /evil.example",
    "/%09/evil.example",
    "/search\u0000",
    "/a\\b",
    "/\u2028/evil.example",
    "/x/../\t/evil.example",
  ])("refuses %j", (raw) => {
    const got = safeCallbackUrl(raw);
    expect(got).toBe("/catalog");
    expect(new URL(got, "http://enclave.local").origin).toBe("http://enclave.local");
  });

  it("keeps a same-origin path with its query and hash", () => {
    expect(safeCallbackUrl("/search?q=a%20b#x")).toBe("/search?q=a%20b#x");
    expect(safeCallbackUrl("/teams/northwind")).toBe("/teams/northwind");
  });
});

describe("sign-in rate limits", () => {
  beforeEach(() => resetSignInLimits());

  it("blocks an account after repeated failures, whatever the address", () => {
    const t = 1_000_000;
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.max; i++) recordSignInFailure("a@x.test", `10.0.0.${i}`, t);
    expect(signInBlocked("a@x.test", "10.9.9.9", t + 1).blocked).toBe(true);
    expect(signInBlocked("b@x.test", "10.9.9.9", t + 1).blocked).toBe(false);
    expect(signInBlocked("a@x.test", "10.9.9.9", t + SIGN_IN_LIMITS.perAccount.windowMs + 1).blocked).toBe(false);
  });

  it("blocks an address that tries many accounts", () => {
    const t = 5_000_000;
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max; i++) recordSignInFailure(`u${i}@x.test`, "192.0.2.1", t);
    expect(signInBlocked("new@x.test", "192.0.2.1", t + 1).blocked).toBe(true);
    expect(signInBlocked("new@x.test", "192.0.2.2", t + 1).blocked).toBe(false);
  });

  it("a success clears the account's failures", () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.max - 1; i++) recordSignInFailure("c@x.test", "a");
    clearSignInFailures("c@x.test");
    recordSignInFailure("c@x.test", "b");
    expect(signInBlocked("c@x.test", "c").blocked).toBe(false);
  });
});
