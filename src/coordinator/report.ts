import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { loadRules } from "../mart/rules-config.ts";
import { sqlFile } from "../warehouse/sql-file.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { monthFlags, type MonthFlag } from "./flags.ts";

export type Standing = "on_track" | "at_risk" | "off_track" | "no_target";

export interface KeyFigure {
  country_code: string;
  indicator_id: string;
  label_fr: string;
  label_en: string;
  unit: string;
  value: number | null;
  /** Pro-rata target by the end of the month. */
  target: number | null;
  target_status: "on_track" | "at_risk" | "off_track" | null;
  final_target: number | null;
  deadline: string | null;
  /** approved when the country validated the month in its sheet, else provisional. */
  status: string;
}

export interface MonthComment {
  country_code: string | null;
  subject_kind: "indicator" | "rule" | "flag" | "general";
  subject_id: string | null;
  comment: string;
  author_role: string;
  subject_fr: string | null;
  subject_en: string | null;
}

export interface Reporting {
  country_code: string;
  source: string;
  expected: boolean;
  received: boolean | null;
  on_time: boolean | null;
  received_on: string | null;
  deadline: string;
}

export interface OpenReject {
  country_code: string;
  source: string;
  location: string;
  column: string | null;
  value: string | null;
  reason_fr: string;
  reason_en: string;
}

/** A value in a country's sheet that looks unlikely and that its team has not confirmed. */
export interface OpenWarning {
  country_code: string;
  warning_id: string;
  location: string;
  rule_id: string;
  message_fr: string;
  message_en: string;
}

export interface CountryReport {
  code: string;
  name_fr: string;
  name_en: string;
  standing: Standing;
  /** The standing the month before, when that month was described too. */
  previousStanding: Standing | null;
  figures: KeyFigure[];
  flags: MonthFlag[];
  /** The country sheet's comments, then the regional sheet's on this country's flags. */
  comments: MonthComment[];
  reporting: Reporting[];
  openRejects: OpenReject[];
  /** Plausibility warnings of its sheet, neither corrected nor confirmed. */
  openWarnings: OpenWarning[];
}

export interface Definition {
  kind: "indicator" | "rule";
  id: string;
  label_fr: string;
  label_en: string;
  text_fr: string;
  text_en: string;
}

/** Everything the monthly note and the digests say about one month, read from the warehouse. */
export interface MonthReport {
  /** YYYY-MM */
  month: string;
  previousMonth: string | null;
  /** The day the last build describing the month ran (YYYY-MM-DD): the data's date. */
  builtOn: string;
  countries: CountryReport[];
  /** The regional sheet's comments that are not about one country's flag. */
  regionalComments: MonthComment[];
  definitions: Definition[];
  thresholds: { onTrack: number; atRisk: number };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The month a note or digest describes: the one asked for, which a build must have described,
 * else the last month described.
 */
export async function resolveMonth(warehouse: Warehouse, asked: string | undefined): Promise<{ month: string; builtOn: string; previous: string | null }> {
  if (asked !== undefined && !MONTH.test(asked)) {
    throw new ImaginEcoleError({
      fr: `Mois invalide « ${asked} » : attendu AAAA-MM, par exemple 2026-10.`,
      en: `Invalid month "${asked}": expected YYYY-MM, for example 2026-10.`,
    }, EXIT.usage);
  }
  const months = await warehouse.all<{ month: string; built_on: string }>(sqlFile(import.meta.url, "sql/months.sql"));
  if (months.length === 0) {
    throw new ImaginEcoleError({
      fr: "Aucun mois n'a encore été décrit par les indicateurs : lancez d'abord « imaginecole run ».",
      en: 'No month has been described by the indicators yet: run "imaginecole run" first.',
    }, EXIT.usage);
  }
  const at = asked === undefined ? months.length - 1 : months.findIndex((m) => m.month === asked);
  if (at < 0) {
    const known = months.map((m) => m.month).join(", ");
    throw new ImaginEcoleError({
      fr: `Le mois ${asked} n'a été décrit par aucun calcul des indicateurs (mois disponibles : ${known}). Un mois est décrit par les calculs du mois suivant.`,
      en: `Month ${asked} has not been described by any build of the indicators (months available: ${known}). A month is described by the builds of the month after.`,
    }, EXIT.usage);
  }
  const previous = months[at - 1]?.month ?? null;
  return { month: months[at]!.month, builtOn: months[at]!.built_on, previous: previous && isMonthBefore(previous, months[at]!.month) ? previous : null };
}

function isMonthBefore(earlier: string, month: string): boolean {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const before = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  return earlier === before;
}

/** Reads the month's figures, flags, comments and reporting for every country. Same warehouse and month, same report. */
export async function readMonthReport(warehouse: Warehouse, asked: string | undefined, rulesPath?: string): Promise<MonthReport> {
  const { month, builtOn, previous } = await resolveMonth(warehouse, asked);
  const at = { month: `${month}-01` };
  const sql = (name: string) => sqlFile(import.meta.url, `sql/${name}.sql`);
  const countries = await warehouse.all<{ country_code: string; name_fr: string; name_en: string }>(sql("countries"));
  const figures = await warehouse.all<KeyFigure>(sql("key_figures"), at);
  const before = previous ? await warehouse.all<KeyFigure>(sql("key_figures"), { month: `${previous}-01` }) : null;
  const flags = await monthFlags(warehouse, month);
  const comments = await warehouse.all<MonthComment>(sql("comments"), at);
  const reporting = await warehouse.all<Reporting>(sql("reporting"), at);
  const rejects = await warehouse.all<OpenReject>(sql("open_rejects"));
  const warnings = await warehouse.all<OpenWarning>(sql("open_warnings"));
  const definitions = await warehouse.all<Definition>(sql("definitions"));
  const flagCountry = (c: MonthComment) => (c.subject_kind === "flag" && c.subject_id ? c.subject_id.split("/")[0]! : null);

  const report: CountryReport[] = countries.map((c) => {
    const own = (rows: { country_code: string | null }[]) => rows.filter((r) => r.country_code === c.country_code);
    const mine = own(figures) as KeyFigure[];
    return {
      code: c.country_code,
      name_fr: c.name_fr,
      name_en: c.name_en,
      standing: standingOf(mine),
      previousStanding: before ? standingOf(own(before) as KeyFigure[]) : null,
      figures: mine,
      flags: own(flags) as MonthFlag[],
      comments: [...own(comments), ...comments.filter((m) => m.country_code === null && flagCountry(m) === c.country_code)] as MonthComment[],
      reporting: own(reporting) as Reporting[],
      openRejects: own(rejects) as OpenReject[],
      openWarnings: own(warnings) as OpenWarning[],
    };
  });
  const { targetStatus } = loadRules(rulesPath);
  return {
    month,
    previousMonth: previous,
    builtOn,
    countries: report,
    regionalComments: comments.filter((m) => m.country_code === null && flagCountry(m) === null),
    definitions,
    thresholds: { onTrack: targetStatus.onTrack, atRisk: targetStatus.atRisk },
  };
}

/** Off track if any indicator is, at risk if any is, on track if all compared are; no target if none is compared. */
export function standingOf(figures: Pick<KeyFigure, "target_status">[]): Standing {
  const statuses = figures.map((f) => f.target_status).filter((s) => s !== null);
  if (statuses.length === 0) return "no_target";
  if (statuses.includes("off_track")) return "off_track";
  if (statuses.includes("at_risk")) return "at_risk";
  return "on_track";
}
