import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ImaginEcoleError, EXIT } from "../core/errors.ts";
import type { SiteConfig } from "./site.ts";

/** How a statement's country is found, tried in order; the first that answers wins. */
export type CountryRule =
  | { from: "extension"; key: string }
  | { from: "platform"; map: Record<string, string> }
  | { from: "activity"; pattern: string }
  | { from: "homepage"; pattern: string }
  | { from: "fixed"; country: string };

export interface XapiFilesSource {
  kind: "xapi-files";
  name: string;
  /** A folder of .json/.ndjson statement files. */
  path: string;
  country: CountryRule[];
  schedule?: string;
}

export interface XapiLrsSource {
  kind: "xapi-lrs";
  name: string;
  endpoint: string;
  /** Names of the environment variables holding the Basic auth credentials. */
  usernameEnv: string;
  passwordEnv: string;
  pageSize?: number;
  country: CountryRule[];
  schedule?: string;
}

export interface MoodleLogSource {
  kind: "moodle-log-files";
  name: string;
  path: string;
  country: string;
  /** IANA zone of the exporting site, e.g. Africa/Abidjan. */
  timezone: string;
  schedule?: string;
}

export interface SheetFilesSource {
  kind: "sheet-files";
  name: string;
  /** Folder holding one folder per country (ISO2) and `regional/` with the Cibles tab. */
  path: string;
  schedule?: string;
}

export interface SheetsApiSource {
  kind: "sheets-api";
  name: string;
  /** Spreadsheet id per country code, and the regional one (Cibles). */
  spreadsheets: Record<string, string>;
  regional?: string;
  /** Service-account key file, or the name of an environment variable holding its path. */
  keyFileEnv: string;
  rootUrl?: string;
  requestsPerMinute?: number;
  /** Countries whose spreadsheet does not get the Contrôles tab written back. */
  noWriteBack?: string[];
  schedule?: string;
}

export interface NationalCsvSource {
  kind: "national-csv";
  name: string;
  /** Drop folder holding one folder per country (ISO2). */
  inbox: string;
  /** Where imported files are copied, named by content hash; none keeps them in place. */
  archive?: string;
  /** Folder of mapping profiles, one JSON file per country platform. */
  profiles: string;
  schedule?: string;
}

export type SourceConfig =
  | XapiFilesSource
  | XapiLrsSource
  | MoodleLogSource
  | SheetFilesSource
  | SheetsApiSource
  | NationalCsvSource;

export interface PipelinesConfig {
  /** True for the bundled demo: the demo hashing key is allowed. */
  demo: boolean;
  /** Demo only: the folder the demo generator writes the inputs to, generated when absent. */
  demoInputs?: string;
  phase: { start: string; end: string };
  /** Country reference data (codes, names, teacher denominators), relative to the project. */
  countries: string;
  sources: SourceConfig[];
  /** Folder of the Hive-partitioned Parquet copy of usage events, rewritten when data changed. */
  lake?: string;
  /** The site's editions and where they are published (src/config/site.ts). */
  site?: SiteConfig;
}

export const DEMO_CONFIG = "pipelines/demo.json";
export const CONFIG_ENV = "IMAGINECOLE_CONFIG";

/** The configuration named by --config or IMAGINECOLE_CONFIG, else the bundled demo one. */
export function loadConfig(root: string, explicit?: string): { path: string; config: PipelinesConfig } {
  const path = resolve(root, explicit ?? process.env[CONFIG_ENV] ?? DEMO_CONFIG);
  if (!existsSync(path)) {
    throw new ImaginEcoleError(
      `Fichier de configuration introuvable : ${path}. Indiquez-le avec --config ou ${CONFIG_ENV}.`,
      `Configuration file not found: ${path}. Name it with --config or ${CONFIG_ENV}.`,
      EXIT.usage,
    );
  }
  let config: PipelinesConfig;
  try {
    config = JSON.parse(readFileSync(path, "utf8")) as PipelinesConfig;
  } catch (error) {
    throw new ImaginEcoleError(
      `Configuration illisible (${path}) : ${(error as Error).message}. Corrigez le JSON.`,
      `Unreadable configuration (${path}): ${(error as Error).message}. Fix the JSON.`,
      EXIT.usage,
    );
  }
  return { path, config };
}
