import { describe, expect, it } from "vitest";
import { compileCondition, compileRule, describeRule, ruleSchema, type Condition } from "@/lib/automations/rule";
import { cronError, cronInWords, nextRun } from "@/lib/automations/cron";

const ws = "11111111-1111-4111-8111-111111111111";
const id = "22222222-2222-4222-8222-222222222222";
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

describe("rule compiler", () => {
  const cases: [Condition, string, unknown[]][] = [
    [{ kind: "type", value: "DASHBOARD" }, `r.type = $1::"ResourceType"`, ["DASHBOARD"]],
    [{ kind: "integration", id }, `(r.path && ARRAY[$1]::uuid[] AND r.path[1] = $2::uuid)`, [id, id]],
    [{ kind: "under", id }, `(r.path && ARRAY[$1]::uuid[] AND r.id <> $2::uuid)`, [id, id]],
    [{ kind: "nameContains", value: "Rev%_" }, `strpos(lower(r.name), $1) > 0`, ["rev%_"]],
    [{ kind: "nameStartsWith", value: "Globex" }, `left(lower(r.name), $1) = $2`, [6, "globex"]],
    [{ kind: "nameMatches", value: "^a.*b$" }, `r.name ~* $1`, ["^a.*b$"]],
    [{ kind: "hasTag", value: "pii" }, `$1 = ANY(r.tags)`, ["pii"]],
    [{ kind: "createdAfter", value: "2026-01-31" }, `r."createdAt" >= ($1::date + 1)::timestamp`, ["2026-01-31"]],
  ];
  it.each(cases)("%o compiles to bound SQL", (c, sql, values) => {
    const out = compileCondition(c);
    expect(norm(out.text)).toBe(sql);
    expect(out.values).toEqual(values);
  });

  it("joins with AND for all, OR for any, always inside the workspace and without removed resources", () => {
    const all = compileRule(ws, { match: "all", conditions: [{ kind: "type", value: "TABLE" }, { kind: "hasTag", value: "x" }] });
    expect(norm(all.text)).toBe(`r."workspaceId" = $1::uuid AND r."removedAt" IS NULL AND (r.type = $2::"ResourceType" AND $3 = ANY(r.tags))`);
    expect(all.values).toEqual([ws, "TABLE", "x"]);
    const any = compileRule(ws, { match: "any", conditions: [{ kind: "type", value: "TABLE" }, { kind: "hasTag", value: "x" }] });
    expect(norm(any.text)).toContain(`(r.type = $2::"ResourceType" OR $3 = ANY(r.tags))`);
  });

  it("validates: empty rules, unknown kinds, long text, bad dates, non-uuids are refused with a message", () => {
    const bad = (rule: unknown) => {
      const r = ruleSchema.safeParse(rule);
      return r.success ? null : r.error.issues[0].message;
    };
    expect(bad({ match: "all", conditions: [] })).toMatch(/at least one condition/);
    expect(bad({ match: "either", conditions: [{ kind: "type", value: "TABLE" }] })).toMatch(/all or any/);
    expect(bad({ match: "all", conditions: [{ kind: "raw", value: "1=1" }] })).toBeTruthy();
    expect(bad({ match: "all", conditions: [{ kind: "nameMatches", value: "x".repeat(201) }] })).toMatch(/longer than 200/);
    expect(bad({ match: "all", conditions: [{ kind: "nameContains", value: "   " }] })).toMatch(/cannot be empty/);
    expect(bad({ match: "all", conditions: [{ kind: "createdAfter", value: "2026-02-30" }] })).toMatch(/does not exist/);
    expect(bad({ match: "all", conditions: [{ kind: "under", id: "x" }] })).toMatch(/Choose an item/);
    expect(bad({ match: "all", conditions: [{ kind: "type", value: "TABLE" }] })).toBeNull();
  });

  it("describes a rule in words", () => {
    expect(describeRule({ match: "all", conditions: [{ kind: "type", value: "DASHBOARD" }, { kind: "nameStartsWith", value: "Globex" }] })).toBe("type is dashboard and name starts with “Globex”");
    expect(describeRule({ match: "any", conditions: [{ kind: "under", id }, { kind: "hasTag", value: "pii" }] }, { [id]: "warehouse" })).toBe("under warehouse or has tag “pii”");
  });
});

describe("cron in words", () => {
  it.each([
    ["0 6 * * *", "every day at 06:00"],
    ["*/15 * * * *", "every 15 minutes"],
    ["0 * * * *", "every hour"],
    ["30 2 * * 1", "at 02:30, only on Monday"],
  ])("%s → %s", (expr, words) => {
    expect(cronInWords(expr)).toBe(words);
    expect(cronError(expr)).toBeNull();
  });
  it("refuses what is not a five-field cron expression", () => {
    expect(cronError("every day")).toMatch(/five fields/);
    expect(cronError("99 * * * *")).toMatch(/not a valid schedule/);
    expect(cronError("0 6 * * * *")).toMatch(/five fields/);
  });
  it("computes the next run in UTC", () => {
    expect(nextRun("0 6 * * *", new Date("2026-12-01T03:00:00Z"))?.toISOString()).toBe("2026-12-01T06:00:00.000Z");
    expect(nextRun("0 6 * * *", new Date("2026-12-01T06:00:00Z"))?.toISOString()).toBe("2026-12-02T06:00:00.000Z");
  });
});
