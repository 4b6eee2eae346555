// Pure helpers of the members feature: CSV escaping (formula injection), email splitting, and the list of
// server actions allowed to run without a session.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvField as csvCell, csvRow } from "@/lib/csv";
import { splitEmails } from "@/lib/members/schemas";

describe("CSV cells", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1+1", "'=1+1"],
    ["+33 1 23", "'+33 1 23"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ["\tTAB", "'\tTAB"],
    [null, ""],
    [" padded ", '" padded "'],
  ])("%j → %j", (input, out) => {
    expect(csvCell(input)).toBe(out);
  });
  it("rows end with CRLF", () => expect(csvRow(["a", 1])).toBe("a,1\r\n"));
});

describe("splitEmails", () => {
  it("splits on commas, semicolons and newlines, lower-cases and de-duplicates", () => {
    expect(splitEmails("A@x.test, b@x.test\nB@X.test; not-mail ,,")).toEqual({ valid: ["a@x.test", "b@x.test"], invalid: ["not-mail"], names: {} });
  });
  it("takes a name written the address-book way, and spaces still separate bare addresses", () => {
    expect(splitEmails('Gina Reyes <Gina@Globex.test>, "Hal  Ortega" <hal@globex.test>\nivy@globex.test jo@globex.test')).toEqual({
      valid: ["gina@globex.test", "hal@globex.test", "ivy@globex.test", "jo@globex.test"],
      invalid: [],
      names: { "gina@globex.test": "Gina Reyes", "hal@globex.test": "Hal Ortega" },
    });
  });
});

describe("public server actions", () => {
  it("only the invitation acceptance and the sign-in page's own steps (lib/sign-in) run without a session", () => {
    const root = path.resolve(__dirname, "../..");
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (["node_modules", "generated", ".next", ".data"].includes(e.name)) continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && /public:\s*true/.test(fs.readFileSync(p, "utf8"))) found.push(path.relative(root, p));
      }
    };
    for (const d of ["app", "lib", "components"]) walk(path.join(root, d));
    expect(found.sort()).toEqual(["lib/actions/authorized.ts", "lib/invitations/actions.ts", "lib/sign-in/actions.ts"]);
  });
});
