import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import type { Lang } from "../../src/core/lang.ts";
import { acquireRunLock, startScheduler, type Scheduler, type SchedulerOptions } from "../../src/schedule/index.ts";
import { tempDir, waitFor } from "./helpers.ts";

const EVERY_SECOND = "*/1 * * * * *";
const running: Scheduler[] = [];
afterEach(async () => {
  for (const scheduler of running.splice(0)) await scheduler.stop();
});

/** English unless a test asks otherwise, as the assertions below read. */
function start(options: Omit<SchedulerOptions, "lang"> & { lang?: Lang }): Scheduler {
  const scheduler = startScheduler({ lang: "en", ...options });
  running.push(scheduler);
  return scheduler;
}

describe("startScheduler(options)", () => {
  it("fires a job on its cron expression and logs the run", async () => {
    const logs: string[] = [];
    let runs = 0;
    start({
      jobs: [{ name: "sheets", cron: EVERY_SECOND, run: async () => void runs++ }],
      lockPath: join(tempDir(), "run.lock"),
      log: (m) => logs.push(m),
    });
    await waitFor(() => runs >= 2, "two runs");
    expect(logs.some((m) => m.startsWith("[sheets] run succeeded"))).toBe(true);
  });

  it("refuses a tick of a job whose previous run is still in progress", async () => {
    const logs: string[] = [];
    let runs = 0;
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    start({
      jobs: [{ name: "xapi", cron: EVERY_SECOND, run: async () => { runs++; await gate; } }],
      lockPath: join(tempDir(), "run.lock"),
      log: (m) => logs.push(m),
    });
    await waitFor(() => logs.includes("[xapi] refused: its previous run is still in progress"), "a refused tick");
    expect(runs).toBe(1);
    open();
  });

  it("runs jobs whose times coincide one after the other, never two at once", async () => {
    const logs: string[] = [];
    const done: string[] = [];
    let active = 0;
    let maxActive = 0;
    const job = (name: string) => ({
      name,
      cron: EVERY_SECOND,
      run: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 30));
        active--;
        done.push(name);
      },
    });
    start({ jobs: [job("xapi"), job("sheets"), job("national")], lockPath: join(tempDir(), "run.lock"), log: (m) => logs.push(m) });
    await waitFor(() => ["xapi", "sheets", "national"].every((n) => done.filter((d) => d === n).length >= 2), "two runs of each job");
    expect(maxActive).toBe(1);
    expect(logs.some((m) => / queued behind (xapi|sheets|national)$/.test(m))).toBe(true);
  });

  it("refuses to run while another process holds the lock file", async () => {
    const lockPath = join(tempDir(), "run.lock");
    const held = await acquireRunLock(lockPath);
    const logs: string[] = [];
    let runs = 0;
    start({ jobs: [{ name: "xapi", cron: EVERY_SECOND, run: async () => void runs++ }], lockPath, log: (m) => logs.push(m) });
    await waitFor(() => logs.some((m) => m.includes(`refused: another run holds ${lockPath} (pid ${process.pid}`)), "a refusal naming the holder");
    expect(runs).toBe(0);
    await held?.release();
    await waitFor(() => runs >= 1, "a run once the lock is free");
  });

  it("retries a failing job with backoff while the other jobs keep running", async () => {
    const logs: string[] = [];
    let failingCalls = 0;
    let healthyRuns = 0;
    start({
      jobs: [
        {
          name: "lrs",
          cron: EVERY_SECOND,
          run: async () => {
            failingCalls++;
            if (failingCalls <= 2) throw new Error("HTTP 503 from the LRS");
          },
        },
        { name: "sheets", cron: EVERY_SECOND, run: async () => void healthyRuns++ },
      ],
      lockPath: join(tempDir(), "run.lock"),
      log: (m) => logs.push(m),
      retry: { attempts: 3, baseDelayMs: 10 },
    });
    await waitFor(() => logs.some((m) => m.startsWith("[lrs] retry 2/3 succeeded")), "the second retry to succeed");
    await waitFor(() => healthyRuns >= 1, "the healthy job to run");
    expect(logs.some((m) => m.includes("[lrs] run failed: HTTP 503 from the LRS; retrying in 10 ms"))).toBe(true);
    expect(logs.some((m) => m.includes("[lrs] retry 1/3 failed: HTTP 503 from the LRS; retrying in 20 ms"))).toBe(true);
  });

  it("gives up after the last retry and fires again at the next scheduled time", async () => {
    const logs: string[] = [];
    let calls = 0;
    start({
      jobs: [{ name: "lrs", cron: EVERY_SECOND, run: async () => { calls++; throw new Error("down"); } }],
      lockPath: join(tempDir(), "run.lock"),
      log: (m) => logs.push(m),
      retry: { attempts: 1, baseDelayMs: 5 },
    });
    await waitFor(() => calls >= 3, "a fresh run after giving up");
    expect(logs.some((m) => m === "[lrs] retry 1/1 failed: down; giving up until the next scheduled time")).toBe(true);
  });

  it("speaks the run's language, a failure of ours in its own words", async () => {
    const logs: string[] = [];
    const refused = new ImaginEcoleError({ fr: "LRS injoignable", en: "LRS unreachable" });
    start({
      jobs: [{ name: "lrs", cron: EVERY_SECOND, run: async () => { throw refused; } }],
      lockPath: join(tempDir(), "run.lock"),
      log: (m) => logs.push(m),
      lang: "fr",
      retry: { attempts: 1, baseDelayMs: 5 },
    });
    await waitFor(() => logs.some((m) => m.startsWith("[lrs] nouvel essai 1/1 : échec")), "the retry to fail");
    expect(logs).toContain('[lrs] planifié sur « */1 * * * * * »');
    expect(logs).toContain("[lrs] exécution : échec : LRS injoignable ; nouvel essai dans 5 ms");
    expect(logs).toContain("[lrs] nouvel essai 1/1 : échec : LRS injoignable ; abandon jusqu'à la prochaine heure prévue");
    expect(logs.join("\n")).not.toMatch(/LRS unreachable|failed|retry/);
  });
});
