import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SheetFilesSource } from "../../../src/sources/sheets/settings.ts";
import { ImaginEcoleError } from "../../../src/core/errors.ts";
import { importSheetFiles, runSheetFiles } from "../../../src/sources/sheets/index.ts";
import { PHASE, ROOT, openContext, type TestContext } from "./helpers.ts";

/** A Google "Download as CSV": comma, quotes where needed, CRLF-free. */
function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(",")).join("\n") + "\n";
}

const SN_TABS: Record<string, (string | number)[][]> = {
  Formateurs: [
    ["ID Formateur ", "Nom", "sexe", "Région", "Fonction", "Date formation", "Certified"],
    ["FOR-SN-001", "Awa Diop", "F", "Dakar", "IEF", "15/09/2025", "Oui"],
    ["FOR-SN-002", "Moussa Ndiaye", "Homme", "Thiès", "CP", "2025-10-02", "non"],
    ["", "", "", "", "", "", ""],
    ["FOR-SN-003", "Fatou Sarr", "f", "Kaolack", "IEF", "03/11/2025", "OUI"],
  ],
  Sessions: [
    ["ID session", "ID formateur", "Date debut", "Date fin ", "Région", "niveau", "Modalite ", "Enseignants formes (F)", "Enseignants formes (H)"],
    ["SES-SN-001", "FOR-SN-001", "03/11/2025", "05/11/2025", "Dakar", "primaire", "A distance", "1 200", "9"],
    ["SES-SN-002", "FOR-SN-002", "10/11/2025", "12/11/2025", "Thiès", "Secondaire", "Hybride", "4", "6"],
  ],
  Ressources: [
    ["Id ressource", "Titre ", "Discipline", "Niveau", "Langue", "Type", "STATUT", "Date statut", "Lien"],
    ["RES-SN-001", "Lecture", "Français", "Primaire", "Français", "Vidéo", "Publiee", "10/01/2026", "https://imaginecole.org/r/1"],
  ],
  Activités: [
    ["ID activite", "Activité", "Responsable", "Echeance", "Statut", "Commentaire"],
    ["ACT-SN-01", "Atelier", "Mamadou Ba", "01/03/2027", "Prévue", "À confirmer, salle réservée"],
  ],
  Validation: [
    ["Mois", "Validé par", "Date de validation"],
    ["03/2026", "Aminata Fall", "12/04/2026"],
    ["avril 2026", "Aminata Fall", "2026-05-10"],
    ["2026-05", "", "08/06/2026"],
  ],
};

const TARGETS: (string | number)[][] = [
  ["Pays", "Indicateur", "Cible", "Échéance"],
  ["SN", "Formateurs formés", "1 500", "31/12/2027"],
  ["Niger", "Enseignants formés", "12000", "31/12/2027"],
  ["Nigeria", "Enseignants formés", "100", "31/12/2027"],
  ["Guinée", "Ressources publiées", "80", "31/12/2027"],
  ["Guinée-Bissau", "Ressources publiées", "80", "31/12/2027"],
  ["cote d’ivoire", "Utilisateurs actifs mensuels", "2,5", "31/12/2027"],
  ["Côte d'Ivoire", "trainers_certified", "40", "31/12/2027"],
];

