/**
 * How each country behaves in the demo data, so that tests of the indicators, bottlenecks and
 * dashboard can assert against a known story. A country of the reference file not named here is
 * "on track" with the defaults.
 */
export type Story =
  | "ahead"
  | "lagging"
  | "on-track"
  | "stale-sheet"
  | "missing-national-month"
  | "validation-backlog"
  | "falling-use";

export type Tab = "Formateurs" | "Sessions" | "Ressources" | "Activités" | "Validation" | "Commentaires";

/** How a country's platform exports its monthly CSV. */
export type NationalShape =
  /** `;`, Windows-1252, CRLF, dd/mm/yyyy, French headers, decimal comma in a ratio column */
  | "fr-excel"
  /** as fr-excel, plus a "Total" row at the bottom */
  | "fr-excel-total"
  /** `,`, UTF-8, LF, ISO dates, English snake_case headers */
  | "en-utf8"
  /** `,`, UTF-8 with BOM, LF, ISO dates, French headers */
  | "fr-utf8-bom"
  /** `;`, UTF-8, dd/mm/yyyy, headers of its own that need a mapping profile */
  | "renamed";

export type BadRowProblem =
  | "invalid-sex"
  | "end-before-start"
  | "unknown-trainer"
  | "negative-count"
  | "duplicate-id"
  | "future-date";

export interface BadRowSpec {
  country: string;
  tab: Tab;
  /** Sheet row number (the header is row 1). */
  row: number;
  /** Column as named in the template. */
  column: string;
  problem: BadRowProblem;
}

export const DEMO_SCENARIO = {
  phase: { start: "2025-05-01", mid: "2026-08-31", end: "2027-12-31" },
  stories: {
    SN: "ahead",
    CI: "ahead",
    NE: "lagging",
    TD: "lagging",
    GN: "stale-sheet",
    TG: "missing-national-month",
    CM: "validation-backlog",
    ML: "falling-use",
    BF: "on-track",
    BJ: "on-track",
  } as Readonly<Record<string, Story>>,
  /** Share of the pro-rata target trajectory each country reaches (1 = exactly on it). */
  pace: { SN: 1.35, CI: 1.3, NE: 0.35, TD: 0.3, GN: 0.85, TG: 0.95, CM: 0.95, ML: 1.0, BF: 1.05, BJ: 0.95 } as Readonly<
    Record<string, number>
  >,
  ahead: ["SN", "CI"],
  lagging: ["NE", "TD"],
  /** No row of this country's sheet is dated in the last two months of the window. */
  staleSheet: "GN",
  /** This country's national export is missing for one month: the window's third month from the end. */
  missingNationalExport: { country: "TG", monthFromEnd: 3 },
  /** Many resources "En validation" for more than 60 days. */
  validationBacklog: "CM",
  /** Monthly active users fall over the window's last three months. */
  fallingUse: "ML",
  /** Sheets downloaded as one .xlsx per country; the others as one CSV per tab. */
  xlsxSheets: ["BF", "CI", "CM", "BJ", "TD"],
  /** Formateurs has an extra `E-mail` column (personal) after `Nom`. */
  emailColumn: ["BF", "CI"],
  /** No `Validation` tab: every indicator month stays provisional. */
  noValidationTab: ["GN", "NE", "TD"],
  /** Headers as typed by hand, template name -> written name. */
  headerVariants: {
    SN: { Formateurs: { "ID formateur": "ID Formateur ", Sexe: "sexe", "Date de formation": "Date formation", Certifié: "Certified" } },
    ML: {
      Sessions: { "Date de début": "Date debut", Modalité: "Modalite ", "Enseignants formés (F)": "Enseignants formes (F)", "Enseignants formés (H)": "Enseignants formes (H)" },
      Ressources: { Statut: "STATUT" },
    },
    NE: { Formateurs: { Région: "Region", Certifié: "Certifie" }, Activités: { "ID activité": "ID activite", Échéance: "Echeance" } },
    TG: { Ressources: { "ID ressource": "Id ressource", "Date du statut": "Date statut" }, Sessions: { "Date de fin": "Date fin " } },
    CI: { Formateurs: { Nom: "Nom et prénoms" }, Sessions: { Niveau: "niveau" } },
    CM: { Ressources: { Statut: "Status", Titre: "Titre " } },
  } as Readonly<Record<string, Partial<Record<Tab, Readonly<Record<string, string>>>>>>,
  /** Coded values as dropdowns give them, and the hand-typed variants that also appear. */
  codedVariants: {
    Sexe: { F: ["F", "f", "Femme"], H: ["H", "h", "Homme"] },
    Certifié: { Oui: ["Oui", "oui", "OUI"], Non: ["Non", "non"] },
    Niveau: { Primaire: ["Primaire", "primaire"] },
    Modalité: { "À distance": ["À distance", "A distance"] },
    Statut: { Publiée: ["Publiée", "publiée", "Publiee"], "En validation": ["En validation", "En Validation"] },
  },
  /** A row left empty inside a tab. */
  emptyRows: [
    { country: "NE", tab: "Formateurs", row: 9 },
    { country: "CM", tab: "Ressources", row: 6 },
    { country: "SN", tab: "Sessions", row: 11 },
  ] as readonly { country: string; tab: Tab; row: number }[],
  /** CSV tab whose rows stop at their last filled cell (as the Sheets API returns them). */
  raggedCsv: [{ country: "ML", tab: "Activités" }] as readonly { country: string; tab: Tab }[],
  badRows: [
    { country: "SN", tab: "Formateurs", row: 7, column: "Sexe", problem: "invalid-sex" },
    { country: "CI", tab: "Sessions", row: 9, column: "Date de fin", problem: "end-before-start" },
    { country: "BF", tab: "Sessions", row: 12, column: "ID formateur", problem: "unknown-trainer" },
    { country: "ML", tab: "Sessions", row: 5, column: "Enseignants formés (F)", problem: "negative-count" },
    { country: "TG", tab: "Ressources", row: 8, column: "ID ressource", problem: "duplicate-id" },
    { country: "BJ", tab: "Formateurs", row: 10, column: "Date de formation", problem: "future-date" },
  ] as readonly BadRowSpec[],
  national: {
    SN: "fr-excel",
    BF: "fr-excel",
    CM: "fr-excel",
    ML: "fr-excel-total",
    CI: "en-utf8",
    GN: "en-utf8",
    NE: "en-utf8",
    TG: "en-utf8",
    BJ: "fr-utf8-bom",
    TD: "renamed",
  } as Readonly<Record<string, NationalShape>>,
  /** Cibles names these countries by their French name, the others by ISO2. */
  targetsByName: ["BF", "NE", "BJ", "GN", "CM"],
} as const;

export function storyOf(country: string): Story {
  return DEMO_SCENARIO.stories[country] ?? "on-track";
}

export function paceOf(country: string): number {
  return DEMO_SCENARIO.pace[country] ?? 1;
}
