import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";

export const REGIONS_FILE = "pipelines/reference/regions.csv";

/** First-level administrative regions of a country (pipelines/reference/regions.csv), in file order. */
export function readRegions(root: string, country: string, file: string = REGIONS_FILE): string[] {
  const path = join(root, file);
  if (!existsSync(path)) return [];
  const { data } = Papa.parse<Record<string, string>>(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
  return data.filter((r) => r.country_code?.trim().toUpperCase() === country.toUpperCase()).map((r) => (r.name ?? "").trim()).filter(Boolean);
}
