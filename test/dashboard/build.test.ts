import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import { buildDashboard } from "../../src/site/build.ts";
import { ROOT } from "./fixture-warehouse.ts";

describe("buildDashboard(options)", () => {
  it("refuses to build without a warehouse, naming it and saying what to run, with exit code 2", async () => {
    const missing = join(ROOT, "scratch", "no-such-warehouse.duckdb");
    const error = await buildDashboard({ db: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImaginEcoleError);
    expect((error as ImaginEcoleError).exitCode).toBe(2);
    expect((error as ImaginEcoleError).bilingual.fr).toContain(missing);
    expect((error as ImaginEcoleError).bilingual.en).toContain("npx imaginecole run");
  });
});

describe("the data loaders", () => {
  it("read pre-aggregated tables only, so what a page ships does not grow with usage events", () => {
    const dir = join(ROOT, "dashboards", "data", "sql");
    const sql = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
    expect(sql).not.toMatch(/usage_events|xapi_statements|national_usage/);
  });
});
