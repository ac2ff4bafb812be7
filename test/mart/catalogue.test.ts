import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueMarkdown, loadCatalogue, RULES } from "../../src/mart/catalogue.ts";
import { formatNumber, formatPercent, UNIT_DIGITS } from "../../src/core/format.ts";
import { checkRules, loadRules } from "../../src/mart/rules-config.ts";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import { codesOf, labelOf } from "../../src/core/labels.ts";

const SRC = join(import.meta.dirname, "../../src/mart");
const SHEET_TARGET_IDS = ["trainers_trained", "trainers_certified", "teachers_trained", "resources_published", "monthly_active_users"];

describe("loadCatalogue()", () => {
  const catalogue = loadCatalogue();

  it("has one SQL file per indicator and no SQL file without an indicator", () => {
    const files = readdirSync(join(SRC, "indicators")).map((f) => f.replace(/\.sql$/, "")).sort();
    expect(catalogue.map((i) => i.id).sort()).toEqual(files);
  });

  it("compares with targets only under the ids the Cibles tab uses, each at most once", () => {
    const keys = catalogue.map((i) => i.target_key).filter((k): k is string => k !== null);
    expect(keys.sort()).toEqual([...SHEET_TARGET_IDS].sort());
  });

  it("declares for every indicator how it adds up over a period, its precision, and definitions in plain words", () => {
    for (const i of catalogue) {
      expect(codesOf("kind"), i.id).toContain(i.kind);
      // People, counts and days are whole; a percentage has its decimal: as every page shows them.
      expect(i.precision, i.id).toBe(i.unit === "percent" ? 1 : 0);
      expect(i.precision, `${i.id}: src/core formatValue shows ${i.unit} with UNIT_DIGITS`).toBe(UNIT_DIGITS[i.unit]);
      if (i.cumulative) expect(i.kind, i.id).toBe("flow");
      if (i.kind === "rate") expect(i.unit, i.id).toBe("percent");
      if (i.regional) expect(i.kind, i.id).toBe("stock");
      for (const text of [i.definition_fr, i.definition_en]) expect(text, i.id).not.toMatch(/\b(core|ops|mart|raw)\.[a-z_]+|pipelines\//);
      for (const source of i.sources) expect(labelOf("dataset", source), `${i.id}: ${source}`).not.toBeNull();
    }
  });

  it("labels and defines every indicator in French and English", () => {
    for (const i of catalogue) {
      for (const text of [i.label_fr, i.label_en, i.definition_fr, i.definition_en]) expect(text.trim(), i.id).not.toBe("");
      expect(i.definition_fr, i.id).not.toBe(i.definition_en);
    }
  });
});

describe("catalogueMarkdown()", () => {
  it("is what src/mart/CATALOGUE.md holds, so the documentation never drifts from the catalogue", () => {
    expect(readFileSync(join(SRC, "CATALOGUE.md"), "utf8"), "run npx tsx src/mart/write-catalogue-doc.ts").toBe(catalogueMarkdown());
  });

  it("lists every indicator in both tables and every rule that has a SQL file", () => {
    const md = catalogueMarkdown();
    for (const i of loadCatalogue()) expect(md.split("\n").filter((line) => line.startsWith(`| \`${i.id}\` |`)).length, i.id).toBe(2);
    const files = readdirSync(join(SRC, "rules")).map((f) => f.replace(/\.sql$/, "")).sort();
    expect([...RULES].sort()).toEqual(files);
  });
});

describe("loadRules(path)", () => {
  it("reads pipelines/indicators.json", () => {
    const rules = loadRules(join(import.meta.dirname, "../../pipelines/indicators.json"));
    expect(rules.reporting.deadlineDay).toBeGreaterThanOrEqual(1);
  });

  it("refuses a missing threshold, naming the key and the file in both languages", () => {
    const data = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/rules.json"), "utf8"));
    delete data.rules.falling_use.dropHigh;
    const error = (() => {
      try {
        checkRules(data, "indicators.json");
      } catch (e) {
        return e;
      }
    })() as ImaginEcoleError;
    expect(error).toBeInstanceOf(ImaginEcoleError);
    expect(error.exitCode).toBe(2);
    expect(error.bilingual.fr).toContain("indicators.json : « rules.falling_use.dropHigh » doit être un nombre.");
    expect(error.bilingual.en).toContain('indicators.json: "rules.falling_use.dropHigh" must be a number.');
  });

  it("refuses a share written as a percentage", () => {
    const data = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/rules.json"), "utf8"));
    data.targetStatus.onTrack = 90;
    expect(() => checkRules(data, "x.json")).toThrow(/targetStatus.onTrack" must be a share from 0 to 1/);
  });
});

describe("message formats", () => {
  it("formatNumber(1234.5) reads 1 234,5 in French and 1,234.5 in English", () => {
    expect(formatNumber("fr", 1234.5)).toBe("1\u00a0234,5");
    expect(formatNumber("en", 1234.5)).toBe("1,234.5");
  });

  it("formatPercent(0.153) reads 15,3 % in French and 15.3% in English", () => {
    expect(formatPercent("fr", 0.153, 1)).toBe("15,3\u00a0%");
    expect(formatPercent("en", 0.153, 1)).toBe("15.3%");
  });
});
