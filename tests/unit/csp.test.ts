// The page policy (#15 item 12): scripts only with this request's nonce, never 'unsafe-inline' or (in production)
// 'unsafe-eval'; framing refused; HSTS exactly when the console is served over HTTPS.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/security/csp";

const directive = (csp: string, name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? "";

describe("content security policy", () => {
  it("allows scripts by nonce only", () => {
    const n = newNonce();
    const csp = contentSecurityPolicy(n);
    const script = directive(csp, "script-src");
    expect(script).toContain(`'nonce-${n}'`);
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(contentSecurityPolicy(n, { dev: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("a nonce is new each time and long enough not to be guessed", () => {
    const seen = new Set(Array.from({ length: 200 }, newNonce));
    expect(seen.size).toBe(200);
    for (const n of seen) expect(Buffer.from(n, "base64").length).toBe(16);
  });

  it("HSTS behind HTTPS only", () => {
    expect(strictTransportSecurity("https://enclave.example.com")).toMatch(/^max-age=\d{7,}/);
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });
});
