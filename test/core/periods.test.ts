import { describe, expect, it } from "vitest";
import { formatPeriod } from "../../src/core/format.ts";
import { lastDayOfMonth, parsePeriod, periodTypeOf } from "../../src/core/periods.ts";

describe("parsePeriod(code)", () => {
  it("reads a month, a quarter (Q or the French T) and a year, with their first and last days", () => {
    expect(parsePeriod("2026-10")).toEqual({ type: "month", code: "2026-10", start: "2026-10-01", end: "2026-10-31" });
    expect(parsePeriod("2026-Q3")).toEqual({ type: "quarter", code: "2026-Q3", start: "2026-07-01", end: "2026-09-30" });
    expect(parsePeriod("2026-t1")).toEqual({ type: "quarter", code: "2026-Q1", start: "2026-01-01", end: "2026-03-31" });
    expect(parsePeriod("2028-02")?.end).toBe("2028-02-29");
    expect(parsePeriod(" 2026 ")).toEqual({ type: "year", code: "2026", start: "2026-01-01", end: "2026-12-31" });
  });

  it("refuses anything else", () => {
    for (const code of ["2026-13", "2026-Q5", "26-Q3", "2026-10-31", "phase", "Q3 2026", ""]) expect(parsePeriod(code), code).toBeNull();
  });

  it("names the type of every code the mart writes, the phase to date included", () => {
    expect(["2026-10", "2026-Q3", "2026", "phase", "x"].map(periodTypeOf)).toEqual(["month", "quarter", "year", "phase", null]);
    expect(lastDayOfMonth(2026, 2)).toBe("2026-02-28");
  });
});

describe("formatPeriod(lang, code, end)", () => {
  it("writes a period as a title reads it, in French and English", () => {
    expect([formatPeriod("fr", "2026-10"), formatPeriod("en", "2026-10")]).toEqual(["octobre 2026", "October 2026"]);
    expect([formatPeriod("fr", "2026-Q3"), formatPeriod("en", "2026-Q3")]).toEqual(["T3 2026", "Q3 2026"]);
    expect(formatPeriod("fr", "2026")).toBe("2026");
    expect([formatPeriod("fr", "phase", "2026-09-30"), formatPeriod("en", "phase", "2026-09-30")]).toEqual(["phase au 30/09/2026", "phase to 2026-09-30"]);
    expect(formatPeriod("en", "soon")).toBe("soon");
  });
});
