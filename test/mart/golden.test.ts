import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMart } from "../../src/mart/build.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { buildGoldenCore, MONTHS, NOW, PHASE } from "./golden-fixture.ts";

// Every number below was worked out by hand from golden-fixture.ts; the arithmetic is in the
// comments. Figures are stored rounded to the catalogue's precision: whole people, counts and days,
// percentages to one decimal. Series run over the six months Nov 2025 … Apr 2026. "none" = no row for that month
// (snapshot indicators exist for the last month only); null = a row with no value.
const N = "none";
const RULES = join(import.meta.dirname, "fixtures/rules.json");
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const same = (v: number | null) => [v, v, v, v, v, v];
const last = (v: number | null) => [N, N, N, N, N, v];

const EXPECTED: Record<string, Array<number | null | string>> = {
  // BF trainers: T0 trained before the phase (left out), T1 F 10 Nov, T2 M 20 Jan, T3 F 5 Mar.
  "BF|trainers_trained|": [1, 1, 2, 2, 3, 3],
  "BF|trainers_trained|sex=F": [1, 1, 1, 1, 2, 2],
  "BF|trainers_trained|sex=M": [0, 0, 1, 1, 1, 1],
  // Certified: T1 and T3 (T0 is certified but before the phase).
  "BF|trainers_certified|": [1, 1, 1, 1, 2, 2],
  "BF|trainers_certified|sex=F": [1, 1, 1, 1, 2, 2],
  "BF|trainers_certified|sex=M": same(0),
  // Sessions: S1 primary ends 15 Dec 30F+20M=50; S3 preschool no end date, starts 1 Feb 5F;
  // S2 secondary ends 20 Mar 10F+15M=25. Cumulative: 0, 50, 50, 55, 80, 80.
  "BF|teachers_trained|": [0, 50, 50, 55, 80, 80],
  "BF|teachers_trained|sex=F": [0, 30, 30, 35, 45, 45],
  "BF|teachers_trained|sex=M": [0, 20, 20, 20, 35, 35],
  "BF|teachers_trained|level=preschool": [0, 0, 0, 5, 5, 5],
  "BF|teachers_trained|level=primary": [0, 50, 50, 50, 50, 50],
  "BF|teachers_trained|level=secondary": [0, 0, 0, 0, 25, 25],
  // Shares: primary 50/1000 = 5 %; secondary 25/500 = 5 %; total (primary+secondary)/(1000+500):
  // 50/1500 = 3.3 % from Dec, 75/1500 = 5 % from Mar (preschool has no denominator).
  "BF|teachers_trained_share|": [0, 3.3, 3.3, 3.3, 5, 5],
  "BF|teachers_trained_share|level=primary": [0, 5, 5, 5, 5, 5],
  "BF|teachers_trained_share|level=secondary": [0, 0, 0, 0, 5, 5],
  // Resources today: R1 published (primary), R2 in validation (secondary), R3 validated (primary),
  // R4 in production. Produced = R1+R2+R3 = 3 (primary 2, secondary 1).
  "BF|resources_produced|": last(3),
  "BF|resources_produced|level=preschool": last(0),
  "BF|resources_produced|level=primary": last(2),
  "BF|resources_produced|level=secondary": last(1),
  "BF|resources_in_validation|": last(1),
  "BF|resources_in_validation|level=preschool": last(0),
  "BF|resources_in_validation|level=primary": last(0),
  "BF|resources_in_validation|level=secondary": last(1),
  "BF|resources_validated|": last(1),
  "BF|resources_validated|level=preschool": last(0),
  "BF|resources_validated|level=primary": last(1),
  "BF|resources_validated|level=secondary": last(0),
  // R1 published 10 Feb.
  "BF|resources_published|": [0, 0, 0, 1, 1, 1],
  "BF|resources_published|level=preschool": same(0),
  "BF|resources_published|level=primary": [0, 0, 0, 1, 1, 1],
  "BF|resources_published|level=secondary": same(0),
  // R2 in validation since 20 Apr: 20 Apr → 15 May = 25 days.
  "BF|validation_age_median|": last(25),
  // Published on 10 Feb: BF-R1 from production on 22 Dec (9 + 31 + 10 = 50 days) and BF-R5 from
  // validation on 22 Nov (8 + 31 + 31 + 10 = 80 days); median (50 + 80) / 2 = 65.
  "BF|publication_lead_time_days|": [null, null, null, 65, null, null],
  "BF|monthly_active_users|": [4, 4, 5, 5, 6, 6],
  // (10 + 20) / 2 days = 15 a day.
  "BF|national_active_users|": same(15),
  // Views: regional experienced statements + national 2 days × 100 page views.
  "BF|resource_views|": [204, 204, 205, 205, 206, 206],
  "BF|resource_views|platform=regional": [4, 4, 5, 5, 6, 6],
  "BF|resource_views|platform=national": same(200),
  // Downloads: regional 1 in Feb, Mar, Apr + national 2 × 5.
  "BF|resource_downloads|": [10, 10, 10, 11, 11, 11],
  "BF|resource_downloads|platform=regional": [0, 0, 0, 1, 1, 1],
  "BF|resource_downloads|platform=national": same(10),
  // Local: the one download a month (by link in Feb/Apr, by id BF-R3 in Mar) over views+downloads:
  // 1/(5+1) = 16.7 % in Feb, 1/(6+1) = 14.3 % in Mar and Apr.
  "BF|local_resource_use_share|": [0, 0, 0, 16.7, 14.3, 14.3],
  // A1 due 31 Jan done; A3 cancelled left out; A2 due in June. Nothing due before January.
  "BF|activities_done_on_time|": [null, null, 100, 100, 100, 100],
  "BF|activities_overdue|": last(0),
  // Each sheet month first reached the warehouse with that month's sync, before its deadline;
  // national export every month, January's loaded 20 Feb, after the 10 Feb deadline.
  "BF|reporting_completeness|": same(100),
  "BF|reporting_completeness|source=national-csv": same(100),
  "BF|reporting_completeness|source=sheet": same(100),
  "BF|reporting_timeliness|": [100, 100, 50, 100, 100, 100],
  "BF|reporting_timeliness|source=national-csv": [100, 100, 0, 100, 100, 100],
  "BF|reporting_timeliness|source=sheet": same(100),
  // Freshness at month end. National: last day 15 → 30-15, 31-15, 31-15, 28-15, 31-15, 30-15.
  // Sheet: 4 Dec → 27, 6 Jan → 25, 3 Feb → 25, 8 Mar → 23, 7 Apr → 23. Regional: day 5 → 25, 26,
  // (31 Jan 23:30) 0, 23, 26, 25. Total: the largest.
  "BF|data_freshness|": [25, 27, 25, 25, 26, 25],
  "BF|data_freshness|source=national-csv": [15, 16, 16, 13, 16, 15],
  "BF|data_freshness|source=sheet": [null, 27, 25, 25, 23, 23],
  "BF|data_freshness|source=regional-platform": [25, 26, 0, 23, 26, 25],

  // ML trainers: M1 F trained 1 Dec, certified.
  "ML|trainers_trained|": [0, 1, 1, 1, 1, 1],
  "ML|trainers_trained|sex=F": [0, 1, 1, 1, 1, 1],
  "ML|trainers_trained|sex=M": same(0),
  "ML|trainers_certified|": [0, 1, 1, 1, 1, 1],
  "ML|trainers_certified|sex=F": [0, 1, 1, 1, 1, 1],
  "ML|trainers_certified|sex=M": same(0),
  // S1 primary ends 15 Jan, 100F + 100M.
  "ML|teachers_trained|": [0, 0, 200, 200, 200, 200],
  "ML|teachers_trained|sex=F": [0, 0, 100, 100, 100, 100],
  "ML|teachers_trained|sex=M": [0, 0, 100, 100, 100, 100],
  "ML|teachers_trained|level=preschool": same(0),
  "ML|teachers_trained|level=primary": [0, 0, 200, 200, 200, 200],
  "ML|teachers_trained|level=secondary": same(0),
  // 200 / 2000 primary teachers = 10 %; no secondary count, so no secondary nor total share.
  "ML|teachers_trained_share|": same(null),
  "ML|teachers_trained_share|level=primary": [0, 0, 10, 10, 10, 10],
  "ML|teachers_trained_share|level=secondary": same(null),
  // R1..R4 primary in validation, R5 secondary published on 15 Oct 2025 (before the phase).
  "ML|resources_produced|": last(5),
  "ML|resources_produced|level=preschool": last(0),
  "ML|resources_produced|level=primary": last(4),
  "ML|resources_produced|level=secondary": last(1),
  "ML|resources_in_validation|": last(4),
  "ML|resources_in_validation|level=preschool": last(0),
  "ML|resources_in_validation|level=primary": last(4),
  "ML|resources_in_validation|level=secondary": last(0),
  "ML|resources_validated|": last(0),
  "ML|resources_validated|level=preschool": last(0),
  "ML|resources_validated|level=primary": last(0),
  "ML|resources_validated|level=secondary": last(0),
  "ML|resources_published|": same(0),
  "ML|resources_published|level=preschool": same(0),
  "ML|resources_published|level=primary": same(0),
  "ML|resources_published|level=secondary": same(0),
  // Ages on 15 May: 10 Jan → 125, 20 Feb → 84, 1 Mar → 75, 1 Apr → 44; median (84 + 75) / 2 =
  // 79.5, to the whole day 80.
  "ML|validation_age_median|": last(80),
  // Nothing published in the phase (ML-R5 in October 2025, first seen already published).
  "ML|publication_lead_time_days|": same(null),
  "ML|monthly_active_users|": [10, 10, 10, 6, 5, 3],
  // No national export for March: no value, not zero.
  "ML|national_active_users|": [7, 7, 7, 7, null, 7],
  "ML|resource_views|": [60, 60, 60, 56, 5, 53],
  "ML|resource_views|platform=regional": [10, 10, 10, 6, 5, 3],
  "ML|resource_views|platform=national": [50, 50, 50, 50, null, 50],
  "ML|resource_downloads|": [2, 2, 2, 2, 0, 2],
  "ML|resource_downloads|platform=regional": same(0),
  "ML|resource_downloads|platform=national": [2, 2, 2, 2, null, 2],
  "ML|local_resource_use_share|": same(0),
  // Due by month end (cancelled left out): Jan A1 (in progress) → 0; Feb 0; Mar A1, A3 done → 1/2;
  // Apr A1, A3, A2 → 1/3 = 33.3 %.
  "ML|activities_done_on_time|": [null, null, 0, 0, 50, 33.3],
  // A1 (due 15 Jan) and A2 (due 30 Apr) not done on 15 May.
  "ML|activities_overdue|": last(2),
  // Sheet edits (no modified time, so every sync with changes): 4 Nov, 5 Dec, 5 Jan, 4 Feb; each
  // month's window runs to the 10th of the next: Nov–Feb received, Mar and Apr not. National: all
  // but March, each loaded on the 3rd. March: nothing received at all, 0 %.
  "ML|reporting_completeness|": [100, 100, 100, 100, 0, 50],
  "ML|reporting_completeness|source=national-csv": [100, 100, 100, 100, 0, 100],
  "ML|reporting_completeness|source=sheet": [100, 100, 100, 100, 0, 0],
  "ML|reporting_timeliness|": [100, 100, 100, 100, 0, 50],
  "ML|reporting_timeliness|source=national-csv": [100, 100, 100, 100, 0, 100],
  "ML|reporting_timeliness|source=sheet": [100, 100, 100, 100, 0, 0],
  // National: day 10 → 20, 21, 21, 18; March end back to 10 Feb = 49; 20. Sheet: 26, 26, 26, 24,
  // 31 Mar − 4 Feb = 55, 30 Apr − 4 Feb = 85. Regional day 5: 25, 26, 26, 23, 26, 25.
  "ML|data_freshness|": [26, 26, 26, 24, 55, 85],
  "ML|data_freshness|source=national-csv": [20, 21, 21, 18, 49, 20],
  "ML|data_freshness|source=sheet": [26, 26, 26, 24, 55, 85],
  "ML|data_freshness|source=regional-platform": [25, 26, 26, 23, 26, 25],

  // NE sent nothing: no value anywhere, but its sheet was expected every month: 0 %.
  "NE|trainers_trained|": same(null),
  "NE|trainers_trained|sex=F": same(null),
  "NE|trainers_trained|sex=M": same(null),
  "NE|trainers_certified|": same(null),
  "NE|trainers_certified|sex=F": same(null),
  "NE|trainers_certified|sex=M": same(null),
  "NE|teachers_trained|": same(null),
  "NE|teachers_trained|sex=F": same(null),
  "NE|teachers_trained|sex=M": same(null),
  "NE|teachers_trained|level=preschool": same(null),
  "NE|teachers_trained|level=primary": same(null),
  "NE|teachers_trained|level=secondary": same(null),
  "NE|teachers_trained_share|": same(null),
  "NE|teachers_trained_share|level=primary": same(null),
  "NE|teachers_trained_share|level=secondary": same(null),
  "NE|resources_produced|": last(null),
  "NE|resources_produced|level=preschool": last(null),
  "NE|resources_produced|level=primary": last(null),
  "NE|resources_produced|level=secondary": last(null),
  "NE|resources_in_validation|": last(null),
  "NE|resources_in_validation|level=preschool": last(null),
  "NE|resources_in_validation|level=primary": last(null),
  "NE|resources_in_validation|level=secondary": last(null),
  "NE|resources_validated|": last(null),
  "NE|resources_validated|level=preschool": last(null),
  "NE|resources_validated|level=primary": last(null),
  "NE|resources_validated|level=secondary": last(null),
  "NE|resources_published|": same(null),
  "NE|resources_published|level=preschool": same(null),
  "NE|resources_published|level=primary": same(null),
  "NE|resources_published|level=secondary": same(null),
  "NE|validation_age_median|": last(null),
  "NE|publication_lead_time_days|": same(null),
  "NE|monthly_active_users|": same(null),
  "NE|national_active_users|": same(null),
  "NE|resource_views|": same(null),
  "NE|resource_views|platform=regional": same(null),
  "NE|resource_views|platform=national": same(null),
  "NE|resource_downloads|": same(null),
  "NE|resource_downloads|platform=regional": same(null),
  "NE|resource_downloads|platform=national": same(null),
  "NE|local_resource_use_share|": same(null),
  "NE|activities_done_on_time|": same(null),
  "NE|activities_overdue|": last(null),
  "NE|reporting_completeness|": same(0),
  "NE|reporting_completeness|source=national-csv": same(null),
  "NE|reporting_completeness|source=sheet": same(0),
  "NE|reporting_timeliness|": same(0),
  "NE|reporting_timeliness|source=national-csv": same(null),
  "NE|reporting_timeliness|source=sheet": same(0),
  "NE|data_freshness|": same(null),
  "NE|data_freshness|source=national-csv": same(null),
  "NE|data_freshness|source=sheet": same(null),
  "NE|data_freshness|source=regional-platform": same(null),
};

