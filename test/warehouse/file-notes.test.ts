import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadBatch } from "../../src/warehouse/batch.ts";
import { withFileNotes } from "../../src/warehouse/file-notes.ts";
import { openTestContext, type TestContext } from "../support/context.ts";

let t: TestContext;
beforeEach(async () => (t = await openTestContext()));
afterEach(() => t.close());

const SEEN = new Date("2026-11-28T06:00:00Z");
const file = (path: string) => ({ path, size: 120n, modifiedNs: 1_764_000_000_000_000_000n });
const count = (table: string) => t.ctx.warehouse.scalar(`SELECT count(*) FROM ${table}`);

describe("withFileNotes(warehouse, seenAt, work)", () => {
  it("writes the files' hashes and places once the work is done, each place once with what was noted last", async () => {
    await withFileNotes(t.ctx.warehouse, SEEN, async (notes) => {
      notes.hash(file("/in/BJ/a.csv"), "a".repeat(64));
      notes.hash(file("/in/BJ/b.csv"), "b".repeat(64));
      notes.place({ source: "national", location: "/in/BJ/a.csv", countryCode: "BJ", editedAt: new Date("2026-11-01T08:00:00Z") });
      notes.place({ source: "national", location: "/in/BJ/a.csv", countryCode: "BJ", editedAt: new Date("2026-11-02T08:00:00Z") });
      notes.place({ source: "national", location: "/in/BJ/b.csv", countryCode: "BJ", editedAt: null });
      // Nothing is written file by file: each write would be a commit of its own.
      expect(await count("ops.file_hashes")).toBe(0);
      expect(await count("ops.source_locations")).toBe(0);
    });
    expect(await t.ctx.warehouse.all("SELECT path, size, sha256 FROM ops.file_hashes ORDER BY path")).toEqual([
      { path: "/in/BJ/a.csv", size: 120, sha256: "a".repeat(64) },
      { path: "/in/BJ/b.csv", size: 120, sha256: "b".repeat(64) },
    ]);
    expect(
      await t.ctx.warehouse.all(
        "SELECT location, country_code, strftime(timezone('UTC', edited_at), '%Y-%m-%d') AS edited, strftime(timezone('UTC', seen_at), '%Y-%m-%dT%H:%M') AS seen FROM ops.source_locations ORDER BY location",
      ),
    ).toEqual([
      { location: "/in/BJ/a.csv", country_code: "BJ", edited: "2026-11-02", seen: "2026-11-28T06:00" },
      { location: "/in/BJ/b.csv", country_code: "BJ", edited: null, seen: "2026-11-28T06:00" },
    ]);
  });

  it("writes the ops.loads rows of batches skipped as already loaded with the rest", async () => {
    const meta = { source: "national", location: "/in/BJ/a.csv", countryCode: "BJ", contentSha256: "a".repeat(64) };
    const nothing = async () => ({ rowsRead: 0, rowsLoaded: 0 });
    expect((await loadBatch(t.ctx.warehouse, meta, nothing)).status).toBe("loaded");
    const skips = () => t.ctx.warehouse.scalar("SELECT count(*) FROM ops.loads WHERE status = 'skipped' AND location = '/in/BJ/a.csv' AND country_code = 'BJ'");
    const skipped = await withFileNotes(t.ctx.warehouse, SEEN, async (notes) => {
      const result = await loadBatch(t.ctx.warehouse, meta, nothing, { skipped: notes });
      expect(await skips()).toBe(0);
      return result;
    });
    expect(skipped.status).toBe("skipped");
    expect(await skips()).toBe(1);
    expect(await t.ctx.warehouse.scalar("SELECT message FROM ops.loads WHERE load_id = $1", [skipped.loadId])).toBe("content already loaded");
  });

  it("writes what was noted when the work fails, and reports the work's own error", async () => {
    const error = await withFileNotes(t.ctx.warehouse, SEEN, async (notes) => {
      notes.hash(file("/in/ML/a.csv"), "c".repeat(64));
      notes.place({ source: "national", location: "/in/ML/a.csv", countryCode: "ML", editedAt: null });
      throw new Error("the third file could not be read");
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("the third file could not be read");
    expect(await count("ops.file_hashes")).toBe(1);
    expect(await count("ops.source_locations")).toBe(1);
  });
});
