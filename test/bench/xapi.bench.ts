import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { DuckDBInstance } from "@duckdb/node-api";
import { createKeyer } from "../../src/privacy/keyed-hash.ts";
import { importXapiFiles } from "../../src/sources/xapi/files.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";

export interface BenchResult {
  statements: number;
  fileMb: number;
  /** DuckDB alone: CREATE TABLE t AS SELECT * FROM read_json(file) into a fresh database file. */
  floorSeconds: number;
  /** importXapiFiles of the same file into a fresh warehouse: parse, key, reject, dedupe, load. */
  importSeconds: number;
  ratio: number;
  /** Same file again: skipped by content hash, nothing written. */
  rerunSeconds: number;
  rowsLoaded: number;
  /** Highest resident memory sampled while importing. */
  peakRssMb: number;
  /** DuckDB's memory_limit for the floor and the warehouse (the import lowers it for a large file). */
  memoryLimit: string;
}

const COUNTRIES = ["BF", "ML", "SN", "NE", "BJ", "CI", "GN", "TG", "CM", "TD"];

/** N statements shaped like the regional platform's: 5,000 learners, 700 resources, 10 countries. */
export async function writeStatements(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  const start = Date.UTC(2026, 0, 1);
  let buffer = "";
  for (let i = 0; i < n; i++) {
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const learner = i % 5000;
    const statement = {
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`,
      actor: {
        objectType: "Agent",
        name: `Learner ${learner}`,
        account: { homePage: `https://${country.toLowerCase()}.imaginecole.org`, name: String(learner) },
      },
      verb: { id: "http://id.tincanapi.com/verb/viewed", display: { fr: "a consulté" } },
      object: { objectType: "Activity", id: `https://imaginecole.org/resources/${i % 700}` },
      timestamp: new Date(start + i * 1000).toISOString(),
      stored: new Date(start + i * 1000 + 500).toISOString(),
      context: { platform: "Moodle", extensions: { "https://imaginecole.org/xapi/extensions/country": country } },
    };
    buffer += JSON.stringify(statement) + "\n";
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}

async function floor(dir: string, file: string, memoryLimit: string): Promise<number> {
  const instance = await DuckDBInstance.create(join(dir, "floor.duckdb"));
  const conn = await instance.connect();
  try {
    await conn.run(`SET memory_limit = '${memoryLimit}'`);
    const t0 = performance.now();
    await conn.run("CREATE TABLE t AS SELECT * FROM read_json($1, format = 'newline_delimited')", [file]);
    return (performance.now() - t0) / 1000;
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(join(dir, "floor.duckdb"), { force: true });
  }
}

/** A fresh warehouse importing `file`: its time and peak RSS, then the same file again (nothing new). */
async function importOnce(dir: string, file: string, memoryLimit: string) {
  const warehouse = await Warehouse.open(join(dir, "warehouse.duckdb"));
  try {
    await warehouse.run(`SET memory_limit = '${memoryLimit}'`);
    const ctx = {
      warehouse, lang: "en" as const, keyer: createKeyer("bench-key"), log: () => {},
      dryRun: false, now: new Date(), root: dir,
    };
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const [first] = await importXapiFiles(ctx, [file], {});
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const t1 = performance.now();
    await importXapiFiles(ctx, [file], {});
    return { seconds, rerunSeconds: (performance.now() - t1) / 1000, rowsLoaded: first?.rowsLoaded ?? 0, peak };
  } finally {
    warehouse.close();
    rmSync(join(dir, "warehouse.duckdb"), { force: true });
  }
}

/**
 * Times importXapiFiles against DuckDB's own read_json of the same NDJSON, for each size, in
 * this process: the best of `runs` alternating runs of each (the machine may be shared), into
 * fresh database files. Each size gets a fresh temp folder, deleted afterwards.
 */
export async function benchXapi(sizes: number[], options: { memoryLimit?: string; runs?: number } = {}): Promise<BenchResult[]> {
  const memoryLimit = options.memoryLimit ?? "1GB";
  if (!/^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(memoryLimit)) throw new Error(`memoryLimit: expected e.g. 1GB, got ${memoryLimit}`);
  const results: BenchResult[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "xapi-bench-"));
    try {
      const file = join(dir, "statements.ndjson");
      await writeStatements(file, n);
      let floorSeconds = Infinity;
      let best: Awaited<ReturnType<typeof importOnce>> | undefined;
      let peak = 0;
      for (let run = 0; run < (options.runs ?? 3); run++) {
        const floorRun = await floor(dir, file, memoryLimit);
        floorSeconds = Math.min(floorSeconds, floorRun);
        const imported = await importOnce(dir, file, memoryLimit);
        process.stderr.write(`  ${n} statements, run ${run + 1}: floor ${floorRun.toFixed(2)} s, import ${imported.seconds.toFixed(2)} s\n`);
        if (!best || imported.seconds < best.seconds) best = imported;
        peak = Math.max(peak, imported.peak);
      }
      results.push({
        statements: n,
        fileMb: Math.round(statSync(file).size / 1e6),
        floorSeconds,
        importSeconds: best!.seconds,
        ratio: best!.seconds / floorSeconds,
        rerunSeconds: best!.rerunSeconds,
        rowsLoaded: best!.rowsLoaded,
        peakRssMb: Math.round(peak / 1e6),
        memoryLimit,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}
