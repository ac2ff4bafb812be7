import { existsSync, readFileSync } from "node:fs";
import { ImaginEcoleError, EXIT } from "../core/errors.ts";
import { formatNumber, formatPercent } from "../core/format.ts";
import type { Bilingual } from "../core/message.ts";
import type { RuleId } from "./catalogue.ts";

export const DEFAULT_RULES_PATH = "pipelines/indicators.json";

/** Thresholds of pipelines/indicators.json: target status, reporting deadline, bottleneck rules. */
export interface IndicatorRules {
  reporting: {
    /** Day of the following month by which a month's report is due. */
    deadlineDay: number;
    /** Countries expected to send a national export every month of the phase, even before their first. */
    nationalExportsRequired: string[];
  };
  /** value / pro-rata target: at or above onTrack is on track, at or above atRisk at risk, below off track (also the behind_trajectory flags: medium at risk, high off track). */
  targetStatus: { onTrack: number; atRisk: number };
  /** Last segment of the xAPI verb IRI (or the verb itself) counted as a view or a download. */
  usage: { viewVerbs: string[]; downloadVerbs: string[] };
  rules: {
    resources_stuck_in_validation: { days: number; minCount: number; highCount: number };
    trained_but_inactive: { minTeachersTrained: number; ratioMedium: number; ratioHigh: number };
    falling_use: { dropMedium: number; dropHigh: number };
    stale_data: { sheetDays: number; sheetDaysHigh: number };
    /** Overdue activities as a share of those due (cancelled left out). */
    overdue_activities: { minCount: number; shareMedium: number; shareHigh: number };
  };
}

/** Reads and checks the thresholds; a missing or mistyped one names its key. */
export function loadRules(path: string = DEFAULT_RULES_PATH): IndicatorRules {
  if (!existsSync(path)) {
    throw new ImaginEcoleError({
      fr: `Fichier des seuils introuvable : ${path}. Copiez pipelines/indicators.json du dépôt.`,
      en: `Thresholds file not found: ${path}. Copy pipelines/indicators.json from the repository.`,
    }, EXIT.usage);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ImaginEcoleError({
      fr: `Seuils illisibles (${path}) : ${(error as Error).message}. Corrigez le JSON.`,
      en: `Unreadable thresholds (${path}): ${(error as Error).message}. Fix the JSON.`,
    }, EXIT.usage);
  }
  return checkRules(data, path);
}

const NUMBERS: Array<[string, "positive" | "share" | "day"]> = [
  ["reporting.deadlineDay", "day"],
  ["targetStatus.onTrack", "share"],
  ["targetStatus.atRisk", "share"],
  ["rules.resources_stuck_in_validation.days", "positive"],
  ["rules.resources_stuck_in_validation.minCount", "positive"],
  ["rules.resources_stuck_in_validation.highCount", "positive"],
  ["rules.trained_but_inactive.minTeachersTrained", "positive"],
  ["rules.trained_but_inactive.ratioMedium", "share"],
  ["rules.trained_but_inactive.ratioHigh", "share"],
  ["rules.falling_use.dropMedium", "share"],
  ["rules.falling_use.dropHigh", "share"],
  ["rules.stale_data.sheetDays", "positive"],
  ["rules.stale_data.sheetDaysHigh", "positive"],
  ["rules.overdue_activities.minCount", "positive"],
  ["rules.overdue_activities.shareMedium", "share"],
  ["rules.overdue_activities.shareHigh", "share"],
];

const LISTS = ["reporting.nationalExportsRequired", "usage.viewVerbs", "usage.downloadVerbs"];

