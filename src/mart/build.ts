import type { DuckDBValue } from "@duckdb/node-api";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { indicatorSql, loadCatalogue, RULE_GUIDE, RULES, type Indicator } from "./catalogue.ts";
import { flagId } from "./flag-id.ts";
import { bottleneckMessage, type CountryNames, type IndicatorNames } from "./messages.ts";
import { DEFAULT_RULES_PATH, loadRules, type IndicatorRules } from "./rules-config.ts";
import { paramsFor } from "./sql-files.ts";

export { loadCatalogue, catalogueMarkdown, type Indicator } from "./catalogue.ts";
export { loadRules, type IndicatorRules } from "./rules-config.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const TABLES_DIR = join(HERE, "tables");
const RULES_DIR = join(HERE, "rules");
const HISTORY_DIR = join(HERE, "history");

/** Mart tables built before the indicators, in dependency order (src/mart/tables/<table>.sql). */
const BEFORE = ["build_info", "usage_monthly", "national_monthly", "months", "sheet_updates", "completeness", "trajectory", "publication_lead_times", "resource_stock", "trainer_counts"];
/** Built from the indicator values. */
const AFTER = ["indicators", "indicators_phase"];
/** Built from the flags of every month recorded, after this month's are (src/mart/history/). */
const HISTORY = ["flag_history"];

export interface BuildOptions {
  /** The moment the mart describes; the last complete month before it is the last period. */
  now: Date;
  phase: { start: string; end: string };
  /** Thresholds file, relative to the project; pipelines/indicators.json by default. */
  rulesPath?: string;
}

/**
 * Rebuilds every mart table from core in one transaction: indicators per country and month and
 * for the phase to date, targets, reporting completeness, bottlenecks. Same core and same `now`,
 * same mart.
 */
export async function buildMart(warehouse: Warehouse, options: BuildOptions): Promise<{ indicators: number; bottlenecks: number }> {
  checkPhase(options.phase);
  const rules = loadRules(resolve(ROOT, options.rulesPath ?? DEFAULT_RULES_PATH));
  const catalogue = loadCatalogue();
  const params = sqlParams(rules, options);
  return warehouse.transaction(async () => {
    for (const table of BEFORE) await rebuild(warehouse, table, params);
    await writeCatalogue(warehouse, catalogue);
    await computeIndicators(warehouse, catalogue, params);
    for (const table of AFTER) await rebuild(warehouse, table, params);
    await warehouse.run("DROP TABLE indicator_values");
    const bottlenecks = await writeBottlenecks(warehouse, params, indicatorNames(catalogue));
    await writeRuleCatalogue(warehouse);
    await recordFlagHistory(warehouse, params);
    const indicators = Number(await warehouse.scalar("SELECT count(*) FROM mart.indicators"));
    return { indicators, bottlenecks };
  });
}

function checkPhase(phase: { start: string; end: string }): void {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!iso.test(phase.start) || !iso.test(phase.end) || phase.start > phase.end) {
    throw new ImaginEcoleError(
      `Phase invalide (début ${phase.start}, fin ${phase.end}) : donnez « phase.start » et « phase.end » au format AAAA-MM-JJ, le début avant la fin.`,
      `Invalid phase (start ${phase.start}, end ${phase.end}): give "phase.start" and "phase.end" as YYYY-MM-DD, the start before the end.`,
      EXIT.usage,
    );
  }
}

function sqlParams(rules: IndicatorRules, options: BuildOptions): Record<string, DuckDBValue> {
  const r = rules.rules;
  return {
    now: options.now.toISOString().replace("Z", ""),
    phase_start: options.phase.start,
    phase_end: options.phase.end,
    deadline_day: rules.reporting.deadlineDay,
    national_required: rules.reporting.nationalExportsRequired.join(","),
    view_verbs: rules.usage.viewVerbs.map((v) => v.toLowerCase()).join(","),
    download_verbs: rules.usage.downloadVerbs.map((v) => v.toLowerCase()).join(","),
    on_track: rules.targetStatus.onTrack,
    at_risk: rules.targetStatus.atRisk,
    stuck_days: r.resources_stuck_in_validation.days,
    stuck_min_count: r.resources_stuck_in_validation.minCount,
    stuck_high_count: r.resources_stuck_in_validation.highCount,
    inactive_min_trained: r.trained_but_inactive.minTeachersTrained,
    inactive_ratio_medium: r.trained_but_inactive.ratioMedium,
    inactive_ratio_high: r.trained_but_inactive.ratioHigh,
    falling_drop_medium: r.falling_use.dropMedium,
    falling_drop_high: r.falling_use.dropHigh,
    stale_sheet_days: r.stale_data.sheetDays,
    stale_sheet_days_high: r.stale_data.sheetDaysHigh,
    overdue_min_count: r.overdue_activities.minCount,
    overdue_share_medium: r.overdue_activities.shareMedium,
    overdue_share_high: r.overdue_activities.shareHigh,
  };
}

