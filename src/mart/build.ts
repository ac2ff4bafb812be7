import type { DuckDBValue } from "@duckdb/node-api";
import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { Sql } from "../warehouse/sql-file.ts";
import { clearStale } from "../warehouse/stale.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { loadCatalogue, RULE_GUIDE, RULES, type Indicator } from "./catalogue.ts";
import { flagId } from "./flag-id.ts";
import type { Bilingual } from "../core/message.ts";
import { bottleneckMessage, type IndicatorNames } from "./messages.ts";
import { buildOrder, checkDeclared, declaredTables, type MartStep, type SqlSource } from "./order.ts";
import { DEFAULT_RULES_PATH, loadRules, type IndicatorRules } from "./rules-config.ts";

export { loadCatalogue, catalogueMarkdown, type Indicator } from "./catalogue.ts";
export { loadRules, type IndicatorRules } from "./rules-config.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const SCHEMA_PATH = join(HERE, "schema.sql");
const HISTORY_DIR = join(HERE, "history");
const TABLES_DIR = join(HERE, "tables");
const RULES_DIR = join(HERE, "rules");
const INDICATORS_DIR = join(HERE, "indicators");

export interface BuildOptions {
  /** The moment the mart describes; the last complete month before it is the last period. */
  now: Date;
  phase: { start: string; end: string };
  /** Thresholds file, relative to the project; pipelines/indicators.json by default. */
  rulesPath?: string;
}

/**
 * Rebuilds every mart table from core in one transaction: indicators per country and month and
 * for the phase to date, targets, reporting completeness, bottlenecks. The tables are created
 * anew from schema.sql, then filled in the order their SQL requires. Same core and same `now`,
 * same mart.
 */
export async function buildMart(warehouse: Warehouse, options: BuildOptions): Promise<{ indicators: number; bottlenecks: number }> {
  checkPhase(options.phase);
  const rules = loadRules(resolve(ROOT, options.rulesPath ?? DEFAULT_RULES_PATH));
  const catalogue = loadCatalogue();
  const inputs = { warehouse, catalogue, params: sqlParams(rules, options) };
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const steps = martPlan(catalogue, schema);
  return warehouse.transaction(async () => {
    await warehouse.run(Sql.text(schema, relative(ROOT, SCHEMA_PATH)));
    for (const step of steps) await step.fill(inputs);
    await warehouse.run("DROP TABLE indicator_values");
    // Built from core as it is now: up to date with every load committed before it.
    await clearStale(warehouse, "mart");
    const indicators = Number(await warehouse.scalar("SELECT count(*) FROM mart.indicators"));
    const bottlenecks = Number(await warehouse.scalar("SELECT count(*) FROM mart.bottlenecks"));
    return { indicators, bottlenecks };
  });
}

/** What every step fills its table from. */
interface BuildInputs {
  warehouse: Warehouse;
  catalogue: Indicator[];
  params: Record<string, DuckDBValue>;
}

/** A step of the build (see order.ts) and how it fills its table. */
export interface BuildStep extends MartStep {
  fill(inputs: BuildInputs): Promise<void>;
}

/**
 * Every step of the build, in the order their SQL requires: one per tables/<table>.sql, the
 * catalogue, the indicator values (one indicators/<id>.sql per catalogue entry) and the
 * bottlenecks (rules/*.sql). Adding a table is adding its file and its declaration in schema.sql.
 */
export function martPlan(catalogue: Indicator[] = loadCatalogue(), schema = readFileSync(SCHEMA_PATH, "utf8")): BuildStep[] {
  const tables = sqlFiles(TABLES_DIR).map((source): BuildStep => {
    const table = basename(source.file, ".sql");
    return { writes: `mart.${table}`, reads: [source], fill: ({ warehouse, params }) => rebuild(warehouse, table, source, params) };
  });
  const indicators = catalogue.map((i) => ({ id: i.id, ...sqlSource(join(INDICATORS_DIR, `${i.id}.sql`)) }));
  const rules = sqlFiles(RULES_DIR);
  const history = (name: string) => sqlSource(join(HISTORY_DIR, `${name}.sql`));
  const flagHistory = history("flag_history");
  const since = history("bottleneck_since");
  const steps: BuildStep[] = [
    ...tables,
    { writes: "mart.indicator_catalogue", reads: [], fill: ({ warehouse }) => writeCatalogue(warehouse, catalogue) },
    { writes: "indicator_values", reads: indicators, fill: ({ warehouse, params }) => computeIndicators(warehouse, indicators, params) },
    { writes: "mart.bottlenecks", reads: rules, fill: ({ warehouse, params }) => writeBottlenecks(warehouse, rules, params, indicatorNames(catalogue)) },
    { writes: "mart.rule_catalogue", reads: [], fill: ({ warehouse }) => writeRuleCatalogue(warehouse) },
    // The history of flags is kept across builds: each build records its own month, then the
    // episodes are rebuilt and each flag is dated from the start of its episode.
    ...["flag_months", "flag_observations"].map((table): BuildStep => {
      const source = history(table);
      return { writes: `mart.${table}`, reads: [source], kept: true, fill: ({ warehouse, params }) => runSource(warehouse, source, params) };
    }),
    {
      writes: "mart.flag_history",
      reads: [flagHistory],
      fill: async ({ warehouse, params }) => {
        await rebuild(warehouse, "flag_history", flagHistory, params);
        await runSource(warehouse, since, params);
      },
    },
  ];
  checkDeclared(relative(ROOT, SCHEMA_PATH), declaredTables(schema), steps);
  return buildOrder(steps);
}

