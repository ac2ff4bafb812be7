import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { monthOf, utcDay } from "../../../src/demo/calendar.ts";
import { dailyUsage, nationalFile } from "../../../src/demo/national.ts";
import { rngFor } from "../../../src/demo/random.ts";
import { DEMO_SCENARIO, type NationalShape } from "../../../src/demo/scenario.ts";
import { importNationalCsv } from "../../../src/sources/national-csv/index.ts";
import { openTestBed, type TestBed } from "./helpers.ts";

const PROFILES = resolve(import.meta.dirname, "../../../pipelines/profiles/national");

let bed: TestBed;
beforeEach(async () => (bed = await openTestBed()));
afterEach(() => bed.close());

describe("the demo's national exports load with the bundled profiles", () => {
  const byShape = new Map<NationalShape, string>();
  for (const [country, shape] of Object.entries(DEMO_SCENARIO.national)) if (!byShape.has(shape)) byShape.set(shape, country);

  for (const [shape, country] of byShape) {
    it(`${country} (${shape}): every day loaded, nothing rejected`, async () => {
      const month = monthOf(utcDay(2026, 10, 1));
      const days = dailyUsage(rngFor(7, `national/${country}`), month, 5000);
      const file = nationalFile(shape, country, month, days);
      const dir = join(bed.dir, country);
      mkdirSync(dir);
      writeFileSync(join(dir, file.name), file.bytes);

      const [result] = await importNationalCsv(bed.ctx, [join(dir, file.name)], { country, profilesDir: PROFILES });
      expect(result).toMatchObject({ status: "loaded", rowsLoaded: days.length, rowsRejected: 0 });
      const first = days[0]!;
      const row = await bed.ctx.warehouse.one(
        "SELECT active_users, new_users, sessions, page_views, downloads FROM core.national_usage WHERE day = DATE '2026-10-01'",
      );
      expect(row).toEqual({
        active_users: first.activeUsers,
        new_users: first.newUsers,
        sessions: first.sessions,
        page_views: first.pageViews,
        downloads: first.downloads,
      });
    });
  }
});
