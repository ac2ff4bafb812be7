import type { CountryRule } from "./settings.ts";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Bilingual } from "../../core/message.ts";
import type { DuckDBValue } from "@duckdb/node-api";
import { fieldColumn, jsonPath, type Field, type FieldPath } from "./fields.ts";

/** The ImaginEcole platform's own conventions, used when a file import names no rule and no country. */
export const DEFAULT_COUNTRY_RULES: CountryRule[] = [
  { from: "extension", key: "https://imaginecole.org/xapi/extensions/country" },
  { from: "homepage", pattern: "^https?://([a-z]{2})\\.imaginecole\\.org" },
];

/**
 * Properties every statement is read through: what the warehouse keeps and what its checks need
 * (sql/statements.sql, sql/actors.sql). `json` ones are read as JSON text, to tell a string from
 * a number or an object; an account's name is read both ways (text for the identity).
 */
export const BASE_FIELDS = {
  id: { path: ["id"] },
  actorObjectType: { path: ["actor", "objectType"] },
  actorName: { path: ["actor", "name"], json: true },
  actorMbox: { path: ["actor", "mbox"] },
  actorSha1: { path: ["actor", "mbox_sha1sum"] },
  actorOpenid: { path: ["actor", "openid"] },
  actorHomePage: { path: ["actor", "account", "homePage"] },
  actorAccountName: { path: ["actor", "account", "name"] },
  actorAccountNameJson: { path: ["actor", "account", "name"], json: true },
  actorMember: { path: ["actor", "member"], json: true },
  verbId: { path: ["verb", "id"] },
  verbDisplay: { path: ["verb", "display"], json: true },
  objectType: { path: ["object", "objectType"] },
  objectId: { path: ["object", "id"] },
  objectName: { path: ["object", "name"], json: true },
  objectMbox: { path: ["object", "mbox"] },
  objectSha1: { path: ["object", "mbox_sha1sum"] },
  objectOpenid: { path: ["object", "openid"] },
  objectHomePage: { path: ["object", "account", "homePage"] },
  objectAccountName: { path: ["object", "account", "name"] },
  objectAccountNameJson: { path: ["object", "account", "name"], json: true },
  objectMember: { path: ["object", "member"], json: true },
  subActor: { path: ["object", "actor"], json: true },
  subVerb: { path: ["object", "verb"], json: true },
  subObject: { path: ["object", "object"], json: true },
  subTimestamp: { path: ["object", "timestamp"] },
  subStored: { path: ["object", "stored"], json: true },
  subVersion: { path: ["object", "version"], json: true },
  subAuthority: { path: ["object", "authority"], json: true },
  timestamp: { path: ["timestamp"] },
  stored: { path: ["stored"] },
  version: { path: ["version"], json: true },
  registration: { path: ["context", "registration"] },
  contextStatement: { path: ["context", "statement"], json: true },
} as const satisfies Record<string, Field>;

export const BASE_PATHS: readonly Field[] = Object.values(BASE_FIELDS);

export interface CompiledRules {
  /** Extra properties to read besides BASE_PATHS, as strings. */
  paths: FieldPath[];
  /** SQL expression over the fields' columns (fieldColumn) giving the upper-cased country candidate, or NULL. */
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
  const column = (path: FieldPath): string => {
    const base = BASE_PATHS.find((f) => !f.json && jsonPath(f.path) === jsonPath(path));
    if (!base && !paths.some((known) => jsonPath(known) === jsonPath(path))) paths.push(path);
    return fieldColumn({ path });
  };
  rules.forEach((rule, i) => {
    const p = `rule${i}`;
    switch (rule.from) {
      case "extension":
        if (rule.key.includes('"')) throw invalidRule(rule, { fr: "la clé d'extension ne peut pas contenir de guillemet double", en: "the extension key cannot contain a double quote" });
        parts.push(`NULLIF(${column(["context", "extensions", rule.key])}, '')`);
        break;
      case "platform": {
        const col = column(["context", "platform"]);
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
        const col = fieldColumn(rule.from === "activity" ? BASE_FIELDS.objectId : BASE_FIELDS.actorHomePage);
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
