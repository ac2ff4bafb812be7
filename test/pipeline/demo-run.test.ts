import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { DemoManifest } from "../../src/demo/generate.ts";
import { PRIVATE_TEXT_COLUMNS } from "../support/private-text.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { cli, demoConfig, tempDir, type CliResult } from "../support/cli.ts";
import { copyOfSharedWarehouse, sharedDemo } from "../support/shared-demo.ts";

const CORE_TABLES = ["usage_events", "national_usage", "trainers", "training_sessions", "resources", "activities", "targets", "countries"];

async function coreCounts(db: string): Promise<Record<string, number>> {
  const w = await Warehouse.open(db);
  try {
    const counts: Record<string, number> = {};
    for (const t of CORE_TABLES) counts[t] = Number(await w.scalar(`SELECT count(*) FROM core.${t}`));
    return counts;
  } finally {
    w.close();
  }
}

describe("imaginecole run on the demo data", () => {
  const dir = tempDir();
  const db = join(dir, "warehouse.duckdb");
  let manifest: DemoManifest;
  let config: string;
  let first: CliResult;
  let firstCounts: Record<string, number>;

  // The first run is the suite's shared demo run; this file works on a copy of its warehouse.
  beforeAll(async () => {
    const demo = await sharedDemo();
    manifest = demo.manifest;
    first = demo.run;
    config = demoConfig(dir, demo.inputs);
    await copyOfSharedWarehouse(db);
    firstCounts = await coreCounts(db);
  });

  it("loads every source of every country and exits 3 because the demo has bad rows", async () => {
    expect(first.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
    expect(first.code).toBe(3);
    for (const table of CORE_TABLES) expect(firstCounts[table], table).toBeGreaterThan(0);
    const w = await Warehouse.open(db);
    try {
      const perCountry = await w.all<{ n: number }>(
        "SELECT count(DISTINCT country_code) AS n FROM core.usage_events UNION ALL SELECT count(DISTINCT country_code) FROM core.trainers UNION ALL SELECT count(DISTINCT country_code) FROM mart.indicators",
      );
      expect(perCountry.map((r) => r.n)).toEqual([10, 10, 10]);
    } finally {
      w.close();
    }
  });

  it("keeps a demo bad row in ops.rejects with its file and row, and lists it on screen", async () => {
    const w = await Warehouse.open(db);
    try {
      const rejects = await w.all<{ location: string; reason_en: string }>("SELECT location, reason_en FROM ops.rejects");
      expect(rejects.length).toBeGreaterThan(0);
      expect(rejects.some((r) => /\.(csv|ndjson|xlsx):\d+$|![A-Z]+\d+$/.test(r.location))).toBe(true);
      const shown = rejects.find((r) => first.stdout.includes(r.location));
      expect(shown, "a reject location printed by run").toBeDefined();
    } finally {
      w.close();
    }
  });

  it("writes nothing new when run again on the same inputs", async () => {
    const second = cli(["run", "--config", config, "--db", db]);
    expect(second.code).toBe(0);
    expect(await coreCounts(db)).toEqual(firstCounts);
  });

  it("status lists each source's last load with rows read, loaded and rejected", () => {
    const status = cli(["status", "--db", db, "--json"]);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { lastLoads: Array<{ source: string; rows_read: number; rows_loaded: number; rows_rejected: number }> };
    const sources = parsed.lastLoads.map((l) => l.source);
    for (const kind of ["xapi", "sheet", "national-csv"]) expect(sources.some((s) => s.startsWith(kind)), kind).toBe(true);
    for (const l of parsed.lastLoads) expect(l.rows_read).toBeGreaterThanOrEqual(l.rows_loaded);
    const text = cli(["status", "--db", db]);
    expect(text.stdout).toMatch(/read [\d,]+, loaded [\d,]+, rejected [\d,]+/);
  });

  it("stores no name or e-mail from the demo inputs anywhere in the warehouse", async () => {
    expect(manifest.personal.length).toBeGreaterThan(20);
    const w = await Warehouse.open(db);
    try {
      const personal = manifest.personal.map((s) => s.toLowerCase());
      // One pattern matching any of them anywhere in a value, searched once over every text column.
      const anyOf = personal.map((s) => s.replace(/[^\p{L}\p{N}\s]/gu, (c) => `\\${c}`)).join("|");
      await w.run("CREATE TEMP TABLE personal (s VARCHAR)");
      await w.run(`INSERT INTO personal VALUES ${personal.map((_, i) => `($${i + 1})`).join(", ")}`, personal);
      expect(await w.scalar("SELECT count(*) FROM personal WHERE NOT regexp_matches(s, $1)", [anyOf]), "the pattern finds each of them").toBe(0);
      const columns = await w.all<{ table_schema: string; table_name: string; column_name: string }>(
        "SELECT table_schema, table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR' AND table_schema IN ('raw', 'core', 'mart', 'ops')",
      );
      expect(columns.length).toBeGreaterThan(30);
      expect(PRIVATE_TEXT_COLUMNS.size).toBeGreaterThan(0);
      const everyValue = columns
        .filter((c) => !PRIVATE_TEXT_COLUMNS.has(`${c.table_schema}.${c.table_name}.${c.column_name}`))
        .map((c) => `SELECT '${c.table_schema}.${c.table_name}.${c.column_name}' AS place, t."${c.column_name}" AS v FROM "${c.table_schema}"."${c.table_name}" t`)
        .join("\nUNION ALL ");
      const leaks = await w.all<{ place: string; s: string }>(
        `SELECT place, any_value(regexp_extract(lower(v), $1)) AS s FROM (${everyValue}) WHERE regexp_matches(lower(v), $1) GROUP BY place ORDER BY place`,
        [anyOf],
      );
      expect(leaks.map((l) => `${l.place}: ${l.s}`)).toEqual([]);
    } finally {
      w.close();
    }
  });
});
