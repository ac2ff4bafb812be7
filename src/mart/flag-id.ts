/** A flag's stable id, the same every month it holds: country/rule, then what it is about. Pure. */

/** The indicator or source a flag is about, when a rule raises several per country. */
export function flagSubject(evidence: Record<string, unknown>): string | null {
  const subject = evidence.indicator_id ?? evidence.source;
  return typeof subject === "string" && subject !== "" ? subject : null;
}

/** `ML/behind_trajectory/teachers_trained`, `TG/stale_data/national-csv`, `SN/overdue_activities`. */
export function flagId(countryCode: string, ruleId: string, evidence: Record<string, unknown>): string {
  const subject = flagSubject(evidence);
  return subject === null ? `${countryCode}/${ruleId}` : `${countryCode}/${ruleId}/${subject}`;
}

/** The parts of a flag id, or null when the text is not one. */
export function parseFlagId(text: string): { country_code: string; rule_id: string; subject: string | null } | null {
  const m = /^([A-Za-z]{2})\/([a-z_]+)(?:\/([A-Za-z0-9_-]+))?$/.exec(text.trim());
  return m ? { country_code: m[1]!.toUpperCase(), rule_id: m[2]!, subject: m[3] ?? null } : null;
}
