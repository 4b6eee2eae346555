// 20261202070000_rls_owner_not_forced records the new checksums of five earlier migrations it amended (they lost
// their FORCE lines) in databases that had applied the old text. Those checksums must be the files' own.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.join(import.meta.dirname, "../../prisma/migrations");
const FIX = "20261202070000_rls_owner_not_forced";
const fix = fs.readFileSync(path.join(dir, FIX, "migration.sql"), "utf8");
const entries = [...fix.matchAll(/\('(\d{14}_[a-z_]+)', '([0-9a-f]{64})', '([0-9a-f]{64})'\)/g)].map((m) => ({ name: m[1]!, oldSum: m[2]!, newSum: m[3]! }));

describe("amended migrations", () => {
  it("lists five migrations", () => expect(entries.map((e) => e.name)).toHaveLength(5));
  it.each(entries)("$name: the recorded new checksum is the file's sha256", ({ name, oldSum, newSum }) => {
    const text = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    expect(crypto.createHash("sha256").update(text).digest("hex")).toBe(newSum);
    expect(oldSum).not.toBe(newSum);
  });
  // FORCE makes the `TO enclave_app` policies apply to the owner (a member of enclave_app), and on a PostgreSQL
  // without a superuser the SECURITY DEFINER helpers then recurse into them. The amended migrations and every
  // one after the fix must not FORCE (the fix itself un-FORCEs what came between, e.g. LineageEdge).
  it("no migration after the fix, nor an amended one, FORCEs row-level security", () => {
    const amended = new Set(entries.map((e) => e.name));
    for (const d of fs.readdirSync(dir).filter((d) => /^\d{14}_/.test(d) && (d > FIX || amended.has(d)))) {
      const sql = fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8").replace(/--.*$/gm, "");
      expect(sql, `${d} FORCEs row-level security: leave it ENABLEd only (see ${FIX})`).not.toMatch(/(?<!\bNO\s)\bFORCE\s+ROW\s+LEVEL\s+SECURITY/i);
    }
  });
});
