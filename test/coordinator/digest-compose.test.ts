import { describe, expect, it } from "vitest";
import type { CountryReport, MonthReport } from "../../src/coordinator/report.ts";
import { composeDigest } from "../../src/digest/compose.ts";

const reject = (i: number) => ({
  country_code: "SN", source: "sheet", location: `Formateurs!C${i + 2}`, column: "Sexe", value: i === 0 ? `<img src=x onerror="alert(1)">` : "X",
  reason_fr: "« X » n'est pas une valeur de la liste.", reason_en: '"X" is not one of the listed values.',
});

const country: CountryReport = {
  code: "SN", name_fr: "Sénégal", name_en: "Senegal", standing: "at_risk", previousStanding: "on_track",
  figures: [
    { country_code: "SN", indicator_id: "trainers_trained", label_fr: "Formateurs formés", label_en: "Trainers trained", unit: "count", value: 80, target: 100, target_status: "at_risk", final_target: 200, deadline: "2027-12-31", status: "provisional" },
    { country_code: "SN", indicator_id: "teachers_trained", label_fr: "Enseignants formés", label_en: "Teachers trained", unit: "count", value: 900, target: 900, target_status: "on_track", final_target: 2000, deadline: "2027-12-31", status: "provisional" },
  ],
  flags: [
    { flag_id: "SN/behind_trajectory/trainers_trained", country_code: "SN", rule_id: "behind_trajectory", subject: "trainers_trained", change: "new", severity: "medium", since: "2026-10-01", first_month: "2026-10", last_month: "2026-10", evidence: "{}", message_fr: "Sénégal : formateurs formés : 80 fin octobre 2026.", message_en: "Senegal: trainers trained: 80 at the end of October 2026." },
    { flag_id: "SN/overdue_activities", country_code: "SN", rule_id: "overdue_activities", subject: null, change: "ongoing", severity: "high", since: "2026-06-01", first_month: "2026-06", last_month: "2026-10", evidence: "{}", message_fr: "Sénégal : 3 des 5 activités échues ne sont pas réalisées.", message_en: "Senegal: 3 of the 5 activities due are not done." },
  ],
  comments: [], reporting: [],
  openRejects: Array.from({ length: 7 }, (_, i) => reject(i)),
  openWarnings: [{
    country_code: "SN", warning_id: "SN/participants_per_day/S-12", location: "Sessions!H14", rule_id: "participants_per_day",
    message_fr: "Session « S-12 » : 550 enseignants formés en 2 jours, soit 275 par jour (80 par jour au plus d'habitude). À faire : vérifiez la ligne.",
    message_en: "Session “S-12”: 550 teachers trained in 2 days, 275 a day (usually 80 a day at most). To do: check the row.",
  }],
};
const report: MonthReport = {
  month: "2026-10", previousMonth: "2026-09", builtOn: "2026-11-28", countries: [country], regionalComments: [], definitions: [],
  thresholds: { onTrack: 0.9, atRisk: 0.7 },
};

describe("composeDigest(report, country, lang, siteUrl)", () => {
  it("says the standing, the new flags, the first five cells to fix and links to the country page, in French", () => {
    const d = composeDigest(report, country, "fr", "https://indicateurs.example.org/");
    expect(d.subject).toBe("ImaginEcole — Sénégal, octobre 2026 : à surveiller, 1 nouveau constat");
    expect(d.text).toContain("Situation : à surveiller (1 indicateur en bonne voie sur 2).");
    expect(d.text).toContain("- Formateurs formés : 80 fin octobre 2026. [SN/behind_trajectory/trainers_trained]");
    expect(d.text).toContain("À corriger dans vos feuilles et fichiers (7)");
    expect(d.text).toContain("- Formateurs!C6 (« X ») : « X » n'est pas une valeur de la liste.");
    expect(d.text).not.toContain("Formateurs!C7");
    expect(d.text).toContain("… et 2 autres : voir l'onglet Contrôles.");
    expect(d.text).toContain("1 autre constat toujours ouvert.");
    expect(d.text).toContain("Page du pays : https://indicateurs.example.org/fr/pays/SN");
  });

  it("lists the plausibility warnings its team has not confirmed, without the sheet's instructions", () => {
    const fr = composeDigest(report, country, "fr").text;
    expect(fr).toContain("Valeurs inhabituelles à vérifier (1)\n- Sessions!H14 : Session « S-12 » : 550 enseignants formés en 2 jours, soit 275 par jour (80 par jour au plus d'habitude).\n");
    expect(fr).not.toContain("vérifiez la ligne");
    expect(composeDigest(report, country, "en").text).toContain("Unusual values to check (1)\n- Sessions!H14: Session “S-12”: 550 teachers trained in 2 days");
    expect(composeDigest(report, { ...country, openWarnings: [] }, "fr").text).not.toContain("Valeurs inhabituelles");
  });

  it("writes the HTML version with every value escaped, and the English one in English", () => {
    const fr = composeDigest(report, country, "fr", "https://indicateurs.example.org");
    expect(fr.html).not.toContain("<img");
    expect(fr.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(fr.html).toContain('<a href="https://indicateurs.example.org/fr/pays/SN"');
    const en = composeDigest(report, country, "en");
    expect(en.subject).toBe("ImaginEcole — Senegal, October 2026: at risk, 1 new flag");
    expect(en.text).toContain("Standing: at risk (1 of 2 indicators on track).");
    expect(en.text).not.toContain("Country page");
  });
});
