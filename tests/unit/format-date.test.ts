// One date format everywhere, a time always followed by its zone.
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay } from "@/lib/format/date";

describe("date format", () => {
  it("dates as 1 Dec 2026; times with the zone's name", () => {
    expect(formatDate("2026-12-01T23:30:00Z")).toBe("1 Dec 2026");
    expect(formatDateTime("2026-12-01T09:04:00Z")).toBe("1 Dec 2026, 09:04 UTC");
    expect(formatDateTime("2026-12-01T23:30:00Z", "Europe/Paris")).toBe("2 Dec 2026, 00:30 CET");
    expect(formatDateTime("2026-07-01T09:00:00Z", "America/New_York")).toBe("1 Jul 2026, 05:00 GMT-4");
  });
  it("a filter's day reads the same way", () => {
    expect(formatDay("2026-12-01")).toBe("1 Dec 2026");
  });
});
