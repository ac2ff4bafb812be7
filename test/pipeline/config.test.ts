import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadConfig } from "../../src/config/pipelines.ts";
import { cli, ROOT, tempDir } from "../support/cli.ts";

const KINDS = ["xapi-files", "xapi-lrs", "moodle-log-files", "sheet-files", "sheets-api", "national-csv"];

describe("pipelines configurations", () => {
  it("the production example is not a demo and uses only source kinds the pipeline runs", () => {
    const { config } = loadConfig(ROOT, join(ROOT, "pipelines/production.example.json"));
    expect(config.demo).toBe(false);
    expect(config.sources.length).toBeGreaterThanOrEqual(4);
    for (const source of config.sources) expect(KINDS, source.name).toContain(source.kind);
  });

  it("refuses a production run without a pseudonymisation key, saying which variable to set", () => {
    const r = cli(["run", "--config", "pipelines/production.example.json", "--db", join(tempDir(), "w.duckdb")], {
      IMAGINECOLE_HASH_KEY: "",
      IMAGINECOLE_HASH_KEY_FILE: "",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/IMAGINECOLE_HASH_KEY/);
  });

  it("refuses --only with a source the configuration does not have, listing the configured ones", () => {
    const r = cli(["run", "--only", "nope", "--db", join(tempDir(), "w.duckdb")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown source nope\. Configured sources: regional-platform \(xapi-files\)/);
  });

  it("rejects a configuration file that does not exist, naming it and the option to use", () => {
    expect(() => loadConfig(ROOT, "pipelines/nope.json")).toThrow(/nope\.json.*--config/);
  });
});
