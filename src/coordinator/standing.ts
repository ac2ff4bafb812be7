import { RULE_GUIDE, type RuleId } from "../mart/catalogue.ts";
import type { CountryStanding, StandingOf } from "../sources/plugin.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { readMonthReport, type MonthReport } from "./report.ts";

/**
 * Each country's standing as the note and the digests tell it (the last month described), for
 * the sources that report back to their teams. The month's report is read once, on first use;
 * null while no month is described.
 */
export function standingReader(warehouse: Warehouse): StandingOf {
  let report: Promise<MonthReport | null> | undefined;
  return async (country) => {
    report ??= readMonthReport(warehouse, undefined).catch(() => null);
    const month = await report;
    const found = month?.countries.find((c) => c.code === country);
    if (!month || !found) return null;
    return {
      month: month.month,
      standing: found.standing,
      figures: found.figures.map((f) => ({
        label: { fr: f.label_fr, en: f.label_en }, unit: f.unit, value: f.value, target: f.target, target_status: f.target_status,
      })),
      flags: found.flags.filter((f) => f.change !== "resolved").map((f) => {
        const guide = RULE_GUIDE[f.rule_id as RuleId];
        return {
          flag_id: f.flag_id,
          rule_id: f.rule_id,
          message: { fr: f.message_fr, en: f.message_en },
          action: { fr: guide?.action_fr ?? "", en: guide?.action_en ?? "" },
          ids: idsInvolved(f.evidence),
        };
      }),
    } satisfies CountryStanding;
  };
}

/** The resources and activities a flag's evidence names. */
export function idsInvolved(evidence: string): string[] {
  try {
    const e = JSON.parse(evidence) as Record<string, unknown>;
    return [...(Array.isArray(e.activities) ? e.activities : []), ...(Array.isArray(e.resources) ? e.resources : [])].map(String);
  } catch {
    return [];
  }
}
