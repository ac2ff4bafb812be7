// One demo run for the whole suite: the demo inputs at scale 0.02 and `imaginecole run` on them,
// started by the integration project's global setup (shared-demo.setup.ts) while the first tests
// run, then read by every test that needs a loaded demo warehouse. Nothing writes to it: a test
// that opens the warehouse works on its own copy, and writes its own configuration (own lake).
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { inject } from "vitest";
import type { DemoManifest } from "../../src/demo/generate.ts";
import type { CliResult } from "./cli.ts";

export interface SharedDemoPaths {
  /** The demo inputs, read-only. */
  inputs: string;
  /** The warehouse after the run: copy it (copyOfSharedWarehouse) before opening it. */
  db: string;
  /** Where the run's outcome is written once it has ended. */
  outcome: string;
  manifest: DemoManifest;
  /** The demo's scale: its number of platform users against the full demo's. */
  scale: number;
}

export interface SharedDemo extends SharedDemoPaths {
  /** What `imaginecole run` printed and its exit code. */
  run: CliResult;
  /** The process id of that run. */
  pid: number;
  /** A second run of the same warehouse, started while the first held it. */
  whileRunning: CliResult;
  /** Whether the run's lock file was still there once both had ended. */
  lockLeft: boolean;
}

declare module "vitest" {
  export interface ProvidedContext {
    sharedDemo: SharedDemoPaths;
  }
}

/** The shared demo's inputs and paths, at once: the inputs are written before any test starts. */
export function sharedDemoPaths(): SharedDemoPaths {
  return inject("sharedDemo");
}

/** The shared demo, once its run has ended (it starts with the suite; this waits for it). */
export async function sharedDemo(timeoutMs = 600_000): Promise<SharedDemo> {
  const paths = sharedDemoPaths();
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(paths.outcome)) {
    if (Date.now() > deadline) throw new Error(`the shared demo run did not end within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ...paths, ...(JSON.parse(readFileSync(paths.outcome, "utf8")) as Omit<SharedDemo, keyof SharedDemoPaths>) };
}

/** A copy of the shared demo warehouse at `path`, for a test to open and change. */
export async function copyOfSharedWarehouse(path: string): Promise<string> {
  const { db } = await sharedDemo();
  copyFileSync(db, path);
  return path;
}
