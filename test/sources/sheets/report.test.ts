// The Contrôles tab as a country team's report, through a whole run (sources, mart, write-back)
// against the Sheets API stand-in: what got in, where the country stands and why, the unlikely
// values to check, the cells to fix; and a warning the team confirms there stops showing.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig, type PipelinesConfig } from "../../../src/config/pipelines.ts";
import { runPipelines } from "../../../src/pipeline/run.ts";
import { readMonthReport } from "../../../src/coordinator/report.ts";
import { composeDigest } from "../../../src/digest/compose.ts";
import { readStatus } from "../../../src/status/index.ts";
import { startSheetsApi, type CellValue, type SheetsApiStandIn } from "../../stand-ins/sheets-api.ts";
import { ROOT, fakeServiceAccount, openContext, serial, type TestContext } from "./helpers.ts";

const GN = "gn-sheet-0001";
const REGIONAL = "regional-0001";

const TRAINERS: CellValue[][] = [
  ["ID formateur", "Nom", "Sexe", "Région", "Fonction", "Date de formation", "Certifié"],
  ["GN-F-001", "Mariama Bah", "F", "Conakry", "Inspectrice", serial("2025-09-15"), "Oui"],
  ["GN-F-002", "Alpha Diallo", "H", "Kindia", "Conseiller", serial("2025-10-02"), "Non"],
  ["GN-F-003", "Fanta Camara", "F", "Labé", "Conseillère", serial("2026-01-20"), "Non"],
];
const SESSIONS_HEADER = ["ID session", "ID formateur", "Date de début", "Date de fin", "Région", "Niveau", "Modalité", "Enseignants formés (F)", "Enseignants formés (H)"];
const SESSIONS: CellValue[][] = [
  SESSIONS_HEADER,
  ["GN-S-001", "GN-F-001", serial("2025-11-03"), serial("2025-11-05"), "Conakry", "Primaire", "Présentiel", 60, 50],
  ["GN-S-002", "GN-F-002", serial("2026-02-09"), serial("2026-02-11"), "Kindia", "Primaire", "Hybride", 55, 45],
  ["GN-S-003", "GN-F-003", serial("2026-06-15"), serial("2026-06-17"), "Labé", "Primaire", "Présentiel", 40, 30],
  // A two-day session with 550 teachers: loads, and warns.
  ["GN-S-004", "GN-F-001", serial("2026-10-05"), serial("2026-10-06"), "Conakry", "Primaire", "Présentiel", 300, 250],
];
const RESOURCES: CellValue[][] = [
  ["ID ressource", "Titre", "Discipline", "Niveau", "Langue", "Type", "Statut", "Date du statut", "Lien"],
  ["GN-R-001", "Lecture CP", "Français", "Primaire", "Français", "Vidéo", "Publiée", serial("2026-01-10"), ""],
];
const ACTIVITIES: CellValue[][] = [
  ["ID activité", "Activité", "Responsable", "Échéance", "Statut", "Commentaire"],
  ["GN-A-001", "Atelier régional", "Mamadou Sow", serial("2026-03-01"), "Prévue", ""],
  ["GN-A-002", "Enregistrement des vidéos", "Mamadou Sow", serial("2026-05-15"), "En cours", ""],
  ["GN-A-003", "Comité de validation", "Mamadou Sow", serial("2026-01-15"), "Réalisée", ""],
];
const TARGETS: CellValue[][] = [
  ["Pays", "Indicateur", "Cible", "Échéance"],
  ["Guinée", "Formateurs formés", 60, serial("2027-12-31")],
  ["Guinée", "Enseignants formés", 1500, serial("2027-12-31")],
];

function config(keyFile: string, rootUrl: string): PipelinesConfig {
  return parseConfig({
    demo: true,
    phase: { start: "2025-06-01", end: "2027-12-31" },
    sources: [
      { kind: "reference", name: "countries", path: join(ROOT, "pipelines/reference/countries.csv") },
      { kind: "sheets-api", name: "country-sheets", spreadsheets: { GN }, regional: REGIONAL, keyFileEnv: keyFile, rootUrl },
    ],
  }, "test.json");
}

/** The rows under a section's header row (the row whose first cell is `first`), up to the next empty row. */
function section(controls: CellValue[][], first: string): CellValue[][] {
  const at = controls.findIndex((row) => row[0] === first);
  expect(at, `no header row "${first}" in Contrôles`).toBeGreaterThan(0);
  const end = controls.findIndex((row, i) => i > at && row.every((cell) => cell === ""));
  return controls.slice(at + 1, end < 0 ? undefined : end);
}

