import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// Three projects, run together by `npm test` (`npx vitest run --project unit` for a quick loop):
// - unit: pure code and in-memory warehouses;
// - integration: what needs more than memory: a warehouse file, the command line or another
//   process, HTTP stand-ins, nginx, Chromium printing, the shared demo run (test/support/shared-demo.ts);
// - browser: the built dashboard in headless Chromium.
const BROWSER = ["test/dashboard/site.test.ts", "test/dashboard/layout.test.ts"];
const INTEGRATION = [
  "test/bench/**/*.test.ts",
  "test/cli/**/*.test.ts",
  "test/coordinator/coordinator.test.ts",
  "test/core/labels.test.ts",
  "test/dashboard/loaders.test.ts",
  "test/dashboard/serve.test.ts",
  "test/export/demo-period.test.ts",
  "test/export/pdf.test.ts",
  "test/export/snapshot.test.ts",
  "test/lake/**/*.test.ts",
  "test/mart/demo-scenario.test.ts",
  "test/pipeline/**/*.test.ts",
  "test/privacy/**/*.test.ts",
  "test/schedule/**/*.test.ts",
  "test/site/nginx.test.ts",
  "test/site/node-bundles.test.ts",
  "test/site/publish.test.ts",
  "test/sources/national-csv/demo.test.ts",
  "test/sources/registry.test.ts",
  "test/sources/sheets/api.test.ts",
  "test/sources/sheets/demo.test.ts",
  "test/sources/sheets/source-dates.test.ts",
  "test/sources/sheets/stand-in.test.ts",
  "test/sources/sheets/report.test.ts",
  "test/sources/xapi/demo.test.ts",
  "test/sources/xapi/lrs.test.ts",
  "test/tooling/**/*.test.ts",
];

// The longest files, started first so that both cores stay busy to the end. Vitest orders files by
// their last durations, which a fresh clone does not have; without them it starts the largest.
const LONGEST = [
  "test/dashboard/site.test.ts",
  "test/site/nginx.test.ts",
  "test/pipeline/crash-safety.test.ts",
  "test/site/publish.test.ts",
  "test/coordinator/coordinator.test.ts",
  "test/pipeline/demo-run.test.ts",
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const i = LONGEST.findIndex((path) => file.moduleId.endsWith(path));
      return i < 0 ? LONGEST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // `npm run suite-cpu` (scripts/suite-cpu.ts) learns which file ran where and when.
    setupFiles: process.env.IMAGINECOLE_SUITE_CPU ? ["test/support/cpu-windows.ts"] : [],
    // One DuckDB thread per warehouse, in the tests' own and in the commands they start: the test
    // data are small, three files run at once on two cores, and DuckDB's own threads only add
    // their overhead (a tenth of the suite's CPU). demo-period.test.ts still compares 1 and 4.
    env: { TZ: "UTC", IMAGINECOLE_THREADS: "1" },
    // Two cores: most integration and browser time is spent in child processes (the command
    // line, Framework, Chromium) that the worker waits for, so a third worker keeps both busy.
    maxWorkers: 3,
    // A worker keeps the modules it has loaded from one test file to the next: each test file is
    // still loaded anew, but DuckDB's binding and the project's modules once per worker instead of
    // once per file (a quarter of the suite's CPU). No test leaves state in a shared module.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...INTEGRATION, ...BROWSER] },
      },
      {
        extends: true,
        test: { name: "integration", include: INTEGRATION, globalSetup: ["test/support/shared-demo.setup.ts"] },
      },
      {
        extends: true,
        test: { name: "browser", include: BROWSER },
      },
    ],
  },
});
