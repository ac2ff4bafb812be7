import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalogue } from "../../src/mart/catalogue.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";

export const AS_OF = "2026-10-31";
export const INJECTION = '=HYPERLINK("http://x","y")';
/** Values that only exist after the as-of date: none may appear in a snapshot. */
export const LATE = { value: 987654, sha: "late0000".repeat(8), title: "Ressource tardive", location: "late-export.csv" };
export const ACTOR_KEY = "actor-7f3a9c-secret";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "imaginecole-export-"));
}

type Figure = {
  country: string;
  type: "month" | "quarter" | "year" | "phase";
  period: string;
  start: string;
  end: string;
  id: string;
  value: number | null;
  running?: number | null;
  disaggregation?: string;
  target?: number | null;
  status?: string;
  targetStatus?: string | null;
  yearTarget?: number | null;
  phaseTarget?: number | null;
  baseline?: number | null;
  baselineYear?: number | null;
};

const SEPT = { type: "month", period: "2026-09", start: "2026-09-01", end: "2026-09-30" } as const;
const OCT = { type: "month", period: "2026-10", start: "2026-10-01", end: "2026-10-31" } as const;
const NOV = { type: "month", period: "2026-11", start: "2026-11-01", end: "2026-11-30" } as const;
const Q3 = { type: "quarter", period: "2026-Q3", start: "2026-07-01", end: "2026-09-30" } as const;
const PHASE_SEPT = { type: "phase", period: "phase", start: "2025-06-01", end: "2026-09-30" } as const;
const PHASE_OCT = { type: "phase", period: "phase", start: "2025-06-01", end: "2026-10-31" } as const;

/**
 * A small warehouse worked out by hand at the level the export reads: the catalogue, the
 * mart's figures per period for Senegal, Burkina Faso and all countries together (September and
 * October 2026, the third quarter, the phase to each month's end, and November, after the as-of
 * date), a small count to suppress, a resource title carrying a formula, and loads, rows and
 * months dated after the as-of date (31 October). The mart describes months up to October.
 */
