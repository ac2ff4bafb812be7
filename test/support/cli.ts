import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const TODAY = "2026-11-28";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command line, as a user would, in a child process. */
export function cli(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/imaginecole.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: cliEnv(env),
    timeout: 300_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking this process: for a command that talks to a server the test runs. */
export function cliAsync(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return cliInBackground(args, env).done;
}

/** The same again, with the child process: the suite's setup starts a run and goes on meanwhile. */
export function cliInBackground(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [join(ROOT, "bin/imaginecole.js"), ...args], { cwd: ROOT, env: cliEnv(env), timeout: 300_000 });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  return { child, done };
}

/**
 * The tests' inputs are demo data generated into temporary folders, not the bundled data/demo,
 * so the public demo key may not hash them: they get a key of their own, as real data would.
 */
export const TEST_HASH_KEY = "imaginecole-test-key";

function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, IMAGINECOLE_TODAY: TODAY, IMAGINECOLE_LANG: "en", IMAGINECOLE_HASH_KEY: TEST_HASH_KEY, ...env };
}

export function tempDir(prefix = "imaginecole-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The bundled demo configuration, pointed at demo inputs generated into `inputs`. */
export function demoConfig(dir: string, inputs: string): string {
  const config = JSON.parse(readFileSync(join(ROOT, "pipelines/demo.json"), "utf8"));
  delete config.demoInputs;
  config.lake = join(dir, "lake");
  for (const source of config.sources) {
    if (source.kind === "reference") source.path = join(ROOT, source.path);
    for (const key of ["path", "inbox"]) {
      if (typeof source[key] === "string") source[key] = source[key].replace(/^data\/demo/, inputs);
    }
    if (typeof source.profiles === "string") source.profiles = join(ROOT, source.profiles);
  }
  const path = join(dir, "pipelines.json");
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}
