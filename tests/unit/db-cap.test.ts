import { describe, expect, it } from "vitest";
import { capCount, COUNT_CAP, formatCount } from "@/lib/db/cap";

describe("capped counts", () => {
  it("are exact up to the cap and a floor past it, and say so", () => {
    expect(capCount(0)).toEqual({ total: 0, capped: false });
    expect(capCount(COUNT_CAP)).toEqual({ total: COUNT_CAP, capped: false });
    expect(capCount(COUNT_CAP + 1)).toEqual({ total: COUNT_CAP, capped: true });
    expect(formatCount(capCount(COUNT_CAP + 1))).toBe("10,000+");
    expect(formatCount(capCount(1234))).toBe("1,234");
  });
});
