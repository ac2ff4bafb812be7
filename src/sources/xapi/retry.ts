/** How hard to insist with a failing LRS; tests shrink the delays and record the sleeps. */
export interface RetryOptions {
  /** Tries per request, the first included. */
  attempts?: number;
  /** First backoff delay, doubled after each failure, capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest wait a Retry-After header obtains: an LRS asking for an hour gets this, then another try. */
  maxRetryAfterMs?: number;
  /** Per-request timeout: a request the LRS leaves silent this long is abandoned and tried again. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told of every wait before a new try: how long, and why (for the run's log). */
  onWait?: (wait: RetryWait) => void;
}

export interface RetryWait {
  ms: number;
  /** The try that failed, and the number allowed. */
  attempt: number;
  attempts: number;
  /** `HTTP 429`, `timeout`, `ECONNRESET`, `not JSON`… */
  problem: string;
  /** Whether the LRS asked for the wait (Retry-After), and for longer than we wait. */
  askedMs: number | null;
}

export const DEFAULT_RETRY: Required<Omit<RetryOptions, "sleep" | "onWait">> = {
  attempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 5 * 60_000,
  timeoutMs: 60_000,
};

/** Statuses worth asking again: rate limiting and server-side trouble. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** What Retry-After asks for (seconds or an HTTP date), in milliseconds, or null when it asks nothing readable. Pure. */
export function retryAfterMs(retryAfter: string | null, now: number = Date.now()): number | null {
  if (retryAfter === null || retryAfter.trim() === "") return null;
  const value = retryAfter.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Milliseconds to wait before attempt `attempt + 1`: what Retry-After asks, up to
 * maxRetryAfterMs, when the server says; else exponential backoff. Pure.
 */
export function retryDelay(
  attempt: number,
  retryAfter: string | null,
  options: { baseDelayMs: number; maxDelayMs: number; maxRetryAfterMs?: number },
  now: number = Date.now(),
): number {
  const asked = retryAfterMs(retryAfter, now);
  if (asked !== null) return Math.min(asked, options.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs);
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
