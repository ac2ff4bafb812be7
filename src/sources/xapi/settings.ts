import { z } from "zod";
import { countryCode, envName, httpUrl, path, sourceSettings } from "../plugin.ts";

/** How a statement's country is found, tried in order; the first that answers wins. */
export const countryRule = z.discriminatedUnion("from", [
  z.strictObject({ from: z.literal("extension"), key: z.string().min(1) }),
  z.strictObject({ from: z.literal("platform"), map: z.record(z.string(), countryCode) }),
  z.strictObject({ from: z.literal("activity"), pattern: z.string().min(1) }),
  z.strictObject({ from: z.literal("homepage"), pattern: z.string().min(1) }),
  z.strictObject({ from: z.literal("fixed"), country: countryCode }),
]);
export type CountryRule = z.infer<typeof countryRule>;

const countryRules = z.array(countryRule).min(1);

/** A folder of .json/.ndjson statement files. */
export const xapiFilesSettings = sourceSettings("xapi-files", { path, country: countryRules });
export type XapiFilesSource = z.infer<typeof xapiFilesSettings>;

/** A Learning Record Store pulled over HTTP from where the last run ended. */
export const xapiLrsSettings = sourceSettings("xapi-lrs", {
  endpoint: httpUrl,
  /** Names of the environment variables holding the Basic auth credentials. */
  usernameEnv: envName,
  passwordEnv: envName,
  pageSize: z.number().int().positive().optional(),
  country: countryRules,
});
export type XapiLrsSource = z.infer<typeof xapiLrsSettings>;