async function writeXlsx(path: string, tabs: Record<string, (string | number | Date)[][]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [title, rows] of Object.entries(tabs)) {
    const sheet = workbook.addWorksheet(title);
    rows.forEach((row, r) => row.forEach((value, c) => {
      if (value === "") return;
      const cell = sheet.getRow(r + 1).getCell(c + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = "dd/mm/yyyy";
    }));
  }
  await workbook.xlsx.writeFile(path);
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("runSheetFiles(ctx, source)", () => {
  let t: TestContext;
  let folder: string;
  let source: SheetFilesSource;

  beforeEach(async () => {
    t = await openContext();
    folder = join(t.dir, "sheets");
    for (const [tab, rows] of Object.entries(SN_TABS)) {
      mkdirSync(join(folder, "SN"), { recursive: true });
      writeFileSync(join(folder, "SN", `ImaginEcole Sénégal - ${tab}.csv`), csv(rows));
    }
    mkdirSync(join(folder, "ML"), { recursive: true });
    await writeXlsx(join(folder, "ML", "ImaginEcole Mali.xlsx"), {
      Formateurs: [["ID formateur", "Nom", "Sexe", "Date de formation", "Certifié"], ["FOR-ML-001", "Oumar Traoré", "H", day("2025-07-01"), "Non"], [], ["FOR-ML-002", "Kadia Keita", "F", "02/07/2025"]],
      Sessions: [["ID session", "ID formateur", "Date de début", "Date de fin", "Niveau", "Modalité", "Enseignants formés (F)", "Enseignants formés (H)"], ["SES-ML-001", "FOR-ML-001", day("2025-08-01"), day("2025-08-03"), "Préscolaire", "Présentiel", 5, 7]],
      Ressources: [["ID ressource", "Titre", "Statut", "Date du statut"], ["RES-ML-001", "Calcul", "En Validation", day("2026-02-01")]],
      Activités: [["ID activité", "Activité", "Échéance", "Statut"], ["ACT-ML-01", "Formation", day("2026-01-15"), "Réalisée"]],
    });
    mkdirSync(join(folder, "regional"), { recursive: true });
    writeFileSync(join(folder, "regional", "ImaginEcole Cibles.csv"), csv(TARGETS));
    source = { kind: "sheet-files", name: "country-sheets", path: folder };
  });
  afterEach(() => t.close());

  it("loads per-tab CSV downloads, an .xlsx and the regional Cibles, one batch per tab", async () => {
    const results = await runSheetFiles(t.ctx, source, { phase: PHASE });
    expect(results.map((r) => r.location.replace(`${folder}/`, "").replace(/^.*sheets\//, ""))).toHaveLength(10);
    expect(results.filter((r) => r.status === "failed")).toEqual([]);
    const count = (table: string) => t.ctx.warehouse.scalar(`SELECT count(*) FROM ${table}`);
    expect(await count("core.trainers")).toBe(5);
    expect(await count("core.training_sessions")).toBe(3);
    expect(await count("core.resources")).toBe(2);
    expect(await count("core.activities")).toBe(2);
    expect(await count("core.month_approvals")).toBe(3);
    const sessions = await t.ctx.warehouse.all(
      "SELECT session_id, level, modality, teachers_trained_f AS f, teachers_trained_m AS m FROM core.training_sessions ORDER BY session_id");
    expect(sessions).toEqual([
      { session_id: "SES-ML-001", level: "preschool", modality: "in_person", f: 5, m: 7 },
      { session_id: "SES-SN-001", level: "primary", modality: "remote", f: 1200, m: 9 },
      { session_id: "SES-SN-002", level: "secondary", modality: "hybrid", f: 4, m: 6 },
    ]);
    expect(await t.ctx.warehouse.all("SELECT resource_id, status FROM core.resources ORDER BY 1")).toEqual([
      { resource_id: "RES-ML-001", status: "in_validation" },
      { resource_id: "RES-SN-001", status: "published" },
    ]);
    expect(await t.ctx.warehouse.all("SELECT trainer_id, CAST(trained_on AS VARCHAR) AS d FROM core.trainers WHERE country_code = 'ML' ORDER BY 1")).toEqual([
      { trainer_id: "FOR-ML-001", d: "2025-07-01" },
      { trainer_id: "FOR-ML-002", d: "2025-07-02" },
    ]);
  });

  it("matches Cibles countries by code or name, without mistaking Nigeria for Niger or Guinée-Bissau for Guinée", async () => {
    await runSheetFiles(t.ctx, source, { phase: PHASE });
    expect(await t.ctx.warehouse.all("SELECT country_code, indicator_id, target FROM core.targets ORDER BY 1, 2")).toEqual([
      { country_code: "CI", indicator_id: "monthly_active_users", target: 2.5 },
      { country_code: "CI", indicator_id: "trainers_certified", target: 40 },
      { country_code: "GN", indicator_id: "resources_published", target: 80 },
      { country_code: "NE", indicator_id: "teachers_trained", target: 12000 },
      { country_code: "SN", indicator_id: "trainers_trained", target: 1500 },
    ]);
    const rejects = await t.ctx.warehouse.all<{ location: string; value: string }>(
      "SELECT r.location, r.value FROM ops.rejects r JOIN ops.loads l USING (load_id) WHERE l.location LIKE '%Cibles%' ORDER BY 1");
    expect(rejects).toEqual([{ location: "Cibles!A4", value: "Nigeria" }, { location: "Cibles!A6", value: "Guinée-Bissau" }]);
  });

  it("stores month approvals as the first day of the month, with the approver keyed", async () => {
    await runSheetFiles(t.ctx, source, { phase: PHASE });
    expect(await t.ctx.warehouse.all(
      "SELECT CAST(period AS VARCHAR) AS p, CAST(approved_on AS VARCHAR) AS d, approver_key AS k FROM core.month_approvals ORDER BY 1")).toEqual([
      { p: "2026-03-01", d: "2026-04-12", k: t.ctx.keyer("Aminata Fall") },
      { p: "2026-04-01", d: "2026-05-10", k: t.ctx.keyer("Aminata Fall") },
      { p: "2026-05-01", d: "2026-06-08", k: null },
    ]);
  });

  it("records per country and tab when it was synced and the latest date in it, never a date ahead", async () => {
    await runSheetFiles(t.ctx, source, { phase: PHASE });
    const syncs = await t.ctx.warehouse.all(
      "SELECT country_code, tab, strftime(synced_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS s, strftime(modified_at AT TIME ZONE 'UTC', '%Y-%m-%d') AS m FROM core.sheet_syncs WHERE country_code = 'SN' ORDER BY tab");
    expect(syncs).toEqual([
      // Its only dates are due dates after the run's day: planned, not reported.
      { country_code: "SN", tab: "Activités", s: "2026-11-28 10:00", m: null },
      { country_code: "SN", tab: "Formateurs", s: "2026-11-28 10:00", m: "2025-11-03" },
      { country_code: "SN", tab: "Ressources", s: "2026-11-28 10:00", m: "2026-01-10" },
      { country_code: "SN", tab: "Sessions", s: "2026-11-28 10:00", m: "2025-11-12" },
      { country_code: "SN", tab: "Validation", s: "2026-11-28 10:00", m: "2026-06-08" },
    ]);
    // Each download's last edit is its modification time.
    const edits = await t.ctx.warehouse.all<{ location: string; edited: string }>(
      "SELECT location, strftime(timezone('UTC', edited_at), '%Y-%m-%dT%H:%M:%S') AS edited FROM ops.source_locations WHERE country_code = 'SN' ORDER BY location");
    expect(edits.length).toBe(5);
    for (const e of edits) {
      const file = resolve(ROOT, e.location.replace(/!.*$/, ""));
      expect(e.edited, e.location).toBe(statSync(file).mtime.toISOString().slice(0, 19));
    }
  });

  it("skips unchanged tabs, and a changed tab replaces that country's rows for it only (rows deleted in the sheet leave core)", async () => {
    await runSheetFiles(t.ctx, source, { phase: PHASE });
    const again = await runSheetFiles(t.ctx, source, { phase: PHASE });
    expect(again.map((r) => r.status)).toEqual(Array(10).fill("skipped"));

    const trainers = SN_TABS.Formateurs!.filter((r) => r[0] !== "FOR-SN-003");
    writeFileSync(join(folder, "SN", "ImaginEcole Sénégal - Formateurs.csv"), csv(trainers));
    const third = await runSheetFiles(t.ctx, source, { phase: PHASE });
    const changed = third.filter((r) => r.status !== "skipped").map((r) => r.location.split("/").pop());
    expect(changed).toEqual(["ImaginEcole Sénégal - Formateurs.csv"]);
    expect(await t.ctx.warehouse.all("SELECT trainer_id FROM core.trainers ORDER BY 1")).toEqual(
      ["FOR-ML-001", "FOR-ML-002", "FOR-SN-001", "FOR-SN-002"].map((trainer_id) => ({ trainer_id })));

    writeFileSync(join(folder, "SN", "ImaginEcole Sénégal - Formateurs.csv"), csv(SN_TABS.Formateurs!));
    const back = await runSheetFiles(t.ctx, source, { phase: PHASE });
    expect(back.find((r) => r.location.endsWith("Formateurs.csv"))?.status).toBe("loaded");
    expect(await t.ctx.warehouse.scalar("SELECT count(*) FROM core.trainers WHERE country_code = 'SN'")).toBe(3);
  });

  it("refuses a folder named after a country outside the programme, suggesting the closest, and loads the others", async () => {
    mkdirSync(join(folder, "SM"), { recursive: true });
    writeFileSync(join(folder, "SM", "ImaginEcole - Formateurs.csv"), csv(SN_TABS.Formateurs!));
    const results = await runSheetFiles(t.ctx, source, { phase: PHASE });
    const refused = results.filter((r) => r.status === "failed");
    expect(refused).toHaveLength(1);
    expect(refused[0]!.location).toMatch(/sheets\/SM$/);
    expect(refused[0]!.message).toMatch(/^Unknown country "SM" \(folder .*sheets\/SM\): did you mean SN \(Senegal\)\?/);
    expect(Number(await t.ctx.warehouse.scalar("SELECT count(*) FROM core.trainers WHERE country_code = 'SM'"))).toBe(0);
    expect(results.filter((r) => r.status === "loaded" || r.status === "loaded_with_rejects")).toHaveLength(10);
  });

  it("rechecks Sessions when a trainer it refers to leaves Formateurs", async () => {
    await runSheetFiles(t.ctx, source, { phase: PHASE });
    const trainers = SN_TABS.Formateurs!.filter((r) => r[0] !== "FOR-SN-002");
    writeFileSync(join(folder, "SN", "ImaginEcole Sénégal - Formateurs.csv"), csv(trainers));
    const results = await runSheetFiles(t.ctx, source, { phase: PHASE });
    const sessions = results.find((r) => r.location.endsWith("Sessions.csv"))!;
    expect([sessions.status, sessions.rowsLoaded, sessions.rowsRejected]).toEqual(["loaded_with_rejects", 1, 1]);
    expect(await t.ctx.warehouse.one("SELECT location, value FROM ops.rejects WHERE load_id = $1", [sessions.loadId]))
      .toEqual({ location: "Sessions!B3", value: "FOR-SN-002" });
  });

  it("takes the phase from the run context when the caller gives none", async () => {
    t.ctx.phase = { start: "2025-10-01", end: "2027-12-31" };
    const results = await runSheetFiles(t.ctx, source);
    const trainers = results.find((r) => r.location.endsWith("Sénégal - Formateurs.csv"))!;
    expect([trainers.rowsLoaded, trainers.rowsRejected]).toEqual([2, 1]);
  });

  it("checks without writing: the rejects come back, the warehouse stays empty", async () => {
    t.ctx.dryRun = true;
    const results = await runSheetFiles(t.ctx, source, { phase: PHASE });
    const cibles = results.find((r) => r.location.endsWith("Cibles.csv"))!;
    expect(cibles.rejects?.map((r) => r.location)).toEqual(["Cibles!A4", "Cibles!A6"]);
    expect(await t.ctx.warehouse.scalar("SELECT count(*) FROM core.trainers")).toBe(0);
    expect(await t.ctx.warehouse.scalar("SELECT count(*) FROM ops.loads")).toBe(0);
  });

  it("rejects a training date in the future, and keeps the file's other rows", async () => {
    const rows = [...SN_TABS.Formateurs!, ["FOR-SN-004", "Ndeye", "F", "Dakar", "IEF", "12/01/2027", "Non"]];
    writeFileSync(join(folder, "SN", "ImaginEcole Sénégal - Formateurs.csv"), csv(rows));
    const results = await runSheetFiles(t.ctx, source, { phase: PHASE });
    const load = results.find((r) => r.location.endsWith("Formateurs.csv"))!;
    expect([load.status, load.rowsLoaded, load.rowsRejected]).toEqual(["loaded_with_rejects", 3, 1]);
    expect(await t.ctx.warehouse.one("SELECT location, reason_en FROM ops.rejects")).toEqual({
      location: "Formateurs!F6",
      reason_en: "Date 2027-01-12 is in the future: this column records what already happened. To do: correct the date (dd/mm/yyyy), or enter the row once it has happened.",
    });
  });
});

describe("importSheetFiles(ctx, files, {country, tab})", () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openContext();
  });
  afterEach(() => t.close());

  it("reads a CSV named anything as the tab given with --tab", async () => {
    const file = join(t.dir, "export (3).csv");
    writeFileSync(file, csv(SN_TABS.Ressources!));
    const results = await importSheetFiles(t.ctx, [file], { country: "sn", tab: "ressources", phase: PHASE });
    expect(results.map((r) => [r.status, r.rowsLoaded])).toEqual([["loaded", 1]]);
    expect(await t.ctx.warehouse.scalar("SELECT country_code FROM core.resources")).toBe("SN");
  });

  it("refuses a CSV whose name names no tab when --tab is not given (usage error)", async () => {
    const file = join(t.dir, "export.csv");
    writeFileSync(file, csv(SN_TABS.Ressources!));
    const error = await importSheetFiles(t.ctx, [file], { country: "SN", phase: PHASE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImaginEcoleError);
    expect((error as ImaginEcoleError).exitCode).toBe(2);
    expect((error as ImaginEcoleError).bilingual.en).toContain("--tab");
  });

  it("reads only the named tab of an .xlsx", async () => {
    const file = join(t.dir, "book.xlsx");
    await writeXlsx(file, {
      Formateurs: [["ID formateur", "Sexe", "Date de formation"], ["F-1", "F", day("2025-07-01")]],
      Activités: [["ID activité", "Activité", "Échéance", "Statut"], ["A-1", "X", day("2026-01-15"), "Prévue"]],
    });
    const results = await importSheetFiles(t.ctx, [file], { country: "ML", tab: "Activités", phase: PHASE });
    expect(results).toHaveLength(1);
    expect(await t.ctx.warehouse.scalar("SELECT count(*) FROM core.trainers")).toBe(0);
    expect(await t.ctx.warehouse.scalar("SELECT count(*) FROM core.activities")).toBe(1);
    rmSync(file);
  });
});
