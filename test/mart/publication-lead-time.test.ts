import { join } from "node:path";
import type { DuckDBValue } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMart } from "../../src/mart/build.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";

// Phase 2026-01-01 → 2026-12-31 built on 15 May 2026: January to April. Each resource below is
// the history the sheets loader would have recorded; the arithmetic is in the comments.
const NOW = new Date("2026-05-15T12:00:00Z");
const PHASE = { start: "2026-01-01", end: "2026-12-31" };
const RULES = join(import.meta.dirname, "fixtures/rules.json");
const ID = "publication_lead_time_days";

const HISTORY: Array<[string, string, string, string]> = [
  // BF-R1: in production 10 Jan, published 1 Mar: 21 + 28 + 1 = 50 days.
  ["BF", "BF-R1", "in_production", "2026-01-10"],
  ["BF", "BF-R1", "published", "2026-03-01"],
  // BF-R2: first seen in validation on 11 Dec, published 1 Mar: 20 + 31 + 28 + 1 = 80 days.
  ["BF", "BF-R2", "in_validation", "2025-12-11"],
  ["BF", "BF-R2", "published", "2026-03-01"],
  // BF-R3: in production and validated on 1 Apr (the earlier step is its first status), published
  // 11 Apr: 10 days; back in validation on 20 Apr for a revision, after publication: ignored.
  ["BF", "BF-R3", "validated", "2026-04-01"],
  ["BF", "BF-R3", "in_production", "2026-04-01"],
  ["BF", "BF-R3", "published", "2026-04-11"],
  ["BF", "BF-R3", "in_validation", "2026-04-20"],
  // BF-R4: first seen already published: no lead time.
  ["BF", "BF-R4", "published", "2026-04-20"],
  // BF-R5: published before the phase: left out.
  ["BF", "BF-R5", "in_production", "2025-10-01"],
  ["BF", "BF-R5", "published", "2025-12-20"],
  // SN: its only published resource was first seen published; the other is not published yet.
  ["SN", "SN-R1", "published", "2026-02-14"],
  ["SN", "SN-R2", "in_production", "2026-03-01"],
];

let w: Warehouse;

beforeAll(async () => {
  w = await Warehouse.open(":memory:");
  for (const [country_code, resource_id, status, status_date] of HISTORY) {
    const values: DuckDBValue[] = [country_code, resource_id, status, status_date];
    await w.run("INSERT INTO core.resource_status_history VALUES ($1, $2, $3, $4::DATE, 'load-1')", values);
  }
  await buildMart(w, { now: NOW, phase: PHASE, rulesPath: RULES });
});

afterAll(() => {
  w?.close();
});

describe("publication_lead_time_days", () => {
  it("takes per month the median over the resources published that month, and no value where none has an earlier status", async () => {
    const rows = await w.all<{ country_code: string; month: string; value: number | null }>(
      `SELECT country_code, strftime(period, '%Y-%m') AS month, value FROM mart.indicators
       WHERE indicator_id = $1 AND disaggregation = '' ORDER BY country_code, period`,
      [ID],
    );
    expect(rows).toEqual([
      // March: BF-R1 50 and BF-R2 80 → (50 + 80) / 2 = 65. April: BF-R3 10 (BF-R4 has no start).
      { country_code: "BF", month: "2026-01", value: null },
      { country_code: "BF", month: "2026-02", value: null },
      { country_code: "BF", month: "2026-03", value: 65 },
      { country_code: "BF", month: "2026-04", value: 10 },
      // SN-R1 published in February, first seen published: no value, not zero.
      { country_code: "SN", month: "2026-01", value: null },
      { country_code: "SN", month: "2026-02", value: null },
      { country_code: "SN", month: "2026-03", value: null },
      { country_code: "SN", month: "2026-04", value: null },
    ]);
  });

  it("gives the phase-to-date value as the median over every resource of the phase, not over the months", async () => {
    const rows = await w.all<{ country_code: string; value: number | null }>(
      "SELECT country_code, value FROM mart.indicators_phase WHERE indicator_id = $1 ORDER BY country_code",
      [ID],
    );
    // BF: median of 10, 50, 80 = 50 (the mean of the monthly medians would be 37.5). SN: none.
    expect(rows).toEqual([{ country_code: "BF", value: 50 }, { country_code: "SN", value: null }]);
  });

  it("keeps one lead time per published resource with an earlier status, in mart.publication_lead_times", async () => {
    const rows = await w.all<Record<string, unknown>>(
      `SELECT resource_id, first_status, strftime(first_status_date, '%Y-%m-%d') AS first_status_date,
              strftime(published_on, '%Y-%m-%d') AS published_on, lead_time_days
       FROM mart.publication_lead_times ORDER BY resource_id`,
    );
    expect(rows).toEqual([
      { resource_id: "BF-R1", first_status: "in_production", first_status_date: "2026-01-10", published_on: "2026-03-01", lead_time_days: 50 },
      { resource_id: "BF-R2", first_status: "in_validation", first_status_date: "2025-12-11", published_on: "2026-03-01", lead_time_days: 80 },
      { resource_id: "BF-R3", first_status: "in_production", first_status_date: "2026-04-01", published_on: "2026-04-11", lead_time_days: 10 },
      { resource_id: "BF-R5", first_status: "in_production", first_status_date: "2025-10-01", published_on: "2025-12-20", lead_time_days: 80 },
    ]);
  });
});
