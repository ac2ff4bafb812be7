// Global setup of the integration project: generates the demo inputs and starts the shared demo
// run in the background (see shared-demo.ts), so the tests that need it wait only for what is left.
// While that run holds the warehouse, a second run of the same warehouse is started: what it did
// is kept with the outcome, for the test of two runs at once (test/pipeline/concurrent-runs.test.ts).
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { generateDemo } from "../../src/demo/generate.ts";
import { type CliResult, cliInBackground, demoConfig, tempDir, TODAY } from "./cli.ts";

const SCALE = 0.02;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = tempDir("imaginecole-shared-demo-");
  const inputs = join(dir, "demo");
  const manifest = await generateDemo({ outDir: inputs, scale: SCALE, asOf: new Date(`${TODAY}T12:00:00Z`) });
  const db = join(dir, "warehouse.duckdb");
  const lock = `${db}.run.lock`;
  const outcome = join(dir, "run.json");
  const config = demoConfig(dir, inputs);
  const { child, done } = cliInBackground(["run", "--config", config, "--db", db]);
  const second = (async (): Promise<CliResult> => {
    while (!existsSync(lock) && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
    return cliInBackground(["run", "--config", config, "--db", db]).done;
  })();
  const finished = Promise.all([done, second]).then(([run, whileRunning]) =>
    writeFileSync(outcome, JSON.stringify({ run, pid: child.pid, whileRunning, lockLeft: existsSync(lock) })),
  );
  project.provide("sharedDemo", { inputs, db, outcome, manifest, scale: SCALE });
  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await finished.catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
}
