import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { frDay, isoDay, monthOf, offsetInstant, utcDay, windowMonths } from "../../src/demo/calendar.ts";
import { GOOGLE_CSV, toCsv } from "../../src/demo/csv.ts";
import { roundTarget } from "../../src/demo/plan.ts";
import { rngFor } from "../../src/demo/random.ts";
import { perDay } from "../../src/demo/xapi.ts";
import { stampZipEntries } from "../../src/demo/zip-dates.ts";

describe("rngFor(seed, label)", () => {
  it("repeats its sequence for the same seed and label", () => {
    const a = rngFor(20261128, "xapi");
    const b = rngFor(20261128, "xapi");
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it("gives other streams for another label or seed", () => {
    const first = rngFor(1, "a").next();
    expect(rngFor(1, "b").next()).not.toBe(first);
    expect(rngFor(2, "a").next()).not.toBe(first);
  });

  it("uuid() writes version 4 UUIDs", () => {
    const rng = rngFor(7, "ids");
    for (let i = 0; i < 50; i++) expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("windowMonths(asOf)", () => {
  it("is the 18 whole months ending with the month before asOf", () => {
    const months = windowMonths(utcDay(2026, 11, 28)).map((m) => m.key);
    expect(months).toHaveLength(18);
    expect(months[0]).toBe("2025-05");
    expect(months.at(-1)).toBe("2026-10");
  });

  it("crosses a year boundary when asOf is in January", () => {
    expect(windowMonths(utcDay(2027, 1, 1)).at(-1)?.key).toBe("2026-12");
  });

  it("knows the length of February", () => {
    expect(monthOf(utcDay(2028, 2, 10)).days).toBe(29);
    expect(monthOf(utcDay(2027, 2, 10)).days).toBe(28);
  });
});

describe("date writing", () => {
  it("frDay and isoDay write the same day two ways", () => {
    expect(frDay(utcDay(2026, 3, 12))).toBe("12/03/2026");
    expect(isoDay(utcDay(2026, 3, 12))).toBe("2026-03-12");
  });

  it("offsetInstant writes the same instant with a zone offset", () => {
    const ms = Date.UTC(2026, 2, 12, 10, 23, 45, 120);
    expect(offsetInstant(ms, 1, false)).toBe("2026-03-12T11:23:45+01:00");
    expect(Date.parse(offsetInstant(ms, 1, true))).toBe(ms);
  });
});

describe("toCsv(rows, GOOGLE_CSV)", () => {
  it("quotes only fields that need it, CRLF between rows and none at the end", () => {
    expect(toCsv([["a", "b, c"], ['say "hi"', "x"]], GOOGLE_CSV)).toBe('a,"b, c"\r\n"say ""hi""",x');
  });
});

describe("perDay(total, month)", () => {
  it("splits a month's statements exactly, weekends quieter", () => {
    const march = monthOf(utcDay(2026, 3, 1));
    const days = perDay(1000, march);
    expect(days).toHaveLength(31);
    expect(days.reduce((a, b) => a + b, 0)).toBe(1000);
    // 1 March 2026 is a Sunday, 2 March a Monday.
    expect(days[0]!).toBeLessThan(days[1]!);
  });
});

describe("roundTarget(value)", () => {
  it("keeps two significant digits, multiples of 5 under 100", () => {
    expect(roundTarget(4117)).toBe(4100);
    expect(roundTarget(164)).toBe(160);
    expect(roundTarget(39)).toBe(40);
  });
});

describe("stampZipEntries(zip, day)", () => {
  it("gives every entry of a workbook the same day, whatever time it was written", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Formateurs").getCell("A1").value = "ID formateur";
    const zip = Buffer.from(await workbook.xlsx.writeBuffer());
    const stamped = stampZipEntries(zip, utcDay(2026, 11, 28));
    const dosDate = ((2026 - 1980) << 9) | (11 << 5) | 28;
    expect(stamped.readUInt16LE(12)).toBe(dosDate);
    expect(stamped.readUInt16LE(10)).toBe(0);
    expect(stampZipEntries(stampZipEntries(zip, utcDay(2020, 1, 1)), utcDay(2026, 11, 28)).equals(stamped)).toBe(true);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(Uint8Array.from(stamped).buffer);
    expect(reread.getWorksheet("Formateurs")?.getCell("A1").value).toBe("ID formateur");
  });
});
