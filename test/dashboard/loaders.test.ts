// The site's data loaders, run once in one process while Framework builds (src/site/loaders.ts):
// the runs Framework would make, the stubs standing in for the loaders, and a failing loader.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ReadOnlyWarehouse } from "../../dashboards/data/lib/warehouse.ts";
import { LOADERS_ONE_PROCESS_ENV } from "../../src/site/loaders-env.ts";
import { findLoaders, loaderRuns, loadersFailed, runLoadersOnce, stubLoaders } from "../../src/site/loaders.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { tempDir } from "../support/cli.ts";

const work = tempDir("imaginecole-loaders-");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A site folder with a plain loader, a parameterized one and a module that is no loader. */
function site(name: string, extra: Record<string, string> = {}): string {
  const root = join(work, name);
  const files: Record<string, string> = {
    // ES modules, as under the project's package.json: each run of a loader is a fresh evaluation.
    "package.json": `{ "type": "module" }\n`,
    "data/lib/shared.ts": "export const twice = (n: number) => 2 * n;\n",
    "data/numbers.json.ts": `import { twice } from "./lib/shared.ts";\nprocess.stdout.write(JSON.stringify([twice(1), twice(2)]));\n`,
    "data/country/[code].json.ts": `import { parseArgs } from "node:util";\nconst { values } = parseArgs({ options: { code: { type: "string" } } });\nprocess.stdout.write(JSON.stringify({ code: values.code, env: process.env.IMAGINECOLE_TEST_LOADERS }));\n`,
    "components/chart.js": "export const chart = 1;\n",
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const values = { code: ["BF", "SN"] };
const sh = (root: string, stub: string) => spawnSync("sh", [join(root, stub)], { encoding: "utf8", timeout: 10_000 });

describe("findLoaders(root) and loaderRuns(loader, values)", () => {
  it("finds the scripts named after an output, and gives each parameterized one a run per value", () => {
    const root = site("find");
    expect(findLoaders(root)).toEqual(["data/country/[code].json.ts", "data/numbers.json.ts"]);
    expect(loaderRuns("data/country/[code].json.ts", values)).toEqual([
      { output: "data/country/BF.json", args: ["--code=BF"] },
      { output: "data/country/SN.json", args: ["--code=SN"] },
    ]);
    expect(() => loaderRuns("data/[year].json.ts", values)).toThrow(/no values known for \[year\]/);
  });
});

describe("runLoadersOnce and stubLoaders", () => {
  it("write each output once, which the stubs print in place of the loaders", async () => {
    const root = site("run");
    const copy = site("run-copy");
    const outputs = join(work, "run-outputs");
    stubLoaders(root, outputs, values);
    expect(findLoaders(root)).toEqual([]);
    await runLoadersOnce(copy, outputs, values, { IMAGINECOLE_TEST_LOADERS: "seen" }, { write: () => true } as unknown as NodeJS.WritableStream);
    expect(JSON.parse(readFileSync(join(outputs, "data/numbers.json"), "utf8"))).toEqual([2, 4]);
    expect(JSON.parse(sh(root, "data/country/SN.json.sh").stdout)).toEqual({ code: "SN", env: "seen" });
    expect(JSON.parse(sh(root, "data/numbers.json.sh").stdout)).toEqual([2, 4]);
  });

  it("keep a failing loader's message, which its stubs print as they fail, and make the other outputs", async () => {
    const broken = { "data/broken.json.ts": `process.stderr.write("no such table mart.nothing\\n");\nprocess.exitCode = 1;\n` };
    const root = site("fail", broken);
    const copy = site("fail-copy", broken);
    const outputs = join(work, "fail-outputs");
    stubLoaders(root, outputs, values);
    await runLoadersOnce(copy, outputs, values, {}, { write: () => true } as unknown as NodeJS.WritableStream);
    const stub = sh(root, "data/broken.json.sh");
    expect(stub.status).not.toBe(0);
    expect(stub.stdout).toBe("");
    expect(stub.stderr).toMatch(/no such table mart\.nothing[\s\S]*data\/broken\.json: the loader data\/broken\.json\.ts failed/);
    expect(JSON.parse(sh(root, "data/numbers.json.sh").stdout)).toEqual([2, 4]);
  });

  it("let the stubs stop waiting when the data never comes", () => {
    const root = site("never");
    const outputs = join(work, "never-outputs");
    stubLoaders(root, outputs, values);
    loadersFailed(outputs);
    expect(existsSync(join(outputs, ".failed"))).toBe(true);
    expect(sh(root, "data/numbers.json.sh").status).not.toBe(0);
  });

  it("give a page loader one stub at its own path, which prints the page for the parameters Framework passes", async () => {
    const page = { "[lang]/index.md.ts": `import { parseArgs } from "node:util";\nconst { values } = parseArgs({ options: { lang: { type: "string" } } });\nprocess.stdout.write(\`# page \${values.lang}\\n\`);\n` };
    const withLang = { ...values, lang: ["fr", "en"] };
    const root = site("page", page);
    const copy = site("page-copy", page);
    const outputs = join(work, "page-outputs");
    stubLoaders(root, outputs, withLang);
    expect(existsSync(join(root, "[lang]/index.md.sh"))).toBe(true);
    expect(existsSync(join(root, "en/index.md.sh"))).toBe(false);
    await runLoadersOnce(copy, outputs, withLang, {}, { write: () => true } as unknown as NodeJS.WritableStream);
    const run = (arg: string) => spawnSync("sh", [join(root, "[lang]/index.md.sh"), arg], { encoding: "utf8", timeout: 10_000 });
    expect(run("--lang=en").stdout).toBe("# page en\n");
    expect(run("--lang=fr").stdout).toBe("# page fr\n");
    const odd = run("--lang=../../etc");
    expect(odd.status).not.toBe(0);
    expect(odd.stderr).toMatch(/unexpected parameter --lang=\.\.\/\.\.\/etc/);
  });
});

describe("ReadOnlyWarehouse.query in the loaders' one process", () => {
  const db = join(work, "answers.duckdb");
  const reads = vi.spyOn(Warehouse.prototype, "read");
  /** The reads of a loader's SQL file (opening a warehouse read-only reads it too, by a string). */
  const fileReads = () => reads.mock.calls.filter(([sql]) => typeof sql !== "string").length;
  afterAll(() => {
    // The opening shared by the loaders of a process lasts as long as it: closed here by hand.
    for (const warehouse of new Set(reads.mock.contexts as Warehouse[])) warehouse.close();
    reads.mockRestore();
    delete process.env[LOADERS_ONE_PROCESS_ENV];
  });

  it("asks the warehouse once for the same query and parameters, and gives each caller rows of its own", async () => {
    const w = await Warehouse.open(db);
    await w.run("INSERT INTO core.countries (country_code, iso3, iso_numeric, name_fr, name_en) VALUES ('BF', 'BFA', '854', 'Burkina Faso', 'Burkina Faso')");
    w.close();
    reads.mockClear();
    const alone = await ReadOnlyWarehouse.open(db);
    await alone.query("countries");
    await alone.query("countries");
    alone.close();
    expect(fileReads(), "a loader run by itself reads each time").toBe(2);

    reads.mockClear();
    process.env[LOADERS_ONE_PROCESS_ENV] = "1";
    const first = await ReadOnlyWarehouse.open(db);
    const rows = await first.query<{ country_code: string; name_fr: string }>("countries");
    rows[0]!.name_fr = "changed by the first loader";
    const second = await ReadOnlyWarehouse.open(db);
    expect(await second.query("countries")).toEqual([expect.objectContaining({ country_code: "BF", name_fr: "Burkina Faso" })]);
    await second.query("rejects", { country: "BF", limit: 5 });
    await second.query("rejects", { country: "SN", limit: 5 });
    expect(fileReads()).toBe(3);
  });
});
