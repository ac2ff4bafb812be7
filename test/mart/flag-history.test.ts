import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthFlags } from "../../src/coordinator/flags.ts";
import { buildMart } from "../../src/mart/build.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";

// One country, SN, with no sheet ever received (its stale-data flag holds from the first month
// built) and two resources waiting in validation since 10 January. With a 60-day threshold
// (fixtures/rules.json) they are stuck from 11 March: the build at the end of February (January)
// does not flag them, the builds at the end of March (February) and April (March) do; then R1 is
// published and the build at the end of May (April) finds one stuck resource only: resolved.
const PHASE = { start: "2025-11-01", end: "2026-10-31" };
const RULES = join(import.meta.dirname, "fixtures/rules.json");
const STUCK = "SN/resources_stuck_in_validation";
const STALE = "SN/stale_data/sheet";

let w: Warehouse;
const build = (day: string) => buildMart(w, { now: new Date(`${day}T12:00:00Z`), phase: PHASE, rulesPath: RULES });

beforeAll(async () => {
  w = await Warehouse.open(":memory:");
  await w.run("INSERT INTO core.countries VALUES ('SN', 'SEN', '686', 'Sénégal', 'Senegal', 1000, 2020, 500, 2020, NULL, NULL)");
  await w.run(`INSERT INTO core.resources (country_code, resource_id, title, level, status, status_date, load_id) VALUES
    ('SN', 'R1', 'Lecture CP', 'primary', 'in_validation', '2026-01-10', 's'),
    ('SN', 'R2', 'Calcul CE1', 'primary', 'in_validation', '2026-01-10', 's'),
    ('SN', 'R3', 'Sciences CM1', 'primary', 'published', '2025-12-01', 's')`);
  await build("2026-02-28");
  await build("2026-03-31");
  await build("2026-04-30");
  await w.run("UPDATE core.resources SET status = 'published', status_date = '2026-05-10' WHERE resource_id = 'R1'");
  await build("2026-05-31");
});

afterAll(() => {
  w?.close();
});

const history = () =>
  w.all(`SELECT flag_id, strftime(first_month, '%Y-%m') AS first, strftime(last_month, '%Y-%m') AS last,
           strftime(resolved_month, '%Y-%m') AS resolved, strftime(since, '%Y-%m-%d') AS since, months, severity
         FROM mart.flag_history ORDER BY flag_id, first_month`);

const GOLDEN = [
  // Appears in February (not in January, the first month built), found again in March, gone in April.
  { flag_id: STUCK, first: "2026-02", last: "2026-03", resolved: "2026-04", since: "2026-02-01", months: 2, severity: "medium" },
  // Found from the first month built: the rule gives no date (never received), so the first month.
  { flag_id: STALE, first: "2026-01", last: "2026-04", resolved: null, since: "2026-01-01", months: 4, severity: "high" },
];

describe("the history of flags over builds month after month", () => {
  it("records each episode's first and last month and the month it was resolved", async () => {
    expect(await history()).toEqual(GOLDEN);
    expect(await w.all("SELECT strftime(period, '%Y-%m') AS month FROM mart.flag_months ORDER BY period")).toEqual(
      ["2026-01", "2026-02", "2026-03", "2026-04"].map((month) => ({ month })),
    );
  });

  it("tells for any month which flags are new, ongoing or resolved", async () => {
    const changes = async (month: string) =>
      (await monthFlags(w, month)).map((f) => `${f.flag_id} ${f.change} ${f.severity} since ${f.since}`);
    expect(await changes("2026-01")).toEqual([`${STALE} new high since 2026-01-01`]);
    expect(await changes("2026-02")).toEqual([`${STUCK} new medium since 2026-02-01`, `${STALE} ongoing high since 2026-01-01`]);
    // Within a change, the most severe first.
    expect(await changes("2026-03")).toEqual([`${STALE} ongoing high since 2026-01-01`, `${STUCK} ongoing medium since 2026-02-01`]);
    expect(await changes("2026-04")).toEqual([`${STALE} ongoing high since 2026-01-01`, `${STUCK} resolved medium since 2026-02-01`]);
    // A resolved flag keeps the sentence of the last month it was found.
    const resolved = (await monthFlags(w, "2026-04")).find((f) => f.flag_id === STUCK)!;
    expect(resolved.message_en).toBe("Senegal: 2 resources have waited in validation for 60 days or more (of 2 in validation; the oldest for 110 days).");
  });

  it("starts a new episode when a resolved flag comes back, dated from its return", async () => {
    // R1 is sent back to validation on 1 March: at the end of June (May) both wait 60 days or more.
    await w.run("UPDATE core.resources SET status = 'in_validation', status_date = '2026-03-01' WHERE resource_id = 'R1'");
    await build("2026-06-30");
    const flag = await w.one("SELECT flag_id, strftime(since, '%Y-%m-%d') AS since FROM mart.bottlenecks WHERE rule_id = 'resources_stuck_in_validation'");
    // The rule dates it from 10 January (R2); the history knows it was gone in April.
    expect(flag).toEqual({ flag_id: STUCK, since: "2026-05-01" });
    expect(await history()).toEqual(RETURNED);
    expect((await monthFlags(w, "2026-05")).map((f) => [f.flag_id, f.change])).toEqual([[STUCK, "new"], [STALE, "ongoing"]]);
  });

  it("replaces a month built again rather than adding to it", async () => {
    await build("2026-06-30");
    await build("2026-06-15");
    expect(await history()).toEqual(RETURNED);
    expect(await w.scalar("SELECT count(*) FROM mart.flag_observations WHERE period = '2026-05-01'")).toBe(2);
  });
});

const RETURNED = [
  GOLDEN[0],
  { flag_id: STUCK, first: "2026-05", last: "2026-05", resolved: null, since: "2026-05-01", months: 1, severity: "medium" },
  { ...GOLDEN[1], last: "2026-05", months: 5 },
];
