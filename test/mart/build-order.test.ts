import { describe, expect, it } from "vitest";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import { buildMart, martPlan } from "../../src/mart/build.ts";
import { buildOrder, checkDeclared, declaredTables, tablesRead, type MartStep } from "../../src/mart/order.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { buildGoldenCore, NOW, PHASE } from "./golden-fixture.ts";

const RULES = `${import.meta.dirname}/fixtures/rules.json`;

/** A step writing `mart.<table>` from one SQL text. */
const table = (name: string, sql: string): MartStep => ({ writes: `mart.${name}`, reads: [{ file: `tables/${name}.sql`, sql }] });

function refusal(work: () => unknown): ImaginEcoleError {
  try {
    work();
  } catch (error) {
    if (error instanceof ImaginEcoleError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("buildOrder(steps)", () => {
  it("puts every table after the tables its SQL reads, and the others by name", () => {
    const steps = [
      table("report", "SELECT * FROM mart.totals t JOIN mart.calendar c USING (period)"),
      table("totals", "SELECT period, count(*) AS n FROM core.events JOIN mart.calendar USING (period) GROUP BY ALL"),
      table("calendar", "SELECT DISTINCT period FROM core.events"),
      table("alone", "SELECT 1 AS one"),
    ];
    expect(buildOrder(steps).map((s) => s.writes)).toEqual(["mart.alone", "mart.calendar", "mart.totals", "mart.report"]);
  });

  it("gives the same order whatever order the steps come in", () => {
    const steps = [
      table("b", "SELECT * FROM mart.a"),
      table("c", "SELECT * FROM mart.a"),
      table("a", "SELECT 1 AS x"),
      table("d", "SELECT * FROM mart.c, mart.b"),
    ];
    const order = buildOrder(steps).map((s) => s.writes);
    expect(order).toEqual(["mart.a", "mart.b", "mart.c", "mart.d"]);
    expect(buildOrder([...steps].reverse()).map((s) => s.writes)).toEqual(order);
  });

  it("counts a temporary table read by its bare name, and ignores tables named only in comments", () => {
    const steps: MartStep[] = [
      { writes: "values_tmp", reads: [{ file: "indicators/a.sql", sql: "SELECT * FROM mart.calendar" }] },
      table("summary", "-- built after mart.report (not really)\nSELECT * FROM values_tmp /* nor mart.report */"),
      table("report", "SELECT * FROM mart.summary"),
      table("calendar", "SELECT 1 AS period"),
    ];
    expect(buildOrder(steps).map((s) => s.writes)).toEqual(["mart.calendar", "values_tmp", "mart.summary", "mart.report"]);
  });

  it("refuses tables that read each other in a loop, naming the loop in both languages", () => {
    const error = refusal(() =>
      buildOrder([table("a", "SELECT * FROM mart.b"), table("b", "SELECT * FROM mart.c"), table("c", "SELECT * FROM mart.a"), table("d", "SELECT 1")]),
    );
    expect(error.bilingual.en).toBe("The mart cannot be built: its tables read each other in a loop (mart.a → mart.b → mart.c → mart.a).");
    expect(error.bilingual.fr).toBe("Le mart ne peut pas être construit : ses tables se lisent en boucle (mart.a → mart.b → mart.c → mart.a).");
  });

  it("refuses a table that reads itself", () => {
    expect(refusal(() => buildOrder([table("a", "SELECT * FROM mart.a")])).bilingual.en).toContain("(mart.a → mart.a)");
  });

  it("refuses a mart table that no step builds, naming the file that reads it", () => {
    const error = refusal(() => buildOrder([table("a", "SELECT 1"), table("b", "SELECT * FROM mart.a JOIN mart.missing USING (x)")]));
    expect(error.bilingual.en).toBe("The mart cannot be built: tables/b.sql reads mart.missing, which no file of the mart builds.");
    expect(error.bilingual.fr).toBe("Le mart ne peut pas être construit : tables/b.sql lit mart.missing, qu'aucun fichier du mart ne construit.");
  });

  it("refuses two steps building the same table", () => {
    const other = { writes: "mart.a", reads: [{ file: "tables/A.sql", sql: "SELECT 2" }] };
    expect(refusal(() => buildOrder([table("a", "SELECT 1"), other])).bilingual.en).toContain("tables/a.sql and tables/A.sql both build mart.a");
  });
});

describe("declaredTables(schema) and checkDeclared()", () => {
  const schema = "-- CREATE OR REPLACE TABLE mart.commented (x INT);\nCREATE OR REPLACE TABLE mart.a (x INT);\ncreate or replace temp table tmp (y INT);";

  it("reads the tables a schema file creates, not those in its comments", () => {
    expect(declaredTables(schema)).toEqual(["mart.a", "tmp"]);
  });

  it("refuses a declared table no step fills, and a step filling an undeclared table", () => {
    const tmp = { writes: "tmp", reads: [] };
    expect(() => checkDeclared("schema.sql", declaredTables(schema), [table("a", "SELECT 1"), tmp])).not.toThrow();
    expect(refusal(() => checkDeclared("schema.sql", declaredTables(schema), [table("a", "SELECT 1")])).bilingual.en).toBe(
      "The mart cannot be built: schema.sql declares tmp, which no step fills.",
    );
    expect(refusal(() => checkDeclared("schema.sql", declaredTables(schema), [table("a", "SELECT 1"), tmp, table("b", "SELECT 1")])).bilingual.en).toBe(
      "The mart cannot be built: tables/b.sql fills mart.b, which schema.sql does not declare.",
    );
  });
});

describe("martPlan(): the mart's own files", () => {
  const plan = martPlan();
  const position = new Map(plan.map((s, i) => [s.writes, i]));

  it("builds each table after every table its SQL reads", () => {
    for (const step of plan) {
      for (const { sql } of step.reads) {
        const { mart, bare } = tablesRead(sql, position.keys());
        for (const read of [...mart, ...bare]) {
          if (read === step.writes && step.kept) continue;
          expect(position.get(read), `${step.writes} reads ${read}`).toBeLessThan(position.get(step.writes)!);
        }
      }
    }
  });

  it("computes the indicator values after the tables they read and before mart.indicators, and the bottlenecks after mart.indicators", () => {
    expect(position.get("indicator_values")).toBeGreaterThan(position.get("mart.usage_monthly")!);
    expect(position.get("indicator_values")).toBeLessThan(position.get("mart.indicators")!);
    expect(position.get("mart.indicators")).toBeLessThan(position.get("mart.bottlenecks")!);
    expect(position.get("mart.indicators")).toBeLessThan(position.get("mart.indicators_phase")!);
  });
});

/** Every mart table's columns as a reader sees them, and its rows in a stable order. */
async function martContents(w: Warehouse): Promise<Record<string, { columns: unknown[]; rows: unknown[] }>> {
  const out: Record<string, { columns: unknown[]; rows: unknown[] }> = {};
  const tables = await w.all<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'mart' ORDER BY 1");
  for (const { table_name } of tables) {
    out[table_name] = {
      columns: await martColumns(w, table_name),
      rows: await w.all(`SELECT * FROM mart.${table_name} ORDER BY ALL`),
    };
  }
  return out;
}

async function martColumns(w: Warehouse, name: string): Promise<unknown[]> {
  return w.all(
    `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'mart' AND table_name = $1 ORDER BY ordinal_position`,
    [name],
  );
}

describe("buildMart on a warehouse made by migrations 001 and 040–043", () => {
  it("replaces the tables the migrations created with the same names and columns, and keeps none of their rows", async () => {
    const w = await Warehouse.open(":memory:");
    try {
      const migrated = await martContents(w);
      expect(Object.keys(migrated)).toHaveLength(14);
      await w.run("INSERT INTO mart.indicators (country_code, period, indicator_id, status) VALUES ('XX', '2020-01-01', 'stale', 'approved')");
      await w.run("INSERT INTO mart.bottlenecks VALUES ('XX', 'stale', 'high', NULL, '{}', 'périmé', 'stale')");
      await buildGoldenCore(w);
      await buildMart(w, { now: NOW, phase: PHASE, rulesPath: RULES });
      const built = await martContents(w);
      // Columns added since (bottlenecks.flag_id) come after those the migrations made.
      for (const [name, { columns }] of Object.entries(migrated)) expect(built[name]?.columns.slice(0, columns.length), name).toEqual(columns);
      expect(Object.keys(built)).toEqual(expect.arrayContaining(Object.keys(migrated)));
      expect(await w.scalar("SELECT count(*) FROM mart.indicators WHERE country_code = 'XX'")).toBe(0);
      expect(await w.scalar("SELECT count(*) FROM mart.bottlenecks WHERE country_code = 'XX'")).toBe(0);
      expect(await w.scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'indicator_values'")).toBe(0);
    } finally {
      w.close();
    }
  });

  it("gives the same mart for the same core and the same now, whatever was built before (but the history of flags, which earlier builds feed)", async () => {
    const once = await Warehouse.open(":memory:");
    const twice = await Warehouse.open(":memory:");
    try {
      for (const w of [once, twice]) await buildGoldenCore(w);
      await buildMart(once, { now: NOW, phase: PHASE, rulesPath: RULES });
      await buildMart(twice, { now: new Date("2026-03-02T08:00:00Z"), phase: PHASE, rulesPath: RULES });
      await buildMart(twice, { now: NOW, phase: PHASE, rulesPath: RULES });
      const withoutHistory = async (w: Warehouse): Promise<Record<string, unknown>> => {
        const { flag_months: _m, flag_observations: _o, flag_history: _h, bottlenecks, ...rest } = await martContents(w);
        return { ...rest, bottlenecks: bottlenecks!.rows.map((b) => ({ ...(b as object), since: undefined })) };
      };
      const expected = await withoutHistory(once);
      expect(await withoutHistory(twice)).toEqual(expected);
      expect((expected.indicators as { rows: unknown[] }).rows.length).toBeGreaterThan(100);
    } finally {
      once.close();
      twice.close();
    }
  });
});
