import { describe, expect, it } from "vitest";
import {
  formatDate, formatDelta, formatList, formatMonth, formatNumber, formatPercent, formatPercentage, formatTimestamp, formatValue, MISSING, NBSP,
} from "../../src/core/format.ts";

describe("formatNumber(lang, value, options)", () => {
  it("writes French numbers with a no-break space (U+00A0) for thousands and a decimal comma", () => {
    expect(formatNumber("fr", 1234567)).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber("fr", 1234.5)).toBe(`1${NBSP}234,5`);
    expect(formatNumber("fr", 1234.5)).not.toMatch(/[\u202f ]/);
  });
  it("writes English numbers with a comma for thousands and a decimal point", () => {
    expect(formatNumber("en", 1234.5)).toBe("1,234.5");
    expect(formatNumber("en", 1234567)).toBe("1,234,567");
  });
  it("writes negative numbers with a minus sign and the same separators", () => {
    expect(formatNumber("fr", -1234.5)).toBe(`-1${NBSP}234,5`);
    expect(formatNumber("en", -1234.5)).toBe("-1,234.5");
  });
  it("rounds half away from zero to one decimal by default, or to the digits asked", () => {
    expect(formatNumber("fr", 1.25)).toBe("1,3");
    expect(formatNumber("fr", -1.25)).toBe("-1,3");
    expect(formatNumber("en", 2.45)).toBe("2.5");
    expect(formatNumber("en", 1234.56, 0)).toBe("1,235");
    expect(formatNumber("en", 0.123456789, { digits: 6 })).toBe("0.123457");
    expect(formatNumber("en", 3)).toBe("3");
  });
  it("never writes -0, for a negative zero or a value that rounds to zero", () => {
    expect(formatNumber("fr", -0)).toBe("0");
    expect(formatNumber("en", -0.01)).toBe("0");
    expect(formatNumber("fr", -0.0000001, { digits: 6, grouping: false })).toBe("0");
  });
  it("leaves out thousands separators for cells a spreadsheet parses back", () => {
    expect(formatNumber("fr", 1234567.5, { grouping: false })).toBe("1234567,5");
    expect(formatNumber("en", 1234567.5, { grouping: false })).toBe("1234567.5");
  });
  it("signs a change, and leaves zero unsigned", () => {
    expect(formatDelta("fr", 12)).toBe("+12");
    expect(formatDelta("fr", -3.5)).toBe("-3,5");
    expect(formatDelta("en", 0)).toBe("0");
  });
  it("writes a dash for a missing or unreadable value, never 0", () => {
    expect(formatNumber("fr", null)).toBe(MISSING);
    expect(formatNumber("en", undefined)).toBe(MISSING);
    expect(formatNumber("en", Number.NaN)).toBe(MISSING);
    expect(formatNumber("en", Number.POSITIVE_INFINITY)).toBe(MISSING);
  });
});

describe("formatPercent(lang, share, digits)", () => {
  it("turns a fraction into a percentage: a no-break space before % in French, none in English", () => {
    expect(formatPercent("fr", 0.12)).toBe(`12${NBSP}%`);
    expect(formatPercent("en", 0.12)).toBe("12%");
  });
  it("rounds in decimal, not in binary (0.145 is 14.5 %, so 15 %)", () => {
    expect(formatPercent("en", 0.145)).toBe("15%");
    expect(formatPercent("fr", 0.1234, 1)).toBe(`12,3${NBSP}%`);
    expect(formatPercent("en", -0.052, 1)).toBe("-5.2%");
    expect(formatPercent("en", 1.5e-7, 1)).toBe("0%");
  });
  it("writes a percentage already on 0–100 the same way", () => {
    expect(formatPercentage("fr", 12.5)).toBe(`12,5${NBSP}%`);
    expect(formatPercentage("en", 1234.5)).toBe("1,234.5%");
    expect(formatPercent("fr", null)).toBe(MISSING);
  });
});

describe("formatValue(lang, value, unit)", () => {
  it("reads percent units as 0–100", () => {
    expect(formatValue("fr", 12.5, "percent")).toBe(`12,5${NBSP}%`);
    expect(formatValue("en", 12.5, "percent")).toBe("12.5%");
  });
  it("shows people, counts and days whole, however the value was averaged", () => {
    expect(formatValue("en", 20.6, "days")).toBe("21");
    expect(formatValue("fr", 1500.25, "count")).toBe(`1${NBSP}500`);
    expect(formatValue("fr", 1204.5, "users")).toBe(`1${NBSP}205`);
    expect(formatValue("en", 1204.4, "users")).toBe("1,204");
  });
  it("keeps one decimal for a unit it does not know", () => {
    expect(formatValue("fr", 2.25, "ratio")).toBe("2,3");
    expect(formatValue("en", 2.25)).toBe("2.3");
  });
});

describe("formatDate, formatTimestamp and formatMonth", () => {
  it("write day/month/year in French and ISO in English", () => {
    expect(formatDate("fr", "2026-11-28")).toBe("28/11/2026");
    expect(formatDate("en", "2026-11-28")).toBe("2026-11-28");
  });
  it("take the day as written in an ISO timestamp, whatever the time zone, and a Date in UTC", () => {
    expect(formatDate("fr", "2026-11-28T23:30:00-05:00")).toBe("28/11/2026");
    expect(formatDate("en", new Date("2026-11-28T23:30:00Z"))).toBe("2026-11-28");
    expect(formatTimestamp("fr", new Date("2026-11-28T09:05:03Z"))).toBe("28/11/2026 09:05:03");
    expect(formatTimestamp("en", "2026-11-28T09:05:03Z")).toBe("2026-11-28 09:05:03");
    expect(formatTimestamp("fr", "2026-11-28T09:05:03Z", { seconds: false })).toBe("28/11/2026 09:05");
  });
  it("name the month short on axes, long in sentences, in figures in spreadsheet cells", () => {
    expect(formatMonth("fr", "2026-03")).toBe("mars 2026");
    expect(formatMonth("en", "2026-03-01")).toBe("Mar 2026");
    expect(formatMonth("fr", "2026-02-01", "long")).toBe("février 2026");
    expect(formatMonth("en", new Date("2026-02-01T00:00:00Z"), "long")).toBe("February 2026");
    expect(formatMonth("fr", "2026-11-01", "numeric")).toBe("11/2026");
    expect(formatMonth("en", "2026-11-01", "numeric")).toBe("2026-11");
  });
  it("show what they cannot read as it is, and nothing as a dash", () => {
    expect(formatDate("fr", "bientôt")).toBe("bientôt");
    expect(formatDate("en", null)).toBe(MISSING);
    expect(formatMonth("en", undefined)).toBe(MISSING);
    expect(formatTimestamp("fr", new Date(Number.NaN))).toBe(MISSING);
  });
});

describe("formatList(lang, items, conjunction)", () => {
  it("joins choices the way each language does", () => {
    expect(formatList("fr", ["Préscolaire", "Primaire", "Secondaire"], "or")).toBe("Préscolaire, Primaire ou Secondaire");
    expect(formatList("en", ["a", "b"])).toBe("a and b");
    expect(formatList("en", ["a"])).toBe("a");
  });
});
