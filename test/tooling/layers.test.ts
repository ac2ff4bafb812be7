// The layering rules of .dependency-cruiser.cjs, run the way `npm run depcheck` runs them: the
// project's own tree passes, and a small tree that breaks each rule on purpose fails on each.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../support/cli.ts";

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

const DEPCRUISE = join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

/** The violations depcruise finds in `paths` under `cwd`, with the project's rule file. */
function cruise(cwd: string, paths: string[]): Violation[] {
  const r = spawnSync(process.execPath, [DEPCRUISE, ...paths, "--config", join(ROOT, ".dependency-cruiser.cjs"), "--output-type", "json"], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!r.stdout) throw new Error(`depcruise printed nothing (status ${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const fixture = tempDir("imaginecole-layers-");
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(fixture, path)), { recursive: true });
  writeFileSync(join(fixture, path), text);
}

describe("the layering rules (.dependency-cruiser.cjs)", () => {
  it("pass on the project's own tree", () => {
    expect(cruise(ROOT, ["src", "dashboards", "scripts", "observablehq.config.ts"])).toEqual([]);
  });

  it("fail on an upward import, a cycle, src importing test/, a folder on no floor, and browser code reaching Node", () => {
    copyFileSync(join(ROOT, "tsconfig.json"), join(fixture, "tsconfig.json"));
    symlinkSync(join(ROOT, "node_modules"), join(fixture, "node_modules"));
    write("src/core/label.ts", `import { run } from "../cli/main.ts";\nexport const label = run;\n`);
    write("src/cli/main.ts", `import { other } from "./other.ts";\nexport const run = () => other;\n`);
    write("src/cli/other.ts", `import { run } from "./main.ts";\nimport { fake } from "../../test/fake.ts";\nexport const other = [run, fake];\n`);
    write("src/cli/new.ts", `import { thing } from "../nowhere/thing.ts";\nexport const used = thing;\n`);
    write("src/nowhere/thing.ts", "export const thing = 1;\n");
    write("src/warehouse/file.ts", `import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n`);
    write("src/core/format.ts", `import { DuckDBInstance } from "@duckdb/node-api";\nimport { read } from "../warehouse/file.ts";\nexport const f = [DuckDBInstance, read];\n`);
    write("dashboards/components/chart.js", `import { f } from "../../src/core/format.ts";\nimport { read } from "../../src/warehouse/file.ts";\nexport const chart = [f, read];\n`);
    write("test/fake.ts", "export const fake = 1;\n");
    // A file with a floor of its own, below its folder's: it may not import its folder's other files.
    write("src/config/issues.ts", `import { load } from "./pipelines.ts";\nexport const said = load;\n`);
    write("src/config/pipelines.ts", `import { x } from "../sources/x.ts";\nexport const load = x;\n`);
    write("src/sources/x.ts", `import { said } from "../config/issues.ts";\nexport const x = () => said;\n`);

    const found = cruise(fixture, ["src", "dashboards"]).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found.sort()).toEqual([
      "browser-imports-only-core: dashboards/components/chart.js → src/warehouse/file.ts",
      "browser-no-node-builtins: dashboards/components/chart.js → fs",
      "browser-no-node-packages: dashboards/components/chart.js → node_modules/@duckdb/node-api/lib/index.js",
      "floor-0-looks-up: src/core/format.ts → src/warehouse/file.ts",
      "floor-0-looks-up: src/core/label.ts → src/cli/main.ts",
      "floor-3-looks-up: src/config/issues.ts → src/config/pipelines.ts",
      "no-circular: src/cli/main.ts → src/cli/other.ts",
      "no-circular: src/config/issues.ts → src/config/pipelines.ts",
      "src-folder-on-a-floor: src/cli/new.ts → src/nowhere/thing.ts",
      "src-not-to-test-or-scripts: src/cli/other.ts → test/fake.ts",
    ]);
  });
});
