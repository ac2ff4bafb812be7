import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunContext } from "../../src/context/run-context.ts";
import type { Lang } from "../../src/core/lang.ts";
import { createKeyer } from "../../src/privacy/keyed-hash.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";

export interface TestContext {
  ctx: RunContext;
  /** The test's temp folder (and the warehouse file, if any), removed by close(). */
  dir: string;
  /** What the connector logged, in order. */
  logs: string[];
  close(): void;
}

/**
 * A run context on a fresh in-memory warehouse, with a temp folder for the test's files; "today"
 * is 28/11/2026 unless `now` says otherwise. `file: true` puts the warehouse in a file of that
 * folder instead, for what only a file shows (spilling to disk under a memory cap).
 */
export async function openTestContext(
  options: { dryRun?: boolean; now?: string; lang?: Lang; root?: string; file?: boolean } = {},
): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), "imaginecole-test-"));
  const warehouse = await Warehouse.open(options.file ? join(dir, "warehouse.duckdb") : ":memory:");
  const logs: string[] = [];
  const ctx: RunContext = {
    warehouse,
    lang: options.lang ?? "en",
    keyer: createKeyer("test-key"),
    log: (m) => void logs.push(m),
    dryRun: options.dryRun ?? false,
    now: new Date(options.now ?? "2026-11-28T12:00:00Z"),
    root: options.root ?? dir,
  };
  return {
    ctx,
    dir,
    logs,
    close() {
      warehouse.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
