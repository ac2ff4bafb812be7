import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMart } from "../../src/mart/build.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { buildGoldenCore, NOW, PHASE } from "./golden-fixture.ts";
import { join } from "node:path";

// Figures per quarter, year and phase, and for all countries together, worked out by hand from
// golden-fixture.ts (monthly series in golden.test.ts) and the few rows added below. The phase
// starts on 1 November 2025 and the mart is built on 15 May 2026: complete periods are the months
// November to April, 2025-Q4 and the year 2025 (November and December only, the phase's part of
// them) and 2026-Q1; 2026-Q2 and 2026 are not over.
const RULES = join(import.meta.dirname, "fixtures/rules.json");

let w: Warehouse;

beforeAll(async () => {
  w = await Warehouse.open(":memory:");
  await buildGoldenCore(w);
  // Account "x" is active in Burkina Faso in January and in Mali in February: one person in two
  // months and two countries.
  for (const [id, at, country] of [["x-jan", "2026-01-20T09:00:00Z", "BF"], ["x-feb", "2026-02-20T09:00:00Z", "ML"]] as const) {
    await w.run(
      `INSERT INTO raw.xapi_statements (event_id, occurred_at, country_code, actor_key, verb, object_id, source, load_id)
       VALUES ($1, $2, $3, 'x', 'http://adlnet.gov/expapi/verbs/experienced', 'https://imaginecole.org/res/other', 'xapi', 'xapi-1')`,
      [id, at, country],
    );
  }
  // ML-R6, in production from 20 February, published on 12 March: 20 days.
  await w.run(`INSERT INTO core.resource_status_history VALUES
    ('ML', 'ML-R6', 'in_production', '2026-02-20', 's'), ('ML', 'ML-R6', 'published', '2026-03-12', 's')`);
  // Niger gets a trainers target, so every country has one; Mali's first certification milestone
  // gives a baseline.
  await w.run("INSERT INTO core.targets (country_code, indicator_id, target, deadline, load_id) VALUES ('NE', 'trainers_trained', 3, '2026-10-31', 'c')");
  await w.run("UPDATE core.targets SET baseline = 1, baseline_year = 2024 WHERE country_code = 'ML' AND indicator_id = 'trainers_certified' AND deadline = '2026-01-31'");
  await buildMart(w, { now: NOW, phase: PHASE, rulesPath: RULES });
});

afterAll(() => w?.close());

interface Figure {
  value: number | null;
  running_total: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  target_status: string | null;
  year_target: number | null;
  phase_target: number | null;
  baseline: number | null;
  baseline_year: number | null;
  period_start: Date;
  period_end: Date;
}

async function figure(country: string, period: string, indicator: string, disaggregation = "", end?: string): Promise<Figure | undefined> {
  return w.one<Figure>(
    `SELECT * FROM mart.indicator_periods
     WHERE country_code = $1 AND period = $2 AND indicator_id = $3 AND disaggregation = $4 AND ($5::DATE IS NULL OR period_end = $5::DATE)`,
    [country, period, indicator, disaggregation, end ?? null],
  );
}
const values = async (country: string, period: string, indicator: string, disaggregation = "") => {
  const f = await figure(country, period, indicator, disaggregation);
  return f && [f.value, f.running_total];
};
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("mart.periods", () => {
  it("holds every month, the quarters and years whose months are all over (clipped to the phase), and the phase to each month's end", async () => {
    const rows = await w.all<{ period_type: string; period: string; period_start: Date; period_end: Date; months: number }>(
      "SELECT period_type, period, period_start, period_end, months FROM mart.periods WHERE period_type <> 'month' ORDER BY period_type, period_end",
    );
    expect(rows.map((r) => `${r.period_type} ${r.period} ${iso(r.period_start)}…${iso(r.period_end)} ${r.months}`)).toEqual([
      "phase phase 2025-11-01…2025-11-30 1",
      "phase phase 2025-11-01…2025-12-31 2",
      "phase phase 2025-11-01…2026-01-31 3",
      "phase phase 2025-11-01…2026-02-28 4",
      "phase phase 2025-11-01…2026-03-31 5",
      "phase phase 2025-11-01…2026-04-30 6",
      "quarter 2025-Q4 2025-11-01…2025-12-31 2",
      "quarter 2026-Q1 2026-01-01…2026-03-31 3",
      "year 2025 2025-11-01…2025-12-31 2",
    ]);
  });
});

