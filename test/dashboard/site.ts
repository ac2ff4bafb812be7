// Builds the test site once: a fixture warehouse for the ten reference countries plus an eleventh
// (Gabon) that exists only as data, one exported snapshot, and the dashboard built from them
// with no network at all (`unshare -n`: a network namespace with no interface but loopback).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { buildFixtureWarehouse, ROOT } from "./fixture-warehouse.ts";

export interface TestSite {
  dir: string;
  db: string;
  countriesCsv: string;
  snapshots: string;
  buildLog: string;
  cleanup: () => void;
}

/** The reference CSV with one more country, Gabon, added as a row. */
export function countriesWithGabon(): string {
  const text = readFileSync(join(ROOT, "pipelines/reference/countries.csv"), "utf8");
  const { data, meta } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const gabon: Record<string, string> = Object.fromEntries((meta.fields ?? []).map((f) => [f, ""]));
  Object.assign(gabon, {
    iso2: "GA", iso3: "GAB", iso_numeric: "266", name_en_worldbank: "Gabon", name_fr_iso_short: "Gabon",
    "primary_teachers_SE.PRM.TCHR": "12000", primary_teachers_year: "2019",
    "secondary_teachers_SE.SEC.TCHR": "9000", secondary_teachers_year: "2019",
  });
  return Papa.unparse([...data, gabon], { columns: meta.fields });
}

export async function buildTestSite(): Promise<TestSite> {
  const work = mkdtempSync(join(tmpdir(), "imaginecole-dashboard-"));
  const db = join(work, "warehouse.duckdb");
  const countriesCsv = join(work, "countries.csv");
  const snapshots = join(work, "snapshots");
  const dir = join(work, "site");
  writeFileSync(countriesCsv, countriesWithGabon());
  await buildFixtureWarehouse(db, countriesCsv);
  mkdirSync(join(snapshots, "2026-10-31"), { recursive: true });
  writeFileSync(join(snapshots, "2026-10-31", "indicators.csv"), "country_code,indicator_id,value\nBF,trainers_trained,84\n");
  writeFileSync(join(snapshots, "2026-10-31", "manifest.json"), JSON.stringify({
    tool: "imaginecole", as_of: "2026-10-31", generated_at: "2026-11-02T09:00:00Z",
    files: [{ path: "indicators.csv", bytes: 48, sha256: "0".repeat(64) }],
  }));
  const build = spawnSync("unshare", ["-n", join(ROOT, "node_modules/.bin/tsx"), "src/site/build.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      IMAGINECOLE_DB: db,
      IMAGINECOLE_DASHBOARD_OUT: dir,
      IMAGINECOLE_COUNTRIES: countriesCsv,
      IMAGINECOLE_SNAPSHOTS: snapshots,
    },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const buildLog = `${build.stdout ?? ""}${build.stderr ?? ""}`;
  if (build.status !== 0) {
    throw new Error(`offline build failed (status ${build.status}, ${build.error?.message ?? ""}):\n${buildLog.slice(-3000)}`);
  }
  return { dir, db, countriesCsv, snapshots, buildLog, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}
