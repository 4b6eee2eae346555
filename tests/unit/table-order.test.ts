// Every server-side table orders by the chosen column, then by name, then by id: rows that tie on the column
// read alphabetically and keep one order from page to page.
import { describe, expect, it } from "vitest";
import { tableOrder } from "@/lib/db/order";

describe("tableOrder", () => {
  it("breaks ties on a non-name column by name, then id", () => {
    expect(tableOrder("type", "desc")).toEqual([{ type: "desc" }, { name: "asc" }, { id: "asc" }]);
  });
  it("sorting by name ends with the id only", () => {
    expect(tableOrder("name", "asc")).toEqual([{ name: "asc" }, { id: "asc" }]);
  });
  it("a table without names still ends with the id", () => {
    expect(tableOrder("createdAt", "desc", { name: false })).toEqual([{ createdAt: "desc" }, { id: "asc" }]);
  });
});
