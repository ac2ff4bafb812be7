import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SheetsApiSource } from "../../../src/sources/sheets/settings.ts";
import type { ImaginEcoleError } from "../../../src/core/errors.ts";
import { runSheetsApi as loadSheets, sheetsInit, writeSheetsReports } from "../../../src/sources/sheets/index.ts";
import { CONTROLS_HEADER } from "../../../src/sources/sheets/controls.ts";
import type { RunContext } from "../../../src/context/run-context.ts";
import { startSheetsApi, type CellValue, type SheetsApiStandIn } from "../../stand-ins/sheets-api.ts";
import { PHASE, SA_EMAIL, fakeServiceAccount, openContext, serial, type TestContext } from "./helpers.ts";

const SN = "sn-sheet-0001";
const FAST = { phase: PHASE, retryBaseMs: 5 };

const TRAINERS: CellValue[][] = [
  ["ID formateur", "Nom", "SEXE", "Région ", "Fonction", "Date de formation ", "certifié", "Adresse e-mail"],
  ["SN-F-001", "Awa Diop", "F", "Dakar", "Inspectrice", serial("2025-09-15"), "Oui", "awa@example.org"],
  ["SN-F-002", "Moussa Ndiaye", "h", "Thiès", "Conseiller", serial("2025-10-02")],
  [],
  ["SN-F-003", "Fatou Sarr", "Femme", "", "", "03/11/2025", "non"],
];

const SESSIONS: CellValue[][] = [
  ["ID session", "ID formateur", "Date de début", "Date de fin", "Région", "Niveau", "Modalité", "Enseignants formés (F)", "Enseignants formés (H)"],
  ["S-01", "SN-F-001", serial("2025-11-03"), serial("2025-11-05"), "Dakar", "Primaire", "Présentiel", 12, 9],
];

const RESOURCES: CellValue[][] = [
  ["ID ressource", "Titre", "Discipline", "Niveau", "Langue", "Type", "Statut", "Date du statut", "Lien"],
  ["R-01", "Lecture CP", "Français", "Primaire", "Français", "Vidéo", "Publiée", serial("2026-01-10"), "https://example.org/r1"],
];

const ACTIVITIES: CellValue[][] = [
  ["ID activité", "Activité", "Responsable", "Échéance", "Statut", "Commentaire"],
  ["A-01", "Atelier régional", "Mamadou Ba", serial("2026-02-01"), "Réalisée", ""],
];

/** A sync as the pipeline runs it: load, then the Contrôles report (no mart here, so no standing yet). */
async function runSheetsApi(ctx: RunContext, source: SheetsApiSource, options: typeof FAST) {
  const results = await loadSheets(ctx, source, options);
  await writeSheetsReports(ctx, source, options);
  return results;
}

/** The cells-to-fix lines of a Contrôles tab: the rows under their header. */
function fixLines(controls: CellValue[][]): CellValue[][] {
  const at = controls.findIndex((row) => JSON.stringify(row) === JSON.stringify(CONTROLS_HEADER.fr));
  expect(at).toBeGreaterThan(0);
  return controls.slice(at + 1);
}

function snBook(api: SheetsApiStandIn, trainers: CellValue[][] = TRAINERS): void {
  api.addSpreadsheet(SN, "ImaginEcole Sénégal", { Formateurs: trainers, Sessions: SESSIONS, Ressources: RESOURCES, Activités: ACTIVITIES });
}

