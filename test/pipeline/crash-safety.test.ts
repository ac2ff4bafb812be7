import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { rowCounts } from "../support/row-counts.ts";
import { cli, demoConfig, ROOT, TEST_HASH_KEY, tempDir, TODAY } from "../support/cli.ts";
import { sharedDemoPaths } from "../support/shared-demo.ts";

const TABLES = [
  "core.usage_events", "core.voided_events", "core.national_usage", "core.trainers", "core.training_sessions",
  "core.resources", "core.activities", "core.targets", "raw.xapi_statements", "mart.indicators",
];

const counts = (db: string) => rowCounts(db, TABLES);

/**
 * The shared demo's inputs with the national exports of three countries (three dialects) instead
 * of ten: every source kind, with half the batches of the whole demo, most of which are national
 * exports of thirty rows.
 */
const NATIONAL = ["BJ", "ML", "TD"];
function demoSubset(to: string): string {
  const from = sharedDemoPaths().inputs;
  cpSync(from, to, {
    recursive: true,
    filter: (path) => {
      const [top, country] = relative(from, path).split(sep);
      return top !== "national" || country === undefined || NATIONAL.includes(country);
    },
  });
  return to;
}

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
    const dir = tempDir();
    const inputs = demoSubset(join(dir, "inputs"));
    const [cleanConfig, config] = ["clean", "killed"].map((name) => {
      mkdirSync(join(dir, name));
      return demoConfig(join(dir, name), inputs);
    }) as [string, string];

    const cleanDb = join(dir, "clean.duckdb");
    const cleanRun = cli(["run", "--config", cleanConfig, "--db", cleanDb]);
    expect(cleanRun.code, cleanRun.stderr.slice(-3000)).toBe(3);
    const loadLines = cleanRun.stderr.split("\n").filter(isLoadLine).length;
    expect(loadLines).toBeGreaterThan(50);
    const clean = await counts(cleanDb);
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
