import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { generateDemo, type DemoManifest } from "../../../src/demo/generate.ts";
import { loadCountries } from "../../../src/sources/reference/countries.ts";
import { runXapiFiles } from "../../../src/sources/xapi/index.ts";
import { readFileSync } from "node:fs";
import type { PipelinesConfig } from "../../../src/config/pipelines.ts";
import type { XapiFilesSource } from "../../../src/sources/xapi/settings.ts";
import { allText, count, openTestWarehouse, type TestWarehouse } from "./helpers.ts";

let t: TestWarehouse;
let manifest: DemoManifest;
const demoConfig = JSON.parse(readFileSync(join(import.meta.dirname, "../../../pipelines/demo.json"), "utf8")) as PipelinesConfig;
const configured = demoConfig.sources.find((s): s is XapiFilesSource => s.kind === "xapi-files")!;

beforeAll(async () => {
  t = await openTestWarehouse();
  manifest = await generateDemo({ outDir: join(t.dir, "data/demo"), scale: 0.02, asOf: new Date("2026-11-28T00:00:00Z") });
  await loadCountries(t.ctx, join(import.meta.dirname, "../../../pipelines/reference/countries.csv"));
  await runXapiFiles(t.ctx, configured);
});
afterAll(() => t.close());

describe("runXapiFiles(ctx, demo source)", () => {
  it("loads the demo statements with the configured rules into exactly the events the generator expects", async () => {
    expect(configured.path).toBe("data/demo/xapi");
    expect(await count(t.ctx, "core.usage_events")).toBe(manifest.xapi.expectedEvents);
    expect(await count(t.ctx, "core.voided_events")).toBe(manifest.xapi.voids.length);
  });

  it("rejects the generator's bad statements at the lines it reports, and nothing else", async () => {
    const rejects = await t.ctx.warehouse.all<{ location: string }>("SELECT location FROM ops.rejects ORDER BY location");
    const expected = manifest.xapi.bad.map((b) => `data/demo/xapi/${b.file}:${b.line}`).sort();
    expect(rejects.map((r) => r.location)).toEqual(expected);
  });

  it("keeps none of the names, e-mails and logins written into the demo files", async () => {
    const text = await allText(t.ctx);
    expect(manifest.personal.length).toBeGreaterThan(10);
    expect(manifest.personal.filter((p) => text.includes(p))).toEqual([]);
  });
});