describe("runSheetsApi(ctx, source) against the Sheets API stand-in", () => {
  let t: TestContext;
  let api: SheetsApiStandIn;
  let source: SheetsApiSource;

  beforeEach(async () => {
    t = await openContext();
    api = await startSheetsApi();
    source = { kind: "sheets-api", name: "country-sheets", spreadsheets: { SN }, keyFileEnv: fakeServiceAccount(t.dir), rootUrl: api.url };
  });
  afterEach(async () => {
    await api.close();
    t.close();
  });

  it("loads a tab with retyped headers, ragged rows, an empty row and serial dates exactly", async () => {
    const trainers: CellValue[][] = [
      ["ID formateur", "Nom", "Sexe", "date_formation", "Certifié"],
      ["SN-F-001", "Awa Diop", "F", serial("2025-09-15"), "Oui"],
      ["SN-F-002", "Moussa Ndiaye", "H", serial("2025-10-02")],
      [],
      ["SN-F-003", "Fatou Sarr", "femme", "03/11/2025", "✓"],
    ];
    snBook(api, trainers);
    const results = await runSheetsApi(t.ctx, source, FAST);
    expect(results.map((r) => r.status)).toEqual(["loaded", "loaded", "loaded", "loaded"]);
    const rows = await t.ctx.warehouse.all(
      "SELECT trainer_id, sex, region, CAST(trained_on AS VARCHAR) AS trained_on, certified FROM core.trainers ORDER BY trainer_id");
    expect(rows).toEqual([
      { trainer_id: "SN-F-001", sex: "F", region: null, trained_on: "2025-09-15", certified: true },
      { trainer_id: "SN-F-002", sex: "M", region: null, trained_on: "2025-10-02", certified: null },
      { trainer_id: "SN-F-003", sex: "F", region: null, trained_on: "2025-11-03", certified: true },
    ]);
  });

  it.each([["Date de formation "], ["date_formation"], ["DATE DE FORMATION"]])("reads the header %j as Date de formation", async (header) => {
    snBook(api, [["ID formateur", "Sexe", header], ["SN-F-001", "F", serial("2025-09-15")]]);
    await runSheetsApi(t.ctx, source, FAST);
    expect(await t.ctx.warehouse.scalar("SELECT CAST(trained_on AS VARCHAR) FROM core.trainers")).toBe("2025-09-15");
  });

  it("never stores Nom or e-mail, and keys Responsable", async () => {
    snBook(api);
    await runSheetsApi(t.ctx, source, FAST);
    const dump = JSON.stringify(await t.ctx.warehouse.all("SELECT * FROM core.trainers")) +
      JSON.stringify(await t.ctx.warehouse.all("SELECT * FROM core.activities")) +
      JSON.stringify(await t.ctx.warehouse.all("SELECT * FROM ops.rejects"));
    for (const personal of ["Awa", "Diop", "awa@example.org", "Mamadou"]) expect(dump).not.toContain(personal);
    expect(await t.ctx.warehouse.scalar("SELECT owner_key FROM core.activities")).toBe(t.ctx.keyer("Mamadou Ba"));
  });

  it("refuses a tab whose required column was renamed, naming the tab, the expected and the closest header; core keeps that tab's rows", async () => {
    snBook(api);
    await runSheetsApi(t.ctx, source, FAST);
    const before = await t.ctx.warehouse.all("SELECT * FROM core.trainers ORDER BY trainer_id");
    api.spreadsheets.get(SN)!.sheets[0]!.values[0]![5] = "Date formatoin";
    api.spreadsheets.get(SN)!.sheets[0]!.values.push(["SN-F-009", "X", "F", "", "", serial("2025-12-01")]);

    const results = await runSheetsApi(t.ctx, source, FAST);
    const trainers = results.find((r) => r.location === `${SN}!Formateurs`)!;
    expect(trainers.status).toBe("failed");
    const error = trainers.error as ImaginEcoleError;
    expect(error.bilingual.fr).toContain("Onglet « Formateurs » refusé");
    expect(error.bilingual.fr).toContain("« Date de formation »");
    expect(error.bilingual.fr).toContain("« Date formatoin »");
    expect(error.bilingual.en).toContain('required column "Date de formation" not found (closest header: "Date formatoin")');
    expect(await t.ctx.warehouse.all("SELECT * FROM core.trainers ORDER BY trainer_id")).toEqual(before);
    expect(results.find((r) => r.location === `${SN}!Sessions`)?.status).toBe("skipped");
    expect(await t.ctx.warehouse.scalar("SELECT count(*) FROM core.training_sessions")).toBe(1);
  });

  it("writes the Contrôles tab with each reject's cell and French message, and empties it once the sheet is fixed", async () => {
    const broken: CellValue[][] = [
      ["ID formateur", "Nom", "Sexe", "Date de formation", "Certifié", "Téléphone"],
      ["SN-F-001", "Awa Diop", "X", serial("2025-09-15"), "Oui"],
      ["SN-F-002", "Moussa Ndiaye", "H", "31/02/2026", "Non"],
    ];
    snBook(api, broken);
    const sessions = api.spreadsheets.get(SN)!.sheets[1]!;
    sessions.values.push(["S-02", "SN-F-404", serial("2025-11-10"), serial("2025-11-11"), "Thiès", "Primaire", "Hybride", 3, 2]);
    const first = await runSheetsApi(t.ctx, source, FAST);
    expect(first.find((r) => r.location === `${SN}!Formateurs`)?.status).toBe("loaded_with_rejects");

    const controls = api.tabValues(SN, "Contrôles");
    expect(controls[1]).toEqual(["Dernière synchronisation réussie", "28/11/2026 10:00 UTC"]);
    const lines = fixLines(controls);
    expect(lines.map((l) => l[0])).toEqual(["Formateurs!F1", "Formateurs!C2", "Formateurs!D3", "Sessions!B3"]);
    expect(lines[1]).toEqual(["Formateurs!C2", "Sexe", "X", "« X » n'est pas un sexe reconnu (F ou H).", "choisissez F ou H."]);
    expect(lines[2]![3]).toBe("« 31/02/2026 » n'est pas une date réelle.");
    expect(lines[3]!.slice(2)).toEqual(["SN-F-404", "Le formateur « SN-F-404 » n'existe pas dans l'onglet Formateurs.", "ajoutez-le dans Formateurs ou corrigez l'identifiant."]);
    const writes = api.requests.filter((r) => r.method !== "GET");
    expect(writes).toHaveLength(1);

    const sheet = api.spreadsheets.get(SN)!.sheets[0]!;
    sheet.values[0]!.splice(5, 1);
    sheet.values[1]![2] = "F";
    sheet.values[2]![3] = "28/02/2026";
    sessions.values[2]![1] = "SN-F-002";
    await runSheetsApi(t.ctx, source, FAST);
    const fixed = api.tabValues(SN, "Contrôles");
    expect(fixed[2]).toEqual(["Problèmes trouvés", "0"]);
    expect(fixLines(fixed)).toEqual([["", "", "", "Aucun problème trouvé."]]);
    expect(await t.ctx.warehouse.scalar("SELECT count(*) FROM core.training_sessions")).toBe(2);
  });

  it("writes Contrôles in English in a spreadsheet whose locale is English, and says the standing waits for the indicators", async () => {
    snBook(api, [["ID formateur", "Sexe", "Date de formation"], ["SN-F-001", "?", serial("2025-09-15")]]);
    api.spreadsheets.get(SN)!.properties.locale = "en_GB";
    await runSheetsApi(t.ctx, source, FAST);
    const controls = api.tabValues(SN, "Contrôles");
    expect(controls.slice(1, 4)).toEqual([["Last successful sync", "2026-11-28 10:00 UTC"], ["Problems found", "1"], ["Plausibility warnings", "0"]]);
    expect(controls).toContainEqual(["Tab", "Rows read", "Loaded", "Added", "Changed", "Removed", "Rejected", "Status"]);
    expect(controls).toContainEqual(["Formateurs", "1", "0", "0", "0", "0", "1", "Loaded with rejects"]);
    expect(controls).toContainEqual(["", "The indicators have not been computed yet: the country's standing will show after the next build."]);
    const at = controls.findIndex((row) => row[0] === "Cell");
    expect(controls[at + 1]).toEqual(["Formateurs!B2", "Sexe", "?", "\"?\" is not a recognised sex (F or H/M).", "choose F or H (M)."]);
  });

  it("keeps listing the problems of an unchanged tab, which it does not reload", async () => {
    snBook(api, [["ID formateur", "Sexe", "Date de formation"], ["SN-F-001", "?", serial("2025-09-15")]]);
    await runSheetsApi(t.ctx, source, FAST);
    const second = await runSheetsApi(t.ctx, source, FAST);
    expect(second.find((r) => r.location === `${SN}!Formateurs`)?.status).toBe("skipped");
    expect(fixLines(api.tabValues(SN, "Contrôles")).map((l) => l[0])).toContain("Formateurs!B2");
  });

  it("grows an existing Contrôles tab too short for its list", async () => {
    snBook(api, [["ID formateur", "Sexe", "Date de formation"], ...Array.from({ length: 20 }, (_, i) => [`F-${i}`, "?", serial("2025-09-15")])]);
    const book = api.spreadsheets.get(SN)!;
    book.sheets.push({ properties: { sheetId: 42, title: "Contrôles", index: 4, sheetType: "GRID", gridProperties: { rowCount: 10, columnCount: 5 } }, values: [["ancien contenu"]], validations: [] });
    await runSheetsApi(t.ctx, source, FAST);
    const controls = api.tabValues(SN, "Contrôles");
    expect(controls[2]).toEqual(["Problèmes trouvés", "21"]);
    expect(fixLines(controls)).toHaveLength(21);
  });

  it("does not write back for a country listed in noWriteBack", async () => {
    snBook(api);
    await runSheetsApi(t.ctx, { ...source, noWriteBack: ["SN"] }, FAST);
    expect(api.requests.filter((r) => r.method !== "GET")).toHaveLength(0);
    expect(api.spreadsheets.get(SN)!.sheets.map((s) => s.properties.title)).not.toContain("Contrôles");
  });

  it("retries a read answered 429 twice, then loads", async () => {
    snBook(api);
    api.faults.push({ status: 429, pathIncludes: "values:batchGet", times: 2 });
    const results = await runSheetsApi(t.ctx, source, FAST);
    expect(results.every((r) => r.status === "loaded")).toBe(true);
    expect(api.requests.filter((r) => r.path.includes("values:batchGet"))).toHaveLength(3);
  });

  it("retries the write-back (a POST) answered 429 with an HTML page, then 500", async () => {
    snBook(api);
    api.faults.push({ status: 429, body: "html", method: "POST", times: 1 }, { status: 500, method: "POST", times: 1 });
    await runSheetsApi(t.ctx, source, FAST);
    expect(api.requests.filter((r) => r.method === "POST")).toHaveLength(3);
    expect(api.tabValues(SN, "Contrôles")[2]).toEqual(["Problèmes trouvés", "0"]);
  });

  it("explains a 403: which service-account e-mail needs access to which spreadsheet", async () => {
    snBook(api);
    api.faults.push({ status: 403, pathIncludes: SN, times: 10 });
    const results = await runSheetsApi(t.ctx, source, FAST);
    expect(results).toHaveLength(1);
    expect(results[0]!.status).toBe("failed");
    const error = results[0]!.error as ImaginEcoleError;
    expect(error.bilingual.fr).toContain(`partagez-la avec le compte de service ${SA_EMAIL}`);
    expect(error.bilingual.fr).toContain(`feuille ${SN}`);
    expect(error.bilingual.en).toContain(`share it with the service account ${SA_EMAIL}`);
    expect(await t.ctx.warehouse.scalar("SELECT message FROM ops.loads WHERE status = 'failed'")).toContain(SA_EMAIL);
    expect(api.requests).toHaveLength(1);
  });

  it("signs its own JWT with the service account (no token endpoint) and reads with UNFORMATTED_VALUE and SERIAL_NUMBER", async () => {
    snBook(api);
    await runSheetsApi(t.ctx, source, FAST);
    const read = api.requests.find((r) => r.path.includes("values:batchGet"))!;
    expect(read.claims).toMatchObject({ iss: SA_EMAIL, sub: SA_EMAIL, scope: "https://www.googleapis.com/auth/spreadsheets https://www.googleapis.com/auth/drive.metadata.readonly" });
    expect(read.query.get("valueRenderOption")).toBe("UNFORMATTED_VALUE");
    expect(read.query.get("dateTimeRenderOption")).toBe("SERIAL_NUMBER");
    expect(read.query.getAll("ranges")).toEqual(["'Formateurs'", "'Sessions'", "'Ressources'", "'Activités'"]);
  });

  it("finds the key file through the environment variable named in the configuration", async () => {
    snBook(api);
    process.env.IMAGINECOLE_TEST_SHEETS_KEY = source.keyFileEnv;
    try {
      const results = await runSheetsApi(t.ctx, { ...source, keyFileEnv: "IMAGINECOLE_TEST_SHEETS_KEY" }, FAST);
      expect(results).toHaveLength(4);
    } finally {
      delete process.env.IMAGINECOLE_TEST_SHEETS_KEY;
    }
  });
});

