// The outputs derived from the warehouse after a kill -9: the mart (killed while being rebuilt,
// just after the import that made it stale committed), the Parquet lake (killed while written) and
// a donor snapshot (killed while written). After the kill, one ordinary command; then the mart and
// the lake are the same as a clean sequence gives, the snapshot the same as an export never killed,
// and no half-written folder is left under a final name.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { cli, demoConfig, ROOT, TEST_HASH_KEY, tempDir, TODAY } from "../support/cli.ts";
import { copyOfSharedWarehouse, sharedDemo } from "../support/shared-demo.ts";

/** Starts the command line and SIGKILLs it when `killWhen` says so; resolves with the signal (or exit code) once it is gone. */
function runAndKill(args: string[], killWhen: (arm: () => void, stderrLine: (test: (line: string) => boolean) => void) => void): Promise<string> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, "bin/imaginecole.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, IMAGINECOLE_TODAY: TODAY, IMAGINECOLE_LANG: "en", IMAGINECOLE_HASH_KEY: TEST_HASH_KEY },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const kill = () => child.kill("SIGKILL");
    let partial = "";
    const tests: Array<(line: string) => boolean> = [];
    child.stderr.on("data", (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop()!;
      if (lines.some((line) => tests.some((t) => t(line)))) kill();
    });
    killWhen(kill, (test) => tests.push(test));
    child.on("exit", (code, signal) => done(signal ?? String(code)));
  });
}

/** Kills once the hidden work folder for `target` holds its first file: the output is then half-written. */
function whenWorkFolderFills(target: string): (kill: () => void) => () => void {
  return (kill) => {
    const parent = join(target, "..");
    const prefix = `.${target.split("/").pop()}.tmp-`;
    const timer = setInterval(() => {
      try {
        const work = readdirSync(parent).find((name) => name.startsWith(prefix));
        if (work && readdirSync(join(parent, work)).length > 0) kill();
      } catch {
        // Renamed away between the two reads: looked at again on the next tick.
      }
    }, 5);
    return () => clearInterval(timer);
  };
}

/** Rows of one side missing from the other, both ways, for each mart table: all zero when the marts are equal. */
async function martDifferences(a: string, b: string): Promise<Record<string, number>> {
  const w = await Warehouse.open(":memory:");
  try {
    await w.run(`ATTACH '${a}' AS a (READ_ONLY)`);
    await w.run(`ATTACH '${b}' AS b (READ_ONLY)`);
    const tables = await w.all<{ table_name: string }>(
      "SELECT table_name FROM duckdb_tables() WHERE database_name = 'a' AND schema_name = 'mart' ORDER BY table_name",
    );
    const out: Record<string, number> = {};
    for (const { table_name: t } of tables) {
      out[t] = Number(await w.scalar(`SELECT (SELECT count(*) FROM (FROM a.mart.${t} EXCEPT ALL FROM b.mart.${t})) + (SELECT count(*) FROM (FROM b.mart.${t} EXCEPT ALL FROM a.mart.${t}))`));
    }
    out.indicators_rows = Number(await w.scalar("SELECT count(*) FROM b.mart.indicators"));
    return out;
  } finally {
    w.close();
  }
}

/** The lake's rows missing from the other, both ways (load ids, drawn at random by each load, left out), and its row count. */
async function lakeDifference(a: string, b: string): Promise<{ missing: number; rows: number }> {
  const w = await Warehouse.open(":memory:");
  try {
    const lake = (dir: string) => `(SELECT * EXCLUDE (load_id) FROM read_parquet('${dir}/usage_events/**/*.parquet', hive_partitioning = true))`;
    const missing = Number(await w.scalar(
      `SELECT (SELECT count(*) FROM (FROM ${lake(a)} EXCEPT ALL FROM ${lake(b)})) + (SELECT count(*) FROM (FROM ${lake(b)} EXCEPT ALL FROM ${lake(a)}))`,
    ));
    return { missing, rows: Number(await w.scalar(`SELECT count(*) FROM ${lake(b)}`)) };
  } finally {
    w.close();
  }
}

