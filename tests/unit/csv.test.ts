import { describe, expect, it } from "vitest";
import { csvField, csvRow } from "@/lib/csv";

describe("CSV", () => {
  it.each([
    ["plain", "plain"],
    ['say "hi"', '"say ""hi"""'],
    ["a,b", '"a,b"'],
    ["line\nbreak", '"line\nbreak"'],
    ["=HYPERLINK(\"x\")", '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    [null, ""],
    [{ a: 1 }, '"{""a"":1}"'],
  ])("%j → %s", (v, want) => expect(csvField(v)).toBe(want));

  it("rows end with CRLF", () => expect(csvRow(["a", 1])).toBe("a,1\r\n"));
});
