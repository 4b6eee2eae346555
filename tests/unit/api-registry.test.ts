// The REST API is described once (lib/api/endpoints.ts): each endpoint has its route file exporting exactly that
// method built with apiRoute(ENDPOINTS.<key>), and each is in the probes' registry (e2e/routes.ts) with its method.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { API_V1_ROUTES } from "../../e2e/routes";

const ROOT = path.resolve(__dirname, "../..");
const toPattern = (p: string) => `/api/v1${p.replace(/\{(\w+)\}/g, "[$1]")}`;

describe("REST API registry", () => {
  it("every endpoint has its route file and handler, built from its own description", () => {
    const missing: string[] = [];
    for (const [key, e] of Object.entries(ENDPOINTS)) {
      const file = path.join(ROOT, "app", toPattern(e.path), "route.ts");
      const src = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
      if (!new RegExp(`^export const ${e.method} = apiRoute\\(ENDPOINTS\\.${key},`, "m").test(src)) missing.push(`${e.method} ${e.path} (${key})`);
    }
    expect(missing).toEqual([]);
  });

  it("every route file's handlers are endpoints (nothing undocumented)", () => {
    const described = new Set(Object.values(ENDPOINTS).map((e) => `${e.method} ${toPattern(e.path)}`));
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, d.name);
        if (d.isDirectory()) walk(p);
        else if (d.name === "route.ts") {
          const pattern = "/" + path.relative(path.join(ROOT, "app"), dir).split(path.sep).join("/");
          for (const m of fs.readFileSync(p, "utf8").matchAll(/^export const (GET|POST|PATCH|DELETE|PUT) =/gm)) found.push(`${m[1]} ${pattern}`);
        }
      }
    };
    walk(path.join(ROOT, "app", "api", "v1"));
    expect(found.filter((f) => !described.has(f))).toEqual([]);
  });

  it("the probes' registry lists every endpoint with its method", () => {
    const registered = new Set(API_V1_ROUTES.flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`)));
    const described = Object.values(ENDPOINTS).map((e) => `${e.method} ${toPattern(e.path)}`);
    expect(described.filter((d) => !registered.has(d))).toEqual([]);
    expect([...registered].filter((r) => !described.includes(r))).toEqual([]);
  });
});
