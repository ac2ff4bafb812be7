import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";

/** A country given by hand (--country, a Moodle source): ISO2, and in the reference once loaded. */
export async function checkCountryCode(warehouse: Warehouse, country: string): Promise<string> {
  const code = country.trim().toUpperCase();
  const known = await warehouse.all<{ country_code: string }>("SELECT country_code FROM core.countries");
  const ok = /^[A-Z]{2}$/.test(code) && (known.length === 0 || known.some((c) => c.country_code === code));
  if (!ok) {
    throw new ImaginEcoleError({
      fr: `Pays inconnu « ${country} » : donnez le code ISO à deux lettres d'un pays de la référence (ex. SN).`,
      en: `Unknown country "${country}": give the two-letter ISO code of a reference country (e.g. SN).`,
    }, EXIT.usage);
  }
  return code;
}
