// A small, deterministic warehouse for the dashboard tests: the ten reference countries, twelve
// months of indicators with targets and breakdowns, bottlenecks, loads, rejects and sheet rows.
// Some text is hostile on purpose (HTML in titles, comments, rejected values) to prove escaping.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue, RULE_GUIDE, RULES } from "../../src/mart/catalogue.ts";
import { parseCountries } from "../../src/sources/reference/countries.ts";
import { Sql, type SqlParams } from "../../src/warehouse/sql-file.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";

export const ROOT = join(import.meta.dirname, "..", "..");
export const HOSTILE = `<img src=x onerror="window.__pwned=1">`;
export const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 10 + i, 1));
  return d.toISOString().slice(0, 10);
});
const AS_OF = MONTHS[MONTHS.length - 1]!;

/** [indicator, value, target, target status, phase target] of all countries together, phase to date. */
export const REGIONAL_PHASE: [string, number, number | null, string | null, number | null][] = [
  ["trainers_trained", 1210, 1290, "at_risk", 3000],
  ["teachers_trained", 41000, 52000, "off_track", 120000],
  ["resources_published", 130, 120, "on_track", 400],
  ["monthly_active_users", 5200, null, null, null],
];

/** Builds the warehouse at `path` for every country of `countriesCsv` (default: the reference CSV). */
export async function buildFixtureWarehouse(path: string, countriesCsv = join(ROOT, "pipelines/reference/countries.csv")): Promise<void> {
  const db = await Warehouse.open(path);
  // The mart's tables as a build makes them (src/mart/schema.sql), filled by hand below.
  await db.run(Sql.text(readFileSync(join(ROOT, "src/mart/schema.sql"), "utf8"), "src/mart/schema.sql"));
  try {
    await db.transaction(async () => {
      const countries = parseCountries(readFileSync(countriesCsv, "utf8"));
      for (const c of countries) await db.run("INSERT INTO core.countries VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)", Object.values(c));
      for (const [position, i] of loadCatalogue().entries()) {
        await db.run("INSERT INTO mart.indicator_catalogue VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)", [
          i.id, position, i.label_fr, i.label_en, i.definition_fr, i.definition_en, i.unit, i.precision, i.kind,
          i.cumulative, i.ascending, i.regional ?? null, i.snapshot, i.disaggregations.join(","), i.target_key, i.sources.join(","),
        ]);
      }
      for (const [position, id] of RULES.entries()) {
        const g = RULE_GUIDE[id];
        await db.run("INSERT INTO mart.rule_catalogue VALUES ($1, $2, $3, $4, $5, $6)", [id, position, g.label_fr, g.label_en, g.action_fr, g.action_en]);
      }
      await db.run("INSERT INTO mart.build_info VALUES ('2026-11-15 08:00:00+00', $1, '2025-06-01', '2027-12-31')", [AS_OF]);
      const figures: Figures = { indicators: [], periods: [] };
      for (const [n, c] of countries.entries()) await country(db, figures, c.country_code, n);
      await db.runForEach(INSERT_INDICATOR, figures.indicators);
      await db.runForEach(INSERT_PERIOD, figures.periods);
      // All countries together, phase to date: the overview's cards take their status and phase target from here.
      for (const [id, value, target, status, phaseTarget] of REGIONAL_PHASE) {
        await db.run(
          `INSERT INTO mart.indicator_periods (country_code, period_type, period, period_start, period_end, indicator_id,
             disaggregation, value, target, target_status, phase_target, phase_deadline, status)
           VALUES ('ALL', 'phase', 'phase', '2025-06-01', last_day($1::DATE), $2, '', $3, $4, $5, $6, '2027-12-31', 'provisional')`,
          [AS_OF, id, value, target, status, phaseTarget],
        );
      }
    });
  } finally {
    db.close();
  }
}

/** The rows of mart.indicators and mart.indicator_periods, inserted together at the end (one prepared statement each). */
interface Figures {
  indicators: SqlParams[];
  periods: SqlParams[];
}

