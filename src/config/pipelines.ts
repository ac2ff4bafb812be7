import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ImaginEcoleError, EXIT } from "../core/errors.ts";

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
  /** The coordinator's monthly note and the digests to the countries. */
  coordinator?: CoordinatorConfig;
}

// --- The coordinator's outputs: `note` and `digest` -------------------------------------------

export interface CoordinatorConfig {
  /** Public address of the dashboard; a digest links to <siteUrl>/<lang>/pays/<ISO2>. */
  siteUrl?: string;
  note?: {
    /** Folder the note is written to, relative to the project. */
    out: string;
    /** Languages written by `schedule` (the command line takes --lang). */
    langs?: ("fr" | "en")[];
    schedule?: string;
  };
  digest?: DigestConfig;
}

export interface DigestConfig {
  /** Sender address, e.g. "ImaginEcole <suivi@imaginecole.org>". */
  from: string;
  /** Per country (ISO2): the focal points' addresses and the language of their digest. */
  focalPoints: Record<string, { lang: "fr" | "en"; to: string[] }>;
  /** SMTP server; host, port, user and password may come from the environment variables named. */
  smtp: {
    host?: string;
    hostEnv?: string;
    port?: number;
    portEnv?: string;
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure?: boolean;
    userEnv?: string;
    passwordEnv?: string;
  };
  /** A failed send is tried `attempts` times in all, waiting delayMs, then twice as long… */
  retry?: { attempts: number; delayMs: number };
  schedule?: string;
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
