// `npm run build` and `imaginecole build`: builds the dashboard from the warehouse into dist/ (or
// another folder), in the internal or the public edition, with no network: Framework's npm version
// cache is filled from node_modules first, so it never asks the registry or the CDN. Each build
// works on its own copy of dashboards/, with its own Framework cache: loader outputs are never
// stale, and two builds at once (tests, npm start) cannot collide. The site is finished in the
// work folder (page language, inline scripts moved to files, precompressed copies) and only then
// replaces the output folder: a failed build leaves the previous site as it was.
// Pages, components and loaders import the ground floor (src/core) as `imaginecole/core`; each build
// gets it as an installed package beside its copy, which is what Framework knows how to bundle.
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import {
  cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { editionEnv, editionMarkdown, editionPages, INTERNAL, shows, type Edition } from "../../dashboards/components/edition.ts";
import { PAGES } from "../../dashboards/components/i18n.ts";
import { EXIT, errorText, ImaginEcoleError } from "../core/errors.ts";
import { resolveLang } from "../core/lang.ts";
import { filesUnder, precompress } from "./compress.ts";
import { allowZoom, externalizeScripts, pageLang, setLang } from "./html.ts";
import { loaderValues, loadersFailed, runLoadersOnce, stubLoaders } from "./loaders.ts";
import { keepNodeBundles, prepareNodeBundles, restoreNodeBundles } from "./node-bundles.ts";

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
  /** Which edition; default internal (everything). */
  edition?: Edition;
  /** Names this build in every page (`<meta name="imaginecole-build">`); default from the time. */
  stamp?: string;
  /**
   * Settles when the warehouse is ready to read: the build starts at once and its data loaders
   * wait for it (npm start builds while the demo runs). A rejection fails the build with its reason.
   */
  dataReady?: Promise<unknown>;
  /**
   * Writes the .gz and .br copies of the text files (compress.ts); default true. A preview on this
   * machine (npm start) goes without: brotli at its best costs seconds of both cores a build.
   */
  precompress?: boolean;
}

/** Where a build's time went, in seconds from its start: waiting for the data, the loaders, the whole site. */
export interface BuildTimings {
  data: number;
  loaders: number;
  site: number;
}

