// `npm start`: the demo from nothing to a served dashboard, then where the time went. The dashboard
// build starts at once, with the demo inputs (generated when missing) and the demo run: Framework
// parses the pages and bundles the libraries meanwhile, and the data loaders read the warehouse as
// soon as the run has ended. Rejected demo rows (exit 3) are expected. The site is served as built,
// without the compressed copies a slow link gets from `npm run build`. `npm start -- --port N`
// serves on another port.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { resolveLang } from "../src/core/lang.ts";
import { EXIT, errorText, ImaginEcoleError } from "../src/core/errors.ts";
import { formatNumber } from "../src/core/format.ts";
import { type Bilingual, say } from "../src/core/message.ts";
import { buildDashboard } from "../src/site/build.ts";
import { serveDist } from "../src/site/serve.ts";

const ROOT = resolve(import.meta.dirname, "..");
const DEMO_INPUTS = join(ROOT, "data", "demo");
const started = performance.now();
const lang = resolveLang(undefined, process.env);
const clock = () => (performance.now() - started) / 1000;
const steps: { name: Bilingual; seconds: number }[] = [];

/** The command line in a child process, its output shown; resolves on an accepted exit code. */
function imaginecole(args: string[], accept: number[] = [EXIT.ok]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "imaginecole.js"), ...args], { cwd: ROOT, stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => {
      if (accept.includes(code ?? -1)) resolvePromise();
      else reject(new ImaginEcoleError({ fr: `« imaginecole ${args[0]} » a échoué.`, en: `"imaginecole ${args[0]}" failed.` }, code ?? EXIT.failed));
    });
  });
}

/** `work`, with its time recorded as a step once it has succeeded. */
async function step(name: Bilingual, work: () => Promise<void>): Promise<void> {
  const from = clock();
  await work();
  steps.push({ name, seconds: clock() - from });
}

async function start(port: number): Promise<void> {
  const generated = existsSync(DEMO_INPUTS)
    ? Promise.resolve()
    : step({ fr: "données de démonstration", en: "demo inputs" }, () => imaginecole(["demo", "--out", DEMO_INPUTS]));
  const run = generated.then(() =>
    step({ fr: "exécution : sources, indicateurs, lac", en: "run: sources, indicators, lake" }, () => imaginecole(["run"], [EXIT.ok, EXIT.rejects])),
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
  const { out, timings } = await buildDashboard({ dataReady: run, log, precompress: false }).catch((error: unknown) => {
    if (!(error instanceof ImaginEcoleError && /"imaginecole (demo|run)"/.test(error.bilingual.en))) process.stderr.write(frameworkLog.slice(-3000));
    throw error;
  });
  const loadersEnd = buildFrom + timings.data + timings.loaders;
  steps.push({ name: { fr: "chargeurs de données, une fois la base prête", en: "data loaders, once the warehouse was ready" }, seconds: timings.loaders });
  steps.push({ name: { fr: "fin du site (Framework, commencé dès le départ)", en: "rest of the site (Framework, started at once)" }, seconds: buildFrom + timings.site - loadersEnd });
  const { url } = await serveDist(out, port).catch((error: NodeJS.ErrnoException) => {
    throw new ImaginEcoleError(
      {
        fr: `Impossible de servir le tableau de bord sur le port ${port} (${error.code ?? error.message}) : essayez « npm start -- --port ${port + 1} ».`,
        en: `Cannot serve the dashboard on port ${port} (${error.code ?? error.message}): try "npm start -- --port ${port + 1}".`,
      },
      EXIT.usage,
    );
  });
  steps.push({ name: { fr: "tableau de bord servi après", en: "dashboard served after" }, seconds: clock() });
  const width = Math.max(...steps.map((s) => say(lang, s.name).length));
  process.stdout.write(`\n${say(lang, { fr: "Temps par étape :", en: "Time per step:" })}\n`);
  for (const { name, seconds } of steps) process.stdout.write(`  ${say(lang, name).padEnd(width)}  ${formatNumber(lang, seconds).padStart(6)} s\n`);
  process.stdout.write(`\n${say(lang, { fr: "Tableau de bord : ", en: "Dashboard: " })}${url}\n`);
}

const { values } = parseArgs({ options: { port: { type: "string", default: "3000" } } });
try {
  await start(Number(values.port));
} catch (error) {
  process.stderr.write(`${errorText(error, lang)}\n`);
  process.exit(error instanceof ImaginEcoleError ? error.exitCode : EXIT.failed);
}
