// A country named by hand (`status --country`, imports): its ISO2 code from a code (ISO2 or
// ISO3) or a French or English name, and on a miss the closest known code to suggest.
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";

export interface CountryName {
  country_code: string;
  iso3: string;
  name_fr: string;
  name_en: string;
}

const plain = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/** The country a code or name designates exactly (after dropping case and accents), or null. Pure. */
export function findCountry(input: string, countries: readonly CountryName[]): CountryName | null {
  const wanted = plain(input);
  return countries.find((c) => [c.country_code, c.iso3, c.name_fr, c.name_en].some((n) => plain(n) === wanted)) ?? null;
}

/**
 * The known countries closest to what was typed (edit distance to their codes and names), all
 * those at the smallest distance, when it is small: two letters off a two-letter code is any code. Pure.
 */
export function closestCountries(input: string, countries: readonly CountryName[]): CountryName[] {
  const wanted = plain(input);
  const scored = countries.map((country) => ({
    country,
    distance: Math.min(...[country.country_code, country.iso3, country.name_fr, country.name_en].map((n) => editDistance(wanted, plain(n)))),
  }));
  const best = Math.min(...scored.map((s) => s.distance));
  if (best > Math.max(1, Math.floor(wanted.length / 3))) return [];
  return scored.filter((s) => s.distance === best).map((s) => s.country);
}

/** The ISO2 code of a country of core.countries, or a usage error (exit 2) suggesting the closest. */
export async function requireCountry(warehouse: Warehouse, input: string): Promise<string> {
  const countries = await warehouse.all<CountryName>("SELECT country_code, iso3, name_fr, name_en FROM core.countries ORDER BY country_code");
  const found = findCountry(input, countries);
  if (found) return found.country_code;
  const near = closestCountries(input, countries);
  const known = countries.map((c) => c.country_code).join(", ");
  const guess = (lang: "fr" | "en") => near.map((c) => `${c.country_code} (${lang === "fr" ? c.name_fr : c.name_en})`).join(lang === "fr" ? " ou " : " or ");
  throw new ImaginEcoleError({
    fr: `Pays inconnu « ${input} ». ${near.length > 0 ? `Vouliez-vous dire ${guess("fr")} ? ` : ""}Donnez le code ou le nom d'un pays de la référence : ${known}.`,
    en: `Unknown country "${input}". ${near.length > 0 ? `Did you mean ${guess("en")}? ` : ""}Give the code or name of a reference country: ${known}.`,
  }, EXIT.usage);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
