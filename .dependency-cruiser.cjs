// The house's floors, checked by `npm run depcheck` (part of `npm test`). A folder may import its
// own floor and the floors below it, never one above; nothing imports in a circle; src/ never
// imports test/ or scripts/; the dashboard's browser code reaches no Node-only module.
const { builtinModules } = require("node:module");

// Lowest first. To move a folder, move its name; a folder of src/ listed on no floor is an error
// (see "src-folder-on-a-floor"). A file named on a floor sits there, apart from its folder's floor.
const FLOORS = [
  ["src/core"], // languages, messages, errors, labels, formats: imported by everything, imports nothing
  ["src/warehouse", "src/privacy", "dashboards/components"], // the only door to DuckDB; keyed hashing; the site's browser code
  ["src/context"], // what every step of a run receives
  // What the sources' schemas and sheets speak of: a schema's bilingual messages, the configuration
  // file and the programme phase, the indicator catalogue and the flag ids.
  ["src/config/issues.ts", "src/config/file.ts", "src/config/phase.ts", "src/mart/catalogue.ts", "src/mart/flag-id.ts"],
  ["src/sources"], // connectors, reference data, what usage sources share, the registry
  ["src/config"], // the whole configuration, checked with the sources' schemas
  ["src/mart", "src/lake"], // built from what the sources loaded
  // What a command does.
  ["src/pipeline", "src/export", "src/status", "src/schedule", "src/site", "src/demo", "src/coordinator", "src/note", "src/digest"],
  ["src/cli"], // the command line, on top
];

// Code that runs in the browser: the dashboard's components and what they import.
const BROWSER = "^dashboards/components/";
// Packages that need Node (native code, files, sockets): never reachable from browser code.
const NODE_ONLY_PACKAGES = ["@duckdb/node-api", "@googleapis/sheets", "@googleapis/drive", "exceljs", "nodemailer", "playwright-core", "tsx", "iconv-lite", "cli-progress", "commander", "croner"];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** A path pattern for floor entries: a folder and everything in it, or one file. */
const under = (entries) => `^(${entries.map((e) => escapeRegExp(e) + (/\.[a-z]+$/.test(e) ? "$" : "/")).join("|")})`;

const floorRules = FLOORS.slice(0, -1).map((floor, i) => ({
  name: `floor-${i}-looks-up`,
  severity: "error",
  comment: `${floor.join(", ")} (floor ${i}) may not import a higher floor: ${FLOORS.slice(i + 1).flat().join(", ")}.`,
  from: i === 0 ? { path: under(floor) } : { path: under(floor), pathNot: under(FLOORS.slice(0, i).flat()) },
  to: { path: under(FLOORS.slice(i + 1).flat()), pathNot: under(FLOORS.slice(0, i + 1).flat()) },
}));

const nodeModule = `^(node:)?(${builtinModules.filter((m) => !m.startsWith("_")).map(escapeRegExp).join("|")})(/|$)`;

module.exports = {
  forbidden: [
    ...floorRules,
    {
      name: "src-folder-on-a-floor",
      severity: "error",
      comment: "Every folder of src/ is on a floor of .dependency-cruiser.cjs, so the rules above cover it.",
      from: { path: "^src/" },
      to: { path: "^src/[^/]+/", pathNot: under(FLOORS.flat()) },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "A module never imports itself, directly or through others.",
      from: { path: "^(src|dashboards|scripts)/" },
      to: { circular: true },
    },
    {
      name: "src-not-to-test-or-scripts",
      severity: "error",
      comment: "The product never depends on its tests, their stand-ins, or the scripts around it.",
      from: { path: "^src/" },
      to: { path: "^(test|scripts)/" },
    },
    {
      name: "browser-no-node-builtins",
      severity: "error",
      comment: "The dashboard's components run in the browser: no Node built-in module, even through another module.",
      from: { path: BROWSER },
      to: { path: nodeModule, reachable: true },
    },
    {
      name: "browser-no-node-packages",
      severity: "error",
      comment: "The dashboard's components run in the browser: no package that needs Node, even through another module.",
      from: { path: BROWSER },
      to: { path: `^node_modules/(${NODE_ONLY_PACKAGES.map(escapeRegExp).join("|")})/`, reachable: true },
    },
    {
      name: "browser-imports-only-core",
      severity: "error",
      comment: "Of the pipeline, the dashboard's components import only src/core (labels, formats), which stays free of Node.",
      from: { path: BROWSER },
      to: { path: "^src/", pathNot: "^src/core/" },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing would fail at run time.",
      from: { path: "^(src|dashboards|scripts)/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Framework's caches and the builds' private copies of the site.
    exclude: { path: "\\.observablehq/" },
    // node_modules is a symbolic link in some work trees: keep its paths as node_modules/….
    preserveSymlinks: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Type-only imports tie floors together as much as any other.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    cache: false,
  },
};
