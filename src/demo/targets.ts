import { frDay } from "./calendar.ts";
import type { DemoPlan } from "./plan.ts";
import { rngFor } from "./random.ts";
import { DEMO_SCENARIO } from "./scenario.ts";

export const TARGET_HEADERS = ["Pays", "Indicateur", "Cible", "Échéance", "Valeur de référence", "Année de référence"];

export const INDICATOR_LABELS = {
  trainers: "Formateurs formés",
  teachers: "Enseignants formés",
  resources: "Ressources publiées",
  mau: "Utilisateurs actifs mensuels",
} as const;

/**
 * A number as people leave it in a French sheet: plain, typed with a space ("1 500"), or
 * formatted by a fr_FR number format, which Google writes with a narrow no-break space.
 */
function frenchNumber(value: number, style: number): string {
  if (value < 1000 || style === 0) return String(value);
  const grouped = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return style === 1 ? grouped : grouped.replaceAll(" ", "\u202f");
}

/** The regional Cibles tab: mid-phase and end-of-phase milestones per country and indicator. */
export function targetRows(plan: DemoPlan, seed: number): string[][] {
  const rng = rngFor(seed, "targets");
  const rows: string[][] = [];
  for (const cp of plan.countries) {
    const country = (DEMO_SCENARIO.targetsByName as readonly string[]).includes(cp.code) ? cp.nameFr : cp.code;
    for (const [key, label] of Object.entries(INDICATOR_LABELS) as [keyof typeof INDICATOR_LABELS, string][]) {
      const end = cp.targets[key];
      // The milestone sits half-way through the phase, so half the final target keeps the trajectory pro-rata.
      const mid = Math.max(1, Math.round(end / 2));
      // The programme started from nothing but for the platform, which had a few users the year before.
      const baseline = key === "mau" ? String(Math.round(end / 20)) : "0";
      for (const [value, deadline] of [[mid, plan.phase.mid], [end, plan.phase.end]] as const) {
        const first = deadline === plan.phase.mid;
        rows.push([country, label, frenchNumber(value, rng.int(0, 2)), frDay(deadline), first ? baseline : "", first ? "2024" : ""]);
      }
    }
  }
  return rows;
}
