import { describe, expect, it } from "vitest";
import { breakdownLabel, formatDate, formatMonth, formatNumber, formatPercent, formatValue, label, t } from "../../dashboards/components/i18n.ts";
import { pathLang, renderHeader, switchPath } from "../../dashboards/components/header.ts";

const NBSP = "\u00a0";

describe("formatNumber(lang, value)", () => {
  it("writes French numbers with a no-break space for thousands and a decimal comma", () => {
    expect(formatNumber("fr", 1234567)).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber("fr", 1234.5)).toBe(`1${NBSP}234,5`);
  });
  it("writes English numbers with a comma for thousands and a decimal point", () => {
    expect(formatNumber("en", 1234.5)).toBe("1,234.5");
  });
  it("writes a dash for a missing value, never 0", () => {
    expect(formatNumber("fr", null)).toBe("—");
    expect(formatNumber("en", Number.NaN)).toBe("—");
  });
});

describe("formatValue(lang, value, unit)", () => {
  it("reads percent units as 0–100", () => {
    expect(formatValue("fr", 12.5, "percent")).toBe("12,5\u00a0%");
    expect(formatValue("en", 12.5, "percent")).toBe("12.5%");
  });
  it("rounds days to whole days", () => {
    expect(formatValue("en", 20.6, "days")).toBe("21");
  });
});

describe("formatPercent(lang, share)", () => {
  it("turns a fraction into a percentage in each locale", () => {
    expect(formatPercent("fr", 0.12)).toBe(`12${NBSP}%`);
    expect(formatPercent("en", 0.12)).toBe("12%");
  });
});

describe("formatDate and formatMonth", () => {
  it("write day/month/year whatever the time zone of a timestamp", () => {
    expect(formatDate("fr", "2026-11-28")).toBe("28/11/2026");
    expect(formatDate("en", "2026-11-28T23:30:00Z")).toBe("28/11/2026");
  });
  it("name the month in the page's language", () => {
    expect(formatMonth("fr", "2026-03")).toBe("mars 2026");
    expect(formatMonth("en", "2026-03-01")).toBe("Mar 2026");
  });
});

describe("t and label", () => {
  it("fill placeholders", () => {
    expect(t("en", "quality.rejectsShown", { shown: 5, total: 9 })).toBe("5 most recent rejects out of 9.");
  });
  it("fall back to the code for a value the dictionary does not know", () => {
    expect(label("fr", "rule", "new_rule")).toBe("new_rule");
    expect(label("fr", "rule", "falling_use")).toBe("Usage en baisse");
  });
  it("spell out a breakdown", () => {
    expect(breakdownLabel("fr", "sex=F")).toBe("Sexe : Femmes");
    expect(breakdownLabel("en", "level=primary")).toBe("Level: Primary");
    expect(breakdownLabel("en", "source=sheet")).toBe("Source: Country sheet");
  });
});

describe("the page header", () => {
  it("finds the language in the path", () => {
    expect(pathLang("/en/pays/BF")).toBe("en");
    expect(pathLang("/fr/")).toBe("fr");
    expect(pathLang("/index")).toBe("fr");
  });
  it("switches to the same page in the other language", () => {
    expect(switchPath("/fr/pays/BF", "en")).toBe("/en/pays/BF");
    expect(switchPath("/en/index", "fr")).toBe("/fr/");
    expect(switchPath("/fr/qualite", "en")).toBe("/en/qualite");
  });
  it("escapes country names and marks the current page", () => {
    const html = renderHeader("/en/pays/XX", [{ country_code: "XX", name_fr: "X", name_en: "<b>X</b>" }]);
    expect(html).toContain("&#60;b&#62;X&#60;/b&#62;");
    expect(html).not.toContain("<b>");
    expect(html).toMatch(/href="\/en\/pays\/XX" aria-current="page"/);
    expect(html).toContain('href="/fr/pays/XX"');
  });
});
