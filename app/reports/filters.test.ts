import { describe, expect, it } from "vitest";
import { parseFilters, parseListQuery } from "./filters";

const today = new Date("2026-11-23T10:00:00Z");

describe("report filters from the URL", () => {
  it("defaults to the last twelve weeks", () => {
    const { filters, badDates } = parseFilters(new URLSearchParams(), today);
    expect(filters).toMatchObject({ cohort: null, course: null, country: null, institution: null, from: "2026-09-01", to: "2026-11-23" });
    expect(badDates).toBe(false);
  });

  it.each([["2026-02-30"], ["yesterday"], ["1999-12-31"]])("refuses the date %s and says so", (from) => {
    const { filters, badDates } = parseFilters(new URLSearchParams({ from }), today);
    expect(filters.from).toBe("2026-09-01");
    expect(badDates).toBe(true);
  });

  it("refuses a period that ends before it starts", () => {
    const { filters, badDates } = parseFilters(new URLSearchParams({ from: "2026-11-01", to: "2026-10-01" }), today);
    expect([filters.from, filters.to, badDates]).toEqual(["2026-09-01", "2026-11-23", true]);
  });

  it("keeps only known statuses and sorts", () => {
    expect(parseListQuery(new URLSearchParams({ status: "overdue", sort: "score", dir: "desc" }), today).query).toMatchObject({ status: "overdue", sort: "score", dir: "desc" });
    expect(parseListQuery(new URLSearchParams({ status: "x", sort: "password", dir: "sideways" }), today).query).toMatchObject({ status: null, sort: "name", dir: "asc" });
  });
});
