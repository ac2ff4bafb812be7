import { describe, expect, it } from "vitest";
import { createKeyer } from "../../../src/privacy/keyed-hash.ts";
import { contractFor } from "../../../src/sources/sheets/contracts.ts";
import { indicatorMatcher, readIndicatorAliases, subjectMatcher } from "../../../src/sources/sheets/lookups.ts";
import { countryMatcher } from "../../../src/sources/reference/lookup.ts";
import { parseTab, type ParseEnv } from "../../../src/sources/sheets/parse-tab.ts";
import type { Cell } from "../../../src/sources/sheets/values.ts";
import { PHASE } from "./helpers.ts";

const env: ParseEnv = {
  phase: PHASE,
  today: "2026-11-28",
  keyer: createKeyer("k"),
  matchCountry: countryMatcher([
    { country_code: "NE", name_fr: "Niger", name_en: "Niger" },
    { country_code: "GN", name_fr: "Guinée", name_en: "Guinea" },
  ]),
  matchIndicator: indicatorMatcher(readIndicatorAliases()),
};

const SESSION_HEADER = ["ID session", "ID formateur", "Date de début", "Date de fin", "Niveau", "Modalité", "Enseignants formés (F)", "Enseignants formés (H)"];
const session = (over: Partial<Record<number, Cell>> = {}): Cell[] =>
  ["S-1", "F-1", "01/10/2025", "03/10/2025", "Primaire", "Hybride", 3, 4].map((c, i) => (i in over ? over[i]! : c));

function sessions(rows: Cell[][], trainerIds = new Set(["F-1"])) {
  return parseTab([SESSION_HEADER, ...rows], "Sessions", contractFor("sessions"), { ...env, trainerIds });
}

const where = (tab: ReturnType<typeof sessions>) => tab.rejects.map((r) => r.location);

const RESOURCE_HEADER = ["ID ressource", "Titre", "Statut", "Date du statut", "Lien"];
const resourceWithLink = (link: Cell, id = "R-1"): Cell[] => [id, "Fiche de lecture", "Publiée", "01/10/2025", link];

