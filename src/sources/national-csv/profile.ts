import { existsSync, readFileSync } from "node:fs";
import { basename, isAbsolute, join, resolve } from "node:path";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Bilingual } from "../../core/message.ts";

/** The columns of core.national_usage a file can fill, plus an optional per-row platform name. */
export const COUNT_FIELDS = ["active_users", "new_users", "sessions", "page_views", "downloads"] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export const FIELDS = ["date", "platform", ...COUNT_FIELDS] as const;
export type Field = (typeof FIELDS)[number];

export type Granularity = "day" | "month" | "auto";
export type Encoding = "auto" | "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
export type Delimiter = "auto" | ";" | "," | "\t" | "|";
export type DecimalSeparator = "auto" | "," | ".";
/** "month": a month and no day, named ("janv. 2026", "March 2026") or numbered ("2026-03", "03/2026"). */
export const DATE_FORMATS = [
  "auto",
  "dd/mm/yyyy",
  "dd-mm-yyyy",
  "dd.mm.yyyy",
  "dd/mm/yy",
  "mm/dd/yyyy",
  "yyyy-mm-dd",
  "yyyy/mm/dd",
  "excel",
  "month",
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A mapping profile, as read from pipelines/profiles/national/<name>.json (see the README there). */
export interface NationalProfile {
  /** File the profile came from, or "canonical" for the built-in headers. */
  name: string;
  platform: string;
  /** Header aliases per field, profile aliases first, then the canonical French and English ones. */
  columns: Record<Field, string[]>;
  /** Count fields given as a percentage of another count field. */
  percentOf: Partial<Record<CountField, CountField>>;
  required: Field[];
  granularity: Granularity;
  /** "auto", or the one format the platform writes its dates in. */
  dateFormat: DateFormat;
  /** For "auto" dates written n/n/yyyy: day first (dd/mm/yyyy), month first, or null to tell from the file (day first when it cannot). */
  dayFirst: boolean | null;
  decimal: DecimalSeparator;
  encoding: Encoding;
  delimiter: Delimiter;
  timezone: string;
  /** Lower-case, accent-free words that start a totals or summary row. */
  summaryLabels: string[];
}

/** DESIGN.md "Sources" §3: accepted without any profile. */
export const CANONICAL_COLUMNS: Record<Field, string[]> = {
  date: ["Date", "Jour", "day"],
  platform: ["Plateforme", "platform"],
  active_users: ["Utilisateurs actifs", "active_users", "Active users"],
  new_users: ["Nouveaux utilisateurs", "Nouveaux inscrits", "new_users", "New users"],
  sessions: ["Sessions", "sessions"],
  page_views: ["Pages vues", "page_views", "Page views"],
  downloads: ["Téléchargements", "downloads", "Downloads"],
};

export const DEFAULT_SUMMARY_LABELS = [
  "total",
  "totaux",
  "sous-total",
  "sous total",
  "grand total",
  "somme",
  "moyenne",
  "ensemble",
  "cumul",
  "sum",
  "average",
  "mean",
];

export const DEFAULT_PLATFORM = "national";
export const DEFAULT_TIMEZONE = "UTC";

export const CANONICAL_PROFILE: NationalProfile = {
  name: "canonical",
  platform: DEFAULT_PLATFORM,
  columns: CANONICAL_COLUMNS,
  percentOf: {},
  required: ["date", "active_users"],
  granularity: "auto",
  dateFormat: "auto",
  dayFirst: null,
  decimal: "auto",
  encoding: "auto",
  delimiter: "auto",
  timezone: DEFAULT_TIMEZONE,
  summaryLabels: DEFAULT_SUMMARY_LABELS,
};

const KEYS = new Set([
  "$comment",
  "platform",
  "columns",
  "required",
  "granularity",
  "dateFormat",
  "dayFirst",
  "decimal",
  "encoding",
  "delimiter",
  "timezone",
  "summaryLabels",
]);

/** Compares headers the way people type them: case, accents, spaces, underscores and quotes do not matter. */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’`]/g, "'")
    .toLowerCase()
    .replace(/[_\s\u00a0\u202f]+/g, " ")
    .replace(/^[\s"']+|[\s"':]+$/g, "");
}

/** Validates a profile's JSON text. Pure; `name` is only used in messages. */
export function parseProfile(text: string, name: string): NationalProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw profileError(name, { fr: `JSON illisible (${(error as Error).message})`, en: `unreadable JSON (${(error as Error).message})` });
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw profileError(name, { fr: "le fichier doit contenir un objet JSON", en: "the file must hold a JSON object" });
  }
  const raw = json as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!KEYS.has(key)) {
      throw profileError(name, { fr: `champ inconnu « ${key} »`, en: `unknown field "${key}"` });
    }
  }

  const platform = raw.platform;
  if (typeof platform !== "string" || platform.trim() === "") {
    throw profileError(name, { fr: "« platform » doit nommer la plateforme", en: '"platform" must name the platform' });
  }

  const columns: Record<Field, string[]> = { ...CANONICAL_COLUMNS };
  const percentOf: Partial<Record<CountField, CountField>> = {};
  const declared = raw.columns ?? {};
  if (typeof declared !== "object" || declared === null || Array.isArray(declared)) {
    throw profileError(name, { fr: "« columns » doit être un objet", en: '"columns" must be an object' });
  }
  for (const [field, spec] of Object.entries(declared)) {
    if (!(FIELDS as readonly string[]).includes(field)) {
      throw profileError(name, {
        fr: `colonne inconnue « ${field} » dans « columns » (attendu : ${FIELDS.join(", ")})`,
        en: `unknown column "${field}" in "columns" (expected: ${FIELDS.join(", ")})`,
      });
    }
    const f = field as Field;
    const aliases = Array.isArray(spec) ? spec : typeof spec === "string" ? [spec] : aliasesOf(spec, f, name, percentOf);
    if (aliases.length === 0 || !aliases.every((a) => typeof a === "string" && a.trim() !== "")) {
      throw profileError(name, { fr: `« columns.${f} » doit lister des en-têtes`, en: `"columns.${f}" must list headers` });
    }
    columns[f] = [...(aliases as string[]), ...CANONICAL_COLUMNS[f]];
  }

  const required = raw.required ?? CANONICAL_PROFILE.required;
  if (!Array.isArray(required) || !required.every((r) => (FIELDS as readonly string[]).includes(r))) {
    throw profileError(name, { fr: `« required » doit lister des colonnes parmi ${FIELDS.join(", ")}`, en: `"required" must list columns among ${FIELDS.join(", ")}` });
  }
  const requiredFields = [...new Set(["date", ...required])] as Field[];

  const timezone = oneOf(raw.timezone ?? DEFAULT_TIMEZONE, null, "timezone", name);
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
  } catch {
    throw profileError(name, { fr: `fuseau horaire inconnu « ${timezone} » (ex. Africa/Dakar)`, en: `unknown time zone "${timezone}" (e.g. Africa/Dakar)` });
  }

  const labels = raw.summaryLabels ?? [];
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === "string" && l.trim() !== "")) {
    throw profileError(name, { fr: "« summaryLabels » doit lister des mots", en: '"summaryLabels" must list words' });
  }
  if (raw.dayFirst !== undefined && typeof raw.dayFirst !== "boolean") {
    throw profileError(name, { fr: "« dayFirst » doit valoir true ou false", en: '"dayFirst" must be true or false' });
  }

  return {
    name,
    platform: platform.trim(),
    columns,
    percentOf,
    required: requiredFields,
    granularity: oneOf(raw.granularity ?? "auto", ["day", "month", "auto"], "granularity", name) as Granularity,
    dateFormat: oneOf(raw.dateFormat ?? "auto", [...DATE_FORMATS], "dateFormat", name) as DateFormat,
    dayFirst: typeof raw.dayFirst === "boolean" ? raw.dayFirst : null,
    decimal: oneOf(raw.decimal ?? "auto", ["auto", ",", "."], "decimal", name) as DecimalSeparator,
    encoding: oneOf(raw.encoding ?? "auto", ["auto", "utf-8", "windows-1252", "utf-16le", "utf-16be"], "encoding", name) as Encoding,
    delimiter: oneOf(raw.delimiter ?? "auto", ["auto", ";", ",", "\t", "|"], "delimiter", name) as Delimiter,
    timezone,
    summaryLabels: [...DEFAULT_SUMMARY_LABELS, ...(labels as string[]).map(normaliseHeader)],
  };
}

function aliasesOf(spec: unknown, field: Field, name: string, percentOf: Partial<Record<CountField, CountField>>): unknown[] {
  if (typeof spec !== "object" || spec === null) {
    throw profileError(name, { fr: `« columns.${field} » doit être une liste d'en-têtes`, en: `"columns.${field}" must be a list of headers` });
  }
  const { headers, percentOf: base, ...rest } = spec as Record<string, unknown>;
  if (Object.keys(rest).length > 0) {
    throw profileError(name, { fr: `champ inconnu dans « columns.${field} » : ${Object.keys(rest).join(", ")}`, en: `unknown field in "columns.${field}": ${Object.keys(rest).join(", ")}` });
  }
  if (base !== undefined) {
    if (!(COUNT_FIELDS as readonly string[]).includes(field) || !(COUNT_FIELDS as readonly string[]).includes(base as string) || base === field) {
      throw profileError(name, {
        fr: `« columns.${field}.percentOf » doit nommer une autre colonne de comptage (${COUNT_FIELDS.join(", ")})`,
        en: `"columns.${field}.percentOf" must name another count column (${COUNT_FIELDS.join(", ")})`,
      });
    }
    percentOf[field as CountField] = base as CountField;
  }
  return Array.isArray(headers) ? headers : typeof headers === "string" ? [headers] : [];
}