// Pro-rata targets (months counted from October 2025, the month before the phase, to the
// deadline month October 2026: 12), rounded to whole people and resources (half away from zero),
// and statuses (≥ 0.9 of target on track, ≥ 0.7 at risk).
const TARGETS: Record<string, { target: number[]; status: string[] }> = {
  // 6 × k/12 = 0.5k → 1, 1, 2, 2, 3, 3; values 1,1,2,2,3,3.
  "BF|trainers_trained": { target: [1, 1, 2, 2, 3, 3], status: Array(6).fill("on_track") },
  // 120 × k/12 = 10k; values 0,50,50,55,80,80 → November 0/10 off track.
  "BF|teachers_trained": { target: [10, 20, 30, 40, 50, 60], status: ["off_track", "on_track", "on_track", "on_track", "on_track", "on_track"] },
  // 2 × k/12 = 0.17, 0.33, 0.5, 0.67, 0.83, 1 → 0, 0, 1, 1, 1, 1; values 0,0,0,1,1,1: nothing is
  // due in November and December (0 of 0), January 0 of 1.
  "BF|resources_published": { target: [0, 0, 1, 1, 1, 1], status: ["on_track", "on_track", "off_track", "on_track", "on_track", "on_track"] },
  // 12 × k/12 = k; values 4,4,5,5,6,6.
  "BF|monthly_active_users": { target: [1, 2, 3, 4, 5, 6], status: Array(6).fill("on_track") },
  // 12 × k/12 = k; values 0,1,1,1,1,1 → 0, 0.5, 0.33, 0.25, 0.2, 0.17.
  "ML|trainers_trained": { target: [1, 2, 3, 4, 5, 6], status: Array(6).fill("off_track") },
  // Two milestones: 0 → 2 by January (3 months: 0.67, 1.33, 2), then 2 → 8 by October (9 months:
  // 2.67, 3.33, 4) → 1, 1, 2, 3, 3, 4. Values 0,1,1,1,1,1 → December 1 of 1 on track, the rest off track.
  "ML|trainers_certified": { target: [1, 1, 2, 3, 3, 4], status: ["off_track", "on_track", "off_track", "off_track", "off_track", "off_track"] },
  // 6 × k/12 = 0.5k → 1, 1, 2, 2, 3, 3; nothing published in the phase.
  "ML|resources_published": { target: [1, 1, 2, 2, 3, 3], status: Array(6).fill("off_track") },
  // 40 × k/12 = 3.3, 6.7, 10, 13.3, 16.7, 20 → 3, 7, 10, 13, 17, 20; values 10,10,10,6,5,3.
  "ML|monthly_active_users": { target: [3, 7, 10, 13, 17, 20], status: ["on_track", "on_track", "on_track", "off_track", "off_track", "off_track"] },
};

