import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunContext } from "../../context/run-context.ts";
import { loadPhase } from "../../config/phase.ts";
import { parseCountries } from "../reference/countries.ts";
import { normaliseLabel } from "./normalise.ts";
import type { Phase } from "./parse-tab.ts";

/** Indicator id → the labels country and regional teams type in Cibles. Data, so the catalogue can extend it. */
export const INDICATOR_ALIASES_FILE = join(dirname(fileURLToPath(import.meta.url)), "indicator-aliases.json");

export interface CountryNames {
  country_code: string;
  iso3?: string;
  name_fr: string;
  name_en: string;
}

/** Matches ISO2, ISO3, French or English names, ignoring case, accents and apostrophes; exact, so Niger ≠ Nigeria. */
export function countryMatcher(countries: CountryNames[]): (value: string) => string | null {
  const index = new Map<string, string>();
  for (const c of countries) {
    for (const label of [c.country_code, c.iso3 ?? "", c.name_fr, c.name_en]) {
      if (label) index.set(normaliseLabel(label), c.country_code);
    }
  }
  return (value) => index.get(normaliseLabel(value)) ?? null;
}

export function indicatorMatcher(aliases: Record<string, string[]>): (value: string) => string | null {
  const index = new Map<string, string>();
  for (const [id, labels] of Object.entries(aliases)) {
    for (const label of [id, ...labels]) index.set(normaliseLabel(label), id);
  }
  return (value) => index.get(normaliseLabel(value)) ?? null;
}

export function readIndicatorAliases(path: string = INDICATOR_ALIASES_FILE): Record<string, string[]> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, string[]>;
}

/** Member countries from core.countries, or from the reference file when it was not loaded yet. */
export async function readCountries(ctx: RunContext): Promise<CountryNames[]> {
  const rows = await ctx.warehouse.all<CountryNames>("SELECT country_code, iso3, name_fr, name_en FROM core.countries");
  if (rows.length > 0) return rows;
  const file = join(ctx.root, "pipelines/reference/countries.csv");
  return existsSync(file) ? parseCountries(readFileSync(file, "utf8")) : [];
}

/**
 * The project phase dates are checked against: given by the caller, else the run context's
 * (the command line sets it from the configuration), else the `phase` of the configuration
 * named by IMAGINECOLE_CONFIG or pipelines/demo.json.
 */
export function resolvePhase(ctx: RunContext, phase?: Phase): Phase {
  return phase ?? ctx.phase ?? loadPhase(ctx.root);
}
