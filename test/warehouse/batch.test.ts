import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadBatch, type BatchContext } from "../../src/warehouse/batch.ts";
import { openTestContext, type TestContext } from "../support/context.ts";

let t: TestContext;
beforeEach(async () => (t = await openTestContext()));
afterEach(() => t.close());

/** Writes one raw statement for the batch, as a source would. */
async function writeOne({ warehouse, loadId }: BatchContext) {
  await warehouse.run(
    `INSERT INTO raw.xapi_statements VALUES ($1, TIMESTAMPTZ '2026-11-01 08:00:00+00', NULL, 'SN', 'k1', 'viewed', 'r1', NULL, 'xapi', $2)`,
    [`e-${loadId}`, loadId],
  );
  return { rowsRead: 1, rowsLoaded: 1 };
}

const later = <T>(work: () => T) => new Promise<T>((resolve, reject) => setTimeout(() => { try { resolve(work()); } catch (e) { reject(e); } }, 20));
const rawRows = () => t.ctx.warehouse.scalar("SELECT count(*) FROM raw.xapi_statements");
const loads = () => t.ctx.warehouse.all<{ status: string; content_sha256: string | null }>("SELECT status, content_sha256 FROM ops.loads ORDER BY started_at, status");

describe("loadBatch with a content hash still being computed", () => {
  it("waits for the hash before committing and records it", async () => {
    const result = await loadBatch(t.ctx.warehouse, { source: "xapi", location: "a.ndjson", contentSha256: later(() => "aaa") }, writeOne);
    expect(result.status).toBe("loaded");
    expect(await rawRows()).toBe(1);
    expect(await loads()).toEqual([{ status: "loaded", content_sha256: "aaa" }]);
  });

  it("rolls the batch back and records it as skipped when the content proves already loaded", async () => {
    await loadBatch(t.ctx.warehouse, { source: "xapi", location: "a.ndjson", contentSha256: "aaa" }, writeOne);
    const copy = await loadBatch(t.ctx.warehouse, { source: "xapi", location: "copy.ndjson", contentSha256: later(() => "aaa") }, writeOne);
    expect(copy.status).toBe("skipped");
    expect(copy.rowsLoaded).toBe(0);
    expect(await rawRows()).toBe(1);
    expect((await loads()).map((l) => l.status).sort()).toEqual(["loaded", "skipped"]);
  });

  it("fails the batch and leaves the warehouse as it was when the file cannot be hashed", async () => {
    const result = await loadBatch(
      t.ctx.warehouse,
      { source: "xapi", location: "gone.ndjson", contentSha256: later(() => { throw new Error("ENOENT: gone.ndjson"); }) },
      writeOne,
    );
    expect(result.status).toBe("failed");
    expect(result.message).toContain("ENOENT");
    expect(await rawRows()).toBe(0);
  });

  it("does not wait for, nor trip over, a hash that fails after the work failed", async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", listener);
    try {
      const result = await loadBatch(
        t.ctx.warehouse,
        { source: "xapi", location: "bad.ndjson", contentSha256: later(() => { throw new Error("ENOENT"); }) },
        async () => { throw new Error("unreadable"); },
      );
      expect(result.status).toBe("failed");
      expect(result.message).toBe("unreadable");
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(unhandled).toEqual([]);
      expect(await loads()).toEqual([{ status: "failed", content_sha256: null }]);
    } finally {
      process.off("unhandledRejection", listener);
    }
  });
});
