import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoManifest } from "../../src/demo/generate.ts";
import { DEMO_SCENARIO, storyOf, type Story } from "../../src/demo/scenario.ts";
import { buildMart } from "../../src/mart/build.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { ROOT, tempDir, TODAY } from "../support/cli.ts";
import { copyOfSharedWarehouse, sharedDemo } from "../support/shared-demo.ts";

interface Flag {
  country_code: string;
  rule_id: string;
  severity: string;
  evidence: Record<string, unknown>;
}

/**
 * The rules each story must raise, and the others it may raise because they follow from it:
 * a frozen sheet leaves trainers, resources and activities where they were two months ago.
 */
const MUST: Record<Story, string[]> = {
  ahead: [],
  "on-track": [],
  lagging: ["behind_trajectory"],
  "stale-sheet": ["stale_data"],
  "missing-national-month": ["stale_data"],
  "validation-backlog": ["resources_stuck_in_validation"],
  "falling-use": ["falling_use"],
};
const MAY: Record<Story, string[]> = {
  ahead: [],
  "on-track": [],
  lagging: ["overdue_activities", "trained_but_inactive"],
  "stale-sheet": ["behind_trajectory", "resources_stuck_in_validation", "overdue_activities"],
  "missing-national-month": [],
  "validation-backlog": ["behind_trajectory"],
  "falling-use": ["behind_trajectory", "trained_but_inactive"],
};

describe("bottlenecks on the demo data", () => {
  const dir = tempDir("imaginecole-scenario-");
  let manifest: DemoManifest;
  let flags: Flag[];
  let w: Warehouse;

  // The suite's shared demo run (test/support/shared-demo.ts), on a copy of its warehouse.
  beforeAll(async () => {
    const demo = await sharedDemo();
    manifest = demo.manifest;
    const db = await copyOfSharedWarehouse(join(dir, "warehouse.duckdb"));
    expect(demo.run.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
    // The demo at scale s has s times the platform users for the same training, so the
    // trained-but-inactive ratios (active users per teacher trained) are scaled the same way.
    const rules = JSON.parse(readFileSync(join(ROOT, "pipelines/indicators.json"), "utf8"));
    rules.rules.trained_but_inactive.ratioMedium *= demo.scale;
    rules.rules.trained_but_inactive.ratioHigh *= demo.scale;
    const rulesPath = join(dir, "indicators.json");
    writeFileSync(rulesPath, JSON.stringify(rules));
    w = await Warehouse.open(db);
    const phase = JSON.parse(readFileSync(join(ROOT, "pipelines/demo.json"), "utf8")).phase as { start: string; end: string };
    await buildMart(w, { now: new Date(`${TODAY}T12:00:00Z`), phase, rulesPath });
    const rows = await w.all<Omit<Flag, "evidence"> & { evidence: string }>(
      "SELECT country_code, rule_id, severity, evidence FROM mart.bottlenecks WHERE severity <> 'info' ORDER BY ALL",
    );
    flags = rows.map((r) => ({ ...r, evidence: JSON.parse(r.evidence) as Record<string, unknown> }));
  });

  afterAll(() => {
    w?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const countries = Object.keys(DEMO_SCENARIO.stories).sort();

  it.each(countries)("%s is flagged for its story's reasons and no other", (country) => {
    const story = storyOf(country);
    const rules = new Set(flags.filter((f) => f.country_code === country).map((f) => f.rule_id));
    for (const rule of MUST[story]) expect(rules, `${country} (${story}) must raise ${rule}`).toContain(rule);
    const allowed = new Set([...MUST[story], ...MAY[story]]);
    expect([...rules].filter((r) => !allowed.has(r)), `${country} (${story}) raises only its story's rules`).toEqual([]);
  });

  it("flags the lagging countries as off track on every targeted indicator they report", () => {
    for (const country of DEMO_SCENARIO.lagging) {
      const behind = flags.filter((f) => f.country_code === country && f.rule_id === "behind_trajectory");
      expect(behind.length, country).toBeGreaterThanOrEqual(3);
      for (const f of behind) expect(f.severity, `${country} ${String(f.evidence.indicator_id)}`).toBe("high");
    }
  });

  it("names the stale country's sheet and the month of the missing national export", () => {
    const sheet = flags.find((f) => f.country_code === DEMO_SCENARIO.staleSheet && f.rule_id === "stale_data" && f.evidence.source === "sheet");
    expect(sheet?.evidence.days).toBeGreaterThanOrEqual(45);
    const { country } = DEMO_SCENARIO.missingNationalExport;
    const national = flags.find((f) => f.country_code === country && f.rule_id === "stale_data" && f.evidence.source === "national-csv");
    expect(national?.evidence.missing_months).toEqual(manifest.missingNational.map((m) => `${m.split("/")[1]}-01`));
  });

  it("gives the missing month completeness below 100 % and no national usage figure", async () => {
    const { country } = DEMO_SCENARIO.missingNationalExport;
    const period = `${manifest.missingNational[0]!.split("/")[1]}-01`;
    const rows = await w.all<{ indicator_id: string; disaggregation: string; value: number | null }>(
      `SELECT indicator_id, disaggregation, value FROM mart.indicators
       WHERE country_code = $1 AND period = $2::DATE
         AND ((indicator_id = 'national_active_users' AND disaggregation = '') OR (indicator_id = 'reporting_completeness' AND disaggregation = 'source=national-csv'))
       ORDER BY indicator_id`,
      [country, period],
    );
    expect(rows).toEqual([
      { indicator_id: "national_active_users", disaggregation: "", value: null },
      { indicator_id: "reporting_completeness", disaggregation: "source=national-csv", value: 0 },
    ]);
  });
});
