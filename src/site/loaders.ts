// Framework runs each data loader of the site in a process of its own, one after the other: about
// thirty TypeScript start-ups and warehouse openings per build, most of the build's time. Here
// they all run once, in one process, before Framework starts: each output is written where
// Framework looks for a static file first, and the loader leaves the build's copy of the site, so
// Framework only copies outputs. A loader is still a script Framework can run by itself (preview).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseCountries } from "../reference/countries.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const THIS_FILE = fileURLToPath(import.meta.url);

/** `data/overview.json.ts` or `data/country/[code].json.ts`: an output name with an extension, then `.ts`. */
const LOADER = /\.[a-z0-9]+\.ts$/i;
const PARAMETER = /\[([a-z0-9_]+)\]/gi;

/** Every loader under `root` (the build's copy of dashboards/), relative to it, "/"-separated. */
export function findLoaders(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (LOADER.test(entry.name)) found.push(relative(root, path).split("\\").join("/"));
    }
  };
  walk(root);
  return found.sort();
}

/**
 * The runs of one loader: its output path and its command-line parameters, as Framework would
 * pass them. A parameterized loader runs once per value its pages use; `[code]` is a country of
 * the reference CSV, as observablehq.config.ts makes a page for each.
 */
export function loaderRuns(loader: string, values: Record<string, string[]>): { output: string; args: string[] }[] {
  const output = loader.replace(/\.ts$/, "");
  const names = [...output.matchAll(PARAMETER)].map((m) => m[1]!);
  let runs = [{ output, args: [] as string[] }];
  for (const name of [...new Set(names)]) {
    const known = values[name];
    if (!known) throw new Error(`${loader}: no values known for [${name}]`);
    runs = runs.flatMap((run) =>
      known.map((value) => ({ output: run.output.split(`[${name}]`).join(value), args: [...run.args, `--${name}=${value}`] })),
    );
  }
  return runs;
}

/** The country codes that get a page: those of the reference CSV, as in observablehq.config.ts. */
export function pageCountries(countriesCsv: string): string[] {
  return parseCountries(readFileSync(countriesCsv, "utf8"))
    .map((c) => c.country_code)
    .filter((code) => /^[A-Z]{2}$/.test(code));
}

/**
 * Runs every loader of `root` once, in one child process with `env` (what Framework's loaders
 * would see), writes the outputs and removes the loaders. Rejects with the failing loader's
 * message; `log` receives one line per loader.
 */
export function runLoadersOnce(root: string, env: Record<string, string>, log: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", THIS_FILE, root], {
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
    child.on("close", (code) => (code === 0 ? resolvePromise() : reject(new Error(tail.trim() || `loaders exited with code ${code}`))));
  });
}

/** In the child: each loader imported anew with its arguments, its standard output kept as the file. */
async function runAll(root: string): Promise<void> {
  const values = { code: pageCountries(resolve(ROOT, process.env.IMAGINECOLE_COUNTRIES ?? "pipelines/reference/countries.csv")) };
  const write = process.stdout.write.bind(process.stdout);
  const loaders = findLoaders(root);
  let n = 0;
  for (const loader of loaders) {
    for (const run of loaderRuns(loader, values)) {
      const started = performance.now();
      const chunks: string[] = [];
      process.argv = [process.argv[0]!, join(root, loader), ...run.args];
      process.stdout.write = ((chunk: string | Uint8Array) => {
        chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
        return true;
      }) as typeof process.stdout.write;
      try {
        await import(`${pathToFileURL(join(root, loader)).href}?run=${n++}`);
      } finally {
        process.stdout.write = write;
      }
      if (process.exitCode) throw new Error(`${run.output}: the loader ${loader} failed (exit code ${process.exitCode})`);
      writeFileSync(join(root, run.output), chunks.join(""));
      write(`load ${run.output} in ${Math.round(performance.now() - started)}ms\n`);
    }
  }
  for (const loader of loaders) rmSync(join(root, loader));
}

if (process.argv[1] && resolve(process.argv[1]) === THIS_FILE) {
  const root = process.argv[2];
  if (!root) throw new Error("usage: loaders.ts <root>");
  try {
    await runAll(root);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
