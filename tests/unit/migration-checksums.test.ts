// 20261202060000_rls_owner_not_forced records the new checksums of five earlier migrations it amended (they lost
// their FORCE lines) in databases that had applied the old text. Those checksums must be the files' own.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.join(import.meta.dirname, "../../prisma/migrations");
const fix = fs.readFileSync(path.join(dir, "20261202060000_rls_owner_not_forced/migration.sql"), "utf8");
const entries = [...fix.matchAll(/\('(\d{14}_[a-z_]+)', '([0-9a-f]{64})', '([0-9a-f]{64})'\)/g)].map((m) => ({ name: m[1]!, oldSum: m[2]!, newSum: m[3]! }));

describe("amended migrations", () => {
  it("lists five migrations", () => expect(entries.map((e) => e.name)).toHaveLength(5));
  it.each(entries)("$name: the recorded new checksum is the file's sha256", ({ name, oldSum, newSum }) => {
    const text = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    expect(crypto.createHash("sha256").update(text).digest("hex")).toBe(newSum);
    expect(oldSum).not.toBe(newSum);
  });
  it("no migration FORCEs row-level security", () => {
    for (const d of fs.readdirSync(dir).filter((d) => /^\d{14}_/.test(d))) {
      const sql = fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8").replace(/--.*$/gm, "");
      expect(sql, d).not.toMatch(/(?<!\bNO\s)\bFORCE\s+ROW\s+LEVEL\s+SECURITY/i);
    }
  });
});
