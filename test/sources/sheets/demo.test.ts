import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemo, type DemoManifest } from "../../../src/demo/generate.ts";
import { runSheetFiles } from "../../../src/sources/sheets/index.ts";
import type { LoadResult } from "../../../src/warehouse/batch.ts";
import { openContext, type TestContext } from "./helpers.ts";

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
    for (const table of tables) dump += JSON.stringify(await t.ctx.warehouse.all(`SELECT * FROM ${table}`));
    expect(manifest.personal.length).toBeGreaterThan(100);
    expect(manifest.personal.filter((p) => dump.includes(p))).toEqual([]);
  });
});
