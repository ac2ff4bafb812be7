import { Cron } from "croner";
import { acquireRunLock, readHolder } from "./run-lock.ts";

export interface ScheduledJob {
  name: string;
  /** Croner syntax; a sixth leading field gives seconds. */
  cron: string;
  run: () => Promise<void>;
}

export interface SchedulerOptions {
  jobs: ScheduledJob[];
  /** Shared with `imaginecole run`, so a scheduled run and a manual one never overlap. */
  lockPath: string;
  log: (message: string) => void;
  /** A failing run is tried again `attempts` more times, after baseDelayMs, 2×, 4×… */
  retry?: { attempts: number; baseDelayMs: number };
}

export interface Scheduler {
  /** Stops firing, drops pending retries and waits for the run in flight. */
  stop(): Promise<void>;
}

/**
 * Fires each job on its cron expression, one run at a time across all jobs and all processes
 * sharing the lock file. A tick that finds a run in progress is refused and logged, not queued:
 * the next tick catches up. A failed run is retried with backoff while the other jobs keep
 * their schedule.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { log, lockPath } = options;
  const retry = options.retry ?? { attempts: 0, baseDelayMs: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const retrying = new Set<string>();
  let inFlight: Promise<void> | null = null;
  let stopped = false;

  async function attempt(job: ScheduledJob, failures: number): Promise<void> {
    if (stopped) return;
    if (inFlight) {
      log(`[${job.name}] refused: another run is in progress in this process`);
      if (failures > 0) later(job, failures, retry.baseDelayMs);
      return;
    }
    const run = execute(job, failures);
    inFlight = run;
    try {
      await run;
    } finally {
      inFlight = null;
    }
  }

  async function execute(job: ScheduledJob, failures: number): Promise<void> {
    const lock = await acquireRunLock(lockPath);
    if (!lock) {
      const holder = await readHolder(lockPath);
      const who = typeof holder === "object" ? ` (pid ${holder.pid}, since ${holder.startedAt})` : "";
      log(`[${job.name}] refused: another run holds ${lockPath}${who}`);
      if (failures > 0) later(job, failures, retry.baseDelayMs);
      return;
    }
    const started = Date.now();
    const label = failures > 0 ? `retry ${failures}/${retry.attempts}` : "run";
    log(`[${job.name}] ${label} started`);
    try {
      await job.run();
      retrying.delete(job.name);
      log(`[${job.name}] ${label} succeeded in ${Date.now() - started} ms`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (failures < retry.attempts) {
        const delay = retry.baseDelayMs * 2 ** failures;
        log(`[${job.name}] ${label} failed: ${message}; retrying in ${delay} ms`);
        later(job, failures + 1, delay);
      } else {
        retrying.delete(job.name);
        log(`[${job.name}] ${label} failed: ${message}; giving up until the next scheduled time`);
      }
    } finally {
      await lock.release();
    }
  }

  function later(job: ScheduledJob, failures: number, delay: number): void {
    retrying.add(job.name);
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(job, failures);
    }, delay);
    timers.add(timer);
  }

  const crons = options.jobs.map(
    (job) =>
      new Cron(job.cron, () => {
        if (retrying.has(job.name)) {
          log(`[${job.name}] tick skipped: a retry of the last failed run is pending`);
          return;
        }
        void attempt(job, 0);
      }),
  );
  for (const job of options.jobs) log(`[${job.name}] scheduled on "${job.cron}"`);

  return {
    async stop() {
      stopped = true;
      for (const cron of crons) cron.stop();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (inFlight) await inFlight.catch(() => undefined);
    },
  };
}
