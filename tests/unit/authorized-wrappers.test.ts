// Every server action is a public POST endpoint and every route handler a public URL: each must be built
// through the project's authorized wrappers, which resolve the viewer, validate input and check permission.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
// The sign-in endpoints are where a viewer comes from; each validates its own input (lib/auth/options.ts, the
// OIDC start and callback in lib/sso/oidc.ts, the e-mail link in lib/sign-in/links.ts). The health checks take no
// input, need no session and answer in fixed words (lib/health/checks.ts).
const ALLOWED_RAW_ROUTES = new Set([
  "app/api/auth/[...nextauth]/route.ts",
  "app/api/auth/oidc/start/route.ts",
  "app/api/auth/oidc/callback/route.ts",
  "app/api/auth/link/route.ts",
  "app/api/health/route.ts",
  "app/api/health/ready/route.ts",
]);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", ".next", "generated", ".data"].includes(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

const sources = ["app", "lib", "components"].flatMap((d) => files(path.join(ROOT, d)));

export function unwrappedExports(src: string, wrapper: RegExp): string[] {
  const bad: string[] = [];
  for (const m of src.matchAll(/^export\s+(?:async\s+)?(?:function|const|let|var)\s+(\w+)([^\n]*)/gm)) {
    const [, name, rest] = m;
    if (/^\s*=\s*/.test(rest) && wrapper.test(rest)) continue;
    bad.push(name);
  }
  if (/^export\s*\{/m.test(src) || /^export\s+default/m.test(src)) bad.push("(re-export or default export)");
  return bad;
}

describe("authorized wrappers", () => {
  it("the checker itself flags a bare action and accepts a wrapped one", () => {
    expect(unwrappedExports(`"use server";\nexport async function leak() {}`, /authorizedAction\(/)).toEqual(["leak"]);
    expect(unwrappedExports(`"use server";\nexport const ok = authorizedAction({ input: x }, async () => 1);`, /authorizedAction\(/)).toEqual([]);
    expect(unwrappedExports(`export { a as b };`, /authorizedAction\(/)).toEqual(["(re-export or default export)"]);
  });

  it("every 'use server' module exports only authorizedAction(...) values", () => {
    const offenders: string[] = [];
    for (const f of sources) {
      const src = fs.readFileSync(f, "utf8");
      if (!/^\s*["']use server["'];?/m.test(src.split("\n").slice(0, 3).join("\n"))) continue;
      for (const name of unwrappedExports(src, /^\s*=\s*authorizedAction\(/)) offenders.push(`${path.relative(ROOT, f)}: ${name}`);
    }
    expect(offenders).toEqual([]);
  });

  it("no component or page declares an inline server action", () => {
    const offenders = sources.filter((f) => !/\/actions\.ts$/.test(f) && /["']use server["']/.test(fs.readFileSync(f, "utf8").split("\n").slice(3).join("\n")));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("every route handler is built with authorizedRoute(...) (or, under /api/v1, apiRoute(...))", () => {
    const offenders: string[] = [];
    for (const f of sources.filter((p) => /\/route\.ts$/.test(p))) {
      const rel = path.relative(ROOT, f);
      if (ALLOWED_RAW_ROUTES.has(rel)) continue;
      const src = fs.readFileSync(f, "utf8");
      // SCIM answers identity providers, authenticated by a connection's bearer token (lib/scim/endpoint.ts); the
      // REST API's tokens go through apiRoute (lib/api/api-route.ts).
      const wrapper = rel.startsWith("app/scim/") ? /^\s*=\s*scimRoute\(/ : rel.startsWith("app/api/v1/") ? /^\s*=\s*apiRoute\(/ : /^\s*=\s*authorizedRoute\(/;
      for (const name of unwrappedExports(src, wrapper)) {
        if (["dynamic", "runtime", "revalidate"].includes(name)) continue;
        offenders.push(`${rel}: ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("nothing outside lib/ imports the database client or Prisma", () => {
    const offenders = sources
      .filter((f) => !path.relative(ROOT, f).startsWith("lib/"))
      .filter((f) => /from\s+["']@\/lib\/(db\/(client|connect|scoped)|generated\/prisma\/client)["']|from\s+["']@prisma\/client["']/.test(fs.readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
