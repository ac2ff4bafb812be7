import { selectPublicColumns } from "../../support/private-text.ts";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemo, type DemoManifest } from "../../../src/demo/generate.ts";
import { runSheetFiles, runSheetsApi, writeSheetsReports } from "../../../src/sources/sheets/index.ts";
import { startSheetsApi } from "../../stand-ins/sheets-api.ts";
import type { LoadResult } from "../../../src/warehouse/batch.ts";
import { fakeServiceAccount, openContext, type TestContext } from "./helpers.ts";

/** The demo's sheets (CSV and .xlsx, headers typed by hand) against what its manifest says is wrong in them. */
describe("runSheetFiles(ctx, source) on the generated demo sheets", () => {
  let t: TestContext;
  let manifest: DemoManifest;
  let results: LoadResult[];

  beforeAll(async () => {
    t = await openContext();
    manifest = await generateDemo({ outDir: join(t.dir, "demo"), scale: 0.05, asOf: t.ctx.now });
    results = await runSheetFiles(t.ctx, { kind: "sheet-files", name: "country-sheets", path: join(t.dir, "demo", "sheets") });
  });
  afterAll(() => t.close());

  it("loads every tab, refusing none", () => {
    expect(results.length).toBeGreaterThanOrEqual(41);
    expect(results.filter((r) => r.status === "failed").map((r) => r.message)).toEqual([]);
  });

  it("rejects exactly the demo's bad rows, at their cells, with the header and value as typed", async () => {
    const rejects = await t.ctx.warehouse.all<{ country: string; location: string; column: string; value: string }>(
      `SELECT l.country_code AS country, r.location, r."column", r.value FROM ops.rejects r JOIN ops.loads l USING (load_id) ORDER BY 1, 2`);
    const expected = manifest.badRows
      .map((b) => ({ country: b.country, location: b.location, column: b.header, value: b.value }))
      .sort((a, b) => a.country.localeCompare(b.country) || a.location.localeCompare(b.location));
    expect(rejects).toEqual(expected);
  });

  it("stores none of the names and e-mails written in the sheets", async () => {
    const tables = ["core.trainers", "core.training_sessions", "core.resources", "core.activities", "core.month_approvals", "core.targets", "ops.rejects", "ops.loads"];
    let dump = "";
    for (const table of tables) dump += JSON.stringify(await t.ctx.warehouse.all(selectPublicColumns(table)));
    expect(manifest.personal.length).toBeGreaterThan(100);
    expect(manifest.personal.filter((p) => dump.includes(p))).toEqual([]);
  });

  it("gives the same rejects read through the API stand-in, and writes them in each country's Contrôles tab", async () => {
    const api = await startSheetsApi();
    const other = await openContext();
    try {
      const ids = await api.addSpreadsheetsFromFolder(join(t.dir, "demo", "sheets"));
      const source = { kind: "sheets-api", name: "country-sheets", ...ids, keyFileEnv: fakeServiceAccount(other.dir), rootUrl: api.url } as const;
      const viaApi = await runSheetsApi(other.ctx, source, { retryBaseMs: 5 });
      await writeSheetsReports(other.ctx, source, { retryBaseMs: 5 });
      expect(viaApi.filter((r) => r.status === "failed").map((r) => r.message)).toEqual([]);
      const rejects = await other.ctx.warehouse.all<{ location: string; value: string }>(
        "SELECT location, value FROM ops.rejects ORDER BY 1, 2");
      expect(rejects).toEqual(manifest.badRows.map((b) => ({ location: b.location, value: b.value })).sort((a, b) => a.location.localeCompare(b.location) || a.value.localeCompare(b.value)));
      for (const bad of manifest.badRows) {
        const controls = api.tabValues(ids.spreadsheets[bad.country]!, "Contrôles");
        expect(controls.map((row) => row[0])).toContain(bad.location);
      }
    } finally {
      await api.close();
      other.close();
    }
  });
});
