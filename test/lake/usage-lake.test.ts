import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { usageLakeRelation, writeUsageLake } from "../../src/lake/index.ts";
import { tempDir } from "../support/cli.ts";

// Monthly active users per country: the mart's usage aggregate, run over core and over the lake.
const mau = (relation: string) => `
  SELECT country_code, date_trunc('month', occurred_at AT TIME ZONE 'UTC') AS period, count(DISTINCT actor_key) AS users
  FROM ${relation} GROUP BY ALL ORDER BY ALL`;

describe("writeUsageLake(warehouse, dir)", () => {
  it("partitions usage events by year, month and country, and the usage query gives the same answer over it", async () => {
    const dir = tempDir();
    const w = await Warehouse.open(join(dir, "w.duckdb"));
    try {
      await w.run(`
        INSERT INTO raw.xapi_statements (event_id, occurred_at, country_code, actor_key, verb, object_id, source, load_id)
        SELECT 'e' || i, TIMESTAMPTZ '2026-01-15 10:00:00+00' + INTERVAL (i % 90) DAY,
               ['SN', 'ML', 'CI'][1 + i % 3], 'a' || (i % 37), 'http://adlnet.gov/expapi/verbs/experienced',
               'https://imaginecole.org/ressources/SN/R' || (i % 11), 'xapi', 'l1'
        FROM range(2000) t(i)`);
      const target = await writeUsageLake(w, join(dir, "lake"));
      expect(existsSync(join(target, "year=2026", "month=1", "country=SN"))).toBe(true);
      expect(existsSync(join(target, "year=2026", "month=4", "country=CI"))).toBe(true);
      const fromCore = await w.all(mau("core.usage_events"));
      const fromLake = await w.all(mau(usageLakeRelation(target)));
      expect(fromCore.length).toBeGreaterThan(6);
      expect(fromLake).toEqual(fromCore);
      expect(Number(await w.scalar(`SELECT count(*) FROM ${usageLakeRelation(target)}`))).toBe(2000);
    } finally {
      w.close();
    }
  });
});
