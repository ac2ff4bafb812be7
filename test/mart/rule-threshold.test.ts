// The bottleneck page says when each rule flags a country, with the thresholds of
// pipelines/indicators.json: a changed threshold changes the sentence, in both languages.
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/mart/catalogue.ts";
import { loadRules, ruleThreshold } from "../../src/mart/rules-config.ts";

describe("ruleThreshold(rule, thresholds)", () => {
  const rules = loadRules("pipelines/indicators.json");

  it("words every rule of the catalogue in French and English", () => {
    for (const id of RULES) {
      const text = ruleThreshold(id, rules);
      expect(text.fr, id).toMatch(/\d/);
      expect(text.en, id).toMatch(/\d/);
      expect(text.fr).not.toBe(text.en);
    }
  });

  it("takes its numbers from the thresholds file, in each language's format", () => {
    const changed = structuredClone(rules);
    changed.targetStatus = { onTrack: 0.9, atRisk: 0.5 };
    changed.rules.stale_data = { sheetDays: 1200, sheetDaysHigh: 2500 };
    expect(ruleThreshold("behind_trajectory", changed).fr).toContain("sous 90\u00a0% de sa trajectoire");
    expect(ruleThreshold("behind_trajectory", changed).en).toContain("below 50% (high)");
    expect(ruleThreshold("stale_data", changed).fr).toContain("depuis 1\u00a0200 jours");
    expect(ruleThreshold("stale_data", changed).en).toContain("for 1,200 days (high from 2,500)");
  });
});
