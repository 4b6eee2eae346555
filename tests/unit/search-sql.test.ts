// The search SQL builder and the highlighter: pure functions, no database.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildResourceFacets, buildResourceSearch, likeEscape, queryTerms, tsPrefix, MAX_TERMS } from "@/lib/search/sql";
import { highlightPieces, highlightRanges, plainText } from "@/lib/search/highlight";
import { searchUrl, searchHref } from "@/lib/search/schemas";

const WS = "11111111-1111-4111-8111-111111111111";
const R1 = "22222222-2222-4222-8222-222222222222";
const T1 = "33333333-3333-4333-8333-333333333333";
const base = { workspaceId: WS, roots: [R1], teams: [T1], limit: 20, offset: 0 };

function placeholders(text: string): number[] {
  return [...new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

describe("query terms", () => {
  it("splits identifiers and prose into lower-case words", () => {
    expect(queryTerms("cust_id")).toEqual(["cust", "id"]);
    expect(queryTerms("orders.customerId")).toEqual(["orders", "customer", "id"]);
    expect(queryTerms("  Sales   Overview ")).toEqual(["sales", "overview"]);
    expect(queryTerms("orders orders")).toEqual(["orders"]);
  });

  it("drops every tsquery operator and quote", () => {
    expect(queryTerms("&|!():*'\\")).toEqual([]);
    expect(queryTerms("a&b|c!(d):*e'f\\g")).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => queryTerms(s).every((t) => t.length > 0 && !/[&|!():*'\\\s<>-]/.test(t))));
  });

  it("keeps at most MAX_TERMS words", () => {
    expect(queryTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))).toHaveLength(MAX_TERMS);
  });

  it("quotes a tsquery operand and escapes LIKE patterns", () => {
    expect(tsPrefix("cust")).toBe("'cust':*");
    expect(tsPrefix("it's\\")).toBe("'it''s\\\\':*");
    expect(likeEscape("50%_off\\")).toBe("50\\%\\_off\\\\");
  });
});

describe("buildResourceSearch", () => {
  it("puts the viewer's roots in the WHERE for non-admins, and nothing for admins", () => {
    const guest = buildResourceSearch({ ...base, q: "orders" });
    expect(guest.text).toMatch(/r\.path && \$\d+::uuid\[\]/);
    expect(guest.values).toContainEqual([R1]);
    const admin = buildResourceSearch({ ...base, roots: "all", teams: "all", q: "orders" });
    expect(admin.text).not.toMatch(/r\.path &&/);
    expect(admin.values).not.toContainEqual([R1]);
    // Removed resources are never found; the workspace always bounds the query.
    for (const s of [guest, admin]) {
      expect(s.text).toContain(`r."removedAt" IS NULL`);
      expect(s.text).toMatch(/r\."workspaceId" = \$\d+::uuid/);
    }
  });

  it("an empty root list still restricts (matches nothing), never widens", () => {
    const s = buildResourceSearch({ ...base, roots: [], teams: [], q: "x" });
    expect(s.text).toMatch(/r\.path && \$\d+::uuid\[\]/);
    expect(s.values).toContainEqual([]);
  });

  it("never splices user text into the SQL; numbers parameters $1..$n, each used", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom(null, "TABLE", "COLUMN"), fc.boolean(), (q, type, team) => {
        const s = buildResourceSearch({ ...base, q, type: type as "TABLE" | null, teamId: team ? T1 : null, integrationId: team ? R1 : null });
        const n = placeholders(s.text);
        expect(n).toEqual(Array.from({ length: s.values.length }, (_, i) => i + 1));
        // The text depends only on how many words q has and whether it is 3+ characters long.
        const shape = (x: string) => buildResourceSearch({ ...base, q: x }).text;
        const stand = queryTerms(q).map((_, i) => `w${i}`).join(" ");
        if (q.trim().length >= 3 === stand.length >= 3) expect(shape(q)).toBe(shape(stand));
      }),
    );
    const evil = buildResourceSearch({ ...base, q: "'; DROP TABLE \"Resource\"; --" });
    expect(evil.text).not.toContain("DROP");
    expect(evil.values).toContain("'; drop table \"resource\"; --");
  });

  it("whitelists the type and validates the workspace id", () => {
    expect(() => buildResourceSearch({ ...base, q: "x", type: "TABLE' OR 1=1 --" as never })).toThrow();
    expect(() => buildResourceSearch({ ...base, workspaceId: "x' OR '1'='1", q: "x" })).toThrow();
    expect(buildResourceSearch({ ...base, q: "x", type: "DASHBOARD" }).text).toContain(`r.type = 'DASHBOARD'`);
  });

  it("restricts a team filter to visible teams and an integration filter to a visible integration", () => {
    const s = buildResourceSearch({ ...base, q: "x", teamId: T1, integrationId: R1 });
    expect(s.text).toMatch(/tr\."teamId" = ANY\(\$\d+::uuid\[\]\)/);
    expect(s.text).toMatch(/i\.type = 'INTEGRATION' AND i\.path && \$\d+::uuid\[\]/);
    const admin = buildResourceSearch({ ...base, roots: "all", teams: "all", q: "x", teamId: T1 });
    expect(admin.text).not.toMatch(/tr\."teamId" = ANY/);
  });

  it("clamps limit and offset", () => {
    const s = buildResourceSearch({ ...base, q: "x", limit: 10_000, offset: -5 });
    expect(s.values.slice(-2)).toEqual([100, 0]);
  });

  it("ranks by tier (exact, prefix, name words, own words, ancestors' words, substring), then type boost, length, name, id", () => {
    const s = buildResourceSearch({ ...base, q: "orders" });
    expect(s.text).toMatch(/ORDER BY (m\.)?tier, (m\.)?score DESC, length\(lower\([rm]\.name\)\), lower\([rm]\.name\), [rm]\.id/);
    expect(s.text).toMatch(
      /CASE WHEN lower\(r\.name\) = \$\d+ THEN 0 WHEN lower\(r\.name\) LIKE \$\d+ ESCAPE '\\' THEN 1 WHEN ts_filter\(r\.search, '\{a\}'\) @@ sq\.tq THEN 2 WHEN ts_filter\(r\.search, '\{a,b\}'\) @@ sq\.tq THEN 3 WHEN .* THEN 4 WHEN r\.name ILIKE \$\d+ ESCAPE '\\' THEN 5 ELSE 6 END/s,
    );
    expect(s.text).not.toContain("ts_rank");
    expect(s.text).toContain("WHEN 'TABLE' THEN 1.60");
    expect(s.text).toContain("WHEN 'COLUMN' THEN 0.80");
  });

  it("reads a non-admin's matches once, for both the page and the capped count", () => {
    const s = buildResourceSearch({ ...base, q: "orders", countCap: 50 });
    // The match is written (and so scanned) once: the page and the count both read the CTE.
    expect(s.text.match(/FROM "Resource" r CROSS JOIN/g)).toHaveLength(1);
    expect(s.text).toMatch(/WITH m AS MATERIALIZED/);
    expect(s.text).toMatch(/SELECT count\(\*\) FROM \(SELECT 1 FROM m LIMIT \$\d+\) c/);
    expect(s.values).toContain(51);
  });

  it("finds an admin's first results and count through app_search_admin, unless a filter other than the type is set", () => {
    const admin = { ...base, roots: "all" as const, teams: "all" as const };
    const s = buildResourceSearch({ ...admin, q: "orders", type: "TABLE", limit: 20, offset: 40 });
    expect(s.text).toMatch(/app_search_admin\(/);
    expect(s.text).toMatch(/r\.id = ANY\(\(SELECT ids FROM hit\)::uuid\[\]\)/);
    expect(s.values).toContain(60); // the first offset + limit results
    expect(s.values).toContain("TABLE");
    expect(s.text).not.toContain("app_resources_matching");
    const filtered = buildResourceSearch({ ...admin, q: "orders", teamId: T1 });
    expect(filtered.text).not.toContain("app_search_admin");
    expect(filtered.text).toContain("app_resources_matching");
    // Never for anyone else.
    expect(buildResourceSearch({ ...base, q: "orders" }).text).not.toContain("app_search_admin");
    expect(buildResourceFacets({ ...base, q: "orders" }).text).not.toContain("app_search_admin");
    expect(buildResourceFacets({ ...admin, q: "orders", type: "TABLE", facetCap: 50 }).text).toMatch(/NULL::text, \$\d+::text\[\], \$\d+::numeric\[\]/); // no type: the type facet leaves out its own filter
  });

  it("lets a non-admin match an ancestor's name only when that ancestor is visible", () => {
    const s = buildResourceSearch({ ...base, q: "analytics" });
    expect(s.text).toContain("ts_filter(r.search, '{a,b}')");
    expect(s.text).toMatch(/a\.path && \$\d+::uuid\[\]/);
    expect(buildResourceSearch({ ...base, roots: "all", teams: "all", q: "analytics" }).text).not.toContain("a.path &&");
  });
});

