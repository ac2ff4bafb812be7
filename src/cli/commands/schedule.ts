import { spawn } from "node:child_process";
import { ImaginEcoleError } from "../../core/errors.ts";
import type { Lang } from "../../core/lang.ts";
import { say } from "../../core/message.ts";
import { runPipelines } from "../../pipeline/run.ts";
import { startScheduler } from "../../schedule/index.ts";
import { countriesPath, loadConfig } from "../../config/pipelines.ts";
import { publishTargets, siteSettings } from "../../config/site.ts";
import { publishEditions } from "../../site/publish.ts";
import { dbPath, logger, openContext, ROOT, runLockPath, type GlobalOptions } from "../context.ts";
import { afterCommitError } from "../report.ts";
import { coordinatorJobs } from "./coordinator-jobs.ts";

/**
 * Stays up and runs each source on its cron expression. When data changed, publishes the editions
 * the configuration names (`site.publish`), else rebuilds dist/; a publish that failed is tried
 * again after the next run, changed or not.
 */
export async function scheduleCommand(options: GlobalOptions, lang: Lang): Promise<void> {
  const { path: configPath, config } = loadConfig(ROOT, options.config);
  const log = logger(options.logFormat);
  const targets = publishTargets(siteSettings(config.site, configPath), ROOT);
  let publishPending = false;
  const refreshSite = async () => {
    if (targets.length === 0) return rebuildDashboard(lang, log);
    publishPending = true;
    await publishEditions(targets, { db: dbPath(options), countries: countriesPath(config, ROOT) }, log, lang);
    publishPending = false;
  };
  const jobs = config.sources
    .filter((s) => s.schedule)
    .map((s) => ({
      name: s.name,
      cron: s.schedule!,
      run: async () => {
        const { ctx } = await openContext(options, lang);
        let changed = false;
        try {
          const outcome = await runPipelines(ctx, config, { only: [s.name] });
          const failed = outcome.sources.find((o) => o.error || o.results.some((r) => r.status === "failed"));
          changed = outcome.martRebuilt;
          const batch = failed?.results.find((r) => r.status === "failed");
          // A refused batch keeps its own error, bilingual when it is ours; a source error is already in `lang`.
          if (failed) throw failed.error !== undefined ? new Error(failed.error) : (batch?.error ?? new Error(batch?.message ?? s.name));
          // Loaded, but the mart or the lake could not follow: the job fails, so it is retried (the marks say what is left).
          const derived = outcome.derivedFailure;
          if (derived) throw new Error(afterCommitError(outcome.sources.flatMap((o) => o.results), derived.output, derived.error, ctx.warehouse.path).text(lang));
        } finally {
          ctx.warehouse.close();
        }
        if (changed || publishPending) await refreshSite();
      },
    }));
  jobs.push(...coordinatorJobs(options, lang, config, log));
  startScheduler({ jobs, lockPath: runLockPath(options), log, lang, retry: { attempts: 3, baseDelayMs: 60_000 } });
  const list = jobs.map((j) => `${j.name} (${j.cron})`).join(", ");
  log(say(lang, { fr: `Planificateur actif : ${list}`, en: `Scheduler running: ${list}` }));
  await new Promise(() => {});
}

function rebuildDashboard(lang: Lang, log: (m: string) => void): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) =>
      code === 0
        ? done()
        : fail(new ImaginEcoleError({
          fr: `la reconstruction du tableau de bord a échoué (code ${code})`,
          en: `the dashboard rebuild failed (code ${code})`,
        })));
    log(say(lang, { fr: "Reconstruction du tableau de bord", en: "Rebuilding the dashboard" }));
  });
}
