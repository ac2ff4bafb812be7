import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonPath } from "../../src/config/issues.ts";
import { loadConfig, parseConfig } from "../../src/config/pipelines.ts";
import { EXIT, ImaginEcoleError } from "../../src/core/errors.ts";
import { KIND_NAMES } from "../../src/sources/registry.ts";
import { cli, ROOT, tempDir } from "../support/cli.ts";

const KINDS = KIND_NAMES;

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

/** A shipped configuration as JSON, to break on purpose. */
function shipped(name: "demo" | "production.example"): { sources: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, `pipelines/${name}.json`), "utf8"));
}

/** The error parseConfig throws for `json`, which must be a usage error in both languages. */
function refusal(json: unknown): ImaginEcoleError {
  let thrown: unknown;
  try {
    parseConfig(json, "broken.json");
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ImaginEcoleError);
  const error = thrown as ImaginEcoleError;
  expect(error.exitCode).toBe(EXIT.usage);
  expect(error.bilingual.fr).toMatch(/^Configuration invalide \(broken\.json\) :/);
  expect(error.bilingual.en).toMatch(/^Invalid configuration \(broken\.json\):/);
  return error;
}

describe("configuration checked against the kinds' schemas when loaded", () => {
  it("loads both shipped configurations, the country reference first among their sources", () => {
    for (const name of ["demo", "production.example"]) {
      const { config } = loadConfig(ROOT, join(ROOT, `pipelines/${name}.json`));
      expect(config.sources[0], name).toMatchObject({ kind: "reference", path: "pipelines/reference/countries.csv" });
      expect(config.phase).toEqual({ start: "2025-05-01", end: "2027-12-31" });
    }
  });

  it("writes paths as JSON paths, quoting keys that are not names", () => {
    expect(jsonPath(["sources", 2, "spreadsheets", "GN"])).toBe("sources[2].spreadsheets.GN");
    expect(jsonPath(["sources", 0, "country", 1, "map", "ci.example org"])).toBe('sources[0].country[1].map["ci.example org"]');
    expect(jsonPath([])).toBe("");
  });

  it("refuses a wrong type deep in a source, naming its JSON path and what is expected, in French and English", () => {
    const json = shipped("production.example");
    const index = json.sources.findIndex((s) => s.kind === "sheets-api");
    (json.sources[index]!.spreadsheets as Record<string, unknown>).GN = 42;
    const error = refusal(json);
    expect(error.bilingual.en).toContain(`sources[${index}].spreadsheets.GN: expected a string, not 42`);
    expect(error.bilingual.fr).toContain(`sources[${index}].spreadsheets.GN : un texte attendu, pas 42`);
  });

  it("names every problem at once, each at its own path", () => {
    const json = shipped("production.example");
    const lrs = json.sources.findIndex((s) => s.kind === "xapi-lrs");
    const moodle = json.sources.findIndex((s) => s.kind === "moodle-log-files");
    Object.assign(json.sources[lrs]!, { pageSize: "500", endpoint: "lrs.example.org" });
    (json.sources[lrs]!.country as unknown[]).push({ from: "guess" });
    Object.assign(json.sources[moodle]!, { timezone: "Africa/Atlantis", schedule: "61 * * * *" });
    (json.phase as Record<string, string>).end = "2027-02-30";
    const lines = refusal(json).bilingual.en.split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        "  phase.end: expected a date YYYY-MM-DD (e.g. 2025-05-01)",
        `  sources[${lrs}].pageSize: expected a number, not "500"`,
        `  sources[${lrs}].endpoint: expected an http(s) address (e.g. https://lrs.example.org/xapi)`,
        `  sources[${lrs}].country[2].from: expected one of "extension", "platform", "activity", "homepage", "fixed", not "guess"`,
        `  sources[${moodle}].timezone: expected an IANA time zone (e.g. Africa/Abidjan, Africa/Dakar, Africa/Douala)`,
        `  sources[${moodle}].schedule: expected a cron expression, five fields (e.g. "15 * * * *"): Invalid value for minute: 61`,
      ]),
    );
  });

  it("refuses an unknown kind of source, naming the known ones", () => {
    const json = shipped("demo");
    json.sources.push({ kind: "xapi-file", name: "typo", path: "data/x" });
    const error = refusal(json);
    const at = `sources[${json.sources.length - 1}].kind`;
    expect(error.bilingual.en).toContain(`${at}: unknown kind of source "xapi-file"; known kinds: ${KIND_NAMES.join(", ")}`);
    expect(error.bilingual.fr).toContain(`${at} : type de source inconnu "xapi-file" ; types connus : ${KIND_NAMES.join(", ")}`);
  });

  it("refuses a misspelt setting rather than ignoring it, listing the kind's settings", () => {
    const json = shipped("demo");
    const index = json.sources.findIndex((s) => s.kind === "national-csv");
    json.sources[index]!.archve = "data/archive";
    expect(refusal(json).bilingual.en).toMatch(
      new RegExp(`sources\\[${index}\\]\\.archve: unknown setting for a "national-csv" source; its settings: .*inbox, archive, profiles`),
    );
  });

  it("refuses two sources with one name, and a configuration without the country reference", () => {
    const json = shipped("demo");
    json.sources[2]!.name = json.sources[1]!.name;
    expect(refusal(json).bilingual.en).toContain("sources[2].name: name already used by sources[1]");
    const noReference = shipped("demo");
    noReference.sources = noReference.sources.filter((s) => s.kind !== "reference");
    expect(refusal(noReference).bilingual.en).toContain('  sources: no "reference" source: it is loaded first on every run, add one');
  });

  it("tells a configuration written before the reference was a source what to change", () => {
    const json = shipped("demo");
    json.countries = "pipelines/reference/countries.csv";
    expect(refusal(json).bilingual.en).toContain('  countries: the country reference is now a source: replace "countries" with the entry');
  });

  it("stops the command line with exit code 2 and the path, before opening the warehouse", () => {
    const dir = tempDir();
    const json = shipped("demo");
    json.sources[1]!.country = "SN";
    const config = join(dir, "pipelines.json");
    writeFileSync(config, JSON.stringify(json));
    const r = cli(["run", "--config", config, "--db", join(dir, "w.duckdb")], { IMAGINECOLE_LANG: "fr" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sources[1].country : une liste [ … ] attendue, pas "SN"');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(join(dir, "w.duckdb"))).toBe(false);
  });
});
