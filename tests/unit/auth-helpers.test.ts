import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientAddress, throttleAddress, trustedProxies } from "@/lib/net/client-address";

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

describe("the client's address (ENCLAVE_TRUSTED_PROXIES)", () => {
  const none = trustedProxies(undefined);
  const lb = trustedProxies("10.0.0.0/8, 192.0.2.10, fd00::/8");

  it("with no trusted proxy, X-Forwarded-For is the client's own words and never counts", () => {
    expect(clientAddress("203.0.113.7", "10.77.0.1", none)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7", ["1.2.3.4", "5.6.7.8"], none)).toBe("203.0.113.7");
    expect(clientAddress(undefined, "10.77.0.1", none)).toBe("unknown");
  });

  it("behind trusted proxies, the right-most address that is not one of them", () => {
    expect(clientAddress("10.1.2.3", "198.51.100.4", lb)).toBe("198.51.100.4");
    // The client prepended a made-up address: the proxy appended the real one after it.
    expect(clientAddress("10.1.2.3", "10.77.0.1, 198.51.100.4, 192.0.2.10", lb)).toBe("198.51.100.4");
    expect(clientAddress("10.1.2.3", "garbage, 198.51.100.4", lb)).toBe("198.51.100.4");
    expect(clientAddress("10.1.2.3", "198.51.100.4, not-an-ip", lb)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", undefined, lb)).toBe("10.1.2.3");
    // A peer that is not a trusted proxy is the client, whatever it forwards.
    expect(clientAddress("198.51.100.9", "10.1.2.3", lb)).toBe("198.51.100.9");
    expect(clientAddress("fd12::1", "2001:db8::5", lb)).toBe("2001:db8::5");
  });

  it("IPv6 addresses are throttled by their /64", () => {
    expect(throttleAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(throttleAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(throttleAddress("::ffff:198.51.100.4")).toBe("198.51.100.4");
    expect(throttleAddress("unknown")).toBe("unknown");
  });
});
