// A scroll box without a position is not the containing block of the absolutely positioned `sr-only` labels inside
// it (table headers, checkbox labels), so they escape it and widen the whole page at a phone's width. Two tables
// did that at 390 px (the group and token tables) before their boxes became `relative`.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx$/.test(e.name) ? [p] : [];
  });
}

describe("horizontal scroll boxes", () => {
  it("are positioned, so what is inside them cannot widen the page", () => {
    const loose: string[] = [];
    for (const file of [...sources("components"), ...sources("app")]) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/<(\w+)[^>]*className=(?:"([^"]*)"|\{`([^`]*)`\})/g)) {
        const cls = (m[2] ?? m[3] ?? "").split(/\s+/);
        if (m[1] === "pre") continue; // text only: nothing positioned inside
        if (cls.some((c) => c === "overflow-x-auto" || c === "overflow-auto") && !cls.some((c) => ["relative", "absolute", "fixed", "sticky"].includes(c)))
          loose.push(`${file}: ${m[0].slice(0, 100)}`);
      }
    }
    expect(loose).toEqual([]);
  });
});
