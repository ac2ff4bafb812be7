import { describe, expect, it } from "vitest";
import { forTeam, shownLocation } from "../../dashboards/data/lib/quality-text.ts";

describe("shownLocation", () => {
  it("names a file from its source's folder, never with the server's path", () => {
    expect(shownLocation("/srv/imaginecole/inbox/GN/export-2026-09.csv")).toBe("GN/export-2026-09.csv");
    expect(shownLocation("/tmp/demo/sheets/BF/ImaginEcole Burkina Faso.xlsx!Sessions")).toBe("BF/ImaginEcole Burkina Faso.xlsx!Sessions");
    expect(shownLocation("/srv/imaginecole/xapi/statements-2026-03.ndjson:141")).toBe("statements-2026-03.ndjson:141");
    expect(shownLocation("1AbCdEf!Formateurs")).toBe("1AbCdEf!Formateurs");
  });
});

describe("forTeam", () => {
  it("replaces advice that names a command with what the team can expect", () => {
    const fr = "Pays introuvable : aucune règle ne répond. Indiquez le pays (--country XX) ou ajoutez une règle ; le pays n'est jamais deviné.";
    expect(forTeam(fr, "fr")).toBe("Pays introuvable : aucune règle ne répond. À faire : rien de votre côté, l'équipe régionale des données s'en charge.");
    const en = "Missing tab. To do: run imaginecole sheets init --country GN.";
    expect(forTeam(en, "en")).toBe("Missing tab. To do: nothing on your side, the regional data team handles it.");
  });
  it("keeps advice written for the team as it is", () => {
    const text = "« Sexe » est vide alors qu'il est obligatoire. À faire : remplissez la cellule (F ou H)";
    expect(forTeam(text, "fr")).toBe(text);
  });
});