describe("mart.indicator_periods, worked out by hand", () => {
  it("adds up a flow over the quarter and the year, with the running total since the phase start", async () => {
    // BF teachers trained per month: Nov 0, Dec 50 (S1), Jan 0, Feb 5 (S3), Mar 25 (S2).
    expect(await values("BF", "2026-Q1", "teachers_trained")).toEqual([0 + 5 + 25, 50 + 5 + 25]);
    expect(await values("BF", "2026-Q1", "teachers_trained", "sex=F")).toEqual([5 + 10, 30 + 5 + 10]);
    expect(await values("BF", "2026-Q1", "teachers_trained", "level=secondary")).toEqual([25, 25]);
    expect(await values("BF", "2025", "teachers_trained")).toEqual([50, 50]);
    // All countries: BF 30 + ML 200 (S1, 15 January); NE reported no session.
    expect(await values("ALL", "2026-Q1", "teachers_trained")).toEqual([230, 280]);
    // The target is cumulative: 120 × 5/12 = 50 by March, against the running total 80.
    expect(await figure("BF", "2026-Q1", "teachers_trained")).toMatchObject({ target: 50, target_status: "on_track", year_target: 120, phase_target: 120 });
  });

  it("takes a stock at the period's end, adds countries up, and gives no value when that month is missing", async () => {
    // National active users: BF 15 every month; ML 7, but nothing in March.
    expect(await values("BF", "2026-Q1", "national_active_users")).toEqual([15, 15]);
    expect(await values("ML", "2026-Q1", "national_active_users")).toEqual([null, null]);
    expect(await values("ML", "2025", "national_active_users")).toEqual([7, 7]);
    expect(await values("ALL", "2025", "national_active_users")).toEqual([15 + 7, 15 + 7]);
    expect(await values("ALL", "2026-Q1", "national_active_users")).toEqual([15, 15]);
    // Data freshness does not add up: all countries is the stalest, ML's 55 days at the end of March.
    expect(await values("ALL", "2026-Q1", "data_freshness")).toEqual([55, 55]);
    // A share at the period's end from its parts: BF (50 + 25) / 1,500 = 5 %; all countries only
    // with both parts known (ML has no secondary count): primary (50 + 200) / (1,000 + 2,000) = 8.3 %.
    expect(await figure("BF", "2026-Q1", "teachers_trained_share")).toMatchObject({ value: 5, numerator: 75, denominator: 1500 });
    expect(await figure("ALL", "2026-Q1", "teachers_trained_share")).toMatchObject({ value: 5, numerator: 75, denominator: 1500 });
    expect(await figure("ALL", "2026-Q1", "teachers_trained_share", "level=primary")).toMatchObject({ value: 8.3, numerator: 250, denominator: 3000 });
  });

  it("counts people once over the period and across countries, never as a sum of months or countries", async () => {
    // BF: b1…b5 and x in January, b1…b5 in February, b1…b6 in March: 7 people (not 6 + 5 + 6).
    // Since the phase start to January's end: b1…b4 in November and December, then b5 and x: 6.
    expect(await values("BF", "2026-01", "monthly_active_users")).toEqual([6, 6]);
    expect(await values("BF", "2026-Q1", "monthly_active_users")).toEqual([7, 7]);
    // ML: m1…m10 in January, m1…m6 and x in February, m1…m5 in March: 11 people.
    expect(await values("ML", "2026-Q1", "monthly_active_users")).toEqual([11, 11]);
    // All countries: b1…b6, m1…m10 and x once: 17, not 7 + 11.
    expect(await values("ALL", "2026-Q1", "monthly_active_users")).toEqual([17, 17]);
    expect(await values("ALL", "2025", "monthly_active_users")).toEqual([4 + 10, 14]);
    expect(await values("ALL", "2025-Q4", "monthly_active_users")).toEqual([14, 14]);
    // The monthly target compares with months only.
    expect(await figure("BF", "2026-Q1", "monthly_active_users")).toMatchObject({ target: null, target_status: null });
    expect(await figure("BF", "2026-03", "monthly_active_users")).toMatchObject({ value: 6, target: 5, target_status: "on_track" });
  });

  it("recomputes a rate from its numerator and denominator summed over the months and countries", async () => {
    // BF local uses over all regional views and downloads: January 0 of 6 (x included), February
    // 1 of 6, March 1 of 7: 2/19 = 10.5 % (the mean of the months' 0, 16.7 and 14.3 would be 10.3).
    expect(await figure("BF", "2026-Q1", "local_resource_use_share")).toMatchObject({ value: 10.5, numerator: 2, denominator: 19 });
    // ML: 0 of 10 + 7 + 5; all countries 2/41 = 4.9 %.
    expect(await figure("ALL", "2026-Q1", "local_resource_use_share")).toMatchObject({ value: 4.9, numerator: 2, denominator: 41 });
    // Reports received: BF 6 of 6, ML 4 of 6 (March: neither), NE 0 of its 3 sheets: 10/15.
    expect(await figure("ML", "2026-Q1", "reporting_completeness")).toMatchObject({ value: 66.7, numerator: 4, denominator: 6 });
    expect(await figure("ALL", "2026-Q1", "reporting_completeness")).toMatchObject({ value: 66.7, numerator: 10, denominator: 15 });
  });

  it("takes a median over the period's items, never over the months' or countries' medians", async () => {
    // Published in the quarter: BF-R1 (50 days) and BF-R5 (80) in February, ML-R6 (20) in March.
    expect(await values("BF", "2026-Q1", "publication_lead_time_days")).toEqual([65, 65]);
    expect(await values("ML", "2026-Q1", "publication_lead_time_days")).toEqual([20, 20]);
    // 20, 50, 80 → 50 (the mean of the countries' medians would be 42.5).
    expect(await values("ALL", "2026-Q1", "publication_lead_time_days")).toEqual([50, 50]);
    expect(await values("ALL", "2025", "publication_lead_time_days")).toEqual([null, null]);
    // Resources in validation on 15 May (last month only): BF 25 days; ML 125, 84, 75, 44 → 75.
    const phase = await figure("ALL", "phase", "validation_age_median", "", "2026-04-30");
    expect(phase?.value).toBe(75);
  });

  it("gives all countries a target only where every country has one, and the milestones and baseline as given", async () => {
    // Trainers trained by March: BF 6 × 5/12 = 2.5 → 3, ML 12 × 5/12 = 5, NE 3 × 5/12 = 1.25 → 1: 9,
    // against 3 + 1 trained (NE sent nothing): off track. In the quarter: BF's T2 and T3.
    expect(await figure("ALL", "2026-Q1", "trainers_trained")).toMatchObject({ value: 2, running_total: 4, target: 9, target_status: "off_track", year_target: 21, phase_target: 21 });
    // Teachers: only BF has a target, so no all-country target.
    expect(await figure("ALL", "2026-Q1", "teachers_trained")).toMatchObject({ target: null, year_target: null, phase_target: null });
    // ML certification: milestones 2 (January) and 8 (October 2026); baseline 1 in 2024.
    expect(await figure("ML", "2026-Q1", "trainers_certified")).toMatchObject({ year_target: 8, phase_target: 8, baseline: 1, baseline_year: 2024 });
    expect(await figure("ML", "2025", "trainers_certified")).toMatchObject({ year_target: null, phase_target: 8, baseline: 1 });
  });

  it("keeps a region's breakdown with its country, never under all countries", async () => {
    const regions = await w.scalar("SELECT count(*) FROM mart.indicator_periods WHERE country_code = 'ALL' AND starts_with(disaggregation, 'region=')");
    expect(regions).toBe(0);
  });

  it("makes mart.indicators the months of each country: running totals for cumulative indicators, the month's figure otherwise", async () => {
    const rows = await w.all<{ indicator_id: string; value: number }>(
      "SELECT indicator_id, value FROM mart.indicators WHERE country_code = 'BF' AND period = '2026-03-01' AND disaggregation = '' AND indicator_id IN ('teachers_trained', 'monthly_active_users') ORDER BY 1",
    );
    expect(rows).toEqual([{ indicator_id: "monthly_active_users", value: 6 }, { indicator_id: "teachers_trained", value: 80 }]);
  });
});
