// `imaginecole backup --out DIR`: a copy that opens with the same content, refused while a run
// holds the lock; restored as docs/operations.md says, it is a working warehouse again.
import { describe, expect, it } from "vitest";
import { copyFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rowCounts } from "../support/row-counts.ts";
import { cli, tempDir } from "../support/cli.ts";
import { copyOfSharedWarehouse } from "../support/shared-demo.ts";

const TABLES = ["ops.loads", "raw.xapi_statements", "core.usage_events", "core.trainers", "mart.indicators", "mart.flag_history"];

const counts = (db: string) => rowCounts(db, TABLES);

describe("imaginecole backup", () => {
  it("copies the warehouse under the run lock; the copy restored works as the original", async () => {
    const dir = tempDir("imaginecole-backup-");
    const db = await copyOfSharedWarehouse(join(dir, "warehouse.duckdb"));
    const out = join(dir, "backups");

    // A live run holds the lock (this process stands for it): refused, nothing written.
    const lock = `${db}.run.lock`;
    writeFileSync(lock, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), token: "held-by-the-test" }));
    const refused = cli(["backup", "--out", out, "--db", db]);
    expect(refused.stderr).toMatch(/Another run is in progress \(process \d+/);
    expect(refused.code).toBe(2);
    expect(readdirSync(dir)).not.toContain("backups");
    rmSync(lock);

    const made = cli(["backup", "--out", out, "--db", db]);
    expect(made.code, made.stderr).toBe(0);
    const [file, ...others] = readdirSync(out);
    expect(others).toEqual([]);
    expect(file).toMatch(/^warehouse-\d{8}T\d{6}Z\.duckdb$/);
    expect(made.stdout).toContain(join(out, file!));
    expect(made.stdout).toMatch(/Backup read back: \d+ loads/);

    // Restored as docs/operations.md says: copied in place of the warehouse, then `status`.
    const restored = join(dir, "restored.duckdb");
    copyFileSync(join(out, file!), restored);
    expect(await counts(restored)).toEqual(await counts(db));
    const status = cli(["status", "--db", restored]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/Last load per source/);
  }, 600_000);
});