/** Pure check of parsed thresholds. */
export function checkRules(data: unknown, path: string): IndicatorRules {
  const at = (key: string): unknown =>
    key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), data);
  const fail = (key: string, problem: Bilingual): never => {
    throw new ImaginEcoleError({ fr: `${path} : « ${key} » ${problem.fr}`, en: `${path}: "${key}" ${problem.en}` }, EXIT.usage);
  };
  for (const [key, range] of NUMBERS) {
    const v = at(key);
    if (typeof v !== "number" || !Number.isFinite(v)) fail(key, { fr: "doit être un nombre.", en: "must be a number." });
    const n = v as number;
    if (range === "day" && !(Number.isInteger(n) && n >= 1 && n <= 28)) fail(key, { fr: "doit être un jour entre 1 et 28.", en: "must be a day from 1 to 28." });
    if (range === "share" && !(n >= 0 && n <= 1)) fail(key, { fr: "doit être une part entre 0 et 1 (0,9 pour 90 %).", en: "must be a share from 0 to 1 (0.9 for 90%)." });
    if (range === "positive" && !(n >= 0)) fail(key, { fr: "doit être positif.", en: "must be positive." });
  }
  for (const key of LISTS) {
    const v = at(key);
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) fail(key, { fr: "doit être une liste de textes.", en: "must be a list of strings." });
  }
  const rules = data as IndicatorRules;
  if (rules.targetStatus.atRisk > rules.targetStatus.onTrack) {
    fail("targetStatus.atRisk", { fr: "doit être inférieur ou égal à onTrack.", en: "must not exceed onTrack." });
  }
  return rules;
}

/**
 * When each rule flags a country, in words, with the thresholds of pipelines/indicators.json: what
 * the bottleneck page shows beside each rule, so a reader knows how far a country is from the line.
 */
export function ruleThreshold(id: RuleId, rules: IndicatorRules): Bilingual {
  const pct = (lang: "fr" | "en", share: number) => formatPercent(lang, share);
  const num = (lang: "fr" | "en", n: number) => formatNumber(lang, n, 0);
  const both = (text: (lang: "fr" | "en") => string): Bilingual => ({ fr: text("fr"), en: text("en") });
  const { targetStatus: s, rules: r } = rules;
  switch (id) {
    case "behind_trajectory":
      return both((l) => l === "fr"
        ? `Un indicateur sous ${pct(l, s.onTrack)} de sa trajectoire le dernier mois complet (moyenne), sous ${pct(l, s.atRisk)} (élevée).`
        : `An indicator below ${pct(l, s.onTrack)} of its trajectory in the last complete month (medium), below ${pct(l, s.atRisk)} (high).`);
    case "resources_stuck_in_validation": {
      const v = r.resources_stuck_in_validation;
      return both((l) => l === "fr"
        ? `Au moins ${num(l, v.minCount)} ressources en validation depuis ${num(l, v.days)} jours ou plus ; élevée à partir de ${num(l, v.highCount)}.`
        : `At least ${num(l, v.minCount)} resources in validation for ${num(l, v.days)} days or more; high from ${num(l, v.highCount)}.`);
    }
    case "trained_but_inactive": {
      const v = r.trained_but_inactive;
      return both((l) => l === "fr"
        ? `À partir de ${num(l, v.minTeachersTrained)} enseignants formés, moins de ${pct(l, v.ratioMedium)} d'utilisateurs actifs par enseignant formé ; élevée sous ${pct(l, v.ratioHigh)}.`
        : `From ${num(l, v.minTeachersTrained)} teachers trained, fewer than ${pct(l, v.ratioMedium)} active users per teacher trained; high below ${pct(l, v.ratioHigh)}.`);
    }
    case "falling_use": {
      const v = r.falling_use;
      return both((l) => l === "fr"
        ? `Utilisateurs actifs des trois derniers mois en baisse d'au moins ${pct(l, v.dropMedium)} sur les trois précédents ; élevée à partir de ${pct(l, v.dropHigh)}.`
        : `Active users of the last three months down ${pct(l, v.dropMedium)} or more on the three before; high from ${pct(l, v.dropHigh)}.`);
    }
    case "stale_data": {
      const v = r.stale_data;
      return both((l) => l === "fr"
        ? `Feuille pays non modifiée depuis ${num(l, v.sheetDays)} jours (élevée à partir de ${num(l, v.sheetDaysHigh)}), ou un export ou relevé mensuel attendu manquant.`
        : `Country sheet not edited for ${num(l, v.sheetDays)} days (high from ${num(l, v.sheetDaysHigh)}), or an expected monthly export or statement missing.`);
    }
    case "overdue_activities": {
      const v = r.overdue_activities;
      return both((l) => l === "fr"
        ? `Au moins ${num(l, v.minCount)} activités échues et non réalisées, ${pct(l, v.shareMedium)} ou plus de celles dues ; élevée à partir de ${pct(l, v.shareHigh)}.`
        : `At least ${num(l, v.minCount)} activities past due and not done, ${pct(l, v.shareMedium)} or more of those due; high from ${pct(l, v.shareHigh)}.`);
    }
  }
}