/** Whether the killed command's warehouse, as the next command finds it (with its write-ahead log), holds marks of stale outputs. */
async function staleAfterKill(db: string, copy: string, output: string): Promise<boolean> {
  copyFileSync(db, copy);
  if (existsSync(`${db}.wal`)) copyFileSync(`${db}.wal`, `${copy}.wal`);
  const w = await Warehouse.open(copy, { readOnly: true });
  try {
    return Number(await w.scalar("SELECT count(*) FROM ops.stale_outputs WHERE output = $1", [output])) > 0;
  } finally {
    w.close();
  }
}

/** The snapshot's data files (those the README promises byte-identical) and their bytes. */
function dataFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (/\.(csv|json|parquet)$/.test(entry.name) && entry.name !== "manifest.json") out[path] = readFileSync(join(dir, path)).toString("base64");
    }
  };
  walk("");
  return out;
}

describe("derived outputs after kill -9", () => {
  it("the mart, the lake and a snapshot come out as a clean sequence's after one ordinary command; no partial folder", async () => {
    const demo = await sharedDemo();
    expect(demo.run.code, demo.run.stderr.slice(-3000) + demo.run.stdout.slice(-3000)).toBe(3);
    const dir = tempDir("imaginecole-derived-");
    // New usage events: twenty statements of the demo under new ids.
    const source = join(demo.inputs, "xapi", readdirSync(join(demo.inputs, "xapi")).sort().at(-1)!);
    const extra = join(dir, "extra.ndjson");
    const lines = readFileSync(source, "utf8").split("\n").filter(Boolean).slice(0, 20);
    writeFileSync(extra, lines.map((l) => l.replace(/^\{"id":"[0-9a-f]{8}/, '{"id":"feedbeef')).join("\n") + "\n");
    const period = ["--period", "2026-Q3", "--format", "csv,json,parquet"];

    // The clean sequence: import, run (writes the lake).
    mkdirSync(join(dir, "clean"));
    const cleanConfig = demoConfig(join(dir, "clean"), demo.inputs);
    const clean = await copyOfSharedWarehouse(join(dir, "clean.duckdb"));
    const cleanImport = cli(["import", extra, "--source", "xapi", "--db", clean, "--config", cleanConfig]);
    expect(cleanImport.code, cleanImport.stderr).toBe(0);
    const cleanRun = cli(["run", "--config", cleanConfig, "--db", clean]);
    expect([0, 3], cleanRun.stderr).toContain(cleanRun.code);

    // The same, each step killed.
    mkdirSync(join(dir, "killed", "lake"), { recursive: true });
    const config = demoConfig(join(dir, "killed"), demo.inputs);
    const db = await copyOfSharedWarehouse(join(dir, "killed.duckdb"));

    // 1. The import is killed once its batch is committed, while the mart is being rebuilt.
    const imported = await runAndKill(["import", extra, "--source", "xapi", "--db", db, "--config", config], (_kill, onLine) =>
      onLine((line) => line.startsWith("Building the indicators")),
    );
    expect(imported).toBe("SIGKILL");
    expect(await staleAfterKill(db, join(dir, "after-import.duckdb"), "mart"), "the import's commit marked the mart stale").toBe(true);
    const status = cli(["status", "--db", db, "--config", config]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).not.toMatch(/\n\s+at /);
    const marts = await martDifferences(clean, db);
    expect(marts.indicators_rows).toBeGreaterThan(0);
    expect(Object.values({ ...marts, indicators_rows: 0 }).every((n) => n === 0), JSON.stringify(marts)).toBe(true);

    // 2. The run that writes the lake is killed while it writes it: no lake under its name, then the next run writes it whole.
    const lake = join(dir, "killed", "lake", "usage_events");
    let stop = () => {};
    const ran = await runAndKill(["run", "--config", config, "--db", db], (kill) => {
      stop = whenWorkFolderFills(lake)(kill);
    });
    stop();
    expect(ran).toBe("SIGKILL");
    expect(existsSync(lake), "a lake half-written under its final name").toBe(false);
    const rerun = cli(["run", "--config", config, "--db", db]);
    expect([0, 3], rerun.stderr).toContain(rerun.code);
    expect(await lakeDifference(join(dir, "clean", "lake"), join(dir, "killed", "lake"))).toEqual({ missing: 0, rows: expect.any(Number) });
    expect((await lakeDifference(join(dir, "clean", "lake"), join(dir, "killed", "lake"))).rows).toBeGreaterThan(1000);
    expect(readdirSync(join(dir, "killed", "lake")).filter((name) => name.startsWith("."))).toEqual([]);

    // 3. The export is killed while it writes: no folder under the snapshot's name; the next export gives the files of
    //    an export never killed (of the same warehouse: a snapshot's provenance names the loads, whose ids are drawn at random).
    const snapshot = join(dir, "killed", "snapshot");
    const exported = await runAndKill(["export", ...period, "--out", snapshot, "--db", db], (kill) => {
      stop = whenWorkFolderFills(snapshot)(kill);
    });
    stop();
    expect(exported).toBe("SIGKILL");
    expect(existsSync(snapshot), "a snapshot half-written under its final name").toBe(false);
    expect(readdirSync(join(dir, "killed")).some((name) => name.startsWith(".snapshot.tmp-")), "the killed export's work folder").toBe(true);
    const again = cli(["export", ...period, "--out", snapshot, "--db", db]);
    expect(again.code, again.stderr).toBe(0);
    const uninterrupted = cli(["export", ...period, "--out", join(dir, "uninterrupted"), "--db", db]);
    expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
    expect(dataFiles(snapshot)).toEqual(dataFiles(join(dir, "uninterrupted")));
    expect(Object.keys(dataFiles(snapshot)).length).toBeGreaterThan(5);
    expect(readdirSync(join(dir, "killed")).filter((name) => name.startsWith(".snapshot."))).toEqual([]);
  }, 900_000);

  it("a step failing after the loads committed exits 4 and says the loads are kept; the next run finishes it", async () => {
    const demo = await sharedDemo();
    const dir = tempDir("imaginecole-after-commit-");
    // The usage source reads a folder holding only new statements; the lake's folder is a file, so it cannot be written.
    mkdirSync(join(dir, "xapi"));
    const source = join(demo.inputs, "xapi", readdirSync(join(demo.inputs, "xapi")).sort().at(-1)!);
    const lines = readFileSync(source, "utf8").split("\n").filter(Boolean).slice(0, 20);
    writeFileSync(join(dir, "xapi", "new.ndjson"), lines.map((l) => l.replace(/^\{"id":"[0-9a-f]{8}/, '{"id":"c0ffee00')).join("\n") + "\n");
    const configPath = demoConfig(dir, demo.inputs);
    const config = JSON.parse(readFileSync(configPath, "utf8"));
    config.sources.find((s: { kind: string }) => s.kind === "xapi-files").path = join(dir, "xapi");
    config.lake = join(dir, "not-a-folder");
    writeFileSync(config.lake, "");
    writeFileSync(configPath, JSON.stringify(config));
    const db = await copyOfSharedWarehouse(join(dir, "warehouse.duckdb"));

    const failed = cli(["run", "--config", configPath, "--db", db]);
    expect(failed.stdout).toMatch(/✓ .*new\.ndjson: 20 read, 20 loaded/);
    expect(failed.stderr).toMatch(/The Parquet copy of the usage events could not be written: .*not-a-folder.*\. The 1 batch\(es\) loaded above \(✓ or !\) are kept in the warehouse\. The next command/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(failed.code).toBe(4);

    rmSync(config.lake);
    const rerun = cli(["run", "--config", configPath, "--db", db]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/already loaded, skipped/);
    expect(rerun.stderr).toMatch(/Writing the Parquet copy of the usage events/);
    expect((await lakeDifference(join(demo.db, "..", "lake"), join(dir, "not-a-folder"))).rows).toBeGreaterThan(1000);
  }, 600_000);
});
