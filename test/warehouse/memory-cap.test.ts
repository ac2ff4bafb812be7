import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { underImportMemoryLimit } from "../../src/warehouse/memory-cap.ts";
import { openTestContext, type TestContext } from "../support/context.ts";

let t: TestContext;
beforeEach(async () => (t = await openTestContext()));
afterEach(() => t.close());

const limit = () => t.ctx.warehouse.scalar<string>("SELECT current_setting('memory_limit')");

describe("underImportMemoryLimit(warehouse, work)", () => {
  it("runs the work under 256 MB and sets the warehouse's own limit back, also when the work fails", async () => {
    const before = await limit();
    expect(before).not.toBe("244.1 MiB");
    expect(await underImportMemoryLimit(t.ctx.warehouse, limit)).toBe("244.1 MiB"); // 256 MB
    expect(await limit()).toBe(before);
    await expect(underImportMemoryLimit(t.ctx.warehouse, async () => { throw new Error("bad file"); })).rejects.toThrow("bad file");
    expect(await limit()).toBe(before);
  });

  it("never raises a lower limit", async () => {
    await t.ctx.warehouse.run("SET memory_limit = '128MB'");
    expect(await underImportMemoryLimit(t.ctx.warehouse, limit)).toBe("122.0 MiB");
  });
});
