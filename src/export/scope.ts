import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { formatMonth, formatPeriod } from "../core/format.ts";
import { inBoth } from "../core/message.ts";
import { parsePeriod } from "../core/periods.ts";

/**
 * What a snapshot is about, stated once and applied to every table and file: the figures of the
 * periods that ended on or before the as-of date, computed from everything the warehouse holds
 * when the snapshot is made (data about those periods that arrived later included).
 */
export interface SnapshotScope {
  /** Names the files and the citation: the period code (`2026-Q3`) or the as-of date. */
  label: string;
  /** YYYY-MM-DD: no period ending after it is in the snapshot. */
  asOf: string;
  /** The period the snapshot's figures table gives; `phase` for the phase to date (an as-of snapshot). */
  period: string;
  /** First day of the last month the snapshot covers (the phase to date runs to its end). */
  lastMonth: string;
}

/** The rule above in the words every file of the snapshot carries (read-me, workbook, PDF). */
export const SCOPE_RULE = {
  fr: "Les chiffres portent sur les périodes terminées au plus tard à la date d'arrêt, calculés avec tout ce que l'entrepôt contenait au moment de l'instantané (y compris les données sur ces périodes arrivées après la date d'arrêt). La provenance liste chaque chargement dont les données sont utilisées, avec sa date.",
  en: "The figures are about the periods that ended on or before the as-of date, computed from everything the warehouse held when the snapshot was made (data about those periods that arrived after the as-of date included). The provenance lists every load whose data they use, with its date.",
} as const;

/** The warehouse's mart, as far as a scope depends on it. */
export interface MartCoverage {
  /** First day of the last complete month the mart describes. */
  lastMonth: string;
  phaseStart: string;
}

/** First day of the last month that ended on or before `asOf`. */
export function lastCompleteMonth(asOf: string): string {
  const next = new Date(`${asOf}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const month = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 10);
}

/**
 * The scope of `export --period P` (a month, quarter or year, once the mart describes all of it)
 * or `export --as-of D` (the phase to date at the end of the last month ended by D, or by the
 * mart's last month if that comes first). Refuses a period not over yet, one before the phase, and
 * dates that are not dates, saying what to give instead.
 */
export function resolveScope(request: { asOf?: string; period?: string }, mart: MartCoverage): SnapshotScope {
  if (request.period !== undefined && request.asOf !== undefined) {
    throw usage(
      "Donnez --period ou --as-of, pas les deux : --period 2026-Q3 arrête l'instantané à la fin du trimestre.",
      "Give --period or --as-of, not both: --period 2026-Q3 stops the snapshot at the end of the quarter.",
    );
  }
  if (request.period !== undefined) {
    const period = parsePeriod(request.period);
    if (!period) {
      throw usage(
        `Période invalide : « ${request.period} ». Donnez un mois (2026-10), un trimestre (2026-Q3) ou une année (2026).`,
        `Invalid period: "${request.period}". Give a month (2026-10), a quarter (2026-Q3) or a year (2026).`,
      );
    }
    const last = period.end.slice(0, 8) + "01";
    if (last > mart.lastMonth) {
      const month = inBoth((l) => formatMonth(l, mart.lastMonth, "long"));
      const name = inBoth((l) => formatPeriod(l, period.code));
      throw usage(
        `${name.fr} n'est pas terminé dans l'entrepôt, qui décrit les mois jusqu'à ${month.fr} : choisissez une période achevée, ou relancez les pipelines après sa fin.`,
        `${name.en} is not over in the warehouse, which describes months up to ${month.en}: choose a period that has ended, or run the pipelines again after its end.`,
      );
    }
    if (period.end < mart.phaseStart) {
      const name = inBoth((l) => formatPeriod(l, period.code));
      throw usage(
        `${name.fr} précède le début de la phase (${mart.phaseStart}) : aucun indicateur ne la couvre.`,
        `${name.en} comes before the phase starts (${mart.phaseStart}): no indicator covers it.`,
      );
    }
    return { label: period.code, asOf: period.end, period: period.code, lastMonth: last };
  }
  const asOf = checkDate(request.asOf);
  const month = lastCompleteMonth(asOf);
  return { label: asOf, asOf, period: "phase", lastMonth: month < mart.lastMonth ? month : mart.lastMonth };
}

function checkDate(asOf: string | undefined): string {
  const date = new Date(`${asOf}T00:00:00Z`);
  if (asOf === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== asOf) {
    throw usage(
      `Date d'arrêt invalide : « ${asOf ?? ""} ». Donnez-la sous la forme AAAA-MM-JJ, par exemple --as-of 2026-10-31, ou une période : --period 2026-Q3.`,
      `Invalid as-of date: "${asOf ?? ""}". Give it as YYYY-MM-DD, for example --as-of 2026-10-31, or a period: --period 2026-Q3.`,
    );
  }
  return asOf;
}

function usage(fr: string, en: string): ImaginEcoleError {
  return new ImaginEcoleError({ fr, en }, EXIT.usage);
}
