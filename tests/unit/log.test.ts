// LOG_FORMAT=json: one JSON object per line, with the request id of the action or route handler that logged it.
import { describe, expect, it } from "vitest";
import { jsonLine, requestIdFrom, runWithRequestId } from "@/lib/log";

describe("JSON logs", () => {
  it("carries the request id inside runWithRequestId, and none outside", () => {
    const at = new Date("2026-12-01T10:00:00Z");
    const inside = runWithRequestId("req-1", () => JSON.parse(jsonLine("error", ["[route]", new Error("boom"), 42], at)));
    expect(inside).toMatchObject({ time: "2026-12-01T10:00:00.000Z", level: "error", msg: "[route] boom 42", requestId: "req-1" });
    expect(inside.stack).toContain("boom");
    expect(JSON.parse(jsonLine("info", ["hello %s", "there"], at))).toEqual({ time: "2026-12-01T10:00:00.000Z", level: "info", msg: "hello there" });
  });

  it("keeps a well-formed incoming id and replaces anything else", () => {
    expect(requestIdFrom("lb-7f3a.9")).toBe("lb-7f3a.9");
    for (const bad of [null, "", "a b", "x".repeat(101), "<script>"]) expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
