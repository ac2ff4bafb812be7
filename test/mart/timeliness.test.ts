// Timeliness counts a month's report by the day it first reached the warehouse; the history a
// country's first load brings is a back-fill (received, never late). On the golden core, with a
// sheet for NE whose whole history arrived in one load on 2 May, then one month sent late.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildMart } from "../../src/mart/build.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { buildGoldenCore, MONTHS, NOW, PHASE } from "./golden-fixture.ts";
import { join } from "node:path";

const RULES = join(import.meta.dirname, "fixtures/rules.json");
let w: Warehouse;

beforeEach(async () => {
  w = await Warehouse.open(":memory:");
  await buildGoldenCore(w);
});
afterEach(() => w.close());

async function neSheet(): Promise<Array<{ period: string; received: boolean | null; on_time: boolean | null }>> {
  await buildMart(w, { now: NOW, phase: PHASE, rulesPath: RULES });
  return w.all(
    "SELECT strftime(period, '%Y-%m') AS period, received, on_time FROM mart.completeness WHERE country_code = 'NE' AND source = 'sheet' ORDER BY period");
}

async function seen(period: string, at: string, loadId: string): Promise<void> {
  await w.run("INSERT INTO core.sheet_months VALUES ('NE', 'Sessions', CAST($1 AS DATE), $2, CAST($3 AS TIMESTAMPTZ))", [period, loadId, at]);
}

describe("sheet timeliness", () => {
  it("counts back-filled history as received and never late", async () => {
    // NE's sheet starts on 2 May with six months of history in one load.
    for (const period of MONTHS) await seen(period, "2026-05-02T09:00:00Z", "sheet-NE-first");
    const rows = await neSheet();
    expect(rows.map((r) => r.received)).toEqual([true, true, true, true, true, true]);
    // April was due on 10 May: arriving on 2 May, it is on time; the months before are back-fill.
    expect(rows.map((r) => r.on_time)).toEqual([null, null, null, null, null, true]);
    expect(rows.filter((r) => r.on_time === false)).toEqual([]);
    const timeliness = await w.all<{ value: number | null }>(
      "SELECT value FROM mart.indicators WHERE country_code = 'NE' AND indicator_id = 'reporting_timeliness' AND disaggregation = 'source=sheet' ORDER BY period");
    expect(timeliness.map((r) => r.value)).toEqual([null, null, null, null, null, 100]);
  });

  it("counts a month first received after its due date as late", async () => {
    // History up to January on 2 Feb, then February's rows only on 20 March (due 10 March).
    for (const period of MONTHS.slice(0, 3)) await seen(period, "2026-02-02T09:00:00Z", "sheet-NE-first");
    await seen(MONTHS[3]!, "2026-03-20T09:00:00Z", "sheet-NE-late");
    await seen(MONTHS[4]!, "2026-04-03T09:00:00Z", "sheet-NE-march");
    const rows = await neSheet();
    expect(rows).toEqual([
      { period: "2025-11", received: true, on_time: null },
      { period: "2025-12", received: true, on_time: null },
      // January was due on 10 February and came with the first load on 2 February: on time.
      { period: "2026-01", received: true, on_time: true },
      { period: "2026-02", received: true, on_time: false },
      { period: "2026-03", received: true, on_time: true },
      { period: "2026-04", received: false, on_time: false },
    ]);
  });
});
