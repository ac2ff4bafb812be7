/**
 * Keeps requests under a per-minute quota (Google counts "requests per minute per user"): at most
 * `perMinute` requests start in any 60-second window; a small run never waits.
 */
export class RateLimiter {
  private readonly started: number[] = [];

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async take(): Promise<void> {
    for (;;) {
      const now = this.clock();
      while (this.started.length > 0 && now - this.started[0]! >= 60_000) this.started.shift();
      if (this.started.length < this.perMinute) {
        this.started.push(now);
        return;
      }
      await this.sleep(60_000 - (now - this.started[0]!));
    }
  }
}
