// One tense for the audit log: every action recorded anywhere in lib/ names a thing that happened
// ("team.created", "member.role_changed", "team.left"), never an order ("automation.create").
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

// Past participles that do not end in -ed.
const IRREGULAR = new Set(["left", "sent", "resent", "run", "made", "begun", "done", "set", "read", "shown", "taken", "given", "withdrawn"]);

describe("audit action names", () => {
  const actions = new Set<string>();
  for (const file of sources(path.resolve("lib"))) {
    const text = fs.readFileSync(file, "utf8");
    if (!text.includes("recordAudit") && !text.includes("auditEvent")) continue;
    // Literal names, also those picked by a condition (`action: x ? "a.b" : "a.c"`).
    for (const m of text.matchAll(/action:\s*(?:[^"\n,]*\?\s*)?"([a-z_]+(?:\.[a-z_-]+)+)"(?:\s*:\s*"([a-z_]+(?:\.[a-z_-]+)+)")?/g)) {
      actions.add(m[1]!);
      if (m[2]) actions.add(m[2]);
    }
  }

  it("finds the actions it checks", () => {
    expect(actions.size).toBeGreaterThan(20);
    expect(actions).toContain("team.created");
  });

  it("names each in the past tense", () => {
    const wrong = [...actions].filter((a) => {
      const verb = a.split(".").at(-1)!.split("_").at(-1)!;
      return !(verb.endsWith("ed") || IRREGULAR.has(verb));
    });
    expect(wrong).toEqual([]);
  });
});
