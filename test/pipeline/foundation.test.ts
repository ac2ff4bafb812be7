import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { join } from "node:path";
import { parseConfig, type PipelinesConfig } from "../../src/config/pipelines.ts";
import { runPipelines, selectSources } from "../../src/pipeline/run.ts";
import { openTestContext, type TestContext } from "../support/context.ts";
import { ROOT } from "../support/cli.ts";

/** The country reference and a national drop folder that does not exist (a source that reads nothing). */
function config(referencePath: string): PipelinesConfig {
  return parseConfig(
    {
      demo: true,
      phase: { start: "2025-05-01", end: "2027-12-31" },
      sources: [
        { kind: "national-csv", name: "national-platforms", inbox: "no-inbox", profiles: join(ROOT, "pipelines/profiles/national") },
        { kind: "reference", name: "countries", path: referencePath },
      ],
    },
    "test.json",
  );
}

let t: TestContext;
beforeEach(async () => (t = await openTestContext({ dryRun: true })));
afterEach(() => t.close());

describe("the country reference, a source loaded first on every run", () => {
  it("runs before the other sources, wherever it is listed and whatever --only names", async () => {
    const outcome = await runPipelines(t.ctx, config(join(ROOT, "pipelines/reference/countries.csv")), { only: ["national-platforms"] });
    expect(outcome.sources.map((s) => s.kind)).toEqual(["reference", "national-csv"]);
    expect(outcome.sources[0]!.results).toMatchObject([{ source: "reference", status: "loaded", rowsLoaded: 10 }]);
  });

  it("is not among the sources --only chooses from, and naming it is no error", () => {
    const sources = config("pipelines/reference/countries.csv").sources;
    expect(selectSources(sources, undefined).map((s) => s.name)).toEqual(["national-platforms"]);
    expect(selectSources(sources, ["countries"])).toEqual([]);
    expect(() => selectSources(sources, ["nope"])).toThrow(/Configured sources: national-platforms \(national-csv\)\.$/);
  });

  it("stops the run when it cannot be read, saying which file, since the others check against it", async () => {
    const outcome = await runPipelines(t.ctx, config("pipelines/reference/missing.csv"));
    expect(outcome.sources.map((s) => s.kind)).toEqual(["reference"]);
    expect(outcome.sources[0]!.error).toMatch(/^Country reference not found: .*missing\.csv\. Check the "path" of the source countries/);
    expect(outcome.martRebuilt).toBe(false);
  });
});