describe("the Contrôles report of a run", () => {
  let t: TestContext;
  let api: SheetsApiStandIn;
  let cfg: PipelinesConfig;

  beforeEach(async () => {
    t = await openContext({ now: "2026-11-28T10:00:00Z" });
    api = await startSheetsApi();
    cfg = config(fakeServiceAccount(t.dir), api.url);
    api.addSpreadsheet(GN, "ImaginEcole Guinée", { Formateurs: TRAINERS, Sessions: SESSIONS, Ressources: RESOURCES, Activités: ACTIVITIES });
    api.addSpreadsheet(REGIONAL, "ImaginEcole Cibles", { Cibles: TARGETS });
  });
  afterEach(async () => {
    await api.close();
    t.close();
  });

  it("tells what got in, the standing, the flags with their ids, the warnings and the cells to fix; a confirmed warning stops showing", async () => {
    api.spreadsheets.get(GN)!.sheets[0]!.values.push(["GN-F-004", "Ousmane Barry", "X", "Boké", "", serial("2026-02-02"), "Non"]);
    await runPipelines(t.ctx, cfg);
    const controls = api.tabValues(GN, "Contrôles");

    expect(controls[0]![0]).toBe("Contrôles ImaginEcole");
    expect(controls[2]).toEqual(["Problèmes trouvés", "1"]);
    expect(controls[3]).toEqual(["Alertes de vraisemblance", "3"]);
    // Per tab: read, loaded, added, changed, removed, rejected.
    expect(section(controls, "Onglet")).toEqual([
      ["Formateurs", "4", "3", "3", "0", "0", "1", "Chargé avec rejets"],
      ["Sessions", "4", "4", "4", "0", "0", "0", "Chargé"],
      ["Ressources", "1", "1", "1", "0", "0", "0", "Chargé"],
      ["Activités", "3", "3", "3", "0", "0", "0", "Chargé"],
    ]);
    // The standing at the end of the last month the mart describes, from the same figures as the note.
    const standingTitle = controls.find((row) => String(row[0]).startsWith("Situation du pays"))!;
    expect(standingTitle[0]).toBe("Situation du pays — fin octobre 2026");
    const figures = section(controls, "Indicateur");
    expect(figures.map((row) => row[0])).toEqual(expect.arrayContaining(["Formateurs formés", "Enseignants formés (cascade)"]));
    // Trainers 3 against 33 by now (off track); teachers 830 against 823 (on track).
    expect(controls.find((row) => row[0] === "Situation d'ensemble")![1]).toBe("En retard (1 indicateur(s) en bonne voie sur 2)");
    expect(figures.find((row) => row[0] === "Formateurs formés")).toEqual(["Formateurs formés", "3", "33", "En retard"]);
    // Flags with their sentence (the mart's) and the activities involved.
    const flags = section(controls, "Identifiant");
    const overdue = flags.find((row) => row[0] === "GN/overdue_activities")!;
    expect(overdue[1]).toMatch(/^Guinée : 2 des 3 activités échues ne sont pas réalisées/);
    expect(overdue[2]).toBe("GN-A-001, GN-A-002");
    expect(overdue[3]).toMatch(/./);
    // The 550 teachers in two days: three warnings on the session and its month, none rejected.
    const warnings = section(controls, "Identifiant de l'alerte");
    expect(warnings.map((row) => [row[0], row[1]])).toEqual([
      ["GN/monthly_jump/2026-10", "Sessions"],
      ["GN/participants_per_day/GN-S-004", "Sessions!H5"],
      ["GN/participants_per_session/GN-S-004", "Sessions!H5"],
    ]);
    expect(warnings[1]![2]).toBe("Session « GN-S-004 » : 550 enseignants formés en 2 jours, soit 275 par jour (80 par jour au plus d'habitude).");
    expect(warnings[1]![3]).toMatch(/écrivez Oui dans la colonne « Confirmé »/);
    expect(Number(await t.ctx.warehouse.scalar("SELECT sum(teachers_trained_f + teachers_trained_m) FROM core.training_sessions"))).toBe(830);
    // The cells to fix, as before.
    expect(section(controls, "Cellule").map((row) => row[0])).toEqual(["Formateurs!C5"]);

    // The team confirms the per-day warning in Contrôles: the next run no longer lists it.
    const tab = api.spreadsheets.get(GN)!.sheets.find((s) => s.properties.title === "Contrôles")!;
    const row = tab.values.findIndex((r) => r[0] === "GN/participants_per_day/GN-S-004");
    tab.values[row]![4] = "Oui";
    await runPipelines(t.ctx, { ...cfg });
    const after = api.tabValues(GN, "Contrôles");
    expect(section(after, "Identifiant de l'alerte").map((r) => r[0])).toEqual(["GN/monthly_jump/2026-10", "GN/participants_per_session/GN-S-004", ""]);
    expect(after.find((r) => String(r[2]).includes("confirmée"))![2]).toBe("1 alerte(s) confirmée(s) par l'équipe ne sont plus affichées.");
    expect(after[3]).toEqual(["Alertes de vraisemblance", "2"]);
    // status and the coordinator's digest list the same two.
    const status = await readStatus(t.ctx.warehouse, t.ctx.now);
    expect(status.openWarnings.map((w) => w.warning_id)).toEqual(["GN/monthly_jump/2026-10", "GN/participants_per_session/GN-S-004"]);
    const month = await readMonthReport(t.ctx.warehouse, undefined);
    const digest = composeDigest(month, month.countries.find((c) => c.code === "GN")!, "fr");
    expect(digest.text).toContain("Valeurs inhabituelles à vérifier (2)\n- Sessions : Enseignants formés : 280 avant octobre 2026, 830 à sa fin (+196");
    expect(digest.text).toContain("- Sessions!H5 : Session « GN-S-004 » : 550 enseignants formés (F + H) en une session");
    expect(digest.text).not.toContain("GN-S-004 » : 550 enseignants formés en 2 jours");
    // Unchanged tabs: nothing added this time.
    expect(section(after, "Onglet")[1]).toEqual(["Sessions", "4", "4", "0", "0", "0", "0", "Inchangé"]);

    // The values behind it change: the warning is raised again, to be confirmed anew.
    api.spreadsheets.get(GN)!.sheets[1]!.values[4]![8] = 260;
    await runPipelines(t.ctx, cfg);
    const changed = api.tabValues(GN, "Contrôles");
    expect(section(changed, "Identifiant de l'alerte").map((r) => r[0])).toContain("GN/participants_per_day/GN-S-004");
    expect(section(changed, "Onglet")[1]).toEqual(["Sessions", "4", "4", "0", "1", "0", "0", "Chargé"]);
    // Three runs, each building the mart (the first one twice).
  }, 240_000);
});
