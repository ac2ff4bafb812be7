import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import iconv from "iconv-lite";
import { DuckDBInstance } from "@duckdb/node-api";
import { createKeyer } from "../../src/privacy/keyed-hash.ts";
import { importNationalCsv } from "../../src/sources/national-csv/index.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import type { BenchResult } from "./result.ts";

const PLATFORMS = 40;
const NOW = new Date("2026-11-28T12:00:00Z");

/**
 * A French Excel export as the issue describes it: `;`, Windows-1252 (é, ’ in the header, no-break
 * spaces 0xA0 as thousands separators), CRLF, dd/mm/yyyy, decimal comma in a ratio column. One
 * row per platform and day, 40 platforms, days counted back from NOW so none is in the future.
 */
export async function writeFrenchExcelExport(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const days = Math.ceil(rows / PLATFORMS);
  const first = Date.UTC(2026, 10, 27) - (days - 1) * 86_400_000;
  const thousands = (n: number) => (n >= 1000 ? `${Math.floor(n / 1000)}\u00a0${String(n % 1000).padStart(3, "0")}` : String(n));
  let text = "Date;Plateforme;Utilisateurs actifs;Nouveaux utilisateurs;Sessions;Pages vues;Téléchargements;Taux d’abandon\r\n";
  for (let i = 0; i < rows; i++) {
    const d = new Date(first + Math.floor(i / PLATFORMS) * 86_400_000);
    const date = `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
    const active = (i * 7919) % 20_000;
    text += `${date};Plateforme ${i % PLATFORMS};${thousands(active)};${active % 300};${thousands(active + 40)};${thousands(active * 3)};${active % 90};${(active % 1000) / 10}`.replace(/\.(\d)$/, ",$1") + " %\r\n";
    if (text.length > 1 << 20) {
      if (!out.write(iconv.encode(text, "win1252"))) await once(out, "drain");
      text = "";
    }
  }
  out.end(iconv.encode(text, "win1252"));
  await once(out, "finish");
}

/**
 * Import of an N-row export against DuckDB's read_csv of the same file already in UTF-8: the best
 * of `runs` alternating runs of each (the machine may be shared), into fresh database files.
 */
export async function benchNationalCsv(rows: number, runs = 3): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "imaginecole-bench-national-"));
  try {
    const file = join(dir, "export-sn.csv");
    await writeFrenchExcelExport(file, rows);
    const utf8 = join(dir, "export-sn-utf8.csv");
    writeFileSync(utf8, iconv.decode(readFileSync(file), "win1252"));
    let ms = Infinity;
    let floorMs = Infinity;
    let peak = 0;
    for (let run = 0; run < runs; run++) {
      // The import runs first so that its peak memory is its own, not the floor's.
      const imported = await importOnce(dir, file, rows);
      ms = Math.min(ms, imported.ms);
      peak = Math.max(peak, imported.peak);
      floorMs = Math.min(floorMs, await timeFloor(join(dir, "floor.duckdb"), utf8));
    }
    return {
      name: "national-csv import (`;`, Windows-1252, decimal comma)",
      size: rows,
      ms: Math.round(ms),
      floorName: `DuckDB read_csv of the same file in UTF-8 into a fresh database (CREATE TABLE AS); each the best of ${runs} alternating runs`,
      floorMs: Math.round(floorMs),
      ratio: Number((ms / floorMs).toFixed(2)),
      goal: 1.5,
      peakRssMb: Math.round(peak / 2 ** 20),
      notes: `${(statSync(file).size / 2 ** 20).toFixed(1)} MB file; sha256, transcoding, record lines, parsing, checks, and replacing the file's days in core.national_usage included`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One import into a fresh warehouse: its time and the peak RSS sampled meanwhile. */
async function importOnce(dir: string, file: string, rows: number): Promise<{ ms: number; peak: number }> {
  const path = join(dir, "warehouse.duckdb");
  const warehouse = await Warehouse.open(path);
  try {
    const ctx = { warehouse, lang: "en" as const, keyer: createKeyer("bench"), log: () => {}, dryRun: false, now: NOW, root: dir };
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const start = performance.now();
    const [result] = await importNationalCsv(ctx, [file], { country: "SN", profilesDir: dir });
    const ms = performance.now() - start;
    clearInterval(sampler);
    if (result?.status !== "loaded" || result.rowsLoaded !== rows) {
      throw new Error(`bench import did not load every row: ${JSON.stringify({ ...result, error: undefined })}`);
    }
    return { ms, peak };
  } finally {
    warehouse.close();
    rmSync(path, { force: true });
  }
}

async function timeFloor(dbPath: string, csv: string): Promise<number> {
  const instance = await DuckDBInstance.create(dbPath);
  const conn = await instance.connect();
  try {
    const start = performance.now();
    await conn.run("CREATE TABLE floor AS SELECT * FROM read_csv($1, delim = ';', decimal_separator = ',')", [csv]);
    return performance.now() - start;
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(dbPath, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await benchNationalCsv(Number(process.argv[2] ?? 1_000_000)), null, 2));
}
