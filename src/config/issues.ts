import { z } from "zod";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";

/** One problem of a configuration file: where (a JSON path) and what is expected, in both languages. */
export interface ConfigProblem {
  path: string;
  fr: string;
  en: string;
}

/** A rule's message in both languages (zod keeps `params` on custom issues): configuration errors show both. */
export function said(fr: string, en: string): { params: { fr: string; en: string } } {
  return { params: { fr, en } };
}

/** The usage error a configuration with problems stops at: the file, then one line per problem. */
export function invalidConfiguration(file: string, problems: ConfigProblem[]): ImaginEcoleError {
  const lines = (lang: "fr" | "en") =>
    problems.map((p) => `  ${p.path || (lang === "fr" ? "(racine)" : "(top level)")}${lang === "fr" ? " : " : ": "}${p[lang]}`).join("\n");
  return new ImaginEcoleError({
    fr: `Configuration invalide (${file}) :\n${lines("fr")}\nCorrigez le fichier puis relancez.`,
    en: `Invalid configuration (${file}):\n${lines("en")}\nFix the file, then run again.`,
  }, EXIT.usage);
}

/** `sources[2].spreadsheets.GN` for ["sources", 2, "spreadsheets", "GN"]; keys that are not names are quoted. Pure. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let shown = "";
  for (const key of path) {
    if (typeof key === "number") shown += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) shown += shown === "" ? key : `.${key}`;
    else shown += `[${JSON.stringify(String(key))}]`;
  }
  return shown;
}

/** Zod's issues as problems people can act on. Issues must come from a parse with `reportInput: true`. Pure. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: jsonPath([...issue.path, key]),
        fr: "paramètre inconnu : retirez-le ou corrigez son nom",
        en: "unknown setting: remove it or correct its name",
      }));
    }
    return [{ path: jsonPath(issue.path), ...describeIssue(issue) }];
  });
}

type Said = { fr: string; en: string };

function describeIssue(issue: z.core.$ZodIssue): Said {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "custom": {
      const params = issue.params as Partial<Said> | undefined;
      if (params?.fr && params.en) return { fr: params.fr, en: params.en };
      break;
    }
    case "invalid_type": {
      const expected = TYPES[issue.expected] ?? { fr: issue.expected, en: issue.expected };
      const attendu = expected.feminine ? "attendue" : "attendu";
      if (input === undefined) return { fr: `manquant : ${expected.fr} ${attendu}`, en: `missing: expected ${expected.en}` };
      return {
        fr: `${expected.fr} ${attendu}, pas ${shown(input)}`,
        en: `expected ${expected.en}, not ${shown(input)}`,
      };
    }
    case "invalid_value":
      return oneOf(issue.values.map(String), input);
    case "invalid_union":
      // A discriminated union names the discriminator's allowed values; the input is the whole object.
      if ("options" in issue && Array.isArray(issue.options)) {
        const key = "discriminator" in issue ? String(issue.discriminator) : undefined;
        const value = key && typeof input === "object" && input !== null ? (input as Record<string, unknown>)[key] : input;
        return oneOf(issue.options.map(String), value);
      }
      break;
    case "invalid_key": {
      const inner = issue.issues[0] ? describeIssue(issue.issues[0]) : { fr: "clé invalide", en: "invalid key" };
      return { fr: `clé ${shown(input)} : ${inner.fr}`, en: `key ${shown(input)}: ${inner.en}` };
    }
    case "too_small":
      return bound(issue.origin, Number(issue.minimum), issue.inclusive !== false, "min");
    case "too_big":
      return bound(issue.origin, Number(issue.maximum), issue.inclusive !== false, "max");
  }
  return {
    fr: z.locales.fr().localeError(issue as never) as string,
    en: z.locales.en().localeError(issue as never) as string,
  };
}

const TYPES: Record<string, Said & { feminine?: true }> = {
  string: { fr: "un texte", en: "a string" },
  number: { fr: "un nombre", en: "a number" },
  int: { fr: "un nombre entier", en: "a whole number" },
  boolean: { fr: "true ou false", en: "true or false" },
  object: { fr: "un objet { … }", en: "an object { … }" },
  record: { fr: "un objet { … }", en: "an object { … }" },
  array: { fr: "une liste [ … ]", en: "a list [ … ]", feminine: true },
};

function shown(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "[…]";
  if (typeof value === "object") return "{…}";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function oneOf(values: string[], input: unknown): Said {
  const list = values.map((v) => `« ${v} »`).join(", ");
  const listEn = values.map((v) => `"${v}"`).join(", ");
  const got = input === undefined ? { fr: "manquant", en: "missing" } : { fr: `pas ${shown(input)}`, en: `not ${shown(input)}` };
  return values.length === 1
    ? { fr: `${list} attendu, ${got.fr}`, en: `expected ${listEn}, ${got.en}` }
    : { fr: `une valeur parmi ${list} attendue, ${got.fr}`, en: `expected one of ${listEn}, ${got.en}` };
}

function bound(origin: string, limit: number, inclusive: boolean, side: "min" | "max"): Said {
  if (origin === "string" && side === "min" && limit <= 1) return { fr: "ne doit pas être vide", en: "must not be empty" };
  if (origin === "array" || origin === "set") {
    return side === "min"
      ? { fr: `au moins ${limit} élément(s) attendu(s)`, en: `expected at least ${limit} item(s)` }
      : { fr: `au plus ${limit} élément(s) attendu(s)`, en: `expected at most ${limit} item(s)` };
  }
  if (origin === "string") {
    return side === "min"
      ? { fr: `au moins ${limit} caractères attendus`, en: `expected at least ${limit} characters` }
      : { fr: `au plus ${limit} caractères attendus`, en: `expected at most ${limit} characters` };
  }
  const fr = side === "min" ? (inclusive ? "≥" : ">") : inclusive ? "≤" : "<";
  return { fr: `un nombre ${fr} ${limit} attendu`, en: `expected a number ${fr} ${limit}` };
}
