import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sql, sqlFile } from "../../src/warehouse/sql-file.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";

describe("the SQL-file runner", () => {
  let wh: Warehouse;
  let dir: string;
  /** Writes a .sql file and reads it as the product does, next to a module of the folder. */
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return sqlFile(pathToFileURL(join(dir, "module.ts")).href, name);
  };

  beforeAll(async () => {
    wh = await Warehouse.open(":memory:");
    dir = mkdtempSync(join(tmpdir(), "imaginecole-sql-"));
  });
  afterAll(() => {
    wh.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a statement whose parameter was not given, naming the file and the parameter", async () => {
    const sql = file("missing.sql", "SELECT $country AS country, $day AS day;\n");
    await expect(wh.all(sql, { country: "SN" })).rejects.toThrow(/missing\.sql: parameter \$day was not given/);
    // undefined is no value: NULL is given as null.
    await expect(wh.all(sql, { country: "SN", day: undefined as never })).rejects.toThrow(/\$day was not given/);
    expect(await wh.all(sql, { country: "SN", day: null })).toEqual([{ country: "SN", day: null }]);
  });

  it("leaves out the parameters given that the statement does not mention", async () => {
    const sql = file("unmentioned.sql", "SELECT $country AS country");
    expect(await wh.all(sql, { country: "SN", load_id: "x", limit: 3 })).toEqual([{ country: "SN" }]);
  });

  it("runs every statement of a file in order, comments left out, and reads the last", async () => {
    const sql = file(
      "several.sql",
      [
        "-- A comment naming $nothing, which is no parameter;",
        "CREATE OR REPLACE TEMP TABLE runner_t (code VARCHAR, note VARCHAR); -- ends here",
        "/* a block comment; $neither */",
        "INSERT INTO runner_t VALUES ($code, 'a -- not a comment; $not_a_parameter');",
        "INSERT INTO runner_t VALUES ('b', 'c;",
        "still the same string');",
        "",
        "SELECT code, note FROM runner_t ORDER BY code;",
        "-- trailing comment",
      ].join("\n"),
    );
    expect(sql.split()).toHaveLength(4);
    const rows = await wh.all(sql, { code: "a" });
    expect(rows).toEqual([
      { code: "a", note: "a -- not a comment; $not_a_parameter" },
      { code: "b", note: "c;\nstill the same string" },
    ]);
  });

  it("returns the rows the last statement changed", async () => {
    const sql = file("changed.sql", "CREATE OR REPLACE TEMP TABLE runner_n AS SELECT range AS n FROM range(5);\nDELETE FROM runner_n WHERE n < $below;");
    expect(await wh.run(sql, { below: 3 })).toBe(3);
  });

  it("fills {{slots}} with generated SQL, whose parameters are then mentioned by their own file", async () => {
    const outer = file("outer.sql", "SELECT * FROM ({{inner}}) WHERE {{filter}} ORDER BY n");
    const inner = file("inner.sql", "SELECT range AS n FROM range($upto)");
    const sql = outer.fill({ inner, filter: "n % $modulo = 0" });
    expect(await wh.all(sql, { upto: 7, modulo: 3 })).toEqual([{ n: 0 }, { n: 3 }, { n: 6 }]);
    await expect(wh.all(sql, { modulo: 3 })).rejects.toThrow(/inner\.sql: parameter \$upto was not given/);
    await expect(wh.all(sql, { upto: 7 })).rejects.toThrow(/outer\.sql: parameter \$modulo was not given/);
    await expect(wh.all(outer.fill({ inner }), { upto: 7 })).rejects.toThrow(/outer\.sql: no SQL was given for \{\{filter\}\}/);
  });

  it("wraps one statement in other SQL, keeping where its parameters come from", async () => {
    const query = file("query.sql", "SELECT $country AS country");
    const wrapped = query.wrap((sql) => `SELECT country, $year AS year FROM (${sql})`);
    expect(await wh.all(wrapped, { country: "CI", year: 2026 })).toEqual([{ country: "CI", year: 2026 }]);
    await expect(wh.all(wrapped, { year: 2026 })).rejects.toThrow(/query\.sql: parameter \$country/);
  });

  it("parses each file once", () => {
    const url = pathToFileURL(join(dir, "module.ts")).href;
    file("cached.sql", "SELECT 1");
    expect(sqlFile(url, "cached.sql")).toBe(sqlFile(url, "cached.sql"));
  });

  it("keeps inline SQL as DuckDB takes it: positional parameters and exact names", async () => {
    expect(await wh.scalar("SELECT $1::INTEGER + $2::INTEGER", [1, 2])).toBe(3);
    expect(() => Sql.text("SELECT $a", "inline").bind({})).toThrow(/inline: parameter \$a was not given/);
  });
});

describe("the warehouse's other doors", () => {
  it("appends rows and runs a statement once per row", async () => {
    const wh = await Warehouse.open(":memory:");
    try {
      await wh.run("CREATE TEMP TABLE door_rows (code VARCHAR, n INTEGER)");
      const appender = await wh.appender("door_rows", "main", "temp");
      appender.appendVarchar("a");
      appender.appendInteger(1);
      appender.endRow();
      appender.closeSync();
      await wh.runForEach(Sql.text("INSERT INTO door_rows VALUES ($code, $n)", "inline"), [
        { code: "b", n: 2 },
        { code: "c", n: null, unused: "ignored" },
      ]);
      expect(await wh.all("SELECT * FROM door_rows ORDER BY code")).toEqual([
        { code: "a", n: 1 },
        { code: "b", n: 2 },
        { code: "c", n: null },
      ]);
      await expect(wh.runForEach(Sql.text("INSERT INTO door_rows VALUES ($code, $n)", "rows.sql"), [{ code: "d" }])).rejects.toThrow(
        /rows\.sql: parameter \$n was not given/,
      );
    } finally {
      wh.close();
    }
  });

  it("opens a warehouse read-only, without migrating it, and refuses to write", async () => {
    const dir = mkdtempSync(join(tmpdir(), "imaginecole-ro-"));
    const path = join(dir, "w.duckdb");
    try {
      await expect(Warehouse.open(path, { readOnly: true })).rejects.toThrow(/Warehouse not found/);
      const writer = await Warehouse.open(path);
      await writer.run("CREATE TABLE ops.door_note (n INTEGER)");
      writer.close();
      const reader = await Warehouse.open(path, { readOnly: true });
      try {
        expect(await reader.scalar("SELECT count(*) FROM ops.door_note")).toBe(0);
        await expect(reader.run("INSERT INTO ops.door_note VALUES (1)")).rejects.toThrow(/read-only/i);
      } finally {
        reader.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("opens in memory with every migration applied, quickly", async () => {
    const started = performance.now();
    const wh = await Warehouse.open(":memory:");
    const elapsed = performance.now() - started;
    try {
      expect(Number(await wh.scalar("SELECT count(*) FROM main.schema_migrations"))).toBeGreaterThan(10);
      expect(elapsed).toBeLessThan(2000);
    } finally {
      wh.close();
    }
  });
});
