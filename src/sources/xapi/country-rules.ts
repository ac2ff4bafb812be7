import type { CountryRule } from "./settings.ts";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Bilingual } from "../../core/message.ts";
import type { DuckDBValue } from "@duckdb/node-api";
import { jsonPath, type FieldPath } from "./fields.ts";

/** The ImaginEcole platform's own conventions, used when a file import names no rule and no country. */
export const DEFAULT_COUNTRY_RULES: CountryRule[] = [
  { from: "extension", key: "https://imaginecole.org/xapi/extensions/country" },
  { from: "homepage", pattern: "^https?://([a-z]{2})\\.imaginecole\\.org" },
];

/** Properties every statement is read through; `f<n>` in SQL is the n-th (1-based). */
export const BASE_PATHS: readonly FieldPath[] = [
  ["id"],
  ["actor", "mbox"],
  ["actor", "mbox_sha1sum"],
  ["actor", "openid"],
  ["actor", "account", "homePage"],
  ["actor", "account", "name"],
  ["verb", "id"],
  ["object", "id"],
  ["timestamp"],
  ["stored"],
];

const F_OBJECT_ID = 8;
const F_HOMEPAGE = 5;

export interface CompiledRules {
  /** Extra properties to read after BASE_PATHS. */
  paths: FieldPath[];
  /** SQL expression over the fields `f1`, `f2`… giving the upper-cased country candidate, or NULL. */
  sql: string;
  params: Record<string, DuckDBValue>;
}

/**
 * Turns the configured rules into one SQL expression, tried in order (first non-empty answer
 * wins). Only rule structure becomes SQL text; every configured value is a bound parameter.
 */
export function compileCountryRules(rules: CountryRule[]): CompiledRules {
  const paths: FieldPath[] = [];
  const params: Record<string, DuckDBValue> = {};
  const parts: string[] = [];
  const pathIndex = (path: FieldPath): number => {
    const existing = paths.findIndex((known) => jsonPath(known) === jsonPath(path));
    if (existing >= 0) return BASE_PATHS.length + existing + 1;
    paths.push(path);
    return BASE_PATHS.length + paths.length;
  };
  rules.forEach((rule, i) => {
    const p = `rule${i}`;
    switch (rule.from) {
      case "extension":
        if (rule.key.includes('"')) throw invalidRule(rule, { fr: "la clé d'extension ne peut pas contenir de guillemet double", en: "the extension key cannot contain a double quote" });
        parts.push(`NULLIF(f${pathIndex(["context", "extensions", rule.key])}, '')`);
        break;
      case "platform": {
        const col = `f${pathIndex(["context", "platform"])}`;
        const whens = Object.entries(rule.map).map(([platform, country], j) => {
          params[`${p}_k${j}`] = platform;
          params[`${p}_v${j}`] = country;
          return `WHEN $${p}_k${j} THEN $${p}_v${j}`;
        });
        if (whens.length > 0) parts.push(`CASE ${col} ${whens.join(" ")} END`);
        break;
      }
      case "activity":
      case "homepage": {
        checkPattern(rule, rule.pattern);
        params[p] = rule.pattern;
        // CASE rather than NULLIF: NULLIF repeats its argument, so the regex would run on every
        // row even when an earlier rule already answered.
        const col = `f${rule.from === "activity" ? F_OBJECT_ID : F_HOMEPAGE}`;
        parts.push(`CASE WHEN regexp_matches(${col}, $${p}) THEN NULLIF(regexp_extract(${col}, $${p}, 1), '') END`);
        break;
      }
      case "fixed":
        params[p] = rule.country;
        parts.push(`$${p}`);
        break;
    }
  });
  const sql = parts.length === 0 ? "CAST(NULL AS VARCHAR)" : `upper(trim(coalesce(${parts.join(", ")})))`;
  return { paths, sql, params };
}

/** A pattern must compile and capture the country code in its first group. */
function checkPattern(rule: CountryRule, pattern: string): void {
  let groups: number;
  try {
    groups = (new RegExp(`${pattern}|`).exec("")?.length ?? 1) - 1;
  } catch (error) {
    const why = (error as Error).message;
    throw invalidRule(rule, { fr: `le motif ne se compile pas (${why})`, en: `the pattern does not compile (${why})` });
  }
  if (groups < 1) {
    throw invalidRule(rule, {
      fr: "le motif doit entourer le code pays de parenthèses (un groupe)",
      en: "the pattern needs a group in parentheses around the country code",
    });
  }
}

function invalidRule(rule: CountryRule, why: Bilingual): ImaginEcoleError {
  const shown = JSON.stringify(rule);
  return new ImaginEcoleError({
    fr: `Règle de pays invalide ${shown} : ${why.fr}. Corrigez la règle dans la configuration.`,
    en: `Invalid country rule ${shown}: ${why.en}. Fix the rule in the configuration.`,
  }, EXIT.usage);
}