async function rebuild(warehouse: Warehouse, table: string, params: Record<string, DuckDBValue>): Promise<void> {
  const sql = readFileSync(join(TABLES_DIR, `${table}.sql`), "utf8");
  await warehouse.run(`DELETE FROM mart.${table}`);
  await warehouse.run(`INSERT INTO mart.${table} BY NAME (${sql})`, paramsFor(sql, params));
}

async function writeCatalogue(warehouse: Warehouse, catalogue: Indicator[]): Promise<void> {
  await warehouse.run("DELETE FROM mart.indicator_catalogue");
  for (const [position, i] of catalogue.entries()) {
    await warehouse.run(
      `INSERT INTO mart.indicator_catalogue VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        i.id, position, i.label_fr, i.label_en, i.definition_fr, i.definition_en, i.unit, i.kind,
        i.phase_aggregate, i.snapshot, i.disaggregations.join(","), i.target_key, i.sources.join(","),
      ],
    );
  }
}

async function computeIndicators(warehouse: Warehouse, catalogue: Indicator[], params: Record<string, DuckDBValue>): Promise<void> {
  await warehouse.run(
    `CREATE OR REPLACE TEMP TABLE indicator_values (
       indicator_id VARCHAR, country_code VARCHAR, period DATE, disaggregation VARCHAR, value DOUBLE, denominator_year INTEGER)`,
  );
  for (const indicator of catalogue) {
    const sql = indicatorSql(indicator.id);
    await warehouse.run(
      `INSERT INTO indicator_values BY NAME (SELECT $indicator_id AS indicator_id, * FROM (${sql}))`,
      { ...paramsFor(sql, params), indicator_id: indicator.id },
    );
  }
}

interface RuleRow {
  country_code: string;
  rule_id: string;
  severity: string;
  since: unknown;
  evidence: string;
}

function indicatorNames(catalogue: Indicator[]): IndicatorNames {
  const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
  return new Map(catalogue.map((i) => [i.id, { fr: lower(i.label_fr), en: lower(i.label_en) }]));
}

async function writeBottlenecks(warehouse: Warehouse, params: Record<string, DuckDBValue>, indicators: IndicatorNames): Promise<number> {
  const names = await countryNames(warehouse);
  await warehouse.run("DELETE FROM mart.bottlenecks");
  let count = 0;
  for (const file of readdirSync(RULES_DIR).filter((f) => f.endsWith(".sql")).sort()) {
    const sql = readFileSync(join(RULES_DIR, file), "utf8");
    const rows = await warehouse.all<RuleRow>(
      `SELECT country_code, rule_id, severity, strftime(since, '%Y-%m-%d') AS since, evidence FROM (${sql}) ORDER BY ALL`,
      paramsFor(sql, params),
    );
    for (const row of rows) {
      const since = typeof row.since === "string" ? row.since : null;
      const flag = { country_code: row.country_code, rule_id: row.rule_id, severity: row.severity, since, evidence: JSON.parse(row.evidence) as Record<string, unknown> };
      const message = bottleneckMessage(flag, names.get(row.country_code) ?? { fr: row.country_code, en: row.country_code }, indicators);
      await warehouse.run(
        `INSERT INTO mart.bottlenecks (country_code, rule_id, severity, since, evidence, message_fr, message_en, flag_id)
         VALUES ($1, $2, $3, $4::DATE, $5, $6, $7, $8)`,
        [row.country_code, row.rule_id, row.severity, since, row.evidence, message.fr, message.en, flagId(row.country_code, row.rule_id, flag.evidence)],
      );
      count++;
    }
  }
  return count;
}

async function writeRuleCatalogue(warehouse: Warehouse): Promise<void> {
  await warehouse.run("DELETE FROM mart.rule_catalogue");
  for (const [position, id] of RULES.entries()) {
    const g = RULE_GUIDE[id];
    await warehouse.run("INSERT INTO mart.rule_catalogue VALUES ($1, $2, $3, $4, $5, $6)", [id, position, g.label_fr, g.label_en, g.action_fr, g.action_en]);
  }
}

/**
 * Records this month's flags in the history (replacing an earlier build of the same month, keeping
 * every other month), rebuilds the episodes, and dates each flag from the start of its episode.
 */
async function recordFlagHistory(warehouse: Warehouse, params: Record<string, DuckDBValue>): Promise<void> {
  await warehouse.run(readFileSync(join(HISTORY_DIR, "flag_observations.sql"), "utf8"));
  for (const table of HISTORY) await rebuild(warehouse, table, params);
  await warehouse.run(readFileSync(join(HISTORY_DIR, "bottleneck_since.sql"), "utf8"));
}

async function countryNames(warehouse: Warehouse): Promise<Map<string, CountryNames>> {
  const rows = await warehouse.all<{ country_code: string; name_fr: string; name_en: string }>(
    "SELECT country_code, name_fr, name_en FROM core.countries",
  );
  return new Map(rows.map((r) => [r.country_code, { fr: r.name_fr, en: r.name_en }]));
}
