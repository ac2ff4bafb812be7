import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { generateDemo } from "../../src/demo/generate.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { cli, demoConfig, ROOT, tempDir, TODAY } from "../support/cli.ts";

const TABLES = [
  "core.usage_events", "core.voided_events", "core.national_usage", "core.trainers", "core.training_sessions",
  "core.resources", "core.activities", "core.targets", "raw.xapi_statements", "mart.indicators",
];

async function counts(db: string): Promise<Record<string, number>> {
  const w = await Warehouse.open(db);
  try {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = Number(await w.scalar(`SELECT count(*) FROM ${t}`));
    return out;
  } finally {
    w.close();
  }
}

/**
 * Starts `imaginecole run` and SIGKILLs it once it has written `lines` progress lines (a point in
 * the run that does not depend on the machine's speed); resolves when the process is gone.
 */
function runAndKill(args: string[], lines: number): Promise<string> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, "bin/imaginecole.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, IMAGINECOLE_TODAY: TODAY },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let seen = 0;
    child.stderr.on("data", (chunk: Buffer) => {
      seen += chunk.toString().split("\n").length - 1;
      if (seen >= lines) child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) => done(signal ?? String(code)));
  });
}

describe("a run killed with SIGKILL", () => {
  it("leaves the warehouse as before the batch in flight; a rerun ends with the counts of a clean run", async () => {
    const dir = tempDir();
    await generateDemo({ outDir: join(dir, "demo"), scale: 0.02, asOf: new Date(`${TODAY}T12:00:00Z`) });
    const config = demoConfig(dir, join(dir, "demo"));

    const cleanDb = join(dir, "clean.duckdb");
    const cleanRun = cli(["run", "--config", config, "--db", cleanDb]);
    expect(cleanRun.code).toBe(3);
    const progressLines = cleanRun.stderr.split("\n").length - 1;
    expect(progressLines).toBeGreaterThan(50);
    const clean = await counts(cleanDb);

    // Each kill lands at another point of a run on its own warehouse, then a rerun completes it.
    let killed = 0;
    for (const fraction of [0.15, 0.35, 0.55, 0.75, 0.95]) {
      const db = join(dir, `killed-${fraction}.duckdb`);
      if ((await runAndKill(["run", "--config", config, "--db", db], Math.round(progressLines * fraction))) === "SIGKILL") killed++;
      const rerun = cli(["run", "--config", config, "--db", db]);
      expect([0, 3], rerun.stdout + rerun.stderr).toContain(rerun.code);
      expect(await counts(db), `killed at ${fraction} of a run`).toEqual(clean);
    }
    expect(killed).toBe(5);
  }, 600_000);
});
