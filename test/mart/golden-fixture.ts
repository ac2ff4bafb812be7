import type { DuckDBValue } from "@duckdb/node-api";
import type { Warehouse } from "../../src/warehouse/warehouse.ts";

/**
 * A small hand-built core for the golden tests. Phase 2025-11-01 → 2026-10-31, built on
 * 2026-05-15 12:00 UTC: six complete months, November 2025 to April 2026.
 *  - BF is on track everywhere and reports on time (but for January's national export).
 *  - ML lags: behind its targets, resources stuck in validation, activities overdue, use falling,
 *    its sheet untouched since 4 February and no national export for March (nothing received
 *    for March: completeness 0).
 *  - NE is in the reference list and has sent nothing at all.
 */
export const NOW = new Date("2026-05-15T12:00:00Z");
export const PHASE = { start: "2025-11-01", end: "2026-10-31" };
export const MONTHS = ["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"];

type Row = Record<string, DuckDBValue>;

async function insert(w: Warehouse, table: string, rows: Row[]): Promise<void> {
  for (const row of rows) {
    const cols = Object.keys(row);
    await w.run(
      `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")})`,
      Object.values(row),
    );
  }
}

const month = (i: number) => MONTHS[i]!.slice(0, 7);

/** One experienced statement per user on day 5 at 10:00 UTC, users named <prefix>1..n. */
function views(country: string, prefix: string, perMonth: number[]): Row[] {
  return perMonth.flatMap((n, i) =>
    Array.from({ length: n }, (_, u) => ({
      event_id: `${country}-${month(i)}-v${u + 1}`,
      occurred_at: `${month(i)}-05T10:00:00Z`,
      country_code: country,
      actor_key: `${prefix}${u + 1}`,
      verb: "http://adlnet.gov/expapi/verbs/experienced",
      object_id: `https://${country.toLowerCase()}.imaginecole.org/res/other`,
      source: "xapi",
      load_id: "xapi-1",
    })),
  );
}

const load = (load_id: string, source: string, location: string, country_code: string | null, started_at: string, status = "loaded"): Row => ({
  load_id, source, location, country_code, started_at, status, rows_read: 1, rows_loaded: 1, rows_rejected: 0,
});

