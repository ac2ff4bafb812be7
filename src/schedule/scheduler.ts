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
  /** Stops firing, drops queued runs and pending retries, and waits for the run in flight. */
  stop(): Promise<void>;
}

interface Pending {
  job: ScheduledJob;
  /** How many times this run already failed: 0 for a scheduled tick. */
  failures: number;
}

/**
 * Fires each job on its cron expression, one run at a time. Jobs whose times coincide queue
 * behind each other; a tick of a job that is still running or queued is refused and logged (an
 * overlapping run of the same source would only redo its work). A run also needs the lock file,
 * so a run started by hand or by another scheduler makes the tick skip, and the next tick catches
 * up. A failed run is retried with backoff while the other jobs keep their schedule.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { log, lockPath } = options;
  const retry = options.retry ?? { attempts: 0, baseDelayMs: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const retrying = new Set<string>();
  const queue: Pending[] = [];
  let current: string | null = null;
  let draining: Promise<void> | null = null;
  let stopped = false;

  function enqueue(pending: Pending): void {
    if (stopped) return;
    const name = pending.job.name;
    if (current === name || queue.some((p) => p.job.name === name)) {
      log(`[${name}] refused: its previous run is still ${current === name ? "in progress" : "queued"}`);
      return;
    }
    if (current) log(`[${name}] queued behind ${current}`);
    queue.push(pending);
    draining ??= drain();
  }

  async function drain(): Promise<void> {
    // Yield first, so `draining` is set before the loop can end and clear it.
    await Promise.resolve();
    try {
      for (let next = queue.shift(); next && !stopped; next = queue.shift()) {
        current = next.job.name;
        let again: { pending: Pending; delay: number } | null = null;
        try {
          again = await execute(next);
        } catch (error) {
          log(`[${next.job.name}] could not start: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          current = null;
        }
        // Only now, with the run over and its lock released, may its retry be queued.
        if (again) later(again.pending, again.delay);
      }
    } finally {
      draining = null;
    }
  }

  /** Runs one job under the lock; says when to try again if it failed and has attempts left. */
  async function execute({ job, failures }: Pending): Promise<{ pending: Pending; delay: number } | null> {
    const lock = await acquireRunLock(lockPath);
    if (!lock) {
      const holder = await readHolder(lockPath);
      const who = typeof holder === "object" ? ` (pid ${holder.pid}, since ${holder.startedAt})` : "";
      log(`[${job.name}] refused: another run holds ${lockPath}${who}`);
      return failures > 0 ? { pending: { job, failures }, delay: retry.baseDelayMs } : null;
    }
    const started = Date.now();
    const label = failures > 0 ? `retry ${failures}/${retry.attempts}` : "run";
    log(`[${job.name}] ${label} started`);
    try {
      await job.run();
      retrying.delete(job.name);
      log(`[${job.name}] ${label} succeeded in ${Date.now() - started} ms`);
      return null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (failures < retry.attempts) {
        const delay = retry.baseDelayMs * 2 ** failures;
        log(`[${job.name}] ${label} failed: ${message}; retrying in ${delay} ms`);
        retrying.add(job.name);
        return { pending: { job, failures: failures + 1 }, delay };
      }
      retrying.delete(job.name);
      log(`[${job.name}] ${label} failed: ${message}; giving up until the next scheduled time`);
      return null;
    } finally {
      await lock.release();
    }
  }

  function later(pending: Pending, delay: number): void {
    if (stopped) return;
    retrying.add(pending.job.name);
    const timer = setTimeout(() => {
      timers.delete(timer);
      enqueue(pending);
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
        enqueue({ job, failures: 0 });
      }),
  );
  for (const job of options.jobs) log(`[${job.name}] scheduled on "${job.cron}"`);

  return {
    async stop() {
      stopped = true;
      for (const cron of crons) cron.stop();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      queue.length = 0;
      await draining;
    },
  };
}
