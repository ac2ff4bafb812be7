import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IatiSettings } from "../../src/config/iati.ts";
import { parseConfig } from "../../src/config/pipelines.ts";
import { exportSnapshot } from "../../src/export/index.ts";
import type { Warehouse } from "../../src/warehouse/warehouse.ts";
import { ROOT } from "../support/cli.ts";
import { fixtureWarehouse, tempDir } from "./fixture.ts";

/** The official IATI 2.03 schema, shared with the project (tests read it; the product never does). */
const SCHEMA = join(ROOT, "../shared/fixtures/real/iati/iati-activities-schema.xsd");
const SETTINGS: IatiSettings = {
  activityId: "XM-DAC-41304-IMAGINECOLE",
  reportingOrg: { ref: "XM-DAC-41304", type: "40", name: "UNESCO & partners" },
  participatingOrgs: [{ ref: "XM-DAC-41304", role: "4", type: "40", name: "UNESCO Dakar" }, { role: "1", name: "Global Partnership for Education" }],
};

let dir: string;
let warehouse: Warehouse;
let xml: string;
let file: string;

beforeAll(async () => {
  dir = tempDir();
  warehouse = await fixtureWarehouse(dir);
  const { files, failures } = await exportSnapshot(warehouse, { asOf: "2026-10-31", outDir: join(dir, "out"), formats: ["iati"], lang: "fr", version: "0.1.0", iati: SETTINGS });
  expect(failures).toEqual([]);
  file = files.find((f) => f.endsWith("-iati.xml"))!;
  xml = readFileSync(file, "utf8");
});
afterAll(() => warehouse.close());

describe("exportSnapshot(warehouse, { formats: ['iati'] })", () => {
  it("writes an IATI 2.03 activity file that validates against the official schema", () => {
    const check = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
    expect(check.stderr.trim()).toBe(`${file} validates`);
    expect(check.status).toBe(0);
  });

  it("takes the activity and organisation identifiers from the configuration, escaped", () => {
    expect(xml).toContain("<iati-identifier>XM-DAC-41304-IMAGINECOLE</iati-identifier>");
    expect(xml).toContain('<reporting-org ref="XM-DAC-41304" type="40">\n      <narrative>UNESCO &amp; partners</narrative>');
    expect(xml).toContain('<participating-org role="1">\n      <narrative>Global Partnership for Education</narrative>');
    expect(xml).toContain('<activity-date type="2" iso-date="2025-06-01"/>');
  });

  it("gives each indicator its baseline, and per quarter its targets and actuals for all countries and per country", () => {
    const trainers = xml.slice(xml.indexOf('<reference vocabulary="99" code="trainers_trained"/>'), xml.indexOf("</indicator>", xml.indexOf('code="trainers_trained"')));
    expect(trainers).toContain('<baseline year="2024" value="0">\n          <dimension name="country" value="SN"/>');
    expect(trainers).toContain('<period-start iso-date="2026-07-01"/>\n          <period-end iso-date="2026-09-30"/>');
    expect(trainers).toContain('<target value="40">\n            <dimension name="country" value="SN"/>');
    // A cumulative indicator's actual is its running total, so it compares with the cumulative target.
    expect(trainers).toMatch(/<actual value="30">\s*<dimension name="country" value="SN"\/>\s*<comment>\s*<narrative>Cumul depuis le début de la phase.<\/narrative>/);
    // Indicators with no quarterly figure (only the phase to date) have no result.
    expect(xml).not.toContain('code="publication_lead_time_days"');
    expect(xml.match(/<result /g)).toHaveLength(1);
  });

  it("cites the snapshot", () => {
    expect(xml.split("\n")[1]).toMatch(/^<!-- Indicateurs ImaginEcole, instantané 2026-10-31, produit le 28\/11\/2026, manifeste sha256 [0-9a-f]{64} -->$/);
  });
});

describe("the configuration's iati section", () => {
  const base = JSON.parse(readFileSync(join(ROOT, "pipelines/demo.json"), "utf8")) as Record<string, unknown>;

  it("is read from the bundled demo configuration", () => {
    expect(parseConfig(base, "demo.json").iati?.activityId).toBe("XM-DAC-41304-IMAGINECOLE");
  });

  it("refuses an organisation identifier that is not one, naming the path in both languages", () => {
    const broken = { ...base, iati: { activityId: "A 1", reportingOrg: { ref: "UNESCO", type: "forty", name: "UNESCO" } } };
    const error = (() => {
      try {
        parseConfig(broken, "x.json");
      } catch (e) {
        return e as { bilingual: { fr: string; en: string }; exitCode: number };
      }
    })()!;
    expect(error.exitCode).toBe(2);
    expect(error.bilingual.en).toContain("iati.activityId: without spaces");
    expect(error.bilingual.en).toContain("iati.reportingOrg.ref: expected an IATI organisation identifier (e.g. XM-DAC-41304)");
    expect(error.bilingual.fr).toContain("iati.reportingOrg.type : code de type d'organisation IATI attendu (ex. 40)");
  });
});
