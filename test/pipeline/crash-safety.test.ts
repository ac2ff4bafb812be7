import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { rowCounts } from "../support/row-counts.ts";
import { cli, demoConfig, ROOT, TEST_HASH_KEY, tempDir, TODAY } from "../support/cli.ts";
import { copyOfSharedWarehouse, sharedDemo } from "../support/shared-demo.ts";

const TABLES = [
  "core.usage_events", "core.voided_events", "core.national_usage", "core.trainers", "core.training_sessions",
  "core.resources", "core.activities", "core.targets", "raw.xapi_statements", "mart.indicators",
];

const counts = (db: string) => rowCounts(db, TABLES);

/** The counts of a killed run's warehouse, read from a copy (with its write-ahead log) as the next run would find it. */
async function countsAfterKill(db: string, copy: string): Promise<Record<string, number>> {
  copyFileSync(db, copy);
  if (existsSync(`${db}.wal`)) copyFileSync(`${db}.wal`, `${copy}.wal`);
  return counts(copy);
}

/** A line of a run that says a batch was loaded: not a source's heading, not a file skipped as already loaded. */
const isLoadLine = (line: string) => line !== "" && !/^Source |already loaded, skipped|^Building the indicators|^Writing the Parquet copy/.test(line);

/**
 * Starts `imaginecole run` and SIGKILLs it once it has reported `loads` more loaded batches (a
 * point in the run that does not depend on the machine's speed); resolves when the process is gone.
 */
function runAndKill(args: string[], loads: number): Promise<string> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, "bin/imaginecole.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, IMAGINECOLE_TODAY: TODAY, IMAGINECOLE_LANG: "en", IMAGINECOLE_HASH_KEY: TEST_HASH_KEY },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let seen = 0;
    let partial = "";
    child.stderr.on("data", (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop()!;
      seen += lines.filter(isLoadLine).length;
      if (seen >= loads) child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) => done(signal ?? String(code)));
  });
}

describe("a run killed with SIGKILL", () => {
  it("leaves the warehouse as before the batch in flight; a rerun ends with the counts of a clean run", async () => {
    // The clean run is the suite's shared demo run: the same inputs, configuration and settings.
    const dir = tempDir();
    const demo = await sharedDemo();
    const inputs = demo.inputs;
    mkdirSync(join(dir, "killed"));
    const config = demoConfig(join(dir, "killed"), inputs);

    expect(demo.run.code, demo.run.stderr.slice(-3000)).toBe(3);
    const loadLines = demo.run.stderr.split("\n").filter(isLoadLine).length;
    expect(loadLines).toBeGreaterThan(50);
    const clean = await counts(await copyOfSharedWarehouse(join(dir, "clean.duckdb")));
    expect(clean["core.national_usage"]).toBeGreaterThan(0);

    // One warehouse, killed at five points ever further into the demo run: each run starts from
    // what the last kill left (the batch then in flight, and a stale run lock), loads the next
    // batches and is killed in turn; the last run completes it.
    const db = join(dir, "killed.duckdb");
    let killed = 0;
    let done = 0;
    for (const fraction of [0.15, 0.35, 0.55, 0.75, 0.95]) {
      const target = Math.round(loadLines * fraction);
      if ((await runAndKill(["run", "--config", config, "--db", db], target - done)) === "SIGKILL") killed++;
      done = target;
      const left = await countsAfterKill(db, join(dir, `after-${fraction}.duckdb`));
      for (const table of TABLES) expect(left[table], `${table} after a kill at ${fraction} of a run`).toBeLessThanOrEqual(clean[table]!);
    }
    expect(killed).toBe(5);
    const rerun = cli(["run", "--config", config, "--db", db]);
    expect([0, 3], rerun.stdout + rerun.stderr).toContain(rerun.code);
    expect(await counts(db), "after five kills and a rerun").toEqual(clean);
    rmSync(dir, { recursive: true, force: true });
  }, 1_200_000);
});
