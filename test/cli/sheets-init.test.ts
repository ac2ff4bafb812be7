// `imaginecole sheets init`: against the Sheets API stand-in (the command runs in its own
// process, so the stand-in answers while the test waits), and its usage errors.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, cliAsync, demoConfig, tempDir } from "../support/cli.ts";
import { startSheetsApi, type SheetsApiStandIn } from "../stand-ins/sheets-api.ts";
import { fakeServiceAccount } from "../sources/sheets/helpers.ts";

const dir = tempDir("imaginecole-cli-sheets-");
const db = join(dir, "w.duckdb");
let api: SheetsApiStandIn;
let config: string;

/** The demo configuration with its sources replaced by one sheets-api source on the stand-in. */
function sheetsConfig(rootUrl: string): string {
  const demo = JSON.parse(readFileSync(demoConfig(dir, join(dir, "no-inputs")), "utf8")) as { sources: { kind: string }[] };
  demo.sources = [
    ...demo.sources.filter((s) => s.kind === "reference"),
    { kind: "sheets-api", name: "country-sheets", spreadsheets: {}, keyFileEnv: fakeServiceAccount(dir), rootUrl } as { kind: string },
  ];
  const path = join(dir, "sheets.json");
  writeFileSync(path, JSON.stringify(demo, null, 2));
  return path;
}

beforeAll(async () => {
  api = await startSheetsApi();
  config = sheetsConfig(api.url);
});
afterAll(() => api?.close());

describe("imaginecole sheets init", () => {
  it("exits 0 once the template is laid out in the team's spreadsheet, printing its address and the configuration line; twice, the same", async () => {
    api.addSpreadsheet("gn-team-0001", "Suivi Guinée", { "Feuille 1": [] });
    const args = ["sheets", "init", "--country", "Guinée", "--spreadsheet", "https://docs.google.com/spreadsheets/d/gn-team-0001/edit", "--config", config, "--db", db, "--lang", "en"];
    const r = await cliAsync(args);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Template laid out for GN: https://docs.google.com/spreadsheets/d/gn-team-0001/edit\nAdd to the source "country-sheets" of the configuration: "spreadsheets": { "GN": "gn-team-0001" }\n');
    // The layout, not Drive's modifiedTime, which every write moves.
    const layoutOf = () => JSON.stringify({ ...api.spreadsheets.get("gn-team-0001"), modifiedTime: undefined });
    const layout = layoutOf();
    expect((await cliAsync(args)).stdout).toBe(r.stdout);
    expect(layoutOf()).toBe(layout);
    expect([...api.spreadsheets.keys()]).toEqual(["gn-team-0001"]);
  });

  it("exits 1 when the Sheets API refuses, naming the service account to share with", async () => {
    api.faults.push({ status: 403, reason: "permission", times: 10 });
    const r = await cliAsync(["sheets", "init", "--country", "ML", "--spreadsheet", "ml-0001", "--config", config, "--db", db, "--lang", "en"]);
    expect(r.stderr).toMatch(/share it with the service account imaginecole-sync@imaginecole-test\.iam\.gserviceaccount\.com as Editor/);
    expect(r.code).toBe(1);
  });

  it("exits 2 without a spreadsheet to work in, for a country outside the programme, without a sheets-api source, or without --country", () => {
    const none = cli(["sheets", "init", "--country", "SN", "--config", config, "--db", db, "--lang", "en"]);
    expect(none.stderr).toMatch(/create an empty Google spreadsheet with your account, share it with imaginecole-sync@/);
    expect(none.code).toBe(2);
    const zz = cli(["sheets", "init", "--country", "ZZ", "--spreadsheet", "x", "--config", config, "--db", db, "--lang", "en"]);
    expect(zz.stderr).toMatch(/Unknown country "ZZ" \(--country\): did you mean [A-Z]{2} /);
    expect(zz.code).toBe(2);
    const demo = cli(["sheets", "init", "--country", "SN", "--config", demoConfig(dir, join(dir, "no-inputs")), "--db", db]);
    expect(demo.stderr).toMatch(/No "sheets-api" source in the configuration/);
    expect(demo.code).toBe(2);
    expect(cli(["sheets", "init", "--config", config, "--db", db]).code).toBe(2);
  });
});

describe("imaginecole sheets template, then import", () => {
  it("writes the offline template, which imports with zero rejects; an unknown --country is refused with a suggestion", () => {
    const out = join(dir, "modele-gn.xlsx");
    const r = cli(["sheets", "template", "--country", "GN", "--out", out, "--config", config, "--db", db, "--lang", "en"]);
    expect(r.stdout).toBe(`Offline template for GN: ${out}\nOnce filled in: imaginecole import ${out} --source sheet --country GN\n`);
    expect(r.code).toBe(0);
    const imported = cli(["import", out, "--source", "sheet", "--country", "Guinea", "--config", config, "--db", db, "--lang", "en"]);
    expect(imported.code).toBe(0);
    const zz = cli(["import", out, "--source", "sheet", "--country", "ZZ", "--config", config, "--db", db, "--lang", "en"]);
    expect(zz.stderr).toMatch(/Unknown country "ZZ" \(--country\): did you mean [A-Z]{2} \(.+\)\? Give the two-letter ISO code/);
    expect(zz.code).toBe(2);
  });
});
