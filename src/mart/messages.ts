/** One sentence per bottleneck flag, in French and English, from the numbers behind it. Pure. */

export interface Flag {
  country_code: string;
  rule_id: string;
  severity: string;
  since: string | null;
  evidence: Record<string, unknown>;
}

export interface CountryNames {
  fr: string;
  en: string;
}

type Lang = "fr" | "en";

const NUMBER = { fr: new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }), en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }) };
const MONTH = {
  fr: new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
};

/** French number format uses a narrow no-break space; a plain no-break space reads the same everywhere. */
export function formatNumber(value: unknown, lang: Lang): string {
  return typeof value === "number" ? NUMBER[lang].format(value).replace(/\u202f/g, "\u00a0") : "?";
}

export function formatPercent(share: unknown, lang: Lang): string {
  if (typeof share !== "number") return "?";
  const n = formatNumber(Math.round(share * 1000) / 10, lang);
  return lang === "fr" ? `${n}\u00a0%` : `${n}%`;
}

export function formatDate(iso: unknown, lang: Lang): string {
  if (typeof iso !== "string") return "?";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return lang === "fr" ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

export function formatMonth(iso: unknown, lang: Lang): string {
  return typeof iso === "string" ? MONTH[lang].format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : "?";
}

const list = (values: unknown, lang: Lang) => (Array.isArray(values) ? values.map((v) => formatMonth(v, lang)).join(", ") : "?");

/** What an indicator is called inside a sentence: its catalogue label, lower-cased. */
export type IndicatorNames = ReadonlyMap<string, CountryNames>;

/** The sentence for a flag, naming the country, in both languages. */
export function bottleneckMessage(flag: Flag, country: CountryNames, indicators: IndicatorNames = new Map()): { fr: string; en: string } {
  const e = flag.evidence;
  const n = (key: string, lang: Lang) => formatNumber(e[key], lang);
  const both = (fr: string, en: string) => ({ fr: `${country.fr} : ${fr}`, en: `${country.en}: ${en}` });
  switch (flag.rule_id) {
    case "behind_trajectory": {
      if (e.no_targets) return both("aucune cible dans l'onglet Cibles ; la trajectoire ne peut pas être suivie.", "no target in the Cibles tab; the trajectory cannot be followed.");
      const name = indicators.get(String(e.indicator_id)) ?? { fr: String(e.indicator_id), en: String(e.indicator_id) };
      if (e.no_data) return both(`pas de valeur pour les ${name.fr} en ${formatMonth(e.period, "fr")} : l'écart à la cible ne peut pas être mesuré.`, `no value for ${name.en} in ${formatMonth(e.period, "en")}: the gap to target cannot be measured.`);
      return both(
        `${name.fr} : ${n("value", "fr")} fin ${formatMonth(e.period, "fr")}, pour une cible de ${n("target", "fr")} à ce stade (${formatPercent(e.ratio, "fr")} de la trajectoire vers ${n("final_target", "fr")} au ${formatDate(e.deadline, "fr")}).`,
        `${name.en}: ${n("value", "en")} at the end of ${formatMonth(e.period, "en")}, against a target of ${n("target", "en")} by now (${formatPercent(e.ratio, "en")} of the trajectory to ${n("final_target", "en")} by ${formatDate(e.deadline, "en")}).`,
      );
    }
    case "resources_stuck_in_validation":
      if (e.no_data) return both("aucune ressource dans l'onglet Ressources ; la validation ne peut pas être suivie.", "no resource in the Ressources tab; validation cannot be followed.");
      return both(
        `${n("stuck", "fr")} ressources attendent en validation depuis au moins ${n("threshold_days", "fr")} jours (sur ${n("in_validation", "fr")} en validation ; la plus ancienne depuis ${n("oldest_days", "fr")} jours).`,
        `${n("stuck", "en")} resources have waited in validation for ${n("threshold_days", "en")} days or more (of ${n("in_validation", "en")} in validation; the oldest for ${n("oldest_days", "en")} days).`,
      );
    case "trained_but_inactive":
      if (e.no_training_data) return both("aucune session de formation saisie ; l'activité des enseignants formés ne peut pas être estimée.", "no training session recorded; the activity of trained teachers cannot be estimated.");
      if (e.no_usage_data) return both(`aucune trace de la plateforme régionale en ${formatMonth(e.period, "fr")} ; l'activité des enseignants formés ne peut pas être estimée.`, `no regional platform statement in ${formatMonth(e.period, "en")}; the activity of trained teachers cannot be estimated.`);
      return both(
        `${n("active_users", "fr")} utilisateurs actifs en ${formatMonth(e.period, "fr")} pour ${n("teachers_trained", "fr")} enseignants formés (${formatPercent(e.ratio, "fr")}) : une grande partie des enseignants formés ne semble pas utiliser la plateforme.`,
        `${n("active_users", "en")} active users in ${formatMonth(e.period, "en")} for ${n("teachers_trained", "en")} teachers trained (${formatPercent(e.ratio, "en")}): many trained teachers do not seem to use the platform.`,
      );
    case "falling_use":
      if (e.months_with_value === 0) return both("aucune trace d'usage sur les six derniers mois ; la tendance ne peut pas être calculée.", "no usage statement over the last six months; the trend cannot be computed.");
      if (e.no_data) return both(`seuls ${n("months_with_value", "fr")} des six derniers mois ont des traces d'usage ; la tendance ne peut pas être calculée.`, `only ${n("months_with_value", "en")} of the last six months have usage statements; the trend cannot be computed.`);
      return both(
        `les utilisateurs actifs mensuels baissent de ${formatPercent(e.drop, "fr")} : ${n("recent_mean", "fr")} en moyenne sur les trois derniers mois contre ${n("previous_mean", "fr")} sur les trois précédents.`,
        `monthly active users fell by ${formatPercent(e.drop, "en")}: ${n("recent_mean", "en")} on average over the last three months against ${n("previous_mean", "en")} over the three before.`,
      );
    case "stale_data":
      if (e.source === "sheet") {
        if (e.last_update === null) return both("la feuille pays n'a jamais été reçue.", "the country sheet has never been received.");
        return both(
          `la feuille pays n'a pas été mise à jour depuis ${n("days", "fr")} jours (dernière modification le ${formatDate(e.last_update, "fr")}).`,
          `the country sheet has not been updated for ${n("days", "en")} days (last change on ${formatDate(e.last_update, "en")}).`,
        );
      }
      if (e.source === "national-csv") {
        if (e.never_received) return both("aucun export de la plateforme nationale n'a jamais été reçu.", "no national platform export has ever been received.");
        return both(`export de la plateforme nationale manquant pour : ${list(e.missing_months, "fr")}.`, `national platform export missing for: ${list(e.missing_months, "en")}.`);
      }
      if (e.never_received) return both("aucune trace de la plateforme régionale n'a jamais été reçue pour ce pays.", "no regional platform statement has ever been received for this country.");
      return both(`aucune trace de la plateforme régionale pour : ${list(e.missing_months, "fr")}.`, `no regional platform statement for: ${list(e.missing_months, "en")}.`);
    case "overdue_activities":
      if (e.no_data) return both("aucune activité dans l'onglet Activités ; le plan d'action ne peut pas être suivi.", "no activity in the Activités tab; the action plan cannot be followed.");
      return both(
        `${n("overdue", "fr")} des ${n("due", "fr")} activités échues ne sont pas réalisées (${formatPercent(e.share, "fr")} ; la plus ancienne depuis ${n("oldest_days", "fr")} jours).`,
        `${n("overdue", "en")} of the ${n("due", "en")} activities due are not done (${formatPercent(e.share, "en")}; the oldest by ${n("oldest_days", "en")} days).`,
      );
    default:
      return both(`règle ${flag.rule_id}.`, `rule ${flag.rule_id}.`);
  }
}
