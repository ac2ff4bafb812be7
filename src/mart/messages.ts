/** One sentence per bottleneck flag, in French and English, from the numbers behind it. Pure. */
import { formatDate, formatMonth, formatNumber, formatPercent, MISSING } from "../core/format.ts";
import type { Lang } from "../core/lang.ts";
import { same, type Bilingual } from "../core/message.ts";

export interface Flag {
  country_code: string;
  rule_id: string;
  severity: string;
  since: string | null;
  evidence: Record<string, unknown>;
}

/** Evidence is JSON: a number shows as a number, anything else as missing. */
const num = (value: unknown): number | null => (typeof value === "number" ? value : null);
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const month = (value: unknown, lang: Lang) => formatMonth(lang, str(value), "long");
const list = (values: unknown, lang: Lang) => (Array.isArray(values) ? values.map((v) => month(v, lang)).join(", ") : MISSING);

/** What an indicator is called inside a sentence: its catalogue label, lower-cased. */
export type IndicatorNames = ReadonlyMap<string, Bilingual>;

/** The sentence for a flag, naming the country, in both languages. */
export function bottleneckMessage(flag: Flag, country: Bilingual, indicators: IndicatorNames = new Map()): Bilingual {
  const e = flag.evidence;
  const n = (key: string, lang: Lang) => formatNumber(lang, num(e[key]));
  const pct = (key: string, lang: Lang) => formatPercent(lang, num(e[key]), 1);
  const day = (key: string, lang: Lang) => formatDate(lang, str(e[key]));
  const both = (finding: Bilingual): Bilingual => ({ fr: `${country.fr} : ${finding.fr}`, en: `${country.en}: ${finding.en}` });
  switch (flag.rule_id) {
    case "behind_trajectory": {
      if (e.no_targets) return both({ fr: "aucune cible dans l'onglet Cibles ; la trajectoire ne peut pas être suivie.", en: "no target in the Cibles tab; the trajectory cannot be followed." });
      const name = indicators.get(String(e.indicator_id)) ?? same(String(e.indicator_id));
      if (e.no_data) return both({ fr: `pas de valeur pour les ${name.fr} en ${month(e.period, "fr")} : l'écart à la cible ne peut pas être mesuré.`, en: `no value for ${name.en} in ${month(e.period, "en")}: the gap to target cannot be measured.` });
      return both({
        fr: `${name.fr} : ${n("value", "fr")} fin ${month(e.period, "fr")}, pour une cible de ${n("target", "fr")} à ce stade (${pct("ratio", "fr")} de la trajectoire vers ${n("final_target", "fr")} au ${day("deadline", "fr")}).`,
        en: `${name.en}: ${n("value", "en")} at the end of ${month(e.period, "en")}, against a target of ${n("target", "en")} by now (${pct("ratio", "en")} of the trajectory to ${n("final_target", "en")} by ${day("deadline", "en")}).`,
      });
    }
    case "resources_stuck_in_validation":
      if (e.no_data) return both({ fr: "aucune ressource dans l'onglet Ressources ; la validation ne peut pas être suivie.", en: "no resource in the Ressources tab; validation cannot be followed." });
      return both({
        fr: `${n("stuck", "fr")} ressources attendent en validation depuis au moins ${n("threshold_days", "fr")} jours (sur ${n("in_validation", "fr")} en validation ; la plus ancienne depuis ${n("oldest_days", "fr")} jours).`,
        en: `${n("stuck", "en")} resources have waited in validation for ${n("threshold_days", "en")} days or more (of ${n("in_validation", "en")} in validation; the oldest for ${n("oldest_days", "en")} days).`,
      });
    case "trained_but_inactive":
      if (e.no_training_data) return both({ fr: "aucune session de formation saisie ; l'activité des enseignants formés ne peut pas être estimée.", en: "no training session recorded; the activity of trained teachers cannot be estimated." });
      if (e.no_usage_data) return both({ fr: `aucune trace de la plateforme régionale en ${month(e.period, "fr")} ; l'activité des enseignants formés ne peut pas être estimée.`, en: `no regional platform statement in ${month(e.period, "en")}; the activity of trained teachers cannot be estimated.` });
      return both({
        fr: `${n("active_users", "fr")} utilisateurs actifs en ${month(e.period, "fr")} pour ${n("teachers_trained", "fr")} enseignants formés (${pct("ratio", "fr")}) : une grande partie des enseignants formés ne semble pas utiliser la plateforme.`,
        en: `${n("active_users", "en")} active users in ${month(e.period, "en")} for ${n("teachers_trained", "en")} teachers trained (${pct("ratio", "en")}): many trained teachers do not seem to use the platform.`,
      });
    case "falling_use":
      if (e.months_with_value === 0) return both({ fr: "aucune trace d'usage sur les six derniers mois ; la tendance ne peut pas être calculée.", en: "no usage statement over the last six months; the trend cannot be computed." });
      if (e.no_data) return both({ fr: `seuls ${n("months_with_value", "fr")} des six derniers mois ont des traces d'usage ; la tendance ne peut pas être calculée.`, en: `only ${n("months_with_value", "en")} of the last six months have usage statements; the trend cannot be computed.` });
      return both({
        fr: `les utilisateurs actifs mensuels baissent de ${pct("drop", "fr")} : ${n("recent_mean", "fr")} en moyenne sur les trois derniers mois contre ${n("previous_mean", "fr")} sur les trois précédents.`,
        en: `monthly active users fell by ${pct("drop", "en")}: ${n("recent_mean", "en")} on average over the last three months against ${n("previous_mean", "en")} over the three before.`,
      });
    case "stale_data":
      if (e.source === "sheet") {
        if (e.last_update === null) return both({ fr: "la feuille pays n'a jamais été reçue.", en: "the country sheet has never been received." });
        return both({
          fr: `la feuille pays n'a pas été mise à jour depuis ${n("days", "fr")} jours (dernière modification le ${day("last_update", "fr")}).`,
          en: `the country sheet has not been updated for ${n("days", "en")} days (last change on ${day("last_update", "en")}).`,
        });
      }
      if (e.source === "national-csv") {
        if (e.never_received) return both({ fr: "aucun export de la plateforme nationale n'a jamais été reçu.", en: "no national platform export has ever been received." });
        return both({ fr: `export de la plateforme nationale manquant pour : ${list(e.missing_months, "fr")}.`, en: `national platform export missing for: ${list(e.missing_months, "en")}.` });
      }
      if (e.never_received) return both({ fr: "aucune trace de la plateforme régionale n'a jamais été reçue pour ce pays.", en: "no regional platform statement has ever been received for this country." });
      return both({ fr: `aucune trace de la plateforme régionale pour : ${list(e.missing_months, "fr")}.`, en: `no regional platform statement for: ${list(e.missing_months, "en")}.` });
    case "overdue_activities":
      if (e.no_data) return both({ fr: "aucune activité dans l'onglet Activités ; le plan d'action ne peut pas être suivi.", en: "no activity in the Activités tab; the action plan cannot be followed." });
      return both({
        fr: `${n("overdue", "fr")} des ${n("due", "fr")} activités échues ne sont pas réalisées (${pct("share", "fr")} ; la plus ancienne depuis ${n("oldest_days", "fr")} jours).`,
        en: `${n("overdue", "en")} of the ${n("due", "en")} activities due are not done (${pct("share", "en")}; the oldest by ${n("oldest_days", "en")} days).`,
      });
    default:
      return both({ fr: `règle ${flag.rule_id}.`, en: `rule ${flag.rule_id}.` });
  }
}