describe("parseTab(grid, title, contract, env)", () => {
  it("loads a valid row as typed codes and values", () => {
    const tab = sessions([session()]);
    expect(tab.rejects).toEqual([]);
    expect(tab.records).toEqual([{
      session_id: "S-1", trainer_id: "F-1", start_date: "2025-10-01", end_date: "2025-10-03", level: "primary", modality: "hybrid",
      teachers_trained_f: 3, teachers_trained_m: 4,
    }]);
  });

  it("skips empty rows and keeps sheet row numbers for the rows after them", () => {
    const tab = sessions([session(), [], ["", "  ", null], session({ 0: "S-2", 5: "Téléphone" })]);
    expect(tab.rowsRead).toBe(2);
    expect(where(tab)).toEqual(["Sessions!F5"]);
  });

  it("pads ragged rows: a missing trailing required cell is reported as empty", () => {
    const tab = sessions([["S-1", "F-1", "01/10/2025", "03/10/2025", "Primaire", "Hybride", 3]]);
    expect(tab.rejects).toMatchObject([{ location: "Sessions!H2", value: null, reason: { en: expect.stringContaining("is empty but required") } }]);
  });

  it("accepts http and https links, and rejects any other scheme at its cell, in both languages", () => {
    const links = ["https://imaginecole.org/r/1", "http://example.org/fiche.pdf", "javascript:alert(1)", "data:text/html,<script>x</script>", "ftp://files.example.org/r", "file:///etc/passwd", "www.example.org", "https://"];
    const tab = parseTab([RESOURCE_HEADER, ...links.map((link, i) => resourceWithLink(link, `R-${i + 1}`))], "Ressources", contractFor("resources"), env);
    expect(tab.records.map((r) => r.link)).toEqual(["https://imaginecole.org/r/1", "http://example.org/fiche.pdf"]);
    expect(where(tab)).toEqual(["Ressources!E4", "Ressources!E5", "Ressources!E6", "Ressources!E7", "Ressources!E8", "Ressources!E9"]);
    expect(tab.rejects[0]).toMatchObject({ column: "Lien", value: "javascript:alert(1)" });
    expect(tab.rejects[0]!.reason.en).toContain("is not a web link (http or https)");
    expect(tab.rejects[0]!.reason.fr).toContain("n'est pas un lien web (http ou https)");
  });

  it("rejects a code not in the list and says which values are allowed", () => {
    const tab = sessions([session({ 4: "Lycée technique" })]);
    expect(tab.rejects[0]).toMatchObject({ location: "Sessions!E2", column: "Niveau", value: "Lycée technique" });
    expect(tab.rejects[0]!.reason.fr).toContain("choisissez parmi : Préscolaire, Primaire, Secondaire.");
  });

  it("rejects a date outside the phase", () => {
    const tab = sessions([session({ 2: "01/10/2024" })]);
    expect(where(tab)).toEqual(["Sessions!C2"]);
    expect(tab.rejects[0]!.reason.fr).toContain("hors de la phase du projet (01/06/2025 – 31/12/2027)");
  });

  it("rejects an end before the start, at the end date's cell", () => {
    const tab = sessions([session({ 3: "30/09/2025" })]);
    expect(tab.rejects).toMatchObject([{ location: "Sessions!D2", column: "Date de fin", value: "30/09/2025" }]);
  });

  it("rejects a negative head count", () => {
    expect(where(sessions([session({ 7: -1 })]))).toEqual(["Sessions!H2"]);
  });

  it("rejects the second row using an id, naming the first", () => {
    const tab = sessions([session(), session({ 6: 8 })]);
    expect(tab.records).toHaveLength(1);
    expect(tab.rejects).toMatchObject([{ location: "Sessions!A3", reason: { en: 'Id "S-1" already appears in row 2. To do: give each row a unique id or remove the duplicate.' } }]);
  });

  it("rejects a session whose trainer is not in Formateurs", () => {
    const tab = sessions([session({ 1: "F-9" })]);
    expect(where(tab)).toEqual(["Sessions!B2"]);
    expect(tab.missingTrainers).toEqual(["F-9"]);
  });

  it("reports an unknown column at its header cell and still loads the rows", () => {
    const tab = parseTab([[...SESSION_HEADER, "Observations"], session()], "Sessions", contractFor("sessions"), env);
    expect(tab.records).toHaveLength(1);
    expect(tab.rejects).toMatchObject([{ location: "Sessions!I1", column: "Observations", reason: { fr: expect.stringContaining("Colonne « Observations » inconnue") } }]);
  });

  it("refuses a tab missing a required column and loads nothing from it", () => {
    const header = SESSION_HEADER.map((h) => (h === "Modalité" ? "Mode de formaton" : h));
    const tab = parseTab([header, session()], "Sessions", contractFor("sessions"), env);
    expect(tab.records).toEqual([]);
    expect(tab.refused?.en).toBe('Tab "Sessions" refused: required column "Modalité" not found (closest header: "Mode de formaton"). Nothing was loaded from this tab. To do: write "Modalité" in row 1 of tab "Sessions" (see Lisez-moi), then run again.');
  });

  it("keys the person in charge of an activity, and never keeps their name", () => {
    const tab = parseTab([["ID activité", "Activité", "Responsable", "Échéance", "Statut"], ["A-1", "Atelier", "Awa Diop", "01/02/2026", "En cours"]],
      "Activités", contractFor("activities"), env);
    expect(tab.records).toEqual([{ activity_id: "A-1", activity: "Atelier", owner_key: env.keyer("Awa Diop"), due_date: "2026-02-01", status: "in_progress" }]);
  });

  it("reads Cibles with country names and indicator labels, rejecting a country it does not know", () => {
    const tab = parseTab([
      ["Pays", "Indicateur", "Cible", "Échéance"],
      ["Niger", "Enseignants formés", "1 500", "31/12/2027"],
      ["Nigeria", "Enseignants formés", "10", "31/12/2027"],
      ["guinee", "Utilisateurs actifs mensuels", "2,5", "31/12/2027"],
      ["GN", "Indicateur inventé", "2", "31/12/2027"],
    ], "Cibles", contractFor("targets"), env);
    expect(tab.records).toEqual([
      { country_code: "NE", indicator_id: "teachers_trained", target: 1500, deadline: "2027-12-31" },
      { country_code: "GN", indicator_id: "monthly_active_users", target: 2.5, deadline: "2027-12-31" },
    ]);
    expect(tab.rejects.map((r) => r.location)).toEqual(["Cibles!A3", "Cibles!B5"]);
  });

  it("reads the baseline and its year beside a Cibles milestone, and refuses a year that is not one", () => {
    const tab = parseTab([
      ["Pays", "Indicateur", "Cible", "Échéance", "Valeur de référence", "Année de référence"],
      ["NE", "Utilisateurs actifs mensuels", "2 400", "31/12/2027", "120", "2024"],
      ["NE", "Formateurs formés", "160", "31/12/2027", "", ""],
      ["GN", "Formateurs formés", "90", "31/12/2027", "0", "24"],
    ], "Cibles", contractFor("targets"), env);
    expect(tab.records).toEqual([
      { country_code: "NE", indicator_id: "monthly_active_users", target: 2400, deadline: "2027-12-31", baseline: 120, baseline_year: 2024 },
      { country_code: "NE", indicator_id: "trainers_trained", target: 160, deadline: "2027-12-31", baseline: null, baseline_year: null },
    ]);
    expect(tab.rejects.map((r) => [r.location, r.reason.en])).toEqual([["Cibles!F4", expect.stringContaining("Baseline year 24 is not a plausible year.")]]);
  });
});