let w: Warehouse;
let counts: { indicators: number; bottlenecks: number };

beforeAll(async () => {
  w = await Warehouse.open(":memory:");
  await buildGoldenCore(w);
  counts = await buildMart(w, { now: NOW, phase: PHASE, rulesPath: RULES });
});

afterAll(() => {
  w?.close();
});

interface IndicatorRow {
  country_code: string;
  period: Date;
  indicator_id: string;
  disaggregation: string;
  value: number | null;
  target: number | null;
  target_status: string | null;
  status: string;
  denominator_year: number | null;
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

async function indicatorRows(): Promise<IndicatorRow[]> {
  return w.all<IndicatorRow>("SELECT * FROM mart.indicators ORDER BY country_code, indicator_id, disaggregation, period");
}

function series(rows: IndicatorRow[], pick: (r: IndicatorRow) => unknown): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const r of rows) {
    const key = `${r.country_code}|${r.indicator_id}|${r.disaggregation}`;
    out[key] ??= Array(6).fill(N);
    const value = pick(r);
    out[key]![MONTHS.indexOf(iso(r.period) as string)] = typeof value === "number" ? r6(value) : value;
  }
  return out;
}

describe("buildMart on the golden core", () => {
  it("writes every indicator value per country, month and disaggregation exactly as worked out by hand", async () => {
    const rows = await indicatorRows();
    expect(series(rows, (r) => r.value)).toEqual(EXPECTED);
    expect(counts.indicators).toBe(rows.length);
  });

  it("puts the pro-rata target and its status on the total rows of targeted indicators, and nowhere else", async () => {
    const rows = await indicatorRows();
    const targeted = rows.filter((r) => r.target !== null);
    const got: Record<string, { target: unknown[]; status: unknown[] }> = {};
    for (const r of targeted) {
      const key = `${r.country_code}|${r.indicator_id}`;
      expect(r.disaggregation).toBe("");
      got[key] ??= { target: [], status: [] };
      got[key]!.target.push(r6(r.target!));
      got[key]!.status.push(r.target_status);
    }
    expect(got).toEqual(TARGETS);
    expect(rows.filter((r) => r.target === null && r.target_status !== null)).toEqual([]);
  });

  it("marks BF's November to January rows approved (month approvals) and every other row provisional", async () => {
    const byStatus = await w.all<{ country_code: string; period: Date; status: string }>(
      "SELECT DISTINCT country_code, period, status FROM mart.indicators WHERE status = 'approved' ORDER BY ALL",
    );
    expect(byStatus.map((r) => `${r.country_code} ${iso(r.period)}`)).toEqual(["BF 2025-11-01", "BF 2025-12-01", "BF 2026-01-01"]);
  });

  it("dates every share with its denominator's year: BF total 2018 (the older of 2020 and 2018), ML primary 2019", async () => {
    const rows = (await indicatorRows()).filter((r) => r.indicator_id === "teachers_trained_share" && r.period.toISOString().startsWith("2026-04"));
    expect(rows.map((r) => [r.country_code, r.disaggregation, r.denominator_year])).toEqual([
      ["BF", "", 2018], ["BF", "level=primary", 2020], ["BF", "level=secondary", 2018],
      ["ML", "", null], ["ML", "level=primary", 2019], ["ML", "level=secondary", null],
      ["NE", "", null], ["NE", "level=primary", null], ["NE", "level=secondary", null],
    ]);
    const others = await w.scalar("SELECT count(*) FROM mart.indicators WHERE indicator_id <> 'teachers_trained_share' AND denominator_year IS NOT NULL");
    expect(Number(others)).toBe(0);
  });

  it("records ML's March as expected and not received for both sources, with the deadline of 10 April", async () => {
    const rows = await w.all("SELECT source, expected, received, on_time, received_at, deadline FROM mart.completeness WHERE country_code = 'ML' AND period = '2026-03-01' ORDER BY source");
    expect(rows.map((r) => ({ ...r, deadline: iso(r.deadline) }))).toEqual([
      { source: "national-csv", expected: true, received: false, on_time: false, received_at: null, deadline: "2026-04-10" },
      { source: "sheet", expected: true, received: false, on_time: false, received_at: null, deadline: "2026-04-10" },
    ]);
  });

  it("gives the phase-to-date value by the indicator's kind: last month for stocks, sum for flows, people counted once", async () => {
    const rows = await w.all<{ key: string; value: number | null; target: number | null; target_status: string | null; status: string }>(
      `SELECT country_code || '|' || indicator_id || '|' || disaggregation AS key, value, target, target_status, status
       FROM mart.indicators_phase
       WHERE (country_code, indicator_id, disaggregation) IN (('BF', 'trainers_trained', ''), ('BF', 'resource_views', ''), ('ML', 'national_active_users', ''), ('ML', 'monthly_active_users', ''), ('NE', 'reporting_completeness', ''))
       ORDER BY key`,
    );
    expect(rows).toEqual([
      // Last month: 3 trainers against 6 × 6/12 = 3.
      { key: "BF|resource_views|", value: 204 + 204 + 205 + 205 + 206 + 206, target: null, target_status: null, status: "provisional" },
      { key: "BF|trainers_trained|", value: 3, target: 3, target_status: "on_track", status: "provisional" },
      // Users m1…m10, active in several months, are 10 people over the phase; the monthly target
      // compares with the last month: 3 users against 20.
      { key: "ML|monthly_active_users|", value: 10, target: 20, target_status: "off_track", status: "provisional" },
      // A stock: April's figure (March, with no export, does not matter).
      { key: "ML|national_active_users|", value: 7, target: null, target_status: null, status: "provisional" },
      { key: "NE|reporting_completeness|", value: 0, target: null, target_status: null, status: "provisional" },
    ]);
  });

  it("gives the publication lead time over the phase as the median of BF's two resources, and no value where nothing was published", async () => {
    const rows = await w.all<{ country_code: string; value: number | null }>(
      "SELECT country_code, value FROM mart.indicators_phase WHERE indicator_id = 'publication_lead_time_days' ORDER BY country_code",
    );
    // BF: 50 and 80 days → 65. ML-R5 was published before the phase; NE sent nothing.
    expect(rows).toEqual([{ country_code: "BF", value: 65 }, { country_code: "ML", value: null }, { country_code: "NE", value: null }]);
    const times = await w.all("SELECT resource_id, first_status, lead_time_days FROM mart.publication_lead_times ORDER BY resource_id");
    expect(times).toEqual([
      { resource_id: "BF-R1", first_status: "in_production", lead_time_days: 50 },
      { resource_id: "BF-R5", first_status: "in_validation", lead_time_days: 80 },
    ]);
  });
});

