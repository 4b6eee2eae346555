import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES, API_V1_ROUTES, CONSOLE_ROUTES } from "../../e2e/routes";

const ROOT = path.resolve(__dirname, "../..");

function pages(dir: string, file = "page.tsx"): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...pages(p, file));
    else if (e.name === file) out.push(p);
  }
  return out;
}

describe("console routes registry", () => {
  it("lists every page of the console, so the cross-client probes reach it", () => {
    const routes = pages(path.join(ROOT, "app", "(console)")).map((f) => {
      const rel = path.relative(path.join(ROOT, "app", "(console)"), path.dirname(f));
      return "/" + rel.split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/");
    });
    const registered = new Set(CONSOLE_ROUTES.map((r) => r.pattern));
    expect(routes.filter((r) => !registered.has(r))).toEqual([]);
    expect([...registered].filter((r) => !routes.includes(r))).toEqual([]);
  });

  it("lists every route handler but the sign-in endpoint", () => {
    const routes = pages(path.join(ROOT, "app", "api"), "route.ts")
      .map((f) => "/api/" + path.relative(path.join(ROOT, "app", "api"), path.dirname(f)).split(path.sep).join("/"))
      .filter((r) => !r.startsWith("/api/auth/"));
    const registered = new Set([...API_ROUTES, ...API_V1_ROUTES].map((r) => r.pattern));
    expect(routes.filter((r) => !registered.has(r))).toEqual([]);
    expect([...registered].filter((r) => !routes.includes(r))).toEqual([]);
  });
});
