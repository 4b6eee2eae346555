import { describe, expect, it } from "vitest";
import { loadWithin, p95Within } from "@/bench/lib/targets";

const s = (p50: number, p95: number) => ({ p50, p95, p99: p95, n: 20 });

describe("bench targets (#20's table)", () => {
  it("a p95 limit is met at the limit and missed past it, saying by how much", () => {
    expect(p95Within(100).judge(s(50, 100))).toEqual({ text: "p95 ≤ 100 ms: met", met: true });
    expect(p95Within(100).judge(s(50, 150))).toEqual({ text: "p95 ≤ 100 ms: **missed**, p95 by 50.0 ms (1.5×)", met: false });
  });
  it("a ratio to the bare SQL is judged on the p50s, and only with a bare figure", () => {
    expect(p95Within(100, 2).judge(s(30, 40), s(10, 12)).met).toBe(false);
    expect(p95Within(100, 2).judge(s(30, 40), s(10, 12)).text).toContain("3.0× bare");
    expect(p95Within(100, 2).judge(s(20, 40), s(10, 12)).met).toBe(true);
    expect(p95Within(100, 2).judge(s(30, 40)).met).toBe(true);
  });
  it("a load target needs the rate, the p99, no errors and the memory", () => {
    const t = loadWithin(300, { p99: 300, rssMb: 700 });
    expect(t.judge({ rps: 310, p99: 250, errors: 0, non2xx: 0, rssMb: 400 }).met).toBe(true);
    expect(t.judge({ rps: 30, p99: 250, errors: 0, non2xx: 0, rssMb: 400 }).text).toContain("30 req/s (10.0× short)");
    expect(t.judge({ rps: 310, p99: 250, errors: 0, non2xx: 1, rssMb: 400 }).met).toBe(false);
    expect(t.judge({ rps: 310, p99: 301, errors: 0, non2xx: 0, rssMb: 400 }).met).toBe(false);
    expect(t.judge({ rps: 310, p99: 250, errors: 0, non2xx: 0, rssMb: 701 }).met).toBe(false);
  });
});
