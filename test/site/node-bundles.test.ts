// The libraries of the site bundled ahead of a build that starts before its data (npm start), with
// Framework's own bundler, kept for the builds after it (src/site/node-bundles.ts).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clientLibraries, prepareNodeBundles } from "../../src/site/node-bundles.ts";
import { ROOT } from "../support/cli.ts";

// Under the project, as a build's copy is: the libraries resolve from its node_modules.
mkdirSync(join(ROOT, "dashboards", ".observablehq"), { recursive: true });
const work = mkdtempSync(join(ROOT, "dashboards", ".observablehq", "test-node-bundles-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("clientLibraries(root) and prepareNodeBundles(root)", () => {
  const root = join(work, "dashboards");
  const kept = join(work, "kept");
  mkdirSync(join(root, "components"), { recursive: true });
  writeFileSync(join(root, "components", "map.js"), `import { geoPath } from "d3-geo";\nimport { t } from "imaginecole/core";\nimport { x } from "./local.js";\n`);
  writeFileSync(join(root, "components", "chart.ts"), `import * as Plot from "@observablehq/plot";\n`);

  it("names the libraries the browser code imports, not the project's own, local files or TypeScript helpers", () => {
    expect(clientLibraries(root)).toEqual(["d3-geo"]);
  });

  it("bundles those no build kept, keeps them with what they import, and copies them into the site's copy", async () => {
    await prepareNodeBundles(root, kept);
    const libraries = readdirSync(kept);
    expect(libraries.map((l) => l.replace(/@[^@]+$/, ""))).toEqual(expect.arrayContaining(["d3-geo", "d3-array"]));
    expect(libraries, "a TypeScript helper's import").not.toContain("@observablehq");
    const geo = readdirSync(kept).find((l) => l.startsWith("d3-geo@"))!;
    expect(existsSync(join(root, ".observablehq", "cache", "_node", geo, "index.js"))).toBe(true);

    // Kept already: nothing is bundled again.
    rmSync(join(work, "node-bundles"), { recursive: true, force: true });
    await prepareNodeBundles(root, kept);
    expect(existsSync(join(work, "node-bundles"))).toBe(false);
  }, 60_000);
});
