// What the pages read, as functions of the warehouse: the data loaders write each as a JSON file
// for the pages' JavaScript, and the page loaders write the key figures of the same values into
// the HTML (see page-loader.ts), so both always show one figure.
import { RULES, type RuleId } from "../../../src/mart/catalogue.ts";
import { DEFAULT_RULES_PATH, loadRules, ruleThreshold } from "../../../src/mart/rules-config.ts";
import { requireFeature, shows, type Edition } from "../../components/edition.ts";
import type { CatalogueEntry, CountryNames } from "../../components/i18n.ts";
import { KEY_INDICATORS, overallStatus, type CountryFlags, type OverallStatus } from "../../components/indicators.ts";
import { regionalTotals, type Point, type Total } from "./regional-totals.ts";
import type { ReadOnlyWarehouse, Row } from "./warehouse.ts";

export interface Country extends CountryNames {
  status: OverallStatus;
  primary_teachers: number | null;
  primary_teachers_year: number | null;
  secondary_teachers: number | null;
  secondary_teachers_year: number | null;
  high?: number;
  medium?: number;
  low?: number;
}

/** Member countries: names, map ids and teacher denominators, their overall status, and their flags by severity where the edition shows bottlenecks. */
export async function countriesData(db: ReadOnlyWarehouse, edition: Edition): Promise<Country[]> {
  const flags = new Map((await db.query<CountryFlags & { country_code: string }>("country_flags")).map((f) => [f.country_code, f]));
  return (await db.query<Country>("countries")).map((c) => {
    const f = flags.get(c.country_code);
    const status = overallStatus(f);
    if (!shows(edition, "bottlenecks")) return { ...c, status };
    return { ...c, status, high: f?.high ?? 0, medium: f?.medium ?? 0, low: f?.low ?? 0 };
  });
}

export interface Catalogue {
  indicators: (CatalogueEntry & { unit?: string; definition_fr?: string; definition_en?: string })[];
  /** The month the mart describes and when it was built (mart.build_info). */
  asOf: { as_of: string; built_for: string } | null;
}

/** The indicator catalogue (labels, definitions, units) and the month the mart describes. */
export async function catalogueData(db: ReadOnlyWarehouse): Promise<Catalogue> {
  return {
    indicators: (await db.hasTable("mart", "indicator_catalogue")) ? await db.query("catalogue") : [],
    asOf: (await db.hasTable("mart", "build_info")) ? ((await db.query<Catalogue["asOf"] & Row>("build_info"))[0] ?? null) : null,
  };
}

export interface LatestPoint extends Point {
  target_status: OverallStatus | null;
}

export interface Phase {
  indicator_id: string;
  target_status: OverallStatus | null;
  phase_target: number | null;
  phase_deadline: string | null;
}

export interface Overview {
  indicators: typeof KEY_INDICATORS;
  thresholds: { onTrack: number; atRisk: number };
  latest: LatestPoint[];
  phase: Phase[];
  periods: Row[];
  regional: Total[];
}

const KEYS = new Set<string>(KEY_INDICATORS);

/**
 * The overview's numbers: the key indicators' latest value per country, their regional monthly
 * totals for the cards, the all-country phase standing the mart computed (status, phase target and
 * deadline) and the periods the table can be read for. Size depends on countries and months only.
 */
export async function overviewData(db: ReadOnlyWarehouse): Promise<Overview> {
  return {
    indicators: KEY_INDICATORS,
    // The shares of the trajectory the mart's target statuses were decided with (read from the project folder, as the mart build does).
    thresholds: loadRules(DEFAULT_RULES_PATH).targetStatus,
    latest: (await db.query<LatestPoint>("indicator_latest")).filter((r) => KEYS.has(r.indicator_id)),
    phase: (await db.query<Phase>("regional_phase")).filter((r) => KEYS.has(r.indicator_id)),
    // The months, quarters and years a reader may pick; their figures are in overview-periods.json.
    periods: await db.query("period_choices"),
    regional: regionalTotals((await db.query<Point>("indicator_monthly")).filter((r) => KEYS.has(r.indicator_id))),
  };
}

export interface Flag {
  flag_id: string;
  country_code: string;
  rule_id: string;
  severity: string;
  since: string | null;
  message_fr: string;
  message_en: string;
}

/** Every bottleneck flag, newest first; only in an edition that shows them. */
export async function bottlenecksData(db: ReadOnlyWarehouse, edition: Edition): Promise<Flag[]> {
  requireFeature(edition, "bottlenecks", "bottlenecks.json");
  return db.query<Flag>("bottlenecks");
}

export interface Rule {
  rule_id: string;
  action_fr: string;
  action_en: string;
  threshold_fr: string | null;
  threshold_en: string | null;
}

/**
 * The bottleneck rules: label and recommended action (mart.rule_catalogue), and when each flags a
 * country, worded with the thresholds of pipelines/indicators.json (read from the project folder,
 * where the site is built from, as the mart build reads it).
 */
export async function rulesData(db: ReadOnlyWarehouse, edition: Edition): Promise<Rule[]> {
  requireFeature(edition, "bottlenecks", "rules.json");
  const thresholds = loadRules(DEFAULT_RULES_PATH);
  const rules = (await db.hasTable("mart", "rule_catalogue")) ? await db.query<Rule>("rule_catalogue") : [];
  return rules.map((r) => {
    const known = (RULES as readonly string[]).includes(r.rule_id);
    const threshold = known ? ruleThreshold(r.rule_id as RuleId, thresholds) : null;
    return { ...r, threshold_fr: threshold?.fr ?? null, threshold_en: threshold?.en ?? null };
  });
}

export interface CountryIndicator {
  indicator_id: string;
  disaggregation: string;
  period: string;
  value: number | null;
  target: number | null;
  target_status: OverallStatus | null;
  status: string | null;
  denominator_year: number | null;
}

export interface CountryPage {
  country_code: string;
  indicators: CountryIndicator[];
  periods: Row[];
  comments: Row[];
  bottlenecks?: Flag[];
  loads?: Row[];
  rejects?: Row[];
  rejectsTotal?: number;
  activities?: Row[];
}

const REJECTS_SHOWN = 100;

/**
 * Everything one country page shows: its indicators (every month and breakdown), bottlenecks
 * where the edition shows them, and for the staff its last loads, most recent rejects and open
 * activities (file names, rejected values and free text stay out of the public edition). The
 * month's comments are public by contract (the Commentaires tabs).
 */
export async function countryData(db: ReadOnlyWarehouse, edition: Edition, country: string): Promise<CountryPage> {
  return {
    country_code: country,
    indicators: await db.query<CountryIndicator>("country_indicators", { country }),
    // Its figures per month, quarter and year (mart.indicator_periods), for the period control.
    periods: await db.query("country_indicator_periods", { country }),
    comments: await db.query("country_comments", { country }),
    ...(shows(edition, "bottlenecks") ? { bottlenecks: (await db.query<Flag>("bottlenecks")).filter((b) => b.country_code === country) } : {}),
    ...(shows(edition, "staff") ? await staffOnly(db, country) : {}),
  };
}

async function staffOnly(db: ReadOnlyWarehouse, country: string) {
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>("rejects_count", { country });
  return {
    loads: (await db.query<{ country_code: string }>("last_loads")).filter((l) => l.country_code === country),
    rejects: await db.query("rejects", { country, limit: REJECTS_SHOWN }),
    rejectsTotal: total,
    activities: await db.query("activities_open", { country }),
  };
}
