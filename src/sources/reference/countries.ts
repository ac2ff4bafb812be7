import Papa from "papaparse";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import type { RunContext } from "../../context/run-context.ts";
import { loadBatch, type LoadResult } from "../../warehouse/batch.ts";

export interface Country {
  country_code: string;
  iso3: string;
  iso_numeric: string;
  name_fr: string;
  name_en: string;
  primary_teachers: number | null;
  primary_teachers_year: number | null;
  secondary_teachers: number | null;
  secondary_teachers_year: number | null;
  population: number | null;
  population_year: number | null;
}

/** Reads the reference CSV (shared/reference/countries.csv layout). Pure. */
export function parseCountries(text: string): Country[] {
  const { data } = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  const int = (v: string | undefined) => (v && /^\d+$/.test(v.trim()) ? Number(v) : null);
  return data.map((r) => ({
    country_code: (r.iso2 ?? "").trim(),
    iso3: (r.iso3 ?? "").trim(),
    iso_numeric: (r.iso_numeric ?? "").trim().padStart(3, "0"),
    name_fr: (r.name_fr_iso_short ?? "").trim(),
    name_en: (r.name_en_worldbank ?? "").trim(),
    primary_teachers: int(r["primary_teachers_SE.PRM.TCHR"]),
    primary_teachers_year: int(r.primary_teachers_year),
    secondary_teachers: int(r["secondary_teachers_SE.SEC.TCHR"]),
    secondary_teachers_year: int(r.secondary_teachers_year),
    population: int(r["population_SP.POP.TOTL"]),
    population_year: int(r.population_year),
  }));
}

/** Replaces core.countries with the reference file; skipped when the file is unchanged. */
export async function loadCountries(ctx: RunContext, path: string): Promise<LoadResult> {
  const text = readFileSync(path, "utf8");
  const sha = createHash("sha256").update(text).digest("hex");
  return loadBatch(ctx.warehouse, { source: "reference", location: path, contentSha256: sha }, async () => {
    const countries = parseCountries(text);
    await ctx.warehouse.run("DELETE FROM core.countries");
    for (const c of countries) {
      await ctx.warehouse.run(
        "INSERT INTO core.countries VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        Object.values(c),
      );
    }
    return { rowsRead: countries.length, rowsLoaded: countries.length };
  }, { dryRun: ctx.dryRun });
}
