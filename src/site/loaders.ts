// Framework runs each data loader of the site in a process of its own, one after the other: about
// thirty TypeScript start-ups and warehouse openings per build, most of the build's time, and only
// once it has parsed every page and bundled the libraries. Here the loaders all run once, in one
// process (runLoadersOnce), at the same time as Framework's first phases; in the copy of the site
// Framework builds, each loader gives way to shell stubs that wait for that run and print its
// outputs (stubLoaders). A loader stays a script Framework can run by itself (`observable preview`).
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { LANGS } from "../core/lang.ts";
import { parseCountries } from "../sources/reference/countries.ts";
import { LOADERS_ONE_PROCESS_ENV } from "./loaders-env.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const THIS_FILE = fileURLToPath(import.meta.url);

/** `data/overview.json.ts` or `data/country/[code].json.ts`: an output name with an extension, then `.ts`. */
const LOADER = /\.[a-z0-9]+\.ts$/i;
const PARAMETER = /\[([a-z0-9_]+)\]/gi;
/** Written in the outputs folder when every loader has run, or when one has failed. */
const DONE = ".done";
const FAILED = ".failed";
/** Beside an output that could not be made: what its loader said. */
const ERROR = ".error";

/** Every loader under `root` (a copy of dashboards/), relative to it, "/"-separated. */
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
 * The runs of one loader: its output path and its command-line parameters, as Framework passes
 * them. A parameterized loader runs once per value its pages use; `[code]` is a country of the
 * reference CSV, as observablehq.config.ts makes a page for each.
 */
export function loaderRuns(loader: string, values: Record<string, string[]>): { output: string; args: string[] }[] {
  const output = loader.replace(/\.ts$/, "");
  const names = [...new Set([...output.matchAll(PARAMETER)].map((m) => m[1]!))];
  let runs = [{ output, args: [] as string[] }];
  for (const name of names) {
    const known = values[name];
    if (!known) throw new Error(`${loader}: no values known for [${name}]`);
    runs = runs.flatMap((run) =>
      known.map((value) => ({ output: run.output.split(`[${name}]`).join(value), args: [...run.args, `--${name}=${value}`] })),
    );
  }
  return runs;
}

/** The values of the loaders' parameters: the page languages and, for `[code]`, the countries that get a page. */
export function loaderValues(countriesCsv: string): Record<string, string[]> {
  return { code: pageCountries(countriesCsv), lang: [...LANGS] };
}

/** The country codes that get a page: those of the reference CSV, as in observablehq.config.ts. */
export function pageCountries(countriesCsv: string): string[] {
  return parseCountries(readFileSync(countriesCsv, "utf8"))
    .map((c) => c.country_code)
    .filter((code) => /^[A-Z]{2}$/.test(code));
}

/**
 * Replaces each loader of `root` by shell stubs: Framework runs them in its last phase, and each
 * waits until runLoadersOnce has written `outputs`, then prints its output, or fails with what the
 * loader said. A data loader gets one stub per output (`data/country/BF.json.sh` for each country
 * of `[code]`); a page loader (`[lang]/index.md.ts`) one stub at its own path, which finds its
 * output from the parameters Framework gives it, since the page reads them too
 * (`observable.params`). As with Framework's own runs, a loader's failure fails the build only if
 * a page uses it.
 */
export function stubLoaders(root: string, outputs: string, values: Record<string, string[]>): void {
  for (const loader of findLoaders(root)) {
    if (PAGE_LOADER.test(loader)) {
      writeFileSync(join(root, loader.replace(/\.ts$/, ".sh")), stub(loader, outputs, loader.replace(/\.ts$/, ""), true));
    } else {
      for (const { output } of loaderRuns(loader, values)) writeFileSync(join(root, `${output}.sh`), stub(loader, outputs, output, false));
    }
    rmSync(join(root, loader));
  }
}

const PAGE_LOADER = /\.md\.ts$/;
const quote = (text: string) => `'${text.split("'").join("'\\''")}'`;