function sqlFiles(dir: string): SqlSource[] {
  return readdirSync(dir).filter((f) => f.endsWith(".sql")).sort().map((f) => sqlSource(join(dir, f)));
}

async function runSource(warehouse: Warehouse, { file, sql }: SqlSource, params: Record<string, DuckDBValue>): Promise<void> {
  await warehouse.run(Sql.text(sql, file), params);
}

function sqlSource(path: string): SqlSource {
  return { file: relative(ROOT, path), sql: readFileSync(path, "utf8") };
}

function checkPhase(phase: { start: string; end: string }): void {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!iso.test(phase.start) || !iso.test(phase.end) || phase.start > phase.end) {
    throw new ImaginEcoleError({
      fr: `Phase invalide (début ${phase.start}, fin ${phase.end}) : donnez « phase.start » et « phase.end » au format AAAA-MM-JJ, le début avant la fin.`,
      en: `Invalid phase (start ${phase.start}, end ${phase.end}): give "phase.start" and "phase.end" as YYYY-MM-DD, the start before the end.`,
    }, EXIT.usage);
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

async function rebuild(warehouse: Warehouse, table: string, { file, sql }: SqlSource, params: Record<string, DuckDBValue>): Promise<void> {
  await warehouse.run(Sql.text(sql, file).wrap((query) => `INSERT INTO mart.${table} BY NAME (${query})`), params);
}

async function writeCatalogue(warehouse: Warehouse, catalogue: Indicator[]): Promise<void> {
  await warehouse.appendRows("indicator_catalogue", "mart", catalogue.map((i, position) => [
    i.id, position, i.label_fr, i.label_en, i.definition_fr, i.definition_en, i.unit, i.precision, i.kind,
    i.cumulative, i.ascending, i.regional ?? null, i.snapshot, i.disaggregations.join(","), i.target_key, i.sources.join(","),
  ]));
}

async function computeIndicators(warehouse: Warehouse, indicators: Array<{ id: string } & SqlSource>, params: Record<string, DuckDBValue>): Promise<void> {
  for (const { id, file, sql } of indicators) {
    await warehouse.run(
      Sql.text(sql, file).wrap((query) => `INSERT INTO indicator_values BY NAME (SELECT $indicator_id AS indicator_id, * FROM (${query}))`),
      { ...params, indicator_id: id },
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

async function writeBottlenecks(warehouse: Warehouse, rules: SqlSource[], params: Record<string, DuckDBValue>, indicators: IndicatorNames): Promise<void> {
  const names = await countryNames(warehouse);
  for (const { file, sql } of rules) {
    const rows = await warehouse.all<RuleRow>(
      Sql.text(sql, file).wrap((query) => `SELECT country_code, rule_id, severity, strftime(since, '%Y-%m-%d') AS since, evidence FROM (${query}) ORDER BY ALL`),
      params,
    );
    // In the table's column order: country_code, rule_id, severity, since, evidence, message_fr, message_en, flag_id.
    await warehouse.appendRows("bottlenecks", "mart", rows.map((row) => {
      const since = typeof row.since === "string" ? row.since : null;
      const flag = { country_code: row.country_code, rule_id: row.rule_id, severity: row.severity, since, evidence: JSON.parse(row.evidence) as Record<string, unknown> };
      const message = bottleneckMessage(flag, names.get(row.country_code) ?? { fr: row.country_code, en: row.country_code }, indicators);
      return [row.country_code, row.rule_id, row.severity, since, row.evidence, message.fr, message.en, flagId(row.country_code, row.rule_id, flag.evidence)];
    }));
  }
}

async function writeRuleCatalogue(warehouse: Warehouse): Promise<void> {
  await warehouse.appendRows("rule_catalogue", "mart", RULES.map((id, position) => {
    const g = RULE_GUIDE[id];
    return [id, position, g.label_fr, g.label_en, g.action_fr, g.action_en];
  }));
}

async function countryNames(warehouse: Warehouse): Promise<Map<string, Bilingual>> {
  const rows = await warehouse.all<{ country_code: string; name_fr: string; name_en: string }>(
    "SELECT country_code, name_fr, name_en FROM core.countries",
  );
  return new Map(rows.map((r) => [r.country_code, { fr: r.name_fr, en: r.name_en }]));
}
