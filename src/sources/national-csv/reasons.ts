import type { Bilingual } from "../../core/message.ts";

/**
 * Why a row of a national export is refused, in both languages, with what to do. `{value}` is the
 * cell as written, `{detail}` a date or line list, `{today}` the day the check ran.
 */
export const REASONS: Record<string, Bilingual> = {
  date_missing: {
    fr: "Date absente : indiquez le jour de cette ligne (jj/mm/aaaa) ou supprimez la ligne.",
    en: "Missing date: fill in this row's day (dd/mm/yyyy) or delete the row.",
  },
  date_invalid: {
    fr: "« {value} » n'est pas une date lisible : écrivez-la jj/mm/aaaa (ex. 05/01/2026) ou déclarez son format (dateFormat) dans le profil.",
    en: "\"{value}\" is not a readable date: write it dd/mm/yyyy (e.g. 05/01/2026) or declare its format (dateFormat) in the profile.",
  },
  date_future: {
    fr: "La date {detail} est dans le futur (aujourd'hui : {today}) : corrigez le jour ou l'année.",
    en: "The date {detail} is in the future (today: {today}): fix the day or the year.",
  },
  month_in_daily: {
    fr: "« {value} » est un mois alors que ce fichier donne un jour par ligne : indiquez la date complète, ou déclarez granularity \"month\" dans le profil.",
    en: "\"{value}\" is a month while this file gives one day per row: write the full date, or declare granularity \"month\" in the profile.",
  },
  count_nan: {
    fr: "« {value} » n'est pas un nombre : saisissez un nombre entier (ex. 1 234) ou laissez la cellule vide.",
    en: "\"{value}\" is not a number: enter a whole number (e.g. 1234) or leave the cell empty.",
  },
  count_negative: {
    fr: "« {value} » est négatif : un comptage ne peut pas l'être ; corrigez la valeur.",
    en: "\"{value}\" is negative: a count cannot be; fix the value.",
  },
  count_fraction: {
    fr: "« {value} » n'est pas un nombre entier : un comptage se fait en unités ; corrigez la valeur.",
    en: "\"{value}\" is not a whole number: a count is made of units; fix the value.",
  },
  count_percent: {
    fr: "« {value} » est un pourcentage là où un nombre est attendu : indiquez le nombre, ou déclarez la colonne en pourcentage (percentOf) dans le profil.",
    en: "\"{value}\" is a percentage where a number is expected: enter the number, or declare the column as a percentage (percentOf) in the profile.",
  },
  count_too_large: {
    fr: "« {value} » est trop grand pour un comptage : vérifiez la cellule.",
    en: "\"{value}\" is too large for a count: check the cell.",
  },
  share_without_base: {
    fr: "« {value} » est un pourcentage d'une autre colonne, vide ou invalide sur cette ligne : corrigez cette autre colonne.",
    en: "\"{value}\" is a percentage of another column that is empty or invalid on this row: fix that other column.",
  },
  overflow: {
    fr: "La ligne a plus de champs que l'en-tête (« {value} » en trop) : vérifiez les séparateurs et les guillemets de cette ligne.",
    en: "The row has more fields than the header (\"{value}\" is extra): check this row's separators and quotes.",
  },
  duplicate: {
    fr: "Le jour « {value} » figure sur plusieurs lignes pour la même plateforme (lignes {detail}) : aucune n'est chargée ; gardez-en une seule.",
    en: "The day \"{value}\" appears on several rows for the same platform (lines {detail}): none is loaded; keep only one.",
  },
};
