import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunContext } from "../../context/run-context.ts";
import { loadPhase } from "../../config/phase.ts";
import { loadCatalogue, RULE_GUIDE, RULES } from "../../mart/catalogue.ts";
import { parseFlagId } from "../../mart/flag-id.ts";
import { normaliseLabel } from "./normalise.ts";
import type { Phase } from "./parse-tab.ts";

/** Indicator id → the labels country and regional teams type in Cibles. Data, so the catalogue can extend it. */
export const INDICATOR_ALIASES_FILE = join(dirname(fileURLToPath(import.meta.url)), "indicator-aliases.json");

export function indicatorMatcher(aliases: Record<string, string[]>): (value: string) => string | null {
  const index = new Map<string, string>();
  for (const [id, labels] of Object.entries(aliases)) {
    for (const label of [id, ...labels]) index.set(normaliseLabel(label), id);
  }
  return (value) => index.get(normaliseLabel(value)) ?? null;
}

const GENERAL = ["Général", "Générale", "Ensemble", "Tous", "General", "Overall"];

/**
 * What a comment is about, as `indicator:<id>`, `rule:<id>`, `flag:<id>` or `general`: any
 * catalogue indicator by id, label or Cibles alias, any rule by id or label, a flag id, or a
 * word for the month as a whole.
 */
export function subjectMatcher(aliases: Record<string, string[]>): (value: string) => string | null {
  const index = new Map<string, string>();
  for (const label of GENERAL) index.set(normaliseLabel(label), "general");
  for (const i of loadCatalogue()) {
    for (const label of [i.id, i.label_fr, i.label_en, ...(aliases[i.id] ?? [])]) index.set(normaliseLabel(label), `indicator:${i.id}`);
  }
  // A finding named like an indicator (Activités en retard) is the finding: that is what is commented.
  for (const r of RULES) {
    for (const label of [r, RULE_GUIDE[r].label_fr, RULE_GUIDE[r].label_en]) index.set(normaliseLabel(label), `rule:${r}`);
  }
  const rules = new Set<string>(RULES);
  return (value) => {
    const flag = parseFlagId(value);
    if (flag && rules.has(flag.rule_id)) return `flag:${flag.country_code}/${flag.rule_id}${flag.subject ? `/${flag.subject}` : ""}`;
    return index.get(normaliseLabel(value)) ?? null;
  };
}

export function readIndicatorAliases(path: string = INDICATOR_ALIASES_FILE): Record<string, string[]> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, string[]>;
}

/**
 * The project phase dates are checked against: given by the caller, else the run context's
 * (the command line sets it from the configuration), else the `phase` of the configuration
 * named by IMAGINECOLE_CONFIG or pipelines/demo.json.
 */
export function resolvePhase(ctx: RunContext, phase?: Phase): Phase {
  return phase ?? ctx.phase ?? loadPhase(ctx.root);
}