/** A build's name: its UTC time and a few random letters, safe as a folder name. */
export function buildStamp(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${randomBytes(2).toString("hex")}`;
}

/** Builds the site; fails with a bilingual message when the warehouse is missing or a loader fails. */
export async function buildDashboard(options: BuildOptions = {}): Promise<{ out: string; db: string; stamp: string; timings: BuildTimings }> {
  const db = resolve(options.db ?? process.env.IMAGINECOLE_DB ?? join(ROOT, "data", "warehouse.duckdb"));
  const out = resolve(options.out ?? process.env.IMAGINECOLE_DASHBOARD_OUT ?? join(ROOT, "dist"));
  const countries = resolve(options.countries ?? process.env.IMAGINECOLE_COUNTRIES ?? join(ROOT, "pipelines", "reference", "countries.csv"));
  const snapshots = resolve(options.snapshots ?? process.env.IMAGINECOLE_SNAPSHOTS ?? join(ROOT, "data", "snapshots"));
  const missingWarehouse = () =>
    new ImaginEcoleError({
      fr: `Entrepôt introuvable : ${db}. Lancez d'abord « npx imaginecole run » (ou indiquez IMAGINECOLE_DB), puis « npm run build ».`,
      en: `Warehouse not found: ${db}. Run "npx imaginecole run" first (or set IMAGINECOLE_DB), then "npm run build".`,
    }, EXIT.usage);
  if (!options.dataReady && !existsSync(db)) throw missingWarehouse();
  if (existsSync(out) && lstatSync(out).isSymbolicLink() && existsSync(`${out}.versions`)) {
    throw new ImaginEcoleError({
      fr: `${out} est le site en ligne de « imaginecole publish » : publiez avec « imaginecole publish --to ${out} ».`,
      en: `${out} is the live site of "imaginecole publish": publish with "imaginecole publish --to ${out}".`,
    }, EXIT.usage);
  }
  const edition = options.edition ?? INTERNAL;
  const stamp = options.stamp ?? buildStamp();
  const started = performance.now();
  const timings = { data: 0, loaders: 0, site: 0 };
  mkdirSync(BUILDS, { recursive: true });
  const work = mkdtempSync(join(BUILDS, "build-"));
  let bundled: Promise<void> | undefined;
  try {
    const root = join(work, "dashboards");
    const site = join(work, "site");
    for (const entry of readdirSync(SOURCE).filter((e) => e !== ".observablehq")) {
      cpSync(join(SOURCE, entry), join(root, entry), { recursive: true });
    }
    installCore(work);
    // Loaders reach the warehouse through src/warehouse, by the same relative path as in the project.
    symlinkSync(join(ROOT, "src"), join(work, "src"));
    keepEditionPages(root, edition);
    const env = {
      IMAGINECOLE_DB: db,
      IMAGINECOLE_DASHBOARD_ROOT: root,
      IMAGINECOLE_DASHBOARD_OUT: site,
      IMAGINECOLE_SNAPSHOTS: snapshots,
      IMAGINECOLE_COUNTRIES: countries,
      IMAGINECOLE_BUILD_STAMP: stamp,
      ...editionEnv(edition),
    };
    // The data loaders run once, together, from a copy taken before stubs stand in for them
    // (loaders.ts), while Framework parses the pages and bundles the libraries.
    const loadersRoot = join(work, "loaders");
    const outputs = join(work, "outputs");
    const values = loaderValues(countries);
    cpSync(root, loadersRoot, { recursive: true });
    stubLoaders(root, outputs, values);
    fillNpmVersionCache(root);
    restoreNodeBundles(root);
    const log = options.log ?? process.stderr;
    // Started before its data, a build bundles the site's libraries meanwhile; its loaders wait for
    // that too, so Framework, which reaches the libraries only once it has the pages, finds them made.
    bundled = options.dataReady ? prepareNodeBundles(root).catch(() => undefined) : undefined;
    const data = (async () => {
      try {
        await options.dataReady;
        await bundled;
        timings.data = seconds(started);
        if (!existsSync(db)) throw missingWarehouse();
        await runLoadersOnce(loadersRoot, outputs, values, env, log);
        timings.loaders = seconds(started) - timings.data;
      } catch (error) {
        loadersFailed(outputs);
        throw error;
      }
    })();
    const [loaded, built] = await Promise.allSettled([data, runFramework(env, log)]);
    if (loaded.status === "rejected") throw loaded.reason;
    if (built.status === "rejected") throw built.reason;
    keepNodeBundles(root);
    // Snapshots hold provenance (file names) and quality sheets: for the staff only.
    if (shows(edition, "staff") && existsSync(snapshots)) {
      cpSync(snapshots, join(site, "downloads", "snapshots"), { recursive: true });
    }
    finishPages(site);
    if (options.precompress !== false) await precompress(site);
    replaceFolder(site, out);
  } finally {
    // A build that failed early waits for its libraries' bundling, which works in its folder and
    // must not keep a library half removed.
    await bundled;
    rmSync(work, { recursive: true, force: true });
  }
  timings.site = seconds(started);
  return { out, db, stamp, timings };
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Takes out of the private copy the pages, page sections and lines the edition does not show. */
function keepEditionPages(root: string, edition: Edition): void {
  const kept = new Set(editionPages(edition).map((p) => p.slug));
  for (const { slug } of PAGES) {
    // A page is its Markdown, or a page loader and the template it fills.
    if (kept.has(slug)) continue;
    for (const ext of [".md", ".md.ts", ".page.md"]) rmSync(join(root, "[lang]", `${slug || "index"}${ext}`), { force: true });
  }
  for (const file of filesUnder(root).filter((f) => f.endsWith(".md"))) {
    const path = join(root, file);
    writeFileSync(path, editionMarkdown(readFileSync(path, "utf8"), edition));
  }
}

/** Each page gets its language on <html>, a zoomable viewport and its inline scripts as files beside it (src/site/html.ts). */
function finishPages(site: string): void {
  for (const file of filesUnder(site).filter((f) => f.endsWith(".html"))) {
    const path = join(site, file);
    const { html, scripts } = externalizeScripts(allowZoom(setLang(readFileSync(path, "utf8"), pageLang(file))), basename(file));
    for (const script of scripts) writeFileSync(join(dirname(path), script.name), script.content);
    writeFileSync(path, html);
  }
}

/** Puts the finished site where it was asked for, in place of what was there. */
function replaceFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    cpSync(from, to, { recursive: true });
  }
}

/**
 * Installs src/core as the package `imaginecole` in <work>/node_modules, above the build's root.
 * Framework bundles a bare import for the browser only from an installed package: the project's
 * own name (package.json "exports", which Node, tsx and vitest follow) resolves to the project,
 * where Rollup does not look. A package.json in <work> closes the project's scope, so the name
 * resolves to the installed copy; ES modules there, as in the project, for the loaders.
 */
export function installCore(work: string): void {
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string; version: string; exports: unknown };
  const target = join(work, "node_modules", manifest.name);
  cpSync(join(ROOT, "src", "core"), join(target, "src", "core"), { recursive: true });
  const { name, version, exports } = manifest;
  writeFileSync(join(target, "package.json"), JSON.stringify({ name, version, type: "module", exports }, null, 2));
  writeFileSync(join(work, "package.json"), JSON.stringify({ private: true, type: "module" }, null, 2));
}

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
        reject(new ImaginEcoleError({
          fr: `La construction du tableau de bord a échoué (code ${code}). Dernières lignes :\n${tail}`,
          en: `The dashboard build failed (code ${code}). Last lines:\n${tail}`,
        }, EXIT.failed));
      }
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { out } = await buildDashboard();
    process.stdout.write(`${out}\n`);
  } catch (error) {
    process.stderr.write(`${errorText(error, resolveLang(undefined, process.env))}\n`);
    process.exit(error instanceof ImaginEcoleError ? error.exitCode : EXIT.failed);
  }
}