describe("parseTab on the Commentaires tab", () => {
  const HEADER = ["Mois", "Indicateur ou constat", "Commentaire", "Rôle de l'auteur"];
  const comments = (rows: Cell[][]) =>
    parseTab([HEADER, ...rows], "Commentaires", contractFor("comments"), { ...env, matchSubject: subjectMatcher(readIndicatorAliases()) });

  it("reads what each comment is about: an indicator, a finding, a flag id or the month as a whole", () => {
    const tab = comments([
      ["10/2026", "Enseignants formés", "Sessions reportées après la rentrée.", "Point focal national"],
      ["octobre 2026", "Activités en retard", "Deux activités reportées.", "Suivi-évaluation"],
      ["2026-10", "SN/stale_data/national-csv", "Export renvoyé.", "Point focal"],
      ["10/2026", "Général", "Atelier régional à Dakar.", "Coordination régionale"],
      // Two comments on the same month and indicator are both kept: the tab has no key.
      ["10/2026", "Activités échues réalisées", "Plan revu.", "Equipe pays"],
      ["10/2026", "Activités échues réalisées", "Deuxième remarque.", "Equipe pays"],
    ]);
    expect(tab.rejects).toEqual([]);
    expect(tab.records.map((r) => [r.period, r.subject, r.author_role])).toEqual([
      ["2026-10-01", "indicator:teachers_trained", "national_focal_point"],
      ["2026-10-01", "rule:overdue_activities", "monitoring_evaluation"],
      ["2026-10-01", "flag:SN/stale_data/national-csv", "national_focal_point"],
      ["2026-10-01", "general", "regional_coordination"],
      ["2026-10-01", "indicator:activities_done_on_time", "country_team"],
      ["2026-10-01", "indicator:activities_done_on_time", "country_team"],
    ]);
  });

  it("refuses a subject it does not know, a role that is not in the list, and contact details in the text", () => {
    const tab = comments([
      ["10/2026", "La météo", "Pluies.", "Point focal national"],
      ["10/2026", "Général", "Voir avec Awa.", "Awa Diallo"],
      ["10/2026", "Général", "Écrire à awa.diallo@example.org pour le détail.", "Équipe pays"],
      ["10/2026", "Général", "Appeler le +221 77 123 45 67.", "Équipe pays"],
    ]);
    expect(tab.records).toEqual([]);
    expect(where(tab as never)).toEqual(["Commentaires!B2", "Commentaires!D3", "Commentaires!C4", "Commentaires!C5"]);
    expect(tab.rejects[0]!.reason.en).toContain("neither a known indicator nor a known finding");
    expect(tab.rejects[2]!.reason.fr).toContain("publié tel quel");
  });
});
