import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Warehouse } from "../../src/warehouse/warehouse.ts";

export const AS_OF = "2026-10-31";
export const INJECTION = '=HYPERLINK("http://x","y")';
/** Values that only exist after the as-of date: none may appear in a snapshot. */
export const LATE = { value: 987654, sha: "late0000".repeat(8), title: "Ressource tardive", location: "late-export.csv" };
export const ACTOR_KEY = "actor-7f3a9c-secret";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "imaginecole-export-"));
}

/**
 * A small warehouse worked out by hand: Senegal and Burkina Faso, September to November 2026,
 * three indicators, a small count to suppress, a resource title carrying a formula, and loads,
 * rows and months dated after the as-of date (31 October).
 */
export async function fixtureWarehouse(dir: string): Promise<Warehouse> {
  const w = await Warehouse.open(join(dir, "warehouse.duckdb"));
  await w.run(`INSERT INTO core.countries (country_code, iso3, iso_numeric, name_fr, name_en) VALUES
    ('SN', 'SEN', '686', 'Sénégal', 'Senegal'), ('BF', 'BFA', '854', 'Burkina Faso', 'Burkina Faso')`);
  await w.run(`INSERT INTO mart.indicator_catalogue VALUES
    ('trainers_trained', 0, 'Formateurs formés', 'Trainers trained', 'Nombre cumulé de formateurs formés.', 'Cumulative number of trainers trained.', 'count', 'stock', 'last', false, 'sex', 'trainers_trained', 'core.trainers'),
    ('monthly_active_users', 1, 'Utilisateurs actifs', 'Monthly active users', 'Utilisateurs actifs dans le mois.', 'Users active in the month.', 'users', 'flow', 'last', false, '', 'monthly_active_users', 'core.usage_events'),
    ('resource_views', 2, 'Consultations', 'Resource views', 'Consultations de ressources dans le mois.', 'Resource views in the month.', 'count', 'flow', 'sum', false, 'platform', NULL, 'core.usage_events'),
    ('publication_lead_time_days', 3, 'Délai de publication', 'Publication lead time', 'Médiane des jours jusqu''à la publication.', 'Median days to publication.', 'days', 'flow', 'median', false, '', NULL, 'core.resource_status_history')`);
  // Lead times of 40 (September), 50 and 80 days (October), and 10 days published after the as-of date.
  await w.run(`INSERT INTO mart.publication_lead_times VALUES
    ('SN', 'R-1', 'in_production', '2026-08-06', '2026-09-15', 40),
    ('SN', 'R-2', 'in_production', '2026-08-14', '2026-10-03', 50),
    ('SN', 'R-3', 'in_validation', '2026-08-01', '2026-10-20', 80),
    ('SN', 'R-4', 'in_validation', '2026-10-26', '2026-11-05', 10)`);
  await w.run(`INSERT INTO mart.build_info VALUES ('2026-11-28 00:00:00+00', '2026-10-01', '2025-06-01', '2027-12-31')`);
  const indicators: Array<[string, string, string, number, number | null, string, string, string | null]> = [
    // country, period, indicator, value, target, disaggregation, status, target_status
    ["SN", "2026-09-01", "trainers_trained", 30, 40, "", "approved", "at_risk"],
    ["SN", "2026-09-01", "trainers_trained", 2, null, "sex=F", "approved", null],
    ["SN", "2026-09-01", "trainers_trained", 28, null, "sex=M", "approved", null],
    ["SN", "2026-10-01", "trainers_trained", 43, 45, "", "provisional", "on_track"],
    ["SN", "2026-10-01", "trainers_trained", 3, null, "sex=F", "provisional", null],
    ["SN", "2026-10-01", "trainers_trained", 40, null, "sex=M", "provisional", null],
    ["SN", "2026-09-01", "monthly_active_users", 1200, 1000, "", "approved", "on_track"],
    ["SN", "2026-10-01", "monthly_active_users", 1350.5, 1100, "", "provisional", "on_track"],
    ["SN", "2026-09-01", "resource_views", 500, null, "", "approved", null],
    ["SN", "2026-10-01", "resource_views", 700, null, "", "provisional", null],
    ["SN", "2026-09-01", "publication_lead_time_days", 40, null, "", "approved", null],
    ["SN", "2026-10-01", "publication_lead_time_days", 65, null, "", "provisional", null],
    ["BF", "2026-10-01", "trainers_trained", 12, 30, "", "provisional", "off_track"],
    ["SN", "2026-11-01", "trainers_trained", LATE.value, 50, "", "provisional", "on_track"],
    ["SN", "2026-11-01", "resource_views", LATE.value, null, "", "provisional", null],
  ];
  for (const [country, period, id, value, target, disaggregation, status, targetStatus] of indicators) {
    await w.run(
      `INSERT INTO mart.indicators (country_code, period, indicator_id, value, target, disaggregation, status, target_status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [country, period, id, value, target, disaggregation, status, targetStatus],
    );
  }
  await w.run(`INSERT INTO mart.trajectory VALUES
    ('SN', 'trainers_trained', '2026-10-01', 45, 80, '2027-06-30'),
    ('SN', 'trainers_trained', '2026-11-01', 50, 80, '2027-06-30')`);
  await w.run(`INSERT INTO mart.completeness (country_code, period, source, expected, received, on_time, deadline) VALUES
    ('SN', '2026-09-01', 'national-csv', true, true, true, '2026-10-10'),
    ('SN', '2026-10-01', 'national-csv', true, false, false, '2026-11-10'),
    ('SN', '2026-11-01', 'national-csv', true, false, false, '2026-12-10')`);
  await w.run(`INSERT INTO ops.loads VALUES
    ('national-csv-1', 'national-csv', 'inbox/SN/export-2026-10.csv', 'SN', '${"a1".repeat(32)}', '2026-10-15 08:00:00+00', '2026-10-15 08:00:05+00', 'loaded_with_rejects', 10, 9, 1, NULL),
    ('xapi-1', 'xapi', 'https://etl:s3cret@lrs.example.org/xapi/statements?since=2026-10-01&token=abc', NULL, NULL, '2026-10-20 03:00:00+00', '2026-10-20 03:01:00+00', 'loaded', 5, 5, 0, NULL),
    ('national-csv-2', 'national-csv', '${LATE.location}', 'SN', '${LATE.sha}', '2026-11-05 08:00:00+00', '2026-11-05 08:00:05+00', 'loaded_with_rejects', 10, 8, 2, NULL)`);
  await w.run(`INSERT INTO ops.rejects VALUES
    ('national-csv-1', 'national-csv', 'export-2026-10.csv:4', 'Sessions', 'abc', 'Nombre attendu', 'Number expected'),
    ('national-csv-2', 'national-csv', '${LATE.location}:2', 'Sessions', 'x', 'Nombre attendu', 'Number expected'),
    ('national-csv-2', 'national-csv', '${LATE.location}:3', 'Sessions', 'y', 'Nombre attendu', 'Number expected')`);
  await w.run(`INSERT INTO core.resources (country_code, resource_id, title, discipline, level, language, type, status, status_date, link, load_id) VALUES
    ('SN', 'R-001', $1, 'Mathématiques', 'primary', 'fr', 'video', 'published', '2026-10-01', 'https://sn.imaginecole.org/r/1', 'sheet-1'),
    ('SN', 'R-002', $2, 'Sciences', 'secondary', 'fr', 'pdf', 'in_validation', '2026-11-10', NULL, 'sheet-1')`, [INJECTION, LATE.title]);
  await w.run(`INSERT INTO raw.xapi_statements (event_id, occurred_at, country_code, actor_key, verb, object_id, source, load_id) VALUES ('e1', '2026-10-02 10:00:00+00', 'SN', '${ACTOR_KEY}', 'viewed', 'R-001', 'xapi', 'xapi-1')`);
  return w;
}
