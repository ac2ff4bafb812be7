import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { generateDemo } from "../../src/demo/generate.ts";
import { cli, demoConfig, ROOT, tempDir, TODAY } from "../support/cli.ts";

describe("two runs of one warehouse at once", () => {
  it("the second exits 2 naming the run in progress, and the first completes", async () => {
    const dir = tempDir();
    await generateDemo({ outDir: join(dir, "demo"), scale: 0.02, asOf: new Date(`${TODAY}T12:00:00Z`) });
    const config = demoConfig(dir, join(dir, "demo"));
    const db = join(dir, "w.duckdb");

    const first = spawn(process.execPath, [join(ROOT, "bin/imaginecole.js"), "run", "--config", config, "--db", db], {
      cwd: ROOT,
      env: { ...process.env, IMAGINECOLE_TODAY: TODAY },
      stdio: "ignore",
    });
    const firstExit = new Promise<number | null>((done) => first.on("exit", (code) => done(code)));
    while (!existsSync(`${db}.run.lock`)) await new Promise((r) => setTimeout(r, 50));

    const second = cli(["run", "--config", config, "--db", db]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`Another run is in progress \\(process ${first.pid}`));

    expect(await firstExit).toBe(3);
    expect(existsSync(`${db}.run.lock`)).toBe(false);
  }, 300_000);
});
