import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentHash } from "../../src/warehouse/content-hash.ts";
import { openTestContext, type TestContext } from "../support/context.ts";

let t: TestContext;
beforeEach(async () => (t = await openTestContext()));
afterEach(() => t.close());

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("contentHash(warehouse, path, options)", () => {
  it("hashes a file once, then knows it by size and modification time until either changes", async () => {
    const file = join(t.dir, "statements.ndjson");
    const then = new Date("2026-11-01T08:00:00Z");
    writeFileSync(file, "first content\n");
    utimesSync(file, then, then);
    expect(await contentHash(t.ctx.warehouse, file, { remember: true })).toBe(sha256("first content\n"));

    // Same size, same time: taken as unchanged without reading (rsync's quick check).
    writeFileSync(file, "other content\n");
    utimesSync(file, then, then);
    expect(await contentHash(t.ctx.warehouse, file, { remember: true })).toBe(sha256("first content\n"));

    utimesSync(file, then, new Date(then.getTime() + 1000));
    expect(await contentHash(t.ctx.warehouse, file, { remember: true })).toBe(sha256("other content\n"));
    writeFileSync(file, "longer content now\n");
    expect(await contentHash(t.ctx.warehouse, file, { remember: true })).toBe(sha256("longer content now\n"));
    expect(await t.ctx.warehouse.scalar("SELECT count(*) FROM ops.file_hashes")).toBe(1);
  });

  it("writes nothing when told not to remember (dry runs)", async () => {
    const file = join(t.dir, "a.csv");
    writeFileSync(file, "x");
    expect(await contentHash(t.ctx.warehouse, file, { remember: false })).toBe(sha256("x"));
    expect(await t.ctx.warehouse.scalar("SELECT count(*) FROM ops.file_hashes")).toBe(0);
  });
});
