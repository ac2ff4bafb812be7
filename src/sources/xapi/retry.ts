/** How hard to insist with a failing LRS; tests shrink the delays and record the sleeps. */
export interface RetryOptions {
  /** Tries per request, the first included. */
  attempts?: number;
  /** First backoff delay, doubled after each failure, capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: Required<Omit<RetryOptions, "sleep">> = {
  attempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  timeoutMs: 120_000,
};

/** Statuses worth asking again: rate limiting and server-side trouble. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Milliseconds to wait before attempt `attempt + 1`: what Retry-After asks (seconds or HTTP date)
 * when the server says, else exponential backoff. Pure.
 */
export function retryDelay(
  attempt: number,
  retryAfter: string | null,
  options: { baseDelayMs: number; maxDelayMs: number },
  now: number = Date.now(),
): number {
  if (retryAfter !== null && retryAfter.trim() !== "") {
    const value = retryAfter.trim();
    if (/^\d+$/.test(value)) return Number(value) * 1000;
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
