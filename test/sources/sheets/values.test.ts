import { describe, expect, it } from "vitest";
import { parseBool, parseCount, parseDate, parseMonth, parseNumber, parseSex } from "../../../src/sources/sheets/values.ts";

const value = <T>(p: { ok: true; value: T } | { ok: false }) => (p.ok ? p.value : "REFUSED");

describe("parseDate(cell)", () => {
  it("reads serial numbers as days since 1899-12-30", () => {
    expect(value(parseDate(43831))).toBe("2020-01-01");
    expect(value(parseDate(46000.75))).toBe("2025-12-09");
  });
  it("reads dd/mm/yyyy, dd-mm-yyyy, d.m.yy and ISO text", () => {
    expect(value(parseDate("03/11/2025"))).toBe("2025-11-03");
    expect(value(parseDate(" 3-11-2025 "))).toBe("2025-11-03");
    expect(value(parseDate("3.11.25"))).toBe("2025-11-03");
    expect(value(parseDate("2025-11-03"))).toBe("2025-11-03");
    expect(value(parseDate("2025-11-03T00:00:00Z"))).toBe("2025-11-03");
  });
  it("refuses dates that do not exist and text that is no date", () => {
    expect(parseDate("31/02/2026")).toMatchObject({ ok: false, problem: { fr: "« 31/02/2026 » n'est pas une date réelle." } });
    expect(parseDate("11/31/2025").ok).toBe(false);
    expect(parseDate("bientôt").ok).toBe(false);
  });
});

describe("parseMonth(cell)", () => {
  it.each([["03/2026"], ["mars 2026"], ["Mars 2026"], ["2026-03"], ["March 2026"], ["15/03/2026"], [46097]])("reads %j as 2026-03-01", (cell) => {
    expect(value(parseMonth(cell))).toBe("2026-03-01");
  });
  it("refuses a thirteenth month", () => expect(parseMonth("13/2026").ok).toBe(false));
});

describe("parseBool(cell)", () => {
  it.each([["Oui", true], ["OUI", true], ["yes", true], ["✓", true], ["x", true], [true, true], ["Non", false], ["no", false], [false, false]] as const)(
    "reads %j as %j", (cell, expected) => expect(value(parseBool(cell))).toBe(expected));
  it("refuses peut-être", () => expect(parseBool("peut-être").ok).toBe(false));
});

describe("parseSex(cell)", () => {
  it.each([["F", "F"], ["f", "F"], ["Femme", "F"], ["féminin", "F"], ["H", "M"], ["h", "M"], ["Homme", "M"], ["M", "M"], ["masculin", "M"]] as const)(
    "reads %j as %j", (cell, expected) => expect(value(parseSex(cell))).toBe(expected));
  it("refuses X", () => expect(parseSex("X")).toMatchObject({ ok: false, problem: { en: '"X" is not a recognised sex (F or H/M).' } }));
});

describe("parseNumber(cell) and parseCount(cell)", () => {
  it("reads French decimals and spaced thousands", () => {
    expect(value(parseNumber("12,5"))).toBe(12.5);
    expect(value(parseNumber("1 500"))).toBe(1500);
    expect(value(parseNumber("1\u202f500,25"))).toBe(1500.25);
    expect(value(parseNumber("1,500,000"))).toBe(1500000);
    expect(value(parseNumber(7))).toBe(7);
  });
  it("refuses negative and fractional head counts", () => {
    expect(parseCount("-12")).toMatchObject({ ok: false, problem: { fr: "« -12 » est négatif." } });
    expect(parseCount("2,5").ok).toBe(false);
    expect(value(parseCount("0"))).toBe(0);
  });
});