/** The shell text of a stub; `parameterized`: its output's `[name]`s come from its `--name=value` arguments. */
function stub(loader: string, outputs: string, output: string, parameterized: boolean): string {
  const path = (file: string) => quote(join(outputs, file));
  const named = parameterized
    ? `output=${quote(output)}
for arg in "$@"; do
  name=\${arg%%=*}; name=\${name#--}; value=\${arg#*=}
  case "$value" in *[!A-Za-z0-9_-]*|'') echo "${loader}: unexpected parameter $arg" >&2; exit 1;; esac
  output=$(printf '%s' "$output" | sed "s/\\[$name\\]/$value/g")
done
`
    : `output=${quote(output)}
`;
  return `# Stands for ${loader}: prints its output once src/site/loaders.ts has written it.
${named}while [ ! -e ${quote(outputs)}/"$output" ] && [ ! -e ${quote(outputs)}/"$output${ERROR}" ] && [ ! -e ${path(DONE)} ] && [ ! -e ${path(FAILED)} ]; do sleep 0.05; done
if [ -e ${quote(outputs)}/"$output" ]; then exec cat ${quote(outputs)}/"$output"; fi
if [ -e ${quote(outputs)}/"$output${ERROR}" ]; then cat ${quote(outputs)}/"$output${ERROR}" >&2; else echo "$output: the data loaders did not run" >&2; fi
exit 1
`;
}

/**
 * Runs every loader under `root` once, in one child process with `env` (what Framework's loaders
 * would see), and writes their outputs under `outputs` (or, for a loader that fails, what it
 * said), then the marker the stubs wait for. `log` receives one line per output.
 */
export async function runLoadersOnce(
  root: string,
  outputs: string,
  values: Record<string, string[]>,
  env: Record<string, string>,
  log: NodeJS.WritableStream,
): Promise<void> {
  mkdirSync(outputs, { recursive: true });
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", THIS_FILE, root, outputs, JSON.stringify(values)], {
        cwd: ROOT,
        env: { ...process.env, ...env, [LOADERS_ONE_PROCESS_ENV]: "1" },
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
      child.on("close", (code) => (code === 0 ? resolvePromise() : reject(new Error(tail.trim() || `the loaders exited with code ${code}`))));
    });
  } catch (error) {
    loadersFailed(outputs);
    throw error;
  }
  writeFileSync(join(outputs, DONE), "");
}

/** Tells the stubs to stop waiting: there will be no outputs (the loaders, or what they waited for, failed). */
export function loadersFailed(outputs: string): void {
  mkdirSync(outputs, { recursive: true });
  writeFileSync(join(outputs, FAILED), "");
}

/** In the child: each loader imported anew with its arguments, its standard output kept as its file. */
async function runAll(root: string, outputs: string, values: Record<string, string[]>): Promise<void> {
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  const capture = (into: string[]) =>
    ((chunk: string | Uint8Array) => {
      into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    }) as typeof process.stdout.write;
  let n = 0;
  // Pages first: Framework parses them before it bundles anything, and each stub goes on as soon
  // as its own output is there.
  const loaders = findLoaders(root).sort((a, b) => Number(PAGE_LOADER.test(b)) - Number(PAGE_LOADER.test(a)));
  for (const loader of loaders) {
    for (const run of loaderRuns(loader, values)) {
      const started = performance.now();
      const out: string[] = [];
      const said: string[] = [];
      process.argv = [process.argv[0]!, join(root, loader), ...run.args];
      process.exitCode = undefined;
      process.stdout.write = capture(out);
      process.stderr.write = capture(said);
      try {
        await import(`${pathToFileURL(join(root, loader)).href}?run=${n++}`);
      } catch (error) {
        said.push(`${(error as Error).message ?? error}\n`);
        process.exitCode = 1;
      } finally {
        process.stdout.write = stdout;
        process.stderr.write = stderr;
      }
      const path = join(outputs, run.output);
      mkdirSync(dirname(path), { recursive: true });
      const ms = Math.round(performance.now() - started);
      // Written whole then renamed: a stub that sees the file reads all of it.
      const write = (file: string, text: string) => {
        writeFileSync(`${file}.part`, text);
        renameSync(`${file}.part`, file);
      };
      if (process.exitCode) {
        write(`${path}${ERROR}`, `${said.join("")}${run.output}: the loader ${loader} failed (exit code ${process.exitCode})\n`);
        stdout(`load ${run.output} failed in ${ms}ms\n`);
      } else {
        write(path, out.join(""));
        stdout(`load ${run.output} in ${ms}ms\n`);
      }
    }
  }
  process.exitCode = undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === THIS_FILE) {
  const [root, outputs, values] = process.argv.slice(2);
  if (!root || !outputs || !values) throw new Error("usage: loaders.ts <root> <outputs> <parameter values as JSON>");
  try {
    await runAll(root, outputs, JSON.parse(values) as Record<string, string[]>);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
