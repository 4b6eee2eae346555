// The owner connection (no row-level security) is reachable only through lib/db/owner.ts, by the callers its
// OWNER_CALLERS table names, each from the one file registered for it. Any other route to it fails here: an
// import of lib/db/client or lib/db/connect (by alias or by a relative path), or a call of getConnection().
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OWNER_CALLERS } from "@/lib/db/owner";

const ROOT = path.resolve(import.meta.dirname, "../..");
const GATE = new Set(["lib/db/owner.ts", "lib/db/client.ts", "lib/db/connect.ts"]);
const SEALED = new Set(["lib/db/client", "lib/db/connect"]);

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return rel === "lib/generated" ? [] : files(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

/** Where an import specifier of `file` points, as a root-relative path without extension (or null: a package). */
export function resolveImport(file: string, spec: string): string | null {
  if (spec.startsWith("@/")) return path.posix.normalize(spec.slice(2)).replace(/\.(ts|tsx)$/, "");
  if (spec.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.(ts|tsx)$/, "");
  return null;
}

/** The uses of the owner connection in one source file that bypass lib/db/owner.ts. */
export function ownerLeaks(file: string, src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
    const target = resolveImport(file, m[1]);
    if (target && SEALED.has(target)) out.push(`imports ${m[1]}`);
  }
  if (/\bgetConnection\s*\(/.test(src)) out.push("calls getConnection()");
  return out;
}

const sources = ["app", "components", "lib"].flatMap(files);
const calls = (src: string) => [...src.matchAll(/\bowner(?:Db|Connection)\(\s*["']([\w-]+)["']/g)].map((m) => m[1]);

describe("the owner connection", () => {
  it("the checker sees aliased and relative imports and direct calls", () => {
    expect(ownerLeaks("lib/x/y.ts", `import { db } from "@/lib/db/client";`)).toEqual(["imports @/lib/db/client"]);
    expect(ownerLeaks("lib/x/y.ts", `import { getConnection } from "../db/client";\nawait getConnection();`)).toEqual(["imports ../db/client", "calls getConnection()"]);
    expect(ownerLeaks("lib/db/z.ts", `const { connect } = await import("./connect");`)).toEqual(["imports ./connect"]);
    expect(ownerLeaks("lib/x/y.ts", `import { ownerDb } from "@/lib/db/owner";`)).toEqual([]);
  });

  it("is reached only through lib/db/owner.ts", () => {
    const leaks = sources.filter((f) => !GATE.has(f)).flatMap((f) => ownerLeaks(f, fs.readFileSync(path.join(ROOT, f), "utf8")).map((l) => `${f}: ${l}`));
    expect(leaks).toEqual([]);
  });

  it("each caller is named in OWNER_CALLERS and calls from its registered file; no entry is stale", () => {
    const registered = OWNER_CALLERS as Record<string, string>;
    const wrong: string[] = [];
    const used = new Set<string>();
    for (const f of sources.filter((f) => f !== "lib/db/owner.ts")) {
      for (const caller of calls(fs.readFileSync(path.join(ROOT, f), "utf8"))) {
        used.add(caller);
        if (registered[caller] !== f) wrong.push(`${f}: "${caller}" is registered for ${registered[caller] ?? "nothing"}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(Object.keys(registered).filter((c) => !used.has(c))).toEqual([]);
  });
});
