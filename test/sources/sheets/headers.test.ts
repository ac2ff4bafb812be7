import { describe, expect, it } from "vitest";
import { contractFor, contractForTitle } from "../../../src/sources/sheets/contracts.ts";
import { matchHeaders } from "../../../src/sources/sheets/headers.ts";
import { normaliseLabel } from "../../../src/sources/sheets/normalise.ts";

describe("normaliseLabel(text)", () => {
  it("ignores case, accents, spaces, apostrophes, punctuation and filler words", () => {
    const forms = ["Date de formation ", "date_formation", "DATE DE FORMATION", "Date  de   formation", "date-formation", "Date formation"];
    expect(new Set(forms.map(normaliseLabel))).toEqual(new Set(["dateformation"]));
    expect(normaliseLabel("Côte d’Ivoire")).toBe(normaliseLabel("cote d'ivoire"));
  });
  it("keeps Niger and Nigeria, Guinée and Guinée-Bissau apart", () => {
    expect(normaliseLabel("Niger")).not.toBe(normaliseLabel("Nigeria"));
    expect(normaliseLabel("Guinée")).not.toBe(normaliseLabel("Guinée-Bissau"));
  });
});

describe("matchHeaders(row, contract)", () => {
  const trainers = contractFor("trainers");

  it("finds columns in any order, under French or English names", () => {
    const match = matchHeaders(["Certified", "Training date", "Sex", "Trainer ID"], trainers);
    expect(Object.fromEntries(match.found)).toEqual({ certified: 0, trained_on: 1, sex: 2, trainer_id: 3 });
    expect(match.missing).toEqual([]);
  });

  it("drops personal columns without reporting them: Nom and any e-mail column", () => {
    const match = matchHeaders(["ID formateur", "Nom et prénoms", "E-mail", "Courriel pro", "Sexe", "Date de formation"], trainers);
    expect(match.personal).toEqual([1, 2, 3]);
    expect(match.unknown).toEqual([]);
  });

  it("reports unknown and duplicated columns with their position", () => {
    const match = matchHeaders(["ID formateur", "Sexe", "Téléphone", "Date de formation", "sexe"], trainers);
    expect(match.unknown).toEqual([
      { index: 2, header: "Téléphone", duplicateOf: null },
      { index: 4, header: "sexe", duplicateOf: 1 },
    ]);
  });

  it("names, for a missing required column, the unmatched header closest to it", () => {
    const match = matchHeaders(["ID formateur", "Sexe", "Région", "Dte de formaton", "Téléphone"], trainers);
    expect(match.missing.map((m) => [m.column.header, m.closest])).toEqual([["Date de formation", "Dte de formaton"]]);
  });
});

describe("contractForTitle(title)", () => {
  it("recognises tab titles typed without accents or in English", () => {
    expect(contractForTitle("Activites")?.key).toBe("activities");
    expect(contractForTitle("trainers")?.key).toBe("trainers");
    expect(contractForTitle("Contrôles")).toBeUndefined();
  });
});