export async function fixtureWarehouse(dir: string): Promise<Warehouse> {
  const w = await Warehouse.open(join(dir, "warehouse.duckdb"));
  await w.run(`INSERT INTO core.countries (country_code, iso3, iso_numeric, name_fr, name_en) VALUES
    ('SN', 'SEN', '686', 'Sénégal', 'Senegal'), ('BF', 'BFA', '854', 'Burkina Faso', 'Burkina Faso')`);
  const catalogue = new Map(loadCatalogue().map((i) => [i.id, i]));
  for (const [position, id] of ["trainers_trained", "monthly_active_users", "resource_views", "publication_lead_time_days", "reporting_completeness"].entries()) {
    const i = catalogue.get(id)!;
    await w.run("INSERT INTO mart.indicator_catalogue VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)", [
      i.id, position, i.label_fr, i.label_en, i.definition_fr, i.definition_en, i.unit, i.precision, i.kind,
      i.cumulative, i.ascending, i.regional ?? null, i.snapshot, i.disaggregations.join(","), i.target_key, i.sources.join(","),
    ]);
  }
  await w.run(`INSERT INTO mart.build_info VALUES ('2026-11-28 00:00:00+00', '2026-10-01', '2025-06-01', '2027-12-31')`);
  const figures: Figure[] = [
    // Trainers trained: 30 by the end of September (2 women in September), 13 more in October.
    { country: "SN", ...SEPT, id: "trainers_trained", value: 5, running: 30, target: 40, targetStatus: "at_risk", yearTarget: 60, phaseTarget: 80, baseline: 0, baselineYear: 2024, status: "approved" },
    { country: "SN", ...SEPT, id: "trainers_trained", value: 2, running: 2, disaggregation: "sex=F", status: "approved" },
    { country: "SN", ...SEPT, id: "trainers_trained", value: 3, running: 28, disaggregation: "sex=M", status: "approved" },
    { country: "SN", ...OCT, id: "trainers_trained", value: 13, running: 43, target: 45, targetStatus: "on_track", yearTarget: 60, phaseTarget: 80, baseline: 0, baselineYear: 2024 },
    { country: "SN", ...OCT, id: "trainers_trained", value: 1, running: 3, disaggregation: "sex=F" },
    { country: "SN", ...OCT, id: "trainers_trained", value: 12, running: 40, disaggregation: "sex=M" },
    { country: "SN", ...Q3, id: "trainers_trained", value: 12, running: 30, target: 40, targetStatus: "at_risk", yearTarget: 60, phaseTarget: 80, baseline: 0, baselineYear: 2024, status: "approved" },
    { country: "SN", ...Q3, id: "trainers_trained", value: 4, running: 2, disaggregation: "sex=F", status: "approved" },
    { country: "SN", ...Q3, id: "trainers_trained", value: 8, running: 28, disaggregation: "sex=M", status: "approved" },
    { country: "SN", ...PHASE_SEPT, id: "trainers_trained", value: 30, running: 30, target: 40, targetStatus: "at_risk", yearTarget: 60, phaseTarget: 80, baseline: 0, baselineYear: 2024, status: "approved" },
    { country: "SN", ...PHASE_OCT, id: "trainers_trained", value: 43, running: 43, target: 45, targetStatus: "on_track", yearTarget: 60, phaseTarget: 80, baseline: 0, baselineYear: 2024 },
    { country: "SN", ...PHASE_OCT, id: "trainers_trained", value: 3, running: 3, disaggregation: "sex=F" },
    { country: "SN", ...PHASE_OCT, id: "trainers_trained", value: 40, running: 40, disaggregation: "sex=M" },
    { country: "BF", ...OCT, id: "trainers_trained", value: 12, running: 12, target: 30, targetStatus: "off_track" },
    { country: "BF", ...PHASE_OCT, id: "trainers_trained", value: 12, running: 12, target: 30, targetStatus: "off_track" },
    { country: "ALL", ...OCT, id: "trainers_trained", value: 25, running: 55, target: 75, targetStatus: "at_risk" },
    { country: "ALL", ...PHASE_OCT, id: "trainers_trained", value: 55, running: 55, target: 75, targetStatus: "at_risk" },
    // Active users: 1,200 in September, 1,350 in October, 1,900 people over both.
    { country: "SN", ...SEPT, id: "monthly_active_users", value: 1200, running: 1500, target: 1000, targetStatus: "on_track", status: "approved" },
    { country: "SN", ...OCT, id: "monthly_active_users", value: 1350, running: 1900, target: 1100, targetStatus: "on_track" },
    { country: "SN", ...PHASE_OCT, id: "monthly_active_users", value: 1900, running: 1900 },
    { country: "ALL", ...PHASE_OCT, id: "monthly_active_users", value: 2100, running: 2100 },
    { country: "SN", ...SEPT, id: "resource_views", value: 500, running: 800, status: "approved" },
    { country: "SN", ...OCT, id: "resource_views", value: 700, running: 1500 },
    { country: "SN", ...PHASE_OCT, id: "resource_views", value: 1500, running: 1500 },
    { country: "SN", ...PHASE_OCT, id: "publication_lead_time_days", value: 50, running: 50 },
    { country: "SN", ...OCT, id: "reporting_completeness", value: 50, running: 75 },
    { country: "SN", ...NOV, id: "trainers_trained", value: LATE.value, running: LATE.value, target: 50, targetStatus: "on_track" },
    { country: "SN", ...NOV, id: "resource_views", value: LATE.value, running: LATE.value },
  ];
  for (const f of figures) {
    await w.run(
      `INSERT INTO mart.indicator_periods (country_code, period_type, period, period_start, period_end, indicator_id, disaggregation,
         value, running_total, target, target_status, year_target, phase_target, baseline, baseline_year, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        f.country, f.type, f.period, f.start, f.end, f.id, f.disaggregation ?? "", f.value, f.running ?? null, f.target ?? null,
        f.targetStatus ?? null, f.yearTarget ?? null, f.phaseTarget ?? null, f.baseline ?? null, f.baselineYear ?? null, f.status ?? "provisional",
      ],
    );
  }
  // National exports: September received on time, October missing; the sheet before its first
  // sync is not measurable. November is after the as-of date.
  await w.run(`INSERT INTO mart.completeness (country_code, period, source, expected, received, on_time, deadline) VALUES
    ('SN', '2026-09-01', 'national-csv', true, true, true, '2026-10-10'),
    ('SN', '2026-10-01', 'national-csv', true, false, false, '2026-11-10'),
    ('SN', '2026-11-01', 'national-csv', true, false, false, '2026-12-10'),
    ('SN', '2026-09-01', 'sheet', true, NULL, NULL, '2026-10-10'),
    ('SN', '2026-10-01', 'sheet', true, true, true, '2026-11-10')`);
  await w.run(`INSERT INTO ops.loads VALUES
    ('national-csv-1', 'national-csv', 'inbox/SN/export-2026-10.csv', 'SN', '${"a1".repeat(32)}', '2026-10-15 08:00:00+00', '2026-10-15 08:00:05+00', 'loaded_with_rejects', 10, 9, 1, NULL),
    ('xapi-1', 'xapi', 'https://etl:s3cret@lrs.example.org/xapi/statements?since=2026-10-01&token=abc', NULL, NULL, '2026-10-20 03:00:00+00', '2026-10-20 03:01:00+00', 'loaded', 5, 5, 0, NULL),
    ('national-csv-2', 'national-csv', '${LATE.location}', 'SN', '${LATE.sha}', '2026-11-05 08:00:00+00', '2026-11-05 08:00:05+00', 'loaded_with_rejects', 10, 8, 2, NULL),
    ('national-csv-3', 'national-csv', 'inbox/SN/correction-2026-10.csv', 'SN', '${"c3".repeat(32)}', '2026-11-20 08:00:00+00', '2026-11-20 08:00:02+00', 'loaded', 1, 1, 0, NULL)`);
  await w.run(`INSERT INTO ops.rejects VALUES
    ('national-csv-1', 'national-csv', 'export-2026-10.csv:4', 'Sessions', 'abc', 'Nombre attendu', 'Number expected'),
    ('national-csv-2', 'national-csv', '${LATE.location}:2', 'Sessions', 'x', 'Nombre attendu', 'Number expected'),
    ('national-csv-2', 'national-csv', '${LATE.location}:3', 'Sessions', 'y', 'Nombre attendu', 'Number expected')`);
  // What the loads left in core: the October export's days, a November export (after the as-of
  // date) and a correction of 30 October that arrived on 20 November: about a day covered, so used.
  await w.run(`INSERT INTO core.national_usage (country_code, platform, day, active_users, page_views, downloads, load_id) VALUES
    ('SN', 'sn-national', '2026-10-01', 10, 100, 5, 'national-csv-1'),
    ('SN', 'sn-national', '2026-11-03', 10, 100, 5, 'national-csv-2'),
    ('SN', 'sn-national', '2026-10-30', 12, 110, 6, 'national-csv-3')`);
  await w.run(`INSERT INTO core.resources (country_code, resource_id, title, discipline, level, language, type, status, status_date, link, load_id) VALUES
    ('SN', 'R-001', $1, 'Mathématiques', 'primary', 'fr', 'video', 'published', '2026-10-01', 'https://sn.imaginecole.org/r/1', 'sheet-1'),
    ('SN', 'R-002', $2, 'Sciences', 'secondary', 'fr', 'pdf', 'in_validation', '2026-11-10', NULL, 'sheet-1')`, [INJECTION, LATE.title]);
  await w.run(`INSERT INTO raw.xapi_statements (event_id, occurred_at, country_code, actor_key, verb, object_id, source, load_id) VALUES ('e1', '2026-10-02 10:00:00+00', 'SN', '${ACTOR_KEY}', 'viewed', 'R-001', 'xapi', 'xapi-1')`);
  return w;
}
