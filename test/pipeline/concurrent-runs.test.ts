import { describe, expect, it } from "vitest";
import { sharedDemo } from "../support/shared-demo.ts";

// The first run is the suite's shared demo run; its setup (test/support/shared-demo.setup.ts)
// started the second, on the same warehouse, once the first held it.
describe("two runs of one warehouse at once", () => {
  it("the second exits 2 naming the run in progress, and the first completes", async () => {
    const { run: first, pid, whileRunning: second, lockLeft } = await sharedDemo();
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`Another run is in progress \\(process ${pid}`));

    expect(first.code).toBe(3);
    expect(lockLeft).toBe(false);
  });
});
