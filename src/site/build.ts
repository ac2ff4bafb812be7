// `npm run build`: builds the dashboard from the warehouse into dist/ (or another folder), with no
// network: Framework's npm version cache is filled from node_modules first, so it never asks the
// registry or the CDN. Each build works on its own copy of dashboards/, with its own Framework
// cache: loader outputs are never stale, and two builds at once (tests, npm start) cannot collide.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { loadersFailed, pageCountries, runLoadersOnce, stubLoaders } from "./loaders.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCE = join(ROOT, "dashboards");
// Inside the project, so loaders and bundles find node_modules; git-ignored with .observablehq/.
const BUILDS = join(SOURCE, ".observablehq", "builds");
const FRAMEWORK = join(ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");

// Libraries Framework's client names (lazily, by version) in every build. Those we install take
// their installed version; the others are never loaded by our pages and only need a version name.
const CLIENT_LIBRARIES = [
  "@observablehq/plot", "@observablehq/inputs", "@observablehq/sample-datasets", "d3", "d3-dsv", "htl",
  "apache-arrow", "arquero", "lodash", "topojson-client", "echarts", "leaflet", "mapbox-gl", "react",
  "react-dom", "parquet-wasm", "vega", "vega-lite", "vega-lite-api", "@duckdb/duckdb-wasm", "katex",
  "mermaid", "@observablehq/dot", "jszip", "exceljs", "sql.js", "marked",
];
const UNUSED_VERSION = "0.0.0";

export interface BuildOptions {
  /** The warehouse to read; default IMAGINECOLE_DB or data/warehouse.duckdb. */
  db?: string;
  /** Where the site goes; default IMAGINECOLE_DASHBOARD_OUT or dist/. */
  out?: string;
  /** The reference countries CSV the pages are generated from; default pipelines/reference/countries.csv. */
  countries?: string;
  /** Folder of exported snapshots (<dir>/manifest.json); default data/snapshots. */
  snapshots?: string;
  /** Framework's progress lines; default stderr. */
  log?: NodeJS.WritableStream;
  /**
   * Settles when the warehouse is ready to read: the build starts at once and its data loaders
   * wait for it (npm start builds while the demo runs). A rejection fails the build with its reason.
   */
  dataReady?: Promise<unknown>;
}

/** Where a build's time went, in seconds from its start: waiting for the data, the loaders, the whole site. */
export interface BuildTimings {
  data: number;
  loaders: number;
  site: number;
}

/** Builds the site; fails with a bilingual message when the warehouse is missing or a loader fails. */
export async function buildDashboard(options: BuildOptions = {}): Promise<{ out: string; db: string; timings: BuildTimings }> {
  const db = resolve(options.db ?? process.env.IMAGINECOLE_DB ?? join(ROOT, "data", "warehouse.duckdb"));
  const out = resolve(options.out ?? process.env.IMAGINECOLE_DASHBOARD_OUT ?? join(ROOT, "dist"));
  const countries = resolve(options.countries ?? process.env.IMAGINECOLE_COUNTRIES ?? join(ROOT, "pipelines", "reference", "countries.csv"));
  const snapshots = resolve(options.snapshots ?? process.env.IMAGINECOLE_SNAPSHOTS ?? join(ROOT, "data", "snapshots"));
  const missingWarehouse = () =>
    new ImaginEcoleError(
      `Entrepôt introuvable : ${db}. Lancez d'abord « npx imaginecole run » (ou indiquez IMAGINECOLE_DB), puis « npm run build ».`,
      `Warehouse not found: ${db}. Run "npx imaginecole run" first (or set IMAGINECOLE_DB), then "npm run build".`,
      EXIT.usage,
    );
  if (!options.dataReady && !existsSync(db)) throw missingWarehouse();
  const started = performance.now();
  const timings = { data: 0, loaders: 0, site: 0 };
  mkdirSync(BUILDS, { recursive: true });
  const work = mkdtempSync(join(BUILDS, "build-"));
  try {
    const root = join(work, "dashboards");
    for (const entry of readdirSync(SOURCE).filter((e) => e !== ".observablehq")) {
      cpSync(join(SOURCE, entry), join(root, entry), { recursive: true });
    }
    const env = {
      IMAGINECOLE_DB: db,
      IMAGINECOLE_DASHBOARD_ROOT: root,
      IMAGINECOLE_DASHBOARD_OUT: out,
      IMAGINECOLE_SNAPSHOTS: snapshots,
      IMAGINECOLE_COUNTRIES: countries,
    };
    // The data loaders run once, together, from a copy taken before stubs stand in for them (loaders.ts),
    // while Framework parses the pages and bundles the libraries.
    const loadersRoot = join(work, "loaders");
    const outputs = join(work, "outputs");
    const values = { code: pageCountries(countries) };
    cpSync(root, loadersRoot, { recursive: true });
    stubLoaders(root, outputs, values);
    fillNpmVersionCache(root);
    const log = options.log ?? process.stderr;
    const data = Promise.resolve(options.dataReady).then(
      async () => {
        timings.data = seconds(started);
        if (!existsSync(db)) throw missingWarehouse();
        await runLoadersOnce(loadersRoot, outputs, values, env, log).catch((error: Error) => {
          throw new ImaginEcoleError(
            `La construction du tableau de bord a échoué : un chargeur de données a échoué.\n${error.message}`,
            `The dashboard build failed: a data loader failed.\n${error.message}`,
            EXIT.failed,
          );
        });
        timings.loaders = seconds(started) - timings.data;
      },
      (error: unknown) => {
        loadersFailed(outputs);
        throw error;
      },
    );
    const [loaded, built] = await Promise.allSettled([data, runFramework(env, log)]);
    if (loaded.status === "rejected") throw loaded.reason;
    if (built.status === "rejected") throw built.reason;
    timings.site = seconds(started);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (existsSync(snapshots)) cpSync(snapshots, join(out, "downloads", "snapshots"), { recursive: true });
  return { out, db, timings };
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Framework reads library versions from the names of the folders in <root>/.observablehq/cache/_npm. */
export function fillNpmVersionCache(root: string): void {
  for (const name of CLIENT_LIBRARIES) {
    mkdirSync(join(root, ".observablehq", "cache", "_npm", `${name}@${installedVersion(name) ?? UNUSED_VERSION}`), { recursive: true });
  }
}

function installedVersion(name: string): string | undefined {
  const manifest = join(ROOT, "node_modules", name, "package.json");
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

function runFramework(env: Record<string, string>, log: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [FRAMEWORK, "build"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let tail = "";
    const keep = (chunk: Buffer) => {
      log.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => {
      // Framework reports a failed loader and carries on; a page built on it would be empty.
      if (code === 0 && !/error in \d+ms|Unexpected error/.test(tail)) resolvePromise();
      else {
        reject(new ImaginEcoleError(
          `La construction du tableau de bord a échoué (code ${code}). Dernières lignes :\n${tail}`,
          `The dashboard build failed (code ${code}). Last lines:\n${tail}`,
          EXIT.failed,
        ));
      }
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { out } = await buildDashboard();
    process.stdout.write(`${out}\n`);
  } catch (error) {
    const lang = (process.env.IMAGINECOLE_LANG ?? process.env.LANG ?? "fr").startsWith("en") ? "en" : "fr";
    process.stderr.write(`${error instanceof ImaginEcoleError ? error.text(lang) : String(error)}\n`);
    process.exit(error instanceof ImaginEcoleError ? error.exitCode : EXIT.failed);
  }
}
