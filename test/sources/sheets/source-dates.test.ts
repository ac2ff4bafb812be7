// The three dates of a country sheet read through the API: last edited from Drive's files.get
// (same service account, through the stand-in's Drive route), last loaded, and the latest period
// reported, which a due date ahead never moves. Without Drive, the load goes on.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runSheetsApi } from "../../../src/sources/sheets/index.ts";
import type { SheetsApiSource } from "../../../src/sources/sheets/settings.ts";
import { startSheetsApi, type CellValue, type SheetsApiStandIn } from "../../stand-ins/sheets-api.ts";
import { PHASE, fakeServiceAccount, openContext, serial, type TestContext } from "./helpers.ts";

const SN = "sn-sheet-0001";
const FAST = { phase: PHASE, retryBaseMs: 5, retries: 1 };

const TABS: Record<string, CellValue[][]> = {
  Formateurs: [["ID formateur", "Sexe", "Date de formation"], ["SN-F-001", "F", serial("2026-09-15")]],
  Sessions: [
    ["ID session", "ID formateur", "Date de début", "Date de fin", "Région", "Niveau", "Modalité", "Enseignants formés (F)", "Enseignants formés (H)"],
    ["S-01", "SN-F-001", serial("2026-10-03"), serial("2026-10-05"), "Dakar", "Primaire", "Présentiel", 12, 9],
  ],
  Ressources: [["ID ressource", "Titre", "Statut", "Date du statut"], ["R-01", "Lecture CP", "Publiée", serial("2026-08-10")]],
  // Planned for March: a due date ahead is not reported data.
  Activités: [["ID activité", "Activité", "Échéance", "Statut"], ["A-01", "Atelier régional", serial("2027-03-01"), "Prévue"]],
};

describe("the dates of a sheet read through the API", () => {
  let t: TestContext;
  let api: SheetsApiStandIn;
  let source: SheetsApiSource;

  beforeEach(async () => {
    t = await openContext({ now: "2026-11-28T10:00:00Z" });
    api = await startSheetsApi();
    source = { kind: "sheets-api", name: "country-sheets", spreadsheets: { SN }, keyFileEnv: fakeServiceAccount(t.dir), rootUrl: api.url };
    api.addSpreadsheet(SN, "ImaginEcole Sénégal", TABS).modifiedTime = "2026-11-20T08:30:12.345Z";
  });
  afterEach(async () => {
    await api.close();
    t.close();
  });

  it("takes last edited from Drive's modifiedTime, and the latest period reported from past dates only", async () => {
    const results = await runSheetsApi(t.ctx, { ...source, noWriteBack: ["SN"] }, FAST);
    expect(results.map((r) => r.status)).toEqual(["loaded", "loaded", "loaded", "loaded"]);
    const drive = api.requests.filter((r) => r.path.startsWith("/drive/v3/files/"));
    expect(drive.map((r) => [r.path, r.query.get("fields")])).toEqual([[`/drive/v3/files/${SN}`, "modifiedTime"]]);
    expect(String(drive[0]!.claims?.scope)).toContain("https://www.googleapis.com/auth/drive.metadata.readonly");
    const dates = (await t.ctx.warehouse.one<{ last_edited: string; last_loaded: string | null; latest_reported: string }>(
      `SELECT strftime(timezone('UTC', last_edited), '%Y-%m-%d %H:%M:%S') AS last_edited, last_loaded,
              CAST(latest_reported AS VARCHAR) AS latest_reported
       FROM ops.source_dates WHERE source = 'sheet' AND country_code = 'SN'`))!;
    expect(dates.last_edited).toBe("2026-11-20 08:30:12");
    expect(dates.last_loaded).not.toBeNull();
    expect(dates.latest_reported).toBe("2026-10-05");
    // Each tab's address opens that tab.
    const gid = api.spreadsheets.get(SN)!.sheets.find((s) => s.properties.title === "Sessions")!.properties.sheetId;
    expect(await t.ctx.warehouse.scalar("SELECT url FROM ops.source_locations WHERE location = $1", [`${SN}!Sessions`]))
      .toBe(`https://docs.google.com/spreadsheets/d/${SN}/edit#gid=${gid}`);
    // The months the rows report on, none of them ahead.
    const months = await t.ctx.warehouse.all<{ m: string }>("SELECT DISTINCT strftime(period, '%Y-%m') AS m FROM core.sheet_months ORDER BY m");
    expect(months.map((r) => r.m)).toEqual(["2026-08", "2026-09", "2026-10"]);
  });

  it("loads all the same when Drive refuses, and says the last edit is unknown and why", async () => {
    api.faults.push({ status: 403, reason: "service_disabled", pathIncludes: "/drive/v3/", times: 5 });
    const results = await runSheetsApi(t.ctx, { ...source, noWriteBack: ["SN"] }, FAST);
    expect(results.map((r) => r.status)).toEqual(["loaded", "loaded", "loaded", "loaded"]);
    expect(await t.ctx.warehouse.scalar("SELECT last_edited FROM ops.source_dates WHERE source = 'sheet' AND country_code = 'SN'")).toBeNull();
    expect(t.logs.join("\n")).toMatch(/Date de dernière modification inconnue pour la feuille sn-sheet-0001 \(SN\) : l'API Google Drive a répondu 403/);
  });

  it("sees a later edit of the spreadsheet as a new last edited date", async () => {
    await runSheetsApi(t.ctx, { ...source, noWriteBack: ["SN"] }, FAST);
    api.spreadsheets.get(SN)!.modifiedTime = "2026-11-27T17:05:00.000Z";
    await runSheetsApi(t.ctx, { ...source, noWriteBack: ["SN"] }, FAST);
    expect(await t.ctx.warehouse.scalar("SELECT strftime(timezone('UTC', last_edited), '%Y-%m-%d %H:%M') FROM ops.source_dates WHERE source = 'sheet' AND country_code = 'SN'"))
      .toBe("2026-11-27 17:05");
  });
});
