// The command line's modules bundled by esbuild into node_modules/.cache/imaginecole/cli, so that a
// command starts from a score of files instead of tsx compiling and resolving some 600 modules
// through its hooks (0.8 CPU-s less for each command). The bundle is written the first
// time and again whenever a file it was made from has changed. Packages stay in node_modules but
// the few most commands load (BUNDLED). Each module keeps its own import.meta.url and dirname, so
// the SQL files next to it are found as before.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
const CACHE = join(ROOT, "node_modules", ".cache", "imaginecole", "cli");
const CURRENT = join(CACHE, "current.json");
const ENTRY = join(ROOT, "src", "cli", "main.ts");
/** Besides the modules, what changes the bundle: this file and the compiler options. */
const ALWAYS = [fileURLToPath(import.meta.url), join(ROOT, "tsconfig.json"), join(ROOT, "package.json")];
/** Builds kept besides the current one: a long-running process may still load a command from one. */
const KEEP = 3;
/**
 * Pure-JavaScript packages most commands load, bundled in with what they import: read as a few
 * files rather than hundreds, which Node would also scan for CommonJS exports (half of a command's
 * start-up, 0.3 CPU-s). DuckDB's native binding stays in node_modules, and so does ExcelJS, which
 * only some commands load and which would double the time a first bundle takes (1 → 2 s).
 */
const BUNDLED = /^(?:@duckdb\/node-api|commander|zod|papaparse|iconv-lite|cli-progress)(?:\/|$)/;
const NATIVE = /^@duckdb\/node-bindings/;
/** What a bundled CommonJS package requires (DuckDB's native binding) is required from the project. */
const REQUIRE = 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);';

/** `[path, mtimeMs, size]`: a file as the bundle saw it; one changed since `since` is marked to be read again. */
const stamp = (path, since) => {
  const s = statSync(path);
  return [relative(ROOT, path), s.mtimeMs < since ? s.mtimeMs : -1, s.size];
};

/** The current bundle's entry, if every file it was built from is unchanged. */
function freshEntry() {
  try {
    const current = JSON.parse(readFileSync(CURRENT, "utf8"));
    // node_modules may be shared by a linked copy of the project, whose modules are other files.
    if (current.root !== ROOT) return null;
    for (const [path, mtimeMs, size] of current.inputs) {
      const s = statSync(join(ROOT, path));
      if (s.mtimeMs !== mtimeMs || s.size !== size) return null;
    }
    const entry = join(CACHE, current.dir, "main.js");
    statSync(entry);
    return pathToFileURL(entry).href;
  } catch {
    return null;
  }
}

/** Rewrites import.meta.url, dirname and filename to the source file's own, and `imaginecole/core` to src/core. */
const sourcePaths = (readFile) => ({
  name: "source-paths",
  setup(build) {
    build.onResolve({ filter: /^imaginecole\/core$/ }, () => ({ path: join(ROOT, "src", "core", "index.ts") }));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      // A bundled package's own imports are bundled too (an external package's are never seen).
      const fromPackage = args.importer.includes(`${sep}node_modules${sep}`);
      if (isBuiltin(args.path) || NATIVE.test(args.path) || !(BUNDLED.test(args.path) || fromPackage)) return undefined;
      try {
        return { path: createRequire(args.importer || join(ROOT, "package.json")).resolve(args.path) };
      } catch {
        return undefined; // an optional import that is not installed: left to fail, or not, at run time
      }
    });
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      const text = (await readFile(args.path, "utf8"))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path));
      return { contents: text, loader: args.path.endsWith("ts") ? "ts" : "js" };
    });
  },
});

async function build() {
  const [{ build: esbuild }, { readFile }] = await Promise.all([import("esbuild"), import("node:fs/promises")]);
  mkdirSync(CACHE, { recursive: true });
  const started = Date.now();
  const dir = `build-${started.toString(36)}-${process.pid}`;
  const work = join(CACHE, `.${dir}`);
  try {
    await bundle(esbuild, readFile, work, dir, started);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const old = readdirSync(CACHE)
    .filter((name) => name.startsWith("build-") && name !== dir)
    .sort()
    .slice(0, -KEEP);
  for (const name of old) rmSync(join(CACHE, name), { recursive: true, force: true });
  return pathToFileURL(join(CACHE, dir, "main.js")).href;
}

/** Bundles into `work`, renames it to `dir` and makes it the current bundle. */
async function bundle(esbuild, readFile, work, dir, started) {
  const { metafile } = await esbuild({
    entryPoints: { main: ENTRY },
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    banner: { js: REQUIRE },
    outdir: work,
    metafile: true,
    logLevel: "silent",
    plugins: [sourcePaths(readFile)],
  });
  const inputs = [...Object.keys(metafile.inputs).map((path) => resolve(ROOT, path)), ...ALWAYS].map((path) => stamp(path, started));
  renameSync(work, join(CACHE, dir));
  // Written whole then renamed: a process starting meanwhile reads the old or the new, never half.
  writeFileSync(`${CURRENT}.${process.pid}`, JSON.stringify({ root: ROOT, dir, inputs }));
  renameSync(`${CURRENT}.${process.pid}`, CURRENT);
}

/** The bundled command line's entry (a file URL, for import()), built if needed; null when it cannot be (then tsx runs the sources). */
export async function bundledEntry() {
  const fresh = freshEntry();
  if (fresh) return fresh;
  try {
    return await build();
  } catch {
    return null;
  }
}
