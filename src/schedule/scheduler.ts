import { Cron } from "croner";
import { errorText } from "../core/errors.ts";
import { formatNumber, formatTimestamp } from "../core/format.ts";
import type { Lang } from "../core/lang.ts";
import { say, type Bilingual } from "../core/message.ts";
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
  /** Receives each line already in `lang`. */
  log: (message: string) => void;
  lang: Lang;
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
  const { lockPath, lang } = options;
  const log = (message: Bilingual) => options.log(say(lang, message));
  const ms = (n: number) => formatNumber(lang, n, 0);
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
      log(current === name
        ? { fr: `[${name}] refusé : son exécution précédente est encore en cours`, en: `[${name}] refused: its previous run is still in progress` }
        : { fr: `[${name}] refusé : son exécution précédente est encore en attente`, en: `[${name}] refused: its previous run is still queued` });
      return;
    }
    if (current) log({ fr: `[${name}] en attente derrière ${current}`, en: `[${name}] queued behind ${current}` });
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
          const name = next.job.name;
          log({ fr: `[${name}] n'a pas pu démarrer : ${errorText(error, "fr")}`, en: `[${name}] could not start: ${errorText(error, "en")}` });
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
      const since = typeof holder === "object" ? `${formatTimestamp(lang, holder.startedAt)} UTC` : "";
      const who = typeof holder === "object" ? { fr: ` (pid ${holder.pid}, depuis le ${since})`, en: ` (pid ${holder.pid}, since ${since})` } : { fr: "", en: "" };
      log({ fr: `[${job.name}] refusé : une autre exécution tient ${lockPath}${who.fr}`, en: `[${job.name}] refused: another run holds ${lockPath}${who.en}` });
      return failures > 0 ? { pending: { job, failures }, delay: retry.baseDelayMs } : null;
    }
    const started = Date.now();
    const label: Bilingual = failures > 0
      ? { fr: `nouvel essai ${failures}/${retry.attempts}`, en: `retry ${failures}/${retry.attempts}` }
      : { fr: "exécution", en: "run" };
    log({ fr: `[${job.name}] ${label.fr} : démarrage`, en: `[${job.name}] ${label.en} started` });
    try {
      await job.run();
      retrying.delete(job.name);
      const took = ms(Date.now() - started);
      log({ fr: `[${job.name}] ${label.fr} : réussite en ${took} ms`, en: `[${job.name}] ${label.en} succeeded in ${took} ms` });
      return null;
    } catch (error) {
      const why: Bilingual = { fr: errorText(error, "fr"), en: errorText(error, "en") };
      if (failures < retry.attempts) {
        const delay = retry.baseDelayMs * 2 ** failures;
        log({
          fr: `[${job.name}] ${label.fr} : échec : ${why.fr} ; nouvel essai dans ${ms(delay)} ms`,
          en: `[${job.name}] ${label.en} failed: ${why.en}; retrying in ${ms(delay)} ms`,
        });
        retrying.add(job.name);
        return { pending: { job, failures: failures + 1 }, delay };
      }
      retrying.delete(job.name);
      log({
        fr: `[${job.name}] ${label.fr} : échec : ${why.fr} ; abandon jusqu'à la prochaine heure prévue`,
        en: `[${job.name}] ${label.en} failed: ${why.en}; giving up until the next scheduled time`,
      });
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
          log({
            fr: `[${job.name}] déclenchement ignoré : un nouvel essai de la dernière exécution en échec est prévu`,
            en: `[${job.name}] tick skipped: a retry of the last failed run is pending`,
          });
          return;
        }
        enqueue({ job, failures: 0 });
      }),
  );
  for (const job of options.jobs) log({ fr: `[${job.name}] planifié sur « ${job.cron} »`, en: `[${job.name}] scheduled on "${job.cron}"` });

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
