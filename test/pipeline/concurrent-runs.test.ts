import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { cli, demoConfig, ROOT, tempDir, TODAY } from "../support/cli.ts";
import { sharedDemoPaths } from "../support/shared-demo.ts";

describe("two runs of one warehouse at once", () => {
  it("the second exits 2 naming the run in progress, and the first completes", async () => {
    const dir = tempDir();
    const config = demoConfig(dir, sharedDemoPaths().inputs);
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