describe("sheetsInit(ctx, {source, country})", () => {
  let t: TestContext;
  let api: SheetsApiStandIn;
  let source: SheetsApiSource;

  beforeEach(async () => {
    t = await openContext();
    api = await startSheetsApi();
    source = { kind: "sheets-api", name: "country-sheets", spreadsheets: {}, keyFileEnv: fakeServiceAccount(t.dir), rootUrl: api.url };
  });
  afterEach(async () => {
    await api.close();
    t.close();
  });

  it("lays the template out in the spreadsheet the team created, twice into the same layout, and it reads back with no reject once rows are typed from its dropdowns", async () => {
    const GN = "gn-team-created-0001";
    api.addSpreadsheet(GN, "Suivi ImaginEcole Guinée", { "Feuille 1": [] });
    const url = `https://docs.google.com/spreadsheets/d/${GN}/edit#gid=0`;
    const first = await sheetsInit(t.ctx, { source, country: "Guinée", spreadsheet: url });
    expect(first).toEqual({ spreadsheetId: GN, url: `https://docs.google.com/spreadsheets/d/${GN}/edit`, country: "GN", configLine: `"spreadsheets": { "GN": "${GN}" }` });
    const book = api.spreadsheets.get(GN)!;
    // The layout, not Drive's modifiedTime, which every write moves.
    const layout = JSON.stringify({ ...book, modifiedTime: undefined });
    expect(await sheetsInit(t.ctx, { source, country: "gn", spreadsheet: GN })).toEqual(first);
    expect(JSON.stringify({ ...book, modifiedTime: undefined })).toBe(layout);
    expect(api.spreadsheets.size).toBe(1);
    expect(api.requests.filter((r) => r.method === "POST" && r.path.endsWith("/v4/spreadsheets"))).toHaveLength(0);

    expect(book.sheets.map((s) => s.properties.title)).toEqual(["Feuille 1", "Formateurs", "Sessions", "Ressources", "Activités", "Validation", "Commentaires", "Lisez-moi"]);
    const formateurs = book.sheets[1]!;
    expect(formateurs.properties.gridProperties.frozenRowCount).toBe(1);
    expect(formateurs.values[0]).toEqual(["ID formateur", "Nom", "Sexe", "Région", "Fonction", "Date de formation", "Certifié"]);
    const listOf = (title: string, column: number) => (book.sheets.find((s) => s.properties.title === title)!.validations.find((v) => v.range.startColumnIndex === column)!.rule as { condition: { values: { userEnteredValue: string }[] } })
      .condition.values.map((v) => v.userEnteredValue);
    expect(listOf("Formateurs", 2)).toEqual(["F", "H"]);
    expect(listOf("Formateurs", 3)).toEqual(["Boké", "Conakry", "Kindia", "Faranah", "Kankan", "Labé", "Mamou", "Nzérékoré"]);
    const readme = api.tabValues(GN, "Lisez-moi");
    expect(readme[0]).toEqual(["ImaginEcole — mode d'emploi de la feuille Guinée"]);
    expect(readme.find((row) => row[1] === "ID formateur")![4]).toBe("Identifiant unique du formateur (ex. GN-F-001). Ne jamais le réutiliser.");
    expect(JSON.stringify(readme)).not.toContain("SN-");

    const withId = { ...source, spreadsheets: { GN } };
    const empty = await runSheetsApi(t.ctx, withId, FAST);
    expect(empty.map((r) => [r.status, r.rowsRejected])).toEqual(Array(6).fill(["loaded", 0]));

    const tab = (title: string) => book.sheets.find((s) => s.properties.title === title)!;
    const pick = (title: string, column: number) => listOf(title, column)[0]!;
    tab("Formateurs").values.push(["GN-F-001", "Mariama", pick("Formateurs", 2), pick("Formateurs", 3), "IEF", serial("2025-09-15"), pick("Formateurs", 6)]);
    tab("Sessions").values.push(["GN-S-001", "GN-F-001", serial("2025-10-01"), serial("2025-10-02"), pick("Sessions", 4), pick("Sessions", 5), pick("Sessions", 6), 3, 4, 7]);
    tab("Ressources").values.push(["GN-R-001", "Titre", "Maths", pick("Ressources", 3), "Français", "Vidéo", pick("Ressources", 6), serial("2026-01-05"), ""]);
    tab("Activités").values.push(["GN-A-001", "Atelier", "Mariama", serial("2026-03-01"), pick("Activités", 4), ""]);
    tab("Validation").values.push(["03/2026", "Mariama", serial("2026-04-02")]);
    tab("Commentaires").values.push(["03/2026", pick("Commentaires", 1), "Sessions reportées après les examens.", pick("Commentaires", 3)]);
    const filled = await runSheetsApi(t.ctx, withId, FAST);
    expect(filled.map((r) => [r.status, r.rowsLoaded, r.rowsRejected])).toEqual(Array(6).fill(["loaded", 1, 0]));
    expect(await t.ctx.warehouse.one("SELECT country_code, region FROM core.training_sessions")).toEqual({ country_code: "GN", region: "Boké" });
    expect(await t.ctx.warehouse.one("SELECT country_code, subject_kind, comment, author_role FROM core.comments")).toEqual({
      country_code: "GN", subject_kind: "general", comment: "Sessions reportées après les examens.", author_role: "national_focal_point",
    });
  });

  it("without a spreadsheet to work in, says to create one and share it with the service account; a 403 names the account too", async () => {
    const none = sheetsInit(t.ctx, { source, country: "SN" });
    await expect(none).rejects.toThrow(`share it with ${SA_EMAIL} as Editor, then run again with --spreadsheet`);
    await expect(none).rejects.toMatchObject({ exitCode: 2 });
    api.addSpreadsheet("not-shared", "x", { "Feuille 1": [] });
    api.faults.push({ status: 403, pathIncludes: "not-shared", times: 10 });
    const refused = await sheetsInit(t.ctx, { source, country: "SN", spreadsheet: "not-shared" }).catch((e: ImaginEcoleError) => e);
    expect((refused as ImaginEcoleError).bilingual.fr).toContain(`partagez-la avec le compte de service ${SA_EMAIL} en tant qu'Éditeur`);
    expect(api.spreadsheets.size).toBe(1);
  });

  it("refuses a country outside the programme, suggesting the closest; takes a name in either language", async () => {
    await expect(sheetsInit(t.ctx, { source, country: "XX", spreadsheet: "any" })).rejects.toThrow(/^Unknown country "XX" \(--country\): did you mean [A-Z]{2} \(.+\)\? Give the two-letter ISO code or the name/);
    await expect(sheetsInit(t.ctx, { source, country: "Guine", spreadsheet: "any" })).rejects.toThrow("did you mean GN (Guinea)?");
    api.addSpreadsheet("gn-2", "x", { "Feuille 1": [] });
    expect((await sheetsInit(t.ctx, { source, country: "Guinea", spreadsheet: "gn-2" })).country).toBe("GN");
  });

  it("lays out the regional Cibles spreadsheet, whose dropdown names read back as countries", async () => {
    api.addSpreadsheet("regional-1", "Cibles", { "Feuille 1": [] });
    const { spreadsheetId, configLine } = await sheetsInit(t.ctx, { source, country: "regional", spreadsheet: "regional-1" });
    expect(configLine).toBe('"regional": "regional-1"');
    const book = api.spreadsheets.get(spreadsheetId)!;
    expect(book.sheets.map((s) => s.properties.title)).toEqual(["Feuille 1", "Cibles", "Commentaires", "Lisez-moi"]);
    const rule = (column: number) => (book.sheets[1]!.validations.find((v) => v.range.startColumnIndex === column)!.rule as { condition: { values: { userEnteredValue: string }[] } })
      .condition.values.map((v) => v.userEnteredValue);
    expect(rule(0)).toContain("Côte d’Ivoire");
    book.sheets[1]!.values.push(["Côte d’Ivoire", rule(1)[0]!, 1200, serial("2027-12-31")]);
    const results = await runSheetsApi(t.ctx, { ...source, regional: spreadsheetId }, FAST);
    expect(results.map((r) => [r.status, r.rowsLoaded])).toEqual([["loaded", 1], ["loaded", 0]]);
    expect(await t.ctx.warehouse.one("SELECT country_code, indicator_id FROM core.targets")).toEqual({ country_code: "CI", indicator_id: "trainers_trained" });
  });

  it("repairs an existing spreadsheet: adds the missing tab and header, freezes the header row, keeps the data", async () => {
    api.addSpreadsheet(SN, "Feuille Sénégal", {
      Formateurs: [["ID formateur", "Nom", "Sexe", "Date de formation"], ["SN-F-001", "Awa", "F", serial("2025-09-15")]],
      Sessions: [["ID session"]],
    });
    api.spreadsheets.get(SN)!.sheets[1]!.properties.gridProperties.columnCount = 1;
    const result = await sheetsInit(t.ctx, { source: { ...source, spreadsheets: { SN } }, country: "SN" });
    expect(result).toMatchObject({ spreadsheetId: SN, country: "SN" });
    const book = api.spreadsheets.get(SN)!;
    expect(book.sheets.map((s) => s.properties.title)).toEqual(["Formateurs", "Sessions", "Ressources", "Activités", "Validation", "Commentaires", "Lisez-moi"]);
    expect(book.sheets[0]!.values[0]).toEqual(["ID formateur", "Nom", "Sexe", "Date de formation", "Région", "Fonction", "Certifié"]);
    expect(book.sheets[0]!.values[1]).toEqual(["SN-F-001", "Awa", "F", serial("2025-09-15")]);
    expect(book.sheets[0]!.properties.gridProperties.frozenRowCount).toBe(1);
    expect(book.sheets[1]!.values[0]).toHaveLength(10);
    expect(book.sheets[1]!.properties.gridProperties.columnCount).toBe(10);
  });
});
