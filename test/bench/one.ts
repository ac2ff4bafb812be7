// One benchmark in its own process (see run.ts); prints its figures as one JSON line.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { benchXapi } from "./xapi.bench.ts";
import { benchNationalCsv } from "./national-csv.bench.ts";
import { benchSite, SITE_PAGES } from "./site.bench.ts";
import { generateDemo } from "../../src/demo/generate.ts";
import { loadConfig } from "../../src/config/pipelines.ts";
import { runPipelines } from "../../src/pipeline/run.ts";
import { buildMart } from "../../src/mart/build.ts";
import { exportSnapshot } from "../../src/export/index.ts";
import { createKeyer, DEMO_KEY } from "../../src/privacy/keyed-hash.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { buildDashboard } from "../../src/site/build.ts";
import { demoConfig } from "../support/cli.ts";

const [name, arg, runs] = process.argv.slice(2);
const size = Number(arg);
const NOW = new Date("2026-11-28T12:00:00Z");

const seconds = async (work: () => Promise<unknown>) => {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
};

async function dataRows(w: Warehouse): Promise<number> {
  const tables = await w.all<{ s: string; t: string }>(
    "SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_schema IN ('raw', 'core', 'mart') AND table_type = 'BASE TABLE'",
  );
  let total = 0;
  for (const { s, t } of tables) total += Number(await w.scalar(`SELECT count(*) FROM "${s}"."${t}"`));
  return total;
}

function folderKb(dir: string, match: RegExp): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && match.test(entry.name)) bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return Math.round(bytes / 1024);
}

/** The data files the dashboard ships, by name without their content hash (`country/SN`), in KB. */
function pageDataKb(out: string): Record<string, number> {
  const dir = join(out, "_file", "data");
  const sizes: Record<string, number> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
    const name = relative(dir, join(entry.parentPath, entry.name)).replace(/\.[0-9a-f]+\.json$/, "");
    sizes[name] = Math.round(statSync(join(entry.parentPath, entry.name)).size / 102.4) / 10;
  }
  return sizes;
}

const quietLog = { write: () => true } as unknown as NodeJS.WritableStream;

/** The bundled demo as `npm start` makes it (~200,000 usage events), built into `<dir>/dist`. */
async function buildDemoSite(dir: string): Promise<{ events: number; out: string }> {
  await generateDemo({ outDir: join(dir, "demo"), asOf: NOW });
  const { config } = loadConfig(dir, demoConfig(dir, join(dir, "demo")));
  const warehouse = await Warehouse.open(join(dir, "w.duckdb"));
  const ctx = { warehouse, lang: "en" as const, keyer: createKeyer(DEMO_KEY), log: () => {}, dryRun: false, now: NOW, root: dir, phase: config.phase };
  await runPipelines(ctx, config);
  await buildMart(warehouse, { now: NOW, phase: config.phase });
  const events = Number(await warehouse.scalar("SELECT count(*) FROM core.usage_events"));
  warehouse.close();
  const { out } = await buildDashboard({ db: join(dir, "w.duckdb"), out: join(dir, "dist"), log: quietLog });
  return { events, out };
}

/** The bundled demo's dashboard: the data it ships per page. */
async function benchDemoDashboard() {
  const dir = mkdtempSync(join(tmpdir(), "imaginecole-bench-demo-"));
  try {
    const { events, out } = await buildDemoSite(dir);
    return { events, pages: pageDataKb(out) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo site in the browser (site.bench.ts): the site in `existing` when given, else the bundled demo built afresh. */
async function benchDemoSite(existing: string, runs: number) {
  const dir = existing ? "" : mkdtempSync(join(tmpdir(), "imaginecole-bench-site-"));
  try {
    const out = existing || (await buildDemoSite(dir)).out;
    return { rows: await benchSite(out, SITE_PAGES, runs) };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Demo warehouse whose usage events are replaced by `events` synthetic ones; then mart, no-op run, dashboard, snapshot. */
async function benchMart(events: number) {
  const dir = mkdtempSync(join(tmpdir(), "imaginecole-bench-mart-"));
  try {
    await generateDemo({ outDir: join(dir, "demo"), scale: 0.05, asOf: NOW });
    const { config } = loadConfig(dir, demoConfig(dir, join(dir, "demo")));
    const warehouse = await Warehouse.open(join(dir, "w.duckdb"));
    const ctx = { warehouse, lang: "en" as const, keyer: createKeyer(DEMO_KEY), log: () => {}, dryRun: false, now: NOW, root: dir, phase: config.phase };
    await runPipelines(ctx, config);
    await warehouse.run("DELETE FROM raw.xapi_statements");
    await warehouse.run(`
      INSERT INTO raw.xapi_statements (event_id, occurred_at, country_code, actor_key, verb, object_id, source, load_id)
      SELECT 'e' || i,
             TIMESTAMPTZ '2025-05-01 00:00:00+00' + to_seconds((i * 7919) % (548 * 86400)),
             ['BF','ML','SN','NE','BJ','CI','GN','TG','CM','TD'][1 + i % 10],
             md5((i % ${Math.max(1000, Math.floor(events / 40))})::VARCHAR),
             'http://adlnet.gov/expapi/verbs/experienced',
             'https://imaginecole.org/ressources/SN/RES-SN-' || (i % 300),
             'xapi', 'bench'
      FROM range(${events}) t(i)`);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const floorSeconds = await seconds(() =>
      warehouse.all("SELECT country_code, date_trunc('month', occurred_at), count(DISTINCT actor_key) FROM core.usage_events GROUP BY ALL"),
    );
    const martSeconds = await seconds(() => buildMart(warehouse, { now: NOW, phase: config.phase }));
    const before = await dataRows(warehouse);
    const noopSeconds = await seconds(() => runPipelines(ctx, config));
    const noopRowsWritten = (await dataRows(warehouse)) - before;
    const snapshotSeconds = await seconds(() =>
      exportSnapshot(warehouse, { asOf: "2026-10-31", outDir: join(dir, "snapshot"), formats: ["xlsx", "csv", "parquet", "json"], lang: "fr", version: "bench" }),
    );
    clearInterval(sampler);
    warehouse.close();
    const { out } = await buildDashboard({ db: join(dir, "w.duckdb"), out: join(dir, "dist"), log: quietLog });
    return {
      events,
      floorSeconds,
      martSeconds,
      noopSeconds,
      noopRowsWritten,
      snapshotSeconds,
      dashboardDataKb: folderKb(join(out, "_file"), /\.json$/),
      pages: pageDataKb(out),
      peakRssMb: Math.round(peak / 2 ** 20),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const result =
  name === "xapi" ? (await benchXapi([size]))[0]
  : name === "national-csv" ? await benchNationalCsv(size)
  : name === "mart" ? await benchMart(size)
  : name === "dashboard-demo" ? await benchDemoDashboard()
  : name === "site" ? await benchDemoSite(arg ?? "", Number(runs ?? 3))
  : undefined;
if (!result) throw new Error(`unknown benchmark ${name}`);
process.stdout.write(JSON.stringify(result) + "\n");