const INSERT_INDICATOR = Sql.text(
  `INSERT INTO mart.indicators (country_code, period, indicator_id, value, target, disaggregation, status, target_status)
   VALUES ($code, $period, $id, $value, $target, $disaggregation, $status, $target_status)`,
  "test/dashboard/fixture-warehouse.ts",
);
const INSERT_PERIOD = Sql.text(
  `INSERT INTO mart.indicator_periods (country_code, period_type, period, period_start, period_end, indicator_id,
     disaggregation, value, running_total, target, target_status, status)
   VALUES ($code, $type, $period, $start::DATE, last_day($end::DATE), $id, '', $value, $running, $target, $status, 'provisional')`,
  "test/dashboard/fixture-warehouse.ts",
);

function indicator(
  figures: Figures, code: string, period: string, id: string, value: number | null, target: number | null = null,
  disaggregation = "", targetStatus: string | null = null,
): void {
  figures.indicators.push({
    code, period, id, value, target, disaggregation,
    status: period < "2026-06-01" ? "approved" : "provisional", target_status: targetStatus,
  });
}

/** The quarters and the year of MONTHS that are complete, with their months' indexes in MONTHS. */
export const FIXTURE_PERIODS: [type: "quarter" | "year", code: string, months: number[]][] = [
  ["quarter", "2025-Q4", [0, 1]], ["quarter", "2026-Q1", [2, 3, 4]], ["quarter", "2026-Q2", [5, 6, 7]],
  ["quarter", "2026-Q3", [8, 9, 10]], ["year", "2025", [0, 1]],
];

/**
 * A country's month, quarter and year rows of mart.indicator_periods for one indicator, from its
 * monthly [value, target] (a running total for a cumulative indicator): the period's value differs
 * from any month's (a sum over its months), so a page showing a month's figure for a quarter fails.
 */
function periodRows(
  figures: Figures, code: string, id: string, monthly: [number | null, number | null][], status: string, cumulative: boolean,
): void {
  const insert = (type: string, period: string, start: string, end: string, value: number | null, running: number | null, target: number | null) =>
    figures.periods.push({ code, type, period, start, end, id, value, running, target, status });
  for (const [m, month] of MONTHS.entries()) {
    const [value, target] = monthly[m]!;
    const previous = cumulative && m > 0 ? monthly[m - 1]![0] ?? 0 : 0;
    insert("month", month.slice(0, 7), month, month, value == null ? null : value - previous, value, target);
  }
  for (const [type, period, months] of FIXTURE_PERIODS) {
    const last = months[months.length - 1]!;
    const values = months.map((m) => monthly[m]![0] ?? 0);
    const sum = values.reduce((a, b) => a + b, 0);
    // A flow's quarter is its months added up; the running total is the last month's.
    insert(type, period, MONTHS[months[0]!]!, MONTHS[last]!, cumulative ? sum - (months[0]! > 0 ? monthly[months[0]! - 1]![0] ?? 0 : 0) : sum + 3,
      cumulative ? monthly[last]![0] : null, monthly[last]![1]! + 1);
  }
}

