// Global setup of the integration project: generates the demo inputs and starts the shared demo
// run in the background (see shared-demo.ts), so the tests that need it wait only for what is left.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { generateDemo } from "../../src/demo/generate.ts";
import { cliInBackground, demoConfig, tempDir, TODAY } from "./cli.ts";

const SCALE = 0.02;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = tempDir("imaginecole-shared-demo-");
  const inputs = join(dir, "demo");
  const manifest = await generateDemo({ outDir: inputs, scale: SCALE, asOf: new Date(`${TODAY}T12:00:00Z`) });
  const db = join(dir, "warehouse.duckdb");
  const outcome = join(dir, "run.json");
  const { child, done } = cliInBackground(["run", "--config", demoConfig(dir, inputs), "--db", db]);
  const finished = done.then((result) => writeFileSync(outcome, JSON.stringify(result)));
  project.provide("sharedDemo", { inputs, db, outcome, manifest, scale: SCALE });
  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await finished.catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
}
