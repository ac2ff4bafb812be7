import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importSheetFiles } from "../../../src/sources/sheets/index.ts";
import { Warehouse } from "../../../src/warehouse/warehouse.ts";
import { PHASE, openContext, type TestContext } from "./helpers.ts";

const HEADER = "ID ressource,Titre,Discipline,Niveau,Langue,Type,Statut,Date du statut,Lien";

interface HistoryRow {
  resource_id: string;
  status: string;
  status_date: string;
  first_seen_load_id: string;
}

/** Imports a Ressources download for SN whose data rows are `rows` (CSV lines). */
async function importRessources(t: TestContext, name: string, rows: string[]) {
  const file = join(t.dir, `${name}.csv`);
  writeFileSync(file, [HEADER, ...rows].join("\n") + "\n");
  const [result] = await importSheetFiles(t.ctx, [file], { country: "SN", tab: "Ressources", phase: PHASE });
  return result!;
}

async function history(t: TestContext, warehouse: Warehouse = t.ctx.warehouse): Promise<HistoryRow[]> {
  return warehouse.all<HistoryRow>(
    `SELECT resource_id, status, strftime(status_date, '%Y-%m-%d') AS status_date, first_seen_load_id
     FROM core.resource_status_history ORDER BY resource_id, status_date`,
  );
}

describe("core.resource_status_history (Ressources tab)", () => {
  let t: TestContext;
  afterEach(() => t.close());

  it("keeps the production status of a resource seen later as published: two rows, each with its date and first load", async () => {
    t = await openContext();
    const first = await importRessources(t, "january", ["RES-SN-001,Lecture,Français,Primaire,Français,Vidéo,En production,10/01/2026,"]);
    const second = await importRessources(t, "march", ["RES-SN-001,Lecture,Français,Primaire,Français,Vidéo,Publiée,01/03/2026,https://imaginecole.org/r/1"]);
    expect(await history(t)).toEqual([
      { resource_id: "RES-SN-001", status: "in_production", status_date: "2026-01-10", first_seen_load_id: first.loadId },
      { resource_id: "RES-SN-001", status: "published", status_date: "2026-03-01", first_seen_load_id: second.loadId },
    ]);
    expect(await t.ctx.warehouse.all("SELECT resource_id, status FROM core.resources")).toEqual([{ resource_id: "RES-SN-001", status: "published" }]);
  });

  it("records only the published row of a resource first seen already published", async () => {
    t = await openContext();
    await importRessources(t, "april", ["RES-SN-002,Calcul,Mathématiques,Primaire,Français,Fiche,Publiée,15/04/2026,"]);
    expect((await history(t)).map((r) => [r.resource_id, r.status, r.status_date])).toEqual([["RES-SN-002", "published", "2026-04-15"]]);
  });

  it("keeps the history of a row deleted from the sheet, and the first date of a status seen again", async () => {
    t = await openContext();
    await importRessources(t, "one", [
      "RES-SN-003,Sciences,Sciences,Secondaire,Français,Vidéo,En validation,05/02/2026,",
      "RES-SN-004,Histoire,Histoire,Secondaire,Français,Vidéo,En validation,06/02/2026,",
    ]);
    await importRessources(t, "two", ["RES-SN-003,Sciences,Sciences,Secondaire,Français,Vidéo,Publiée,20/03/2026,"]);
    await importRessources(t, "three", ["RES-SN-003,Sciences,Sciences,Secondaire,Français,Vidéo,En validation,02/05/2026,"]);
    expect((await history(t)).map((r) => [r.resource_id, r.status, r.status_date])).toEqual([
      ["RES-SN-003", "in_validation", "2026-02-05"],
      ["RES-SN-003", "published", "2026-03-20"],
      ["RES-SN-004", "in_validation", "2026-02-06"],
    ]);
    expect(Number(await t.ctx.warehouse.scalar("SELECT count(*) FROM core.resources"))).toBe(1);
  });

  it("records nothing on a dry run (check)", async () => {
    t = await openContext({ dryRun: true });
    await importRessources(t, "dry", ["RES-SN-005,Lecture,Français,Primaire,Français,Vidéo,En production,10/01/2026,"]);
    expect(await history(t)).toEqual([]);
  });

  it("leaves out a row the sheet rejects, so a bad date never enters the history", async () => {
    t = await openContext();
    const result = await importRessources(t, "bad", ["RES-SN-006,Lecture,Français,Primaire,Français,Vidéo,En production,31/02/2026,"]);
    expect(result.rowsRejected).toBe(1);
    expect(await history(t)).toEqual([]);
  });

  it("starts the history of a warehouse loaded before it existed from the current statuses", async () => {
    t = await openContext({ file: true });
    await importRessources(t, "before", ["RES-SN-007,Lecture,Français,Primaire,Français,Vidéo,En validation,10/02/2026,"]);
    const path = join(t.dir, "warehouse.duckdb");
    // Back to the state before migration 021, then open again: the migration runs on loaded data.
    await t.ctx.warehouse.run("DROP TABLE core.resource_status_history");
    await t.ctx.warehouse.run("DELETE FROM main.schema_migrations WHERE version LIKE '021%'");
    t.ctx.warehouse.close();
    const reopened = await Warehouse.open(path);
    try {
      const loadId = await reopened.scalar("SELECT load_id FROM core.resources");
      expect(await history(t, reopened)).toEqual([
        { resource_id: "RES-SN-007", status: "in_validation", status_date: "2026-02-10", first_seen_load_id: loadId },
      ]);
    } finally {
      reopened.close();
    }
  });
});