export async function buildGoldenCore(w: Warehouse): Promise<void> {
  await insert(w, "core.countries", [
    { country_code: "BF", iso3: "BFA", iso_numeric: "854", name_fr: "Burkina Faso", name_en: "Burkina Faso", primary_teachers: 1000, primary_teachers_year: 2020, secondary_teachers: 500, secondary_teachers_year: 2018 },
    { country_code: "ML", iso3: "MLI", iso_numeric: "466", name_fr: "Mali", name_en: "Mali", primary_teachers: 2000, primary_teachers_year: 2019, secondary_teachers: null, secondary_teachers_year: null },
    { country_code: "NE", iso3: "NER", iso_numeric: "562", name_fr: "Niger", name_en: "Niger", primary_teachers: 100, primary_teachers_year: 2020, secondary_teachers: 100, secondary_teachers_year: 2020 },
  ]);

  await insert(w, "core.trainers", [
    { country_code: "BF", trainer_id: "T0", sex: "M", trained_on: "2025-10-01", certified: true, load_id: "s" }, // before the phase
    { country_code: "BF", trainer_id: "T1", sex: "F", trained_on: "2025-11-10", certified: true, load_id: "s" },
    { country_code: "BF", trainer_id: "T2", sex: "M", trained_on: "2026-01-20", certified: false, load_id: "s" },
    { country_code: "BF", trainer_id: "T3", sex: "F", trained_on: "2026-03-05", certified: true, load_id: "s" },
    { country_code: "ML", trainer_id: "M1", sex: "F", trained_on: "2025-12-01", certified: true, load_id: "s" },
  ]);

  await insert(w, "core.training_sessions", [
    { country_code: "BF", session_id: "S1", start_date: "2025-12-10", end_date: "2025-12-15", level: "primary", teachers_trained_f: 30, teachers_trained_m: 20, load_id: "s" },
    { country_code: "BF", session_id: "S2", start_date: "2026-03-16", end_date: "2026-03-20", level: "secondary", teachers_trained_f: 10, teachers_trained_m: 15, load_id: "s" },
    { country_code: "BF", session_id: "S3", start_date: "2026-02-01", end_date: null, level: "preschool", teachers_trained_f: 5, teachers_trained_m: 0, load_id: "s" },
    { country_code: "ML", session_id: "S1", start_date: "2026-01-12", end_date: "2026-01-15", level: "primary", teachers_trained_f: 100, teachers_trained_m: 100, load_id: "s" },
  ]);

  await insert(w, "core.resources", [
    { country_code: "BF", resource_id: "BF-R1", level: "primary", status: "published", status_date: "2026-02-10", link: "https://bf.imaginecole.org/res/bf-r1", load_id: "s" },
    { country_code: "BF", resource_id: "BF-R2", level: "secondary", status: "in_validation", status_date: "2026-04-20", link: null, load_id: "s" },
    { country_code: "BF", resource_id: "BF-R3", level: "primary", status: "validated", status_date: "2026-03-01", link: null, load_id: "s" },
    { country_code: "BF", resource_id: "BF-R4", level: "primary", status: "in_production", status_date: "2026-04-01", link: null, load_id: "s" },
    { country_code: "ML", resource_id: "ML-R1", level: "primary", status: "in_validation", status_date: "2026-01-10", link: null, load_id: "s" },
    { country_code: "ML", resource_id: "ML-R2", level: "primary", status: "in_validation", status_date: "2026-02-20", link: null, load_id: "s" },
    { country_code: "ML", resource_id: "ML-R3", level: "primary", status: "in_validation", status_date: "2026-03-01", link: null, load_id: "s" },
    { country_code: "ML", resource_id: "ML-R4", level: "primary", status: "in_validation", status_date: "2026-04-01", link: null, load_id: "s" },
    { country_code: "ML", resource_id: "ML-R5", level: "secondary", status: "published", status_date: "2025-10-15", link: null, load_id: "s" },
  ]);

  // Statuses as the sheets loader saw them over time (the current ones above, and earlier ones).
  // BF-R1 was in production from 22 Dec; BF-R5, in validation from 22 Nov and published on 10 Feb,
  // was since deleted from the sheet but keeps its history. ML-R5 was first seen already published.
  const seen = (country_code: string, resource_id: string, status: string, status_date: string): Row => ({
    country_code, resource_id, status, status_date, first_seen_load_id: "s",
  });
  await insert(w, "core.resource_status_history", [
    seen("BF", "BF-R1", "in_production", "2025-12-22"),
    seen("BF", "BF-R1", "in_validation", "2026-01-15"),
    seen("BF", "BF-R1", "published", "2026-02-10"),
    seen("BF", "BF-R2", "in_production", "2026-03-02"),
    seen("BF", "BF-R2", "in_validation", "2026-04-20"),
    seen("BF", "BF-R3", "in_production", "2026-01-05"),
    seen("BF", "BF-R3", "validated", "2026-03-01"),
    seen("BF", "BF-R4", "in_production", "2026-04-01"),
    seen("BF", "BF-R5", "in_validation", "2025-11-22"),
    seen("BF", "BF-R5", "published", "2026-02-10"),
    seen("ML", "ML-R1", "in_validation", "2026-01-10"),
    seen("ML", "ML-R2", "in_validation", "2026-02-20"),
    seen("ML", "ML-R3", "in_validation", "2026-03-01"),
    seen("ML", "ML-R4", "in_validation", "2026-04-01"),
    seen("ML", "ML-R5", "published", "2025-10-15"),
  ]);

  await insert(w, "core.activities", [
    { country_code: "BF", activity_id: "A1", due_date: "2026-01-31", status: "done", load_id: "s" },
    { country_code: "BF", activity_id: "A2", due_date: "2026-06-30", status: "planned", load_id: "s" },
    { country_code: "BF", activity_id: "A3", due_date: "2026-02-15", status: "cancelled", load_id: "s" },
    { country_code: "ML", activity_id: "A1", due_date: "2026-01-15", status: "in_progress", load_id: "s" },
    { country_code: "ML", activity_id: "A2", due_date: "2026-04-30", status: "planned", load_id: "s" },
    { country_code: "ML", activity_id: "A3", due_date: "2026-03-31", status: "done", load_id: "s" },
    { country_code: "ML", activity_id: "A4", due_date: "2026-05-31", status: "planned", load_id: "s" },
  ]);

  await insert(w, "core.targets", [
    { country_code: "BF", indicator_id: "trainers_trained", target: 6, deadline: "2026-10-31", load_id: "c" },
    { country_code: "BF", indicator_id: "teachers_trained", target: 120, deadline: "2026-10-31", load_id: "c" },
    { country_code: "BF", indicator_id: "resources_published", target: 2, deadline: "2026-10-31", load_id: "c" },
    { country_code: "BF", indicator_id: "monthly_active_users", target: 12, deadline: "2026-10-31", load_id: "c" },
    { country_code: "ML", indicator_id: "trainers_trained", target: 12, deadline: "2026-10-31", load_id: "c" },
    { country_code: "ML", indicator_id: "trainers_certified", target: 2, deadline: "2026-01-31", load_id: "c" },
    { country_code: "ML", indicator_id: "trainers_certified", target: 8, deadline: "2026-10-31", load_id: "c" },
    { country_code: "ML", indicator_id: "resources_published", target: 6, deadline: "2026-10-31", load_id: "c" },
    { country_code: "ML", indicator_id: "monthly_active_users", target: 40, deadline: "2026-10-31", load_id: "c" },
  ]);

  // Regional platform. BF: 4,4,5,5,6,6 users; downloads of its own resources in Feb (by link),
  // Mar (by id at the end of another address) and Apr; a registration at 23:30 UTC on 31 January.
  // ML: 10,10,10,6,5,3 users, nothing local.
  await insert(w, "raw.xapi_statements", [
    ...views("BF", "b", [4, 4, 5, 5, 6, 6]),
    ...views("ML", "m", [10, 10, 10, 6, 5, 3]),
    { event_id: "BF-jan-reg", occurred_at: "2026-01-31T23:30:00Z", country_code: "BF", actor_key: "b1", verb: "http://adlnet.gov/expapi/verbs/registered", object_id: "https://bf.imaginecole.org/course/1", source: "xapi", load_id: "xapi-1" },
    { event_id: "BF-feb-dl", occurred_at: "2026-02-05T11:00:00Z", country_code: "BF", actor_key: "b1", verb: "http://id.tincanapi.com/verb/downloaded", object_id: "https://bf.imaginecole.org/res/bf-r1", source: "xapi", load_id: "xapi-1" },
    { event_id: "BF-mar-dl", occurred_at: "2026-03-05T11:00:00Z", country_code: "BF", actor_key: "b1", verb: "http://id.tincanapi.com/verb/downloaded", object_id: "https://cdn.example.org/items/BF-R3", source: "xapi", load_id: "xapi-1" },
    { event_id: "BF-apr-dl", occurred_at: "2026-04-05T11:00:00Z", country_code: "BF", actor_key: "b1", verb: "http://id.tincanapi.com/verb/downloaded", object_id: "https://bf.imaginecole.org/res/bf-r1", source: "xapi", load_id: "xapi-1" },
  ]);

  // National exports: BF days 1 and 15 of every month (10 and 20 active users, 100 page views and
  // 5 downloads a day), each month's file loaded on the 5th of the next month but January's
  // (20 February: late). ML day 10 of every month but March (7 active, 50 views, 2 downloads),
  // loaded on the 3rd of the next month.
  const nextMonth5 = ["2025-12-05", "2026-01-05", "2026-02-20", "2026-03-05", "2026-04-05", "2026-05-05"];
  const nextMonth3 = ["2025-12-03", "2026-01-03", "2026-02-03", "2026-03-03", null, "2026-05-03"];
  const loads: Row[] = [];
  const national: Row[] = [];
  MONTHS.forEach((_, i) => {
    loads.push(load(`nat-BF-${i}`, "national-csv", `data/inbox/BF/${month(i)}.csv`, "BF", `${nextMonth5[i]}T08:00:00Z`));
    for (const [day, active] of [["01", 10], ["15", 20]] as const) {
      national.push({ country_code: "BF", platform: "bf-national", day: `${month(i)}-${day}`, active_users: active, page_views: 100, downloads: 5, load_id: `nat-BF-${i}` });
    }
    const mlLoaded = nextMonth3[i];
    if (mlLoaded) {
      loads.push(load(`nat-ML-${i}`, "national-csv", `data/inbox/ML/${month(i)}.csv`, "ML", `${mlLoaded}T08:00:00Z`));
      national.push({ country_code: "ML", platform: "ml-national", day: `${month(i)}-10`, active_users: 7, page_views: 50, downloads: 2, load_id: `nat-ML-${i}` });
    }
  });

  // Sheets. BF: synced with changes on 3 Nov (first sync: only shows when watching began, since
  // the spreadsheet's modified time is known), 4 Dec, 6 Jan, 3 Feb, 8 Mar, 7 Apr; an unchanged
  // sync on 20 Apr (skipped); last modified 2 May. ML: no modified time known, so every sync with
  // changes counts: 4 Nov, 5 Dec, 5 Jan, 4 Feb, then nothing.
  for (const [i, day] of ["2025-11-03", "2025-12-04", "2026-01-06", "2026-02-03", "2026-03-08", "2026-04-07"].entries()) {
    loads.push(load(`sheet-BF-${i}`, "sheet", "BF!Formateurs", "BF", `${day}T09:00:00Z`));
  }
  loads.push(load("sheet-BF-skip", "sheet", "BF!Formateurs", "BF", "2026-04-20T09:00:00Z", "skipped"));
  for (const [i, day] of ["2025-11-04", "2025-12-05", "2026-01-05", "2026-02-04"].entries()) {
    loads.push(load(`sheet-ML-${i}`, "sheet", "ML!Formateurs", "ML", `${day}T09:00:00Z`));
  }
  loads.push(load("cibles-1", "sheet", "regional!Cibles", null, "2025-11-02T09:00:00Z"));
  await insert(w, "ops.loads", loads);
  await insert(w, "core.national_usage", national);
  await insert(w, "core.sheet_syncs", [
    { country_code: "BF", tab: "Formateurs", synced_at: "2026-05-14T09:00:00Z", modified_at: "2026-05-02T08:00:00Z", load_id: "sheet-BF-5" },
    { country_code: "ML", tab: "Formateurs", synced_at: "2026-05-14T09:00:00Z", modified_at: null, load_id: "sheet-ML-3" },
  ]);

  // The months the sheet rows report on, each first brought by that month's sync: BF's first
  // (3 Nov) brings November before its deadline, so it is on time, not a back-fill.
  const BF_SYNCS = ["2025-11-03", "2025-12-04", "2026-01-06", "2026-02-03", "2026-03-08", "2026-04-07"];
  const ML_SYNCS = ["2025-11-04", "2025-12-05", "2026-01-05", "2026-02-04"];
  await insert(w, "core.sheet_months", [
    ...BF_SYNCS.map((day, i) => ({ country_code: "BF", tab: "Formateurs", period: MONTHS[i]!, first_load_id: `sheet-BF-${i}`, first_seen_at: `${day}T09:00:00Z` })),
    ...ML_SYNCS.map((day, i) => ({ country_code: "ML", tab: "Formateurs", period: MONTHS[i]!, first_load_id: `sheet-ML-${i}`, first_seen_at: `${day}T09:00:00Z` })),
  ]);

  // BF approved November to January in its sheet.
  await insert(w, "core.month_approvals", MONTHS.slice(0, 3).map((period) => ({ country_code: "BF", period, approved_on: "2026-02-15", approver_key: "k", load_id: "s" })));
}
