import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../../src/sources/sheets/rate-limiter.ts";

describe("RateLimiter(perMinute)", () => {
  it("lets a burst up to the quota through, then waits until the oldest request is a minute old", async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new RateLimiter(3, () => now, async (ms) => {
      waits.push(ms);
      now += ms;
    });
    for (let i = 0; i < 3; i++) {
      await limiter.take();
      now += 1000;
    }
    expect(waits).toEqual([]);
    await limiter.take();
    expect(waits).toEqual([57_000]);
    expect(now).toBe(60_000);
  });
});
