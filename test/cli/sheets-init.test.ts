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
  it("exits 0 once the country's spreadsheet is created, naming it", async () => {
    const r = await cliAsync(["sheets", "init", "--country", "SN", "--config", config, "--db", db]);
    expect(r.code).toBe(0);
    const [id] = [...api.spreadsheets.keys()];
    expect(r.stderr).toContain(`Spreadsheet created: ${id}`);
    expect(r.stdout).toBe(`Spreadsheet created for SN: ${id}\n`);
    expect(api.spreadsheets.get(id!)!.properties.title).toBe("ImaginEcole Sénégal");
  });

  it("exits 1 when the Sheets API refuses, saying what to do", async () => {
    api.faults.push({ status: 403, reason: "permission", times: 10 });
    const r = await cliAsync(["sheets", "init", "--country", "ML", "--config", config, "--db", db]);
    expect(r.stderr).toMatch(/share it with the service account/);
    expect(r.code).toBe(1);
  });

  it("exits 2 without a sheets-api source in the configuration, or without --country", () => {
    const demo = cli(["sheets", "init", "--country", "SN", "--config", demoConfig(dir, join(dir, "no-inputs")), "--db", db]);
    expect(demo.stderr).toMatch(/No "sheets-api" source in the configuration/);
    expect(demo.code).toBe(2);
    expect(cli(["sheets", "init", "--config", config, "--db", db]).code).toBe(2);
  });
});