interface BottleneckRow {
  country_code: string;
  rule_id: string;
  severity: string;
  since: Date | null;
  evidence: string;
  message_fr: string;
  message_en: string;
}

describe("buildMart bottlenecks on the golden core", () => {
  async function flags() {
    const rows = await w.all<BottleneckRow>("SELECT * FROM mart.bottlenecks ORDER BY country_code, rule_id, evidence");
    return rows.map((r) => ({ country: r.country_code, rule: r.rule_id, severity: r.severity, since: iso(r.since) ?? null, evidence: JSON.parse(r.evidence) as unknown }));
  }

  it("flags ML for the reasons it lags, notes NE's missing data, and leaves BF alone", async () => {
    expect(await flags()).toEqual([
      // Last on track: January (10 users vs 10) → since February. 3 vs 40 × 6/12 = 20: 0.15.
      { country: "ML", rule: "behind_trajectory", severity: "high", since: "2026-02-01", evidence: { indicator_id: "monthly_active_users", period: "2026-04-01", value: 3, target: 20, ratio: 0.15, final_target: 40, deadline: "2026-10-31", no_data: false } },
      // Never on track → since the first month. 0 vs 3: 0.
      { country: "ML", rule: "behind_trajectory", severity: "high", since: "2025-11-01", evidence: { indicator_id: "resources_published", period: "2026-04-01", value: 0, target: 3, ratio: 0, final_target: 6, deadline: "2026-10-31", no_data: false } },
      // 1 vs 4 (second milestone 8 by October): 0.25. Last on track in December (1 vs 1) → since January.
      { country: "ML", rule: "behind_trajectory", severity: "high", since: "2026-01-01", evidence: { indicator_id: "trainers_certified", period: "2026-04-01", value: 1, target: 4, ratio: 0.25, final_target: 8, deadline: "2026-10-31", no_data: false } },
      // 1 vs 6: 0.167.
      { country: "ML", rule: "behind_trajectory", severity: "high", since: "2025-11-01", evidence: { indicator_id: "trainers_trained", period: "2026-04-01", value: 1, target: 6, ratio: 0.167, final_target: 12, deadline: "2026-10-31", no_data: false } },
      // Last three months 6, 5, 3 (mean 4.67) against 10, 10, 10: drop 1 − 4.667/10 = 0.533 ≥ 0.4.
      { country: "ML", rule: "falling_use", severity: "high", since: "2026-02-01", evidence: { recent: [6, 5, 3], previous: [10, 10, 10], recent_mean: 4.7, previous_mean: 10, drop: 0.533, months_with_value: 6, no_data: false } },
      // Due by 15 May (cancelled left out): A1, A3 (done), A2 → A1 (15 Jan, 120 days late) and A2
      // not done: 2 of 3, 0.667 ≥ 0.6 → high.
      { country: "ML", rule: "overdue_activities", severity: "high", since: "2026-01-15", evidence: { overdue: 2, due: 3, share: 0.667, oldest_days: 120, activities: ["A1", "A2"], no_data: false } },
      // 125, 84 and 75 days ≥ 60 (44 is not): 3 ≥ highCount 3; median of the stuck 84.
      { country: "ML", rule: "resources_stuck_in_validation", severity: "high", since: "2026-01-10", evidence: { stuck: 3, in_validation: 4, oldest_days: 125, median_stuck_days: 84, threshold_days: 60, resources: ["ML-R1", "ML-R2", "ML-R3"], no_data: false } },
      // National export missing for March only (April received): medium.
      { country: "ML", rule: "stale_data", severity: "medium", since: "2026-03-01", evidence: { source: "national-csv", missing_months: ["2026-03-01"], expected_months: 6 } },
      // Sheet last edited 4 Feb: 100 days before 15 May ≥ 90 → high.
      { country: "ML", rule: "stale_data", severity: "high", since: "2026-02-04", evidence: { source: "sheet", last_update: "2026-02-04", days: 100, threshold_days: 45 } },
      // 3 active users for 200 teachers trained: 0.015 < 0.02. Jan 10/200 = 0.05 was not low → since Feb.
      { country: "ML", rule: "trained_but_inactive", severity: "high", since: "2026-02-01", evidence: { period: "2026-04-01", teachers_trained: 200, active_users: 3, ratio: 0.015, no_training_data: false, no_usage_data: false } },
      { country: "NE", rule: "behind_trajectory", severity: "info", since: null, evidence: { no_targets: true } },
      { country: "NE", rule: "falling_use", severity: "info", since: null, evidence: { recent: [null, null, null], previous: [null, null, null], recent_mean: null, previous_mean: null, drop: null, months_with_value: 0, no_data: true } },
      { country: "NE", rule: "overdue_activities", severity: "info", since: null, evidence: { no_data: true } },
      { country: "NE", rule: "resources_stuck_in_validation", severity: "info", since: null, evidence: { no_data: true } },
      { country: "NE", rule: "stale_data", severity: "info", since: null, evidence: { source: "national-csv", never_received: true } },
      { country: "NE", rule: "stale_data", severity: "info", since: null, evidence: { source: "regional-platform", never_received: true } },
      { country: "NE", rule: "stale_data", severity: "high", since: null, evidence: { source: "sheet", last_update: null, days: null, threshold_days: 45 } },
      { country: "NE", rule: "trained_but_inactive", severity: "info", since: null, evidence: { period: "2026-04-01", teachers_trained: null, active_users: null, ratio: null, no_training_data: true, no_usage_data: true } },
    ]);
    expect(counts.bottlenecks).toBe(18);
  });

  it("says each flag in one French and one English sentence naming the country and the numbers", async () => {
    const rows = await w.all<BottleneckRow>(
      "SELECT * FROM mart.bottlenecks WHERE country_code = 'ML' AND (rule_id IN ('stale_data', 'resources_stuck_in_validation') OR evidence LIKE '%trainers_trained%') ORDER BY rule_id, evidence",
    );
    expect(rows.map((r) => [r.message_fr, r.message_en])).toEqual([
      [
        "Mali : formateurs formés : 1 fin avril 2026, pour une cible de 6 à ce stade (16,7\u00a0% de la trajectoire vers 12 au 31/10/2026).",
        "Mali: trainers trained: 1 at the end of April 2026, against a target of 6 by now (16.7% of the trajectory to 12 by 2026-10-31).",
      ],
      [
        "Mali : 3 ressources attendent en validation depuis au moins 60 jours (sur 4 en validation ; la plus ancienne depuis 125 jours).",
        "Mali: 3 resources have waited in validation for 60 days or more (of 4 in validation; the oldest for 125 days).",
      ],
      ["Mali : export de la plateforme nationale manquant pour : mars 2026.", "Mali: national platform export missing for: March 2026."],
      [
        "Mali : la feuille pays n'a pas été mise à jour depuis 100 jours (dernière modification le 04/02/2026).",
        "Mali: the country sheet has not been updated for 100 days (last change on 2026-02-04).",
      ],
    ]);
  });

  it("gives the same mart when built twice for the same now", async () => {
    const before = await w.all("SELECT * FROM mart.indicators ORDER BY ALL");
    const flagsBefore = await w.all("SELECT * FROM mart.bottlenecks ORDER BY ALL");
    await buildMart(w, { now: NOW, phase: PHASE, rulesPath: RULES });
    expect(await w.all("SELECT * FROM mart.indicators ORDER BY ALL")).toEqual(before);
    expect(await w.all("SELECT * FROM mart.bottlenecks ORDER BY ALL")).toEqual(flagsBefore);
  });
});
