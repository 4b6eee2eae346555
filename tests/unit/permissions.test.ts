// One permission table (lib/policy/roles.ts), used everywhere through can(): every declared permission is
// consulted somewhere, and no module outside lib/policy checks a right by comparing a role to "ADMIN".
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/policy";

const root = path.resolve(import.meta.dirname, "../..");
function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return rel === path.join("lib", "generated") ? [] : sources(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}
const files = ["app", "components", "lib"].flatMap(sources).filter((f) => !f.startsWith(path.join("lib", "policy")));
const text = new Map(files.map((f) => [f, fs.readFileSync(path.join(root, f), "utf8")]));

describe("permissions", () => {
  it.each(Object.keys(PERMISSIONS))("%s is consulted outside lib/policy", (permission) => {
    const users = files.filter((f) => text.get(f)!.includes(`"${permission}"`));
    expect(users, `${permission} is declared but never checked: use it or remove it`).not.toEqual([]);
  });

  it("no module checks a right by comparing the viewer's role to ADMIN", () => {
    const offenders = files.filter((f) => /\b(viewer|admin)\??\.role\s*[!=]==?\s*["']ADMIN["']/.test(text.get(f)!) );
    expect(offenders).toEqual([]);
  });
});
