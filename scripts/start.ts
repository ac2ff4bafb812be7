// `npm start`: the demo from nothing to a served dashboard, then where the time went. The dashboard
// build starts at once, with the demo inputs (generated when missing) and the demo run: Framework
// parses the pages and bundles the libraries meanwhile, and the data loaders read the warehouse as
// soon as the run has ended. Rejected demo rows (exit 3) are expected. `npm start -- --port N`
// serves on another port.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { resolveLang } from "../src/cli/lang.ts";
import { EXIT, ImaginEcoleError } from "../src/core/errors.ts";
import { buildDashboard } from "../src/site/build.ts";
import { serveDist } from "../src/site/serve.ts";

const ROOT = resolve(import.meta.dirname, "..");
const DEMO_INPUTS = join(ROOT, "data", "demo");
const started = performance.now();
const lang = resolveLang(undefined, process.env);
const say = (fr: string, en: string) => (lang === "fr" ? fr : en);
const clock = () => (performance.now() - started) / 1000;
const steps: { fr: string; en: string; seconds: number }[] = [];

/** The command line in a child process, its output shown; resolves on an accepted exit code. */
function imaginecole(args: string[], accept: number[] = [EXIT.ok]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "imaginecole.js"), ...args], { cwd: ROOT, stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => {
      if (accept.includes(code ?? -1)) resolvePromise();
      else reject(new ImaginEcoleError(`« imaginecole ${args[0]} » a échoué.`, `"imaginecole ${args[0]}" failed.`, code ?? EXIT.failed));
    });
  });
}

/** `work`, with its time recorded as a step once it has succeeded. */
async function step(fr: string, en: string, work: () => Promise<void>): Promise<void> {
  const from = clock();
  await work();
  steps.push({ fr, en, seconds: clock() - from });
}

async function start(port: number): Promise<void> {
  const generated = existsSync(DEMO_INPUTS)
    ? Promise.resolve()
    : step("données de démonstration", "demo inputs", () => imaginecole(["demo", "--out", DEMO_INPUTS]));
  const run = generated.then(() =>
    step("exécution : sources, indicateurs, lac", "run: sources, indicators, lake", () => imaginecole(["run"], [EXIT.ok, EXIT.rejects])),
  );
  // Framework's progress lines are kept, and shown only if the build fails.
  let frameworkLog = "";
  const log = new Writable({
    write(chunk: Buffer, _encoding, done) {
      frameworkLog = (frameworkLog + chunk.toString()).slice(-20_000);
      done();
    },
  });
  const buildFrom = clock();
  const { out, timings } = await buildDashboard({ dataReady: run, log }).catch((error: unknown) => {
    if (!(error instanceof ImaginEcoleError && /"imaginecole (demo|run)"/.test(error.messageEn))) process.stderr.write(frameworkLog.slice(-3000));
    throw error;
  });
  const loadersEnd = buildFrom + timings.data + timings.loaders;
  steps.push({ fr: "chargeurs de données, une fois la base prête", en: "data loaders, once the warehouse was ready", seconds: timings.loaders });
  steps.push({ fr: "fin du site (Framework, commencé dès le départ)", en: "rest of the site (Framework, started at once)", seconds: buildFrom + timings.site - loadersEnd });
  const { url } = await serveDist(out, port).catch((error: NodeJS.ErrnoException) => {
    throw new ImaginEcoleError(
      `Impossible de servir le tableau de bord sur le port ${port} (${error.code ?? error.message}) : essayez « npm start -- --port ${port + 1} ».`,
      `Cannot serve the dashboard on port ${port} (${error.code ?? error.message}): try "npm start -- --port ${port + 1}".`,
      EXIT.usage,
    );
  });
  const seconds = (s: number) => `${s.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
  const width = Math.max(...steps.map((s) => say(s.fr, s.en).length));
  process.stdout.write(`\n${say("Temps par étape :", "Time per step:")}\n`);
  for (const step of steps) process.stdout.write(`  ${say(step.fr, step.en).padEnd(width)}  ${seconds(step.seconds).padStart(7)}\n`);
  process.stdout.write(`  ${say("tableau de bord servi après", "dashboard served after").padEnd(width)}  ${seconds(clock()).padStart(7)}\n\n`);
  process.stdout.write(`${say("Tableau de bord : ", "Dashboard: ")}${url}\n`);
}

const { values } = parseArgs({ options: { port: { type: "string", default: "3000" } } });
try {
  await start(Number(values.port));
} catch (error) {
  if (error instanceof ImaginEcoleError) {
    process.stderr.write(`${error.text(lang)}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(`${say("npm start a échoué", "npm start failed")}: ${(error as Error).message ?? error}\n`);
  process.exit(EXIT.failed);
}
