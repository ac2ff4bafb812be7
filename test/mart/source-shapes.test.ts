import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMart } from "../../src/mart/build.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";

// Built on 5 April 2026: January to March are complete; March's reports are due by 10 April,
// so a March export not yet received is pending, not missing.
const NOW = new Date("2026-04-05T12:00:00Z");
const PHASE = { start: "2026-01-01", end: "2026-12-31" };
const RULES = join(import.meta.dirname, "fixtures/rules.json");

let w: Warehouse;

beforeAll(async () => {
  w = await Warehouse.open(":memory:");
  await w.run("INSERT INTO core.countries VALUES ('BF', 'BFA', '854', 'Burkina Faso', 'Burkina Faso', 1000, 2020, 500, 2020, NULL, NULL)");
  // A platform exporting whole months: one row dated the 1st, January and February.
  await w.run(`INSERT INTO ops.loads (load_id, source, location, country_code, started_at, status) VALUES
    ('n1', 'national-csv', 'BF/2026-01.csv', 'BF', '2026-02-03T08:00:00Z', 'loaded'),
    ('n2', 'national-csv', 'BF/2026-02.csv', 'BF', '2026-03-03T08:00:00Z', 'loaded')`);
  await w.run(`INSERT INTO core.national_usage (country_code, platform, day, active_users, page_views, downloads, load_id) VALUES
    ('BF', 'bf-monthly', '2026-01-01', 300, 900, 40, 'n1'),
    ('BF', 'bf-monthly', '2026-02-01', 320, 950, 45, 'n2')`);
  // Regional statements in January and March, none in February.
  await w.run(`INSERT INTO raw.xapi_statements (event_id, occurred_at, country_code, actor_key, verb, object_id, source, load_id) VALUES
    ('e1', '2026-01-12T09:00:00Z', 'BF', 'a1', 'http://adlnet.gov/expapi/verbs/experienced', 'https://x/o', 'xapi', 'x'),
    ('e2', '2026-03-20T09:00:00Z', 'BF', 'a1', 'http://adlnet.gov/expapi/verbs/experienced', 'https://x/o', 'xapi', 'x')`);
  await buildMart(w, { now: NOW, phase: PHASE, rulesPath: RULES });
});

afterAll(() => {
  w?.close();
});

async function series(indicator: string, disaggregation = ""): Promise<Array<number | null>> {
  const rows = await w.all<{ value: number | null }>(
    "SELECT value FROM mart.indicators WHERE country_code = 'BF' AND indicator_id = $1 AND disaggregation = $2 ORDER BY period",
    [indicator, disaggregation],
  );
  return rows.map((r) => r.value);
}

describe("buildMart(warehouse, { phase })", () => {
  it("refuses a phase that ends before it starts, naming the setting, and leaves the mart as it was", async () => {
    const before = await w.all("SELECT * FROM mart.indicators ORDER BY ALL");
    await expect(buildMart(w, { now: NOW, phase: { start: "2026-12-31", end: "2026-01-01" }, rulesPath: RULES })).rejects.toThrow(
      /"phase.start" and "phase.end" as YYYY-MM-DD, the start before the end/,
    );
    expect(await w.all("SELECT * FROM mart.indicators ORDER BY ALL")).toEqual(before);
  });
});

describe("buildMart with a monthly national export and a gap in regional use", () => {
  it("takes a monthly platform's figure as the month's active users, and none for March not yet received", async () => {
    expect(await series("national_active_users")).toEqual([300, 320, null]);
  });

  it("counts a monthly row as covering its month to the last day: fresh at the end of January and February", async () => {
    // Jan 31 − Jan 31 = 0; Feb 28 − Feb 28 = 0; Mar 31 − Feb 28 = 31.
    expect(await series("data_freshness", "source=national-csv")).toEqual([0, 0, 31]);
  });

  it("leaves March's export pending (not expected before 10 April), so it is neither missing nor counted", async () => {
    const march = await w.one("SELECT expected, received, deadline::VARCHAR AS deadline FROM mart.completeness WHERE country_code = 'BF' AND source = 'national-csv' AND period = '2026-03-01'");
    expect(march).toEqual({ expected: false, received: false, deadline: "2026-04-10" });
    expect(await series("reporting_completeness", "source=national-csv")).toEqual([100, 100, null]);
    const national = await w.all("SELECT * FROM mart.bottlenecks WHERE rule_id = 'stale_data' AND evidence LIKE '%national-csv%'");
    expect(national).toEqual([]);
  });

  it("gives February no regional user figure and flags the month without statements", async () => {
    expect(await series("monthly_active_users")).toEqual([1, null, 1]);
    const flag = await w.one<{ severity: string; since: Date; evidence: string; message_en: string }>(
      "SELECT severity, since, evidence, message_en FROM mart.bottlenecks WHERE rule_id = 'stale_data' AND evidence LIKE '%regional-platform%'",
    );
    expect(flag?.severity).toBe("medium");
    expect(flag?.since.toISOString().slice(0, 10)).toBe("2026-02-01");
    expect(JSON.parse(flag!.evidence)).toEqual({ source: "regional-platform", missing_months: ["2026-02-01"] });
    expect(flag?.message_en).toBe("Burkina Faso: no regional platform statement for: February 2026.");
  });
});

describe("buildMart in one transaction", () => {
  it("leaves every mart table as it was when a step fails halfway", async () => {
    const tables = ["indicators", "bottlenecks", "usage_monthly", "completeness", "build_info"];
    const before = await Promise.all(tables.map((t) => w.all(`SELECT * FROM mart.${t} ORDER BY ALL`)));
    // Activities are read after usage, months and completeness have been rebuilt.
    await w.run("ALTER TABLE core.activities RENAME TO activities_away");
    try {
      await expect(buildMart(w, { now: new Date("2026-06-05T12:00:00Z"), phase: PHASE, rulesPath: RULES })).rejects.toThrow(/activities/);
    } finally {
      await w.run("ALTER TABLE core.activities_away RENAME TO activities");
    }
    expect(await Promise.all(tables.map((t) => w.all(`SELECT * FROM mart.${t} ORDER BY ALL`)))).toEqual(before);
  });
});