describe("buildResourceFacets", () => {
  it("counts types, visible integrations and visible teams of the same scoped match", () => {
    const s = buildResourceFacets({ ...base, q: "orders", type: "TABLE" });
    // The scope is applied once, to the one read of the matches every facet counts from.
    const [cte] = s.text.split("\n)\n");
    expect(cte).toMatch(/^WITH m AS MATERIALIZED \(/);
    expect(cte).toMatch(/r\.path && \$\d+::uuid\[\]/);
    expect(s.text.split("FROM m").length - 1).toBe(4);
    expect(s.text).toMatch(/JOIN "Team" t ON .* AND t\.id = ANY\(\$\d+::uuid\[\]\)/);
    expect(s.text).toMatch(/i\.type = 'INTEGRATION' AND i\.path && \$\d+::uuid\[\]/);
    expect(placeholders(s.text)).toEqual(Array.from({ length: s.values.length }, (_, i) => i + 1));
    // The type facet leaves out its own filter; the others apply it.
    expect(cte).toContain("(r.type = 'TABLE') AS f_type");
    const [typePart, ...rest] = s.text.slice(cte.length).split("UNION ALL");
    expect(typePart).not.toContain("m.f_type");
    expect(rest).toHaveLength(3);
    for (const part of rest) expect(part).toContain("m.f_type");
  });
});

describe("highlight ranges", () => {
  it("marks query words at word starts, and the whole query anywhere", () => {
    expect(highlightRanges("customer_id", "cust_id")).toEqual([[0, 4], [9, 11]]);
    expect(highlightRanges("orders", "ord")).toEqual([[0, 3]]);
    expect(highlightRanges("Monthly orders", "ORD")).toEqual([[8, 11]]);
    expect(highlightRanges("customerId", "cust id")).toEqual([[0, 4], [8, 10]]);
    expect(highlightRanges("discount", "count")).toEqual([[3, 8]]);
    expect(highlightRanges("anything", "")).toEqual([]);
    expect(highlightRanges("", "x")).toEqual([]);
  });

  it("merges overlaps and pieces always rebuild the text", () => {
    expect(highlightRanges("orders order", "order orders")).toEqual([[0, 6], [7, 12]]);
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 20 }), (text, q) => {
        const pieces = highlightPieces(text, q);
        expect(pieces.map((p) => p.text).join("")).toBe(text);
        const ranges = highlightRanges(text, q);
        for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBeGreaterThan(ranges[i - 1][1] - 1);
      }),
    );
  });

  it("turns a markdown description into one plain line", () => {
    expect(plainText("Orders of the **Northwind Traders** account.")).toBe("Orders of the Northwind Traders account.");
    expect(plainText("# Title\n\n- one `code`\n- [a link](http://x)")).toBe("Title one code a link");
    expect(plainText("customer__id stays")).toBe("customer__id stays");
  });

  it("treats markup in names as text", () => {
    const pieces = highlightPieces("<img src=x onerror=alert(1)>", "img");
    expect(pieces[0]).toEqual({ text: "<", mark: false });
    expect(pieces[1]).toEqual({ text: "img", mark: true });
  });
});

describe("/search URL state", () => {
  it("parses and whitelists q, type, integration, team, owner, upstream, downstream and page", () => {
    const none = { owner: null, upstream: null, downstream: null };
    expect(searchUrl.load({ q: " orders ", type: "TABLE", integration: R1, team: T1, page: "3" })).toEqual({ q: "orders", type: "TABLE", integration: R1, team: T1, ...none, page: 3 });
    expect(searchUrl.load({ q: ["a", "b"], type: "TABLE; DROP", integration: "nope", team: "1", page: "-4" })).toEqual({ q: "a", type: null, integration: null, team: null, ...none, page: 1 });
    expect(searchUrl.load({ owner: T1, upstream: R1, downstream: "x'; --" })).toMatchObject({ owner: T1, upstream: R1, downstream: null });
    expect(searchHref({ owner: T1, upstream: R1 })).toBe(`/search?owner=${T1}&upstream=${R1}`);
    expect(searchUrl.load({ q: "x".repeat(5000) }).q).toBe("");
    expect(searchHref({ q: "a b", type: "TABLE", page: 2 })).toBe("/search?q=a+b&type=TABLE&page=2");
    expect(searchHref({})).toBe("/search");
  });
});
