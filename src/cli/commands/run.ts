import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Lang } from "../../core/lang.ts";
import { runPipelines, selectSources } from "../../pipeline/run.ts";
import { generateDemo } from "../../demo/generate.ts";
import { dbPath, openContext, ROOT, runLockPath, writable, type GlobalOptions } from "../context.ts";
import { acquireRunLock, readHolder } from "../../schedule/index.ts";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import { afterCommitError, exitCodeOf, printResults } from "../report.ts";
import { say } from "../../core/message.ts";

/** `run` and `check` without files: every configured source, then the mart. */
export async function runCommand(
  options: GlobalOptions,
  lang: Lang,
  run: { only?: string[]; dryRun: boolean },
): Promise<void> {
  // A dry run of a read-only warehouse works on a copy (openContext): no lock to take beside it.
  const lock = run.dryRun && !writable(dbPath(options)) ? { release: async () => {} } : await acquireRunLock(runLockPath(options));
  if (!lock) throw await lockedError(options);
  const { ctx, config } = await openContext(options, lang, { dryRun: run.dryRun }).catch(async (error) => {
    await lock.release();
    throw error;
  });
  try {
    selectSources(config.sources, run.only);
    if (config.demo && config.demoInputs && !existsSync(resolve(ROOT, config.demoInputs))) {
      ctx.log(say(lang, { fr: "Génération des données de démonstration…", en: "Generating the demo inputs…" }));
      await generateDemo({ outDir: resolve(ROOT, config.demoInputs), asOf: ctx.now, log: ctx.log });
    }
    const outcome = await runPipelines(ctx, config, { only: run.only });
    const write = (line: string) => process.stdout.write(line + "\n");
    for (const source of outcome.sources) {
      write(`[${source.source}]`);
      if (source.error) write(`✗ ${source.error}`);
      await printResults(source.results, ctx.warehouse, lang, write);
    }
    if (outcome.martRebuilt) write(say(lang, { fr: "Indicateurs recalculés.", en: "Indicators rebuilt." }));
    const results = outcome.sources.flatMap((s) => s.results);
    if (outcome.derivedFailure) throw afterCommitError(results, outcome.derivedFailure.output, outcome.derivedFailure.error, ctx.warehouse.path);
    process.exitCode = exitCodeOf(results, ctx.warehouse.path, outcome.sources.filter((s) => s.error).length);
  } finally {
    ctx.warehouse.close();
    await lock.release();
  }
}

export async function lockedError(options: GlobalOptions): Promise<ImaginEcoleError> {
  const holder = await readHolder(runLockPath(options));
  const who = typeof holder === "object" ? `${holder.pid} (${holder.startedAt})` : "?";
  return new ImaginEcoleError({
    fr: `Une autre exécution est en cours (processus ${who}) : attendez qu'elle se termine puis relancez.`,
    en: `Another run is in progress (process ${who}): wait for it to finish, then run again.`,
  }, EXIT.usage);
}