async function country(db: Warehouse, figures: Figures, code: string, n: number): Promise<void> {
  const pace = 0.7 + (n % 4) * 0.15; // 0.70 … 1.15 of the trajectory: some lag, some lead
  const status = pace >= 1 ? "on_track" : pace >= 0.85 ? "at_risk" : "off_track";
  const series: Record<string, [number | null, number | null][]> = {
    trainers_trained: [], teachers_trained: [], resources_published: [], monthly_active_users: [],
  };
  for (const [m, period] of MONTHS.entries()) {
    const step = m + 1;
    const trainersTarget = 10 * step + n;
    const trainers = Math.round(trainersTarget * pace);
    indicator(figures, code, period, "trainers_trained", trainers, trainersTarget, "", status);
    series.trainers_trained!.push([trainers, trainersTarget]);
    indicator(figures, code, period, "trainers_trained", Math.round(trainers * 0.4), null, "sex=F");
    indicator(figures, code, period, "trainers_trained", trainers - Math.round(trainers * 0.4), null, "sex=M");
    const teachers = Math.round(150 * step * pace + n * 7);
    indicator(figures, code, period, "teachers_trained", teachers, 150 * step + n * 7, "", status);
    series.teachers_trained!.push([teachers, 150 * step + n * 7]);
    indicator(figures, code, period, "teachers_trained", Math.round(teachers * 0.45), null, "sex=F");
    indicator(figures, code, period, "teachers_trained", teachers - Math.round(teachers * 0.45), null, "sex=M");
    indicator(figures, code, period, "teachers_trained", Math.round(teachers * 0.7), null, "level=primary");
    indicator(figures, code, period, "teachers_trained", teachers - Math.round(teachers * 0.7), null, "level=secondary");
    indicator(figures, code, period, "teachers_trained_share", Math.round(teachers / 1200 * 1000) / 10);
    indicator(figures, code, period, "resources_published", 2 * step + (n % 3), 3 * step, "", status);
    series.resources_published!.push([2 * step + (n % 3), 3 * step]);
    // One country misses its last month of regional figures: no value, never a zero.
    const users = code === "TD" && period === AS_OF ? null : 400 + 35 * step * pace + n * 20 + 0.5;
    indicator(figures, code, period, "monthly_active_users", users, 500 + 40 * step, "", status);
    series.monthly_active_users!.push([users, 500 + 40 * step]);
    indicator(figures, code, period, "national_active_users", 900 + 50 * step + n * 31);
    indicator(figures, code, period, "reporting_completeness", n === 2 && m >= 10 ? 0 : 100);
    for (const source of ["national-csv", "sheet"]) {
      const received = !(n === 2 && m >= 10 && source === "sheet");
      await db.run("INSERT INTO mart.completeness VALUES ($1, $2, $3, true, $4, $5, NULL, $6, NULL)", [
        code, period, source, received, received && (m + n) % 5 !== 0, period,
      ]);
    }
  }
  indicator(figures, code, AS_OF, "validation_age_median", 20 + n * 9);
  for (const [id, monthly] of Object.entries(series)) periodRows(figures, code, id, monthly, status, id !== "monthly_active_users");
  await db.run(
    `INSERT INTO mart.indicators_phase VALUES ($1, 'trainers_trained', '', $2, $3, $4, $5, '2027-12-31', $6, NULL, 'provisional')`,
    [code, AS_OF, Math.round((120 + n) * pace), 120 + n, 300, status],
  );
  if (pace < 1) {
    await db.run("INSERT INTO mart.bottlenecks VALUES ($1, 'behind_trajectory', $2, $3, $4, $5, $6, $7)", [
      code, pace < 0.85 ? "high" : "medium", MONTHS[6 + n % 5]!, JSON.stringify({ pace, target: 120 + n }),
      `${code} : ${Math.round(pace * 100)} % de la trajectoire des formateurs formés.`,
      `${code}: ${Math.round(pace * 100)}% of the trained-trainers trajectory.`,
      `${code}/behind_trajectory`,
    ]);
  }
  if (n === 4) {
    await db.run("INSERT INTO mart.bottlenecks VALUES ($1, 'stuck_in_validation', 'low', '2026-08-01', '{\"resources\":7}', $2, $3, $4)", [
      code, `7 ressources en validation depuis plus de 60 jours ${HOSTILE}`, `7 resources in validation for over 60 days ${HOSTILE}`,
      `${code}/stuck_in_validation`,
    ]);
  }
  const load = `L-${code}-sheet`;
  await db.run(
    `INSERT INTO ops.loads VALUES ($1, 'sheet', $2, $3, 'abc', '2026-11-14 06:00:00+00', '2026-11-14 06:00:05+00',
     'loaded_with_rejects', 40, 38, 2, NULL)`,
    [load, `sheets/${code}.xlsx!Formateurs`, code],
  );
  await db.run(
    `INSERT INTO ops.loads VALUES ($1, 'national-csv', $2, $3, 'def', '2026-11-13 02:30:00+00', '2026-11-13 02:30:09+00',
     'loaded', 30, 30, 0, NULL)`,
    [`L-${code}-csv`, `data/inbox/${code}/export-2026-10.csv`, code],
  );
  await db.run("INSERT INTO ops.rejects VALUES ($1, 'sheet', $2, 'Date de formation', $3, $4, $5)", [
    load, `Formateurs!F${12 + n}`, "31/02/2026", "Date impossible : le 31 février n'existe pas. Corrigez la cellule.",
    "Impossible date: 31 February does not exist. Correct the cell.",
  ]);
  await db.run("INSERT INTO ops.rejects VALUES ($1, 'sheet', $2, 'Sexe', $3, $4, $5)", [
    load, `Formateurs!C${20 + n}`, HOSTILE, "Sexe inconnu : attendu F ou H.", "Unknown sex: expected F or H.",
  ]);
  // A tab read through the Sheets API (its address recorded), whose latest run found it unchanged:
  // its open rejects are those of the load before. Row 5 has two bad cells; a national file in a
  // folder of the server.
  const api = `L-${code}-api`;
  await db.run(
    `INSERT INTO ops.loads VALUES ($1, 'sheet', $2, $3, 'ghi', '2026-11-20 06:00:00+00', '2026-11-20 06:00:03+00',
     'loaded_with_rejects', 12, 11, 2, NULL)`,
    [api, `sheet-${code}-id!Sessions`, code],
  );
  await db.run(
    `INSERT INTO ops.loads VALUES ($1, 'sheet', $2, $3, 'ghi', '2026-11-21 06:00:00+00', '2026-11-21 06:00:01+00',
     'skipped', 0, 0, 0, 'content already loaded')`,
    [`${api}-again`, `sheet-${code}-id!Sessions`, code],
  );
  await db.run("INSERT INTO ops.source_locations VALUES ('sheet', $1, $2, '2026-11-19 15:42:00+00', $3, '2026-11-21 06:00:00+00')", [
    `sheet-${code}-id!Sessions`, code, `https://docs.google.com/spreadsheets/d/sheet-${code}-id/edit#gid=${400 + n}`,
  ]);
  for (const [cell, column] of [["H5", "Enseignants formés (F)"], ["I5", "Enseignants formés (H)"]] as const) {
    await db.run("INSERT INTO ops.rejects VALUES ($1, 'sheet', $2, $3, '-4', $4, $5)", [
      api, `Sessions!${cell}`, column, "Nombre négatif. À faire : écrivez un nombre entier positif.", "Negative number. To do: write a positive whole number.",
    ]);
  }
  await db.run(
    `INSERT INTO ops.loads VALUES ($1, 'national-csv', $2, $3, 'jkl', '2026-11-13 02:31:00+00', '2026-11-13 02:31:02+00',
     'loaded', 31, 30, 0, NULL)`,
    [`L-${code}-csv-abs`, `/srv/imaginecole/inbox/${code}/export-2026-09.csv`, code],
  );
  for (let i = 0; i < 6 + n; i++) {
    await db.run("INSERT INTO core.trainers VALUES ($1, $2, $3, 'Centre', 'Inspecteur', $4, $5, $6)", [
      code, `F${i}`, i % 3 === 0 ? "F" : "M", MONTHS[i % 12]!, i % 2 === 0, load,
    ]);
  }
  for (let i = 0; i < 8; i++) {
    await db.run("INSERT INTO core.training_sessions VALUES ($1, $2, 'F1', $3, $3, 'Centre', $4, 'hybrid', $5, $6, $7)", [
      code, `S${i}`, MONTHS[i]!, i % 2 === 0 ? "primary" : "secondary", 10 + n + i, 12 + i, load,
    ]);
  }
  const statuses = ["in_production", "in_validation", "in_validation", "validated", "published", "published", "rejected"];
  for (const [i, s] of statuses.entries()) {
    await db.run("INSERT INTO core.resources VALUES ($1, $2, $3, $4, $5, 'fr', 'video', $6, $7, NULL, $8)", [
      code, `R${i}`, i === 1 ? `Fractions ${HOSTILE}` : `Ressource ${i}`, i % 2 === 0 ? "Mathématiques" : "Français",
      i % 2 === 0 ? "primary" : "secondary", s, MONTHS[i]!, load,
    ]);
  }
  await db.run("INSERT INTO core.activities VALUES ($1, 'A1', 'Atelier de validation', 'k', '2026-09-30', 'in_progress', $2, $3)", [
    code, `Reporté : salle indisponible ${HOSTILE}`, load,
  ]);
}
