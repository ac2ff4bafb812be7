import type { RunContext } from "../../context/run-context.ts";
import { resolveCountry } from "../reference/lookup.ts";

/** A country given by hand (--country, a Moodle source): a programme country by code or name, as ISO2. */
export function checkCountryCode(ctx: Pick<RunContext, "warehouse" | "root">, country: string): Promise<string> {
  return resolveCountry(ctx, country, { fr: "--country", en: "--country" });
}
