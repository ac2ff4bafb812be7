// The overview's sentences (dashboards/components/overviewText.ts), written into its HTML.
import { describe, expect, it } from "vitest";
import { freshness, headline } from "../../dashboards/components/overviewText.ts";

const country = (code: string, fr: string, en: string, status: string) => ({ country_code: code, name_fr: fr, name_en: en, status });

describe("headline", () => {
  const countries = [
    country("TD", "Tchad", "Chad", "off_track"),
    country("GN", "Guinée", "Guinea", "at_risk"),
    country("BF", "Burkina Faso", "Burkina Faso", "off_track"),
    country("SN", "Sénégal", "Senegal", "on_track"),
    country("GA", "Gabon", "Gabon", "no_data"),
  ];

  it("names the countries behind or at risk, the off-track ones first, each group by name, then those without data", () => {
    expect(headline("fr", countries)).toBe(
      "3 pays sur 5 en retard ou à surveiller : Burkina Faso (en retard), Tchad (en retard) et Guinée (à surveiller). Sans données : Gabon.",
    );
    expect(headline("en", countries)).toBe(
      "3 of 5 countries behind or at risk: Burkina Faso (off track), Chad (off track) and Guinea (at risk). No data: Gabon.",
    );
  });

  it("says when every country is on track", () => {
    expect(headline("en", [country("SN", "Sénégal", "Senegal", "on_track")])).toBe("All 1 countries are on track.");
  });
});

describe("freshness", () => {
  it("gives the end of the month described and when the mart was built, or nothing before the first build", () => {
    expect(freshness("fr", { as_of: "2026-10-31", built_for: "2026-11-15T08:00:00Z" })).toBe("Données au 31/10/2026 · mises à jour le 15/11/2026 à 08:00 (UTC)");
    expect(freshness("en", null)).toBe("");
  });
});