function oneOf(value: unknown, allowed: string[] | null, field: string, name: string): string {
  if (typeof value === "string" && (allowed === null || allowed.includes(value))) return value;
  const list = allowed ? allowed.map((a) => JSON.stringify(a)).join(", ") : "a string";
  throw profileError(name, { fr: `« ${field} » doit valoir ${list}`, en: `"${field}" must be ${list}` });
}

function profileError(name: string, problem: Bilingual): ImaginEcoleError {
  return new ImaginEcoleError({
    fr: `Profil d'import ${name} : ${problem.fr}. Corrigez le profil (voir pipelines/profiles/national/README.md).`,
    en: `Import profile ${name}: ${problem.en}. Fix the profile (see pipelines/profiles/national/README.md).`,
  }, EXIT.usage);
}

/**
 * The profile for a country: `explicit` (a path, or a name in `dir`), else `<dir>/<ISO2>.json`,
 * else the canonical headers.
 */
export function resolveProfile(dir: string, country: string, explicit?: string): NationalProfile {
  if (explicit) {
    const path = isAbsolute(explicit) || explicit.includes("/") || explicit.endsWith(".json")
      ? resolve(explicit.endsWith(".json") || existsSync(explicit) ? explicit : `${explicit}.json`)
      : join(dir, `${explicit}.json`);
    if (!existsSync(path)) {
      throw new ImaginEcoleError({
        fr: `Profil d'import introuvable : ${path}. Vérifiez son nom ou son chemin.`,
        en: `Import profile not found: ${path}. Check its name or path.`,
      }, EXIT.usage);
    }
    return parseProfile(readFileSync(path, "utf8"), basename(path));
  }
  const path = join(dir, `${country}.json`);
  return existsSync(path) ? parseProfile(readFileSync(path, "utf8"), basename(path)) : CANONICAL_PROFILE;
}
