import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunContext } from "../../context/run-context.ts";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import { formatList } from "../../core/format.ts";
import { editDistance, normaliseLabel } from "../sheets/normalise.ts";
import { parseCountries } from "./countries.ts";

/** How a country may be named: its codes and its names in both languages. */
export interface CountryNames {
  country_code: string;
  iso3?: string;
  name_fr: string;
  name_en: string;
}

/** Member countries from core.countries, or from the reference file when it was not loaded yet. */
export async function readCountries(ctx: Pick<RunContext, "warehouse" | "root">): Promise<CountryNames[]> {
  const rows = await ctx.warehouse.all<CountryNames>("SELECT country_code, iso3, name_fr, name_en FROM core.countries ORDER BY country_code");
  if (rows.length > 0) return rows;
  const file = join(ctx.root, "pipelines/reference/countries.csv");
  return existsSync(file) ? parseCountries(readFileSync(file, "utf8")) : [];
}

/** Matches ISO2, ISO3, French or English names, ignoring case, accents and apostrophes; exact, so Niger ≠ Nigeria. */
export function countryMatcher(countries: readonly CountryNames[]): (value: string) => string | null {
  const index = new Map<string, string>();
  for (const c of countries) {
    for (const label of [c.country_code, c.iso3 ?? "", c.name_fr, c.name_en]) {
      if (label) index.set(normaliseLabel(label), c.country_code);
    }
  }
  return (value) => index.get(normaliseLabel(value)) ?? null;
}

/**
 * Whether `code` is a member country. With no reference at all (a bare warehouse outside a
 * project) every well-formed code passes: every run loads the reference first.
 */
export function isMember(countries: readonly CountryNames[], code: string): boolean {
  return countries.length === 0 || countries.some((c) => c.country_code === code);
}

/** The member country whose code or name is closest to what was typed. Pure. */
export function closestCountry(countries: readonly CountryNames[], value: string): CountryNames | null {
  const typed = normaliseLabel(value);
  let best: { country: CountryNames; distance: number } | null = null;
  for (const c of countries) {
    for (const label of [c.country_code, c.iso3 ?? "", c.name_fr, c.name_en]) {
      if (!label) continue;
      const distance = editDistance(typed, normaliseLabel(label));
      if (!best || distance < best.distance) best = { country: c, distance };
    }
  }
  return best?.country ?? null;
}

/** The refusal of an unknown country: what was typed, where, the closest member and every code. */
export function unknownCountry(countries: readonly CountryNames[], value: string, where: { fr: string; en: string } = { fr: "", en: "" }): ImaginEcoleError {
  const closest = closestCountry(countries, value);
  const codes = countries.map((c) => c.country_code);
  const at = (lang: "fr" | "en") => (where[lang] ? ` (${where[lang]})` : "");
  return new ImaginEcoleError({
    fr: `Pays inconnu « ${value} »${at("fr")} : ${closest ? `vouliez-vous dire ${closest.country_code} (${closest.name_fr}) ? ` : ""}Donnez le code ISO à deux lettres ou le nom, en français ou en anglais, d'un des pays du programme : ${formatList("fr", codes, "or")}.`,
    en: `Unknown country "${value}"${at("en")}: ${closest ? `did you mean ${closest.country_code} (${closest.name_en})? ` : ""}Give the two-letter ISO code or the name, in French or English, of one of the programme's countries: ${formatList("en", codes, "or")}.`,
  }, EXIT.usage);
}

/**
 * The ISO2 code of a member country named by code (GN, GIN) or by name in either language
 * (Guinée, Guinea); anything else is refused with the closest member suggested.
 */
export async function resolveCountry(ctx: Pick<RunContext, "warehouse" | "root">, value: string, where?: { fr: string; en: string }): Promise<string> {
  const countries = await readCountries(ctx);
  const code = countryMatcher(countries)(value.trim());
  if (code) return code;
  // No reference to check against (a bare warehouse outside a project): a well-formed code passes;
  // every run loads the reference first, so a real run never gets here.
  if (countries.length === 0 && /^[A-Za-z]{2}$/.test(value.trim())) return value.trim().toUpperCase();
  throw unknownCountry(countries, value.trim(), where);
}
