import { spawn } from "node:child_process";
import { resolve } from "node:path";
import type { Lang } from "../../context/run-context.ts";
import { runPipelines } from "../../pipeline/run.ts";
import { startScheduler } from "../../schedule/index.ts";
import { loadConfig } from "../../config/pipelines.ts";
import { logger, openContext, ROOT, runLockPath, type GlobalOptions } from "../context.ts";
import { coordinatorJobs } from "./coordinator-jobs.ts";

/** Stays up and runs each source on its cron expression; rebuilds the dashboard when data changed. */
export async function scheduleCommand(options: GlobalOptions, lang: Lang): Promise<void> {
  const { config } = loadConfig(ROOT, options.config);
  const log = logger(options.logFormat);
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
          if (failed) throw new Error(failed.error ?? failed.results.find((r) => r.status === "failed")?.message ?? s.name);
        } finally {
          ctx.warehouse.close();
        }
        if (changed) await rebuildDashboard(log);
      },
    }));
  jobs.push(...coordinatorJobs(options, lang, config, log));
  startScheduler({ jobs, lockPath: runLockPath(options), log, retry: { attempts: 3, baseDelayMs: 60_000 } });
  log(lang === "fr" ? `Planificateur actif : ${jobs.map((j) => `${j.name} (${j.cron})`).join(", ")}` : `Scheduler running: ${jobs.map((j) => `${j.name} (${j.cron})`).join(", ")}`);
  await new Promise(() => {});
}

function rebuildDashboard(log: (m: string) => void): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`dashboard build exited ${code}`))));
    log("dashboard rebuild");
  });
}
