// Framework bundles each library the pages import from node_modules (d3, Plot…) into the cache of
// the site it builds, and every build starts from a private copy of the site: each would bundle them
// all again. A bundle depends only on the library's installed version and on Framework's, so the
// bundles are kept between builds, under dashboards/.observablehq/ (git-ignored), one folder per
// Framework version, and copied into each new copy. The project's own package (src/core, installed
// for each build) changes without its version changing: it is never kept.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { setPriority } from "node:os";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const version = (pkg: string) => (JSON.parse(readFileSync(join(ROOT, pkg, "package.json"), "utf8")) as { name: string; version: string });
const OWN = version(".").name;
export const KEPT_BUNDLES = join(ROOT, "dashboards", ".observablehq", "node-bundles", `framework@${version("node_modules/@observablehq/framework").version}`);

/** Where Framework keeps the bundles of the site copy at `root`. */
const bundlesOf = (root: string) => join(root, ".observablehq", "cache", "_node");

/** `d3@7.9.2` and `@observablehq/plot@0.6.17`: each library's folder, relative to the bundles folder. */
function libraries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .flatMap((e) => (e.name.startsWith("@") ? readdirSync(join(dir, e.name)).filter((n) => !n.startsWith(".")).map((n) => `${e.name}/${n}`) : [e.name]))
    .filter((name) => !name.startsWith(`${OWN}@`));
}

/** Copies the kept bundles into the site copy at `root`, before Framework builds it. */
export function restoreNodeBundles(root: string, kept = KEPT_BUNDLES): void {
  for (const library of libraries(kept)) cpSync(join(kept, library), join(bundlesOf(root), library), { recursive: true });
}

/**
 * Keeps the bundles a successful build made that were not kept yet. Each library's folder is
 * written aside, then renamed into place: a build reading the kept bundles meanwhile sees a
 * library whole or not at all, and of two builds keeping the same library, one wins.
 */
export function keepNodeBundles(root: string, kept = KEPT_BUNDLES): void {
  for (const library of libraries(bundlesOf(root))) {
    const target = join(kept, library);
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    const aside = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString("hex")}`);
    cpSync(join(bundlesOf(root), library), aside, { recursive: true });
    try {
      renameSync(aside, target);
    } catch {
      rmSync(aside, { recursive: true, force: true });
    }
  }
}

/** The libraries the site's browser code (components/*.js) imports by name, other than the project's own. */
export function clientLibraries(root: string): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(join(root, "components")).filter((name) => name.endsWith(".js"))) {
    for (const [, name] of readFileSync(join(root, "components", file), "utf8").matchAll(/\bfrom\s+"([^".][^"]*)"/g)) names.add(name!);
  }
  return [...names].filter((name) => name !== OWN && !name.startsWith(`${OWN}/`) && !name.startsWith("node:")).sort();
}

/**
 * Bundles, with Framework's own bundler, the libraries of `root` (a copy of the site) that no build
 * has kept yet (a fresh clone), keeps them and copies them into `root`: for a build that starts
 * before its data (`npm start`), where this is done on a core the demo leaves idle instead of once
 * the data is there. Framework bundles whatever this could not.
 */
export async function prepareNodeBundles(root: string, kept = KEPT_BUNDLES): Promise<void> {
  const have = libraries(kept);
  const missing = clientLibraries(root).filter((name) => !have.some((library) => library.startsWith(`${name}@`)));
  if (missing.length === 0) return;
  const scratch = join(dirname(root), "node-bundles");
  mkdirSync(scratch, { recursive: true });
  const framework = pathToFileURL(join(ROOT, "node_modules", "@observablehq", "framework", "dist", "node.js")).href;
  // In a process of its own: Framework's bundler prints a line per library on stdout.
  const code = `const { resolveNodeImport } = await import(${JSON.stringify(framework)});
for (const name of ${JSON.stringify(missing)}) await resolveNodeImport(${JSON.stringify(scratch)}, name);`;
  const ok = await new Promise<boolean>((done) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", code], { cwd: scratch, stdio: "ignore" });
    // On cores left idle only: the demo being generated and the run come first.
    try {
      setPriority(child.pid!, 19);
    } catch {
      // A system that refuses it runs the child at the usual priority.
    }
    child.on("error", () => done(false));
    child.on("close", (status) => done(status === 0));
  });
  if (!ok) return;
  keepNodeBundles(scratch, kept);
  restoreNodeBundles(root, kept);
}
