// `npm run bench [-- --quick] [-- --only xapi,national-csv,mart,site] [-- --site dist]`: every figure
// against a floor measured in the same run, into BENCHMARKS.md (a partial run replaces only its own
// sections; the hand-written "notes" section is kept). The site rows build the bundled demo's site
// afresh, or measure the one built in the folder given with --site.
import { execFileSync, spawnSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { GOALS, type SiteRow } from "./site.bench.ts";

const ROOT = join(import.meta.dirname, "../..");
const quick = process.argv.includes("--quick");
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]!.split(",")) : null;
const wanted = (name: string) => !only || only.has(name);
const XAPI_SIZES = quick ? [100_000] : [1_000_000, 5_000_000, 20_000_000];
const CSV_ROWS = quick ? 100_000 : 1_000_000;
const COMMAND = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
const siteArg = process.argv.indexOf("--site");
const SITE_DIR = siteArg > 0 ? resolve(process.argv[siteArg + 1]!) : "";
const MART_SIZES = quick ? [100_000, 400_000] : [1_000_000, 5_000_000, 20_000_000];

/** Each benchmark runs in its own process, so peak memory is its own. */
function child(name: string, ...args: string[]): unknown {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "test/bench/one.ts"), name, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`bench ${name} ${args.join(" ")} exited ${r.status}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

/** Sections of BENCHMARKS.md by name; those not re-run keep their previous text. */
const sections = new Map<string, string[]>(previousSections());
const log = (m: string) => process.stderr.write(m + "\n");

if (wanted("xapi")) {
  log(`xAPI ingestion at ${XAPI_SIZES.join(", ")}…`);
  const xapi = XAPI_SIZES.map((n) => child("xapi", String(n))) as Array<Record<string, number | string>>;
  sections.set("xapi", [
    "## Usage-log ingestion (xAPI NDJSON)",
    "Floor: DuckDB `read_json` of the same NDJSON into a table, same process, under the warehouse's 1 GB memory_limit (the import lowers it to 256 MB for a large file); each the best of three alternating runs. Goal ≤ 1.5×, peak RSS ≤ 1.5 GB.",
    "",
    "| statements | file MB | floor s | import s | ratio | rerun s (nothing new) | peak RSS MB |",
    "|---:|---:|---:|---:|---:|---:|---:|",
    ...xapi.map((r) => `| ${r.statements} | ${r.fileMb} | ${fmt(r.floorSeconds)} | ${fmt(r.importSeconds)} | ${fmt(r.ratio)}× | ${fmt(r.rerunSeconds)} | ${r.peakRssMb} |`),
    "",
  ]);
}

if (wanted("national-csv")) {
  log(`national CSV ingestion at ${CSV_ROWS}…`);
  const csv = child("national-csv", String(CSV_ROWS)) as Record<string, number | string>;
  sections.set("national-csv", [
    "## National CSV ingestion (`;`, Windows-1252, decimal comma)",
    `Floor: ${csv.floorName}. Goal ≤ 1.5×.`,
    "",
    "| rows | floor ms | import ms | ratio | peak RSS MB |",
    "|---:|---:|---:|---:|---:|",
    `| ${csv.size} | ${csv.floorMs} | ${csv.ms} | ${fmt(csv.ratio)}× | ${csv.peakRssMb} |`,
    "",
  ]);
}

if (wanted("mart")) {
  log(`transforms and dashboard data at ${MART_SIZES.join(", ")}…`);
  const mart = MART_SIZES.map((n) => child("mart", String(n))) as Array<Record<string, unknown> & { events: number; pages: Pages }>;
  const demo = child("dashboard-demo", "") as { events: number; pages: Pages };
  sections.set("mart", [
    "## Transforms (core → mart), incremental run, dashboard data, snapshot",
    "Usage events synthesised in the warehouse of a demo run (sheets and national exports unchanged).",
    "Floor: one DuckDB scan grouping the same events by country and month (`count(DISTINCT actor_key)`). Goal ≤ 60 s at 20M.",
    "",
    "| events | floor s | mart build s | ratio | run with nothing new s | rows written by it | dashboard data KB | snapshot s | peak RSS MB |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...mart.map(
      (r) =>
        `| ${r.events} | ${fmt(r.floorSeconds)} | ${fmt(r.martSeconds)} | ${fmt(Number(r.martSeconds) / Number(r.floorSeconds))}× | ${fmt(r.noopSeconds)} | ${r.noopRowsWritten} | ${r.dashboardDataKb} | ${fmt(r.snapshotSeconds)} | ${r.peakRssMb} |`,
    ),
    "",
    growth(mart),
    "",
    ...perPage(demo, mart),
    "",
  ]);
}

if (wanted("site")) {
  log(`the demo site in Chromium (${SITE_DIR || "built afresh"}), served both ways…`);
  const load = loadavg()[0]!;
  const { rows } = child("site", SITE_DIR, String(quick ? 1 : 3)) as { rows: SiteRow[] };
  sections.set("site", siteSection(rows, quick ? 1 : 3, load));
}

// A partial run keeps the heading of the run that measured the other sections; its own sections say when they were measured.
const head = only && previousHead() ? [previousHead()!] : [
  "# Benchmarks",
  "",
  `Run on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, DuckDB ${duckdbVersion()}.`,
  `Command: \`${COMMAND}\`. Every time is a ratio to a floor measured in the same run on the same machine.`,
  "",
];
const body = ["xapi", "national-csv", "mart", "site", "notes"].flatMap((name) => {
  const lines = sections.get(name);
  return lines ? [`<!-- section ${name} -->`, ...lines] : [];
});
writeFileSync(join(ROOT, "BENCHMARKS.md"), [...head, ...body].join("\n") + "\n");
log("BENCHMARKS.md written");

function previousHead(): string | undefined {
  const path = join(ROOT, "BENCHMARKS.md");
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, "utf8");
  const at = text.search(/^<!-- section \S+ -->$/m);
  return at > 0 ? text.slice(0, at).trimEnd() + "\n" : undefined;
}

function previousSections(): Array<[string, string[]]> {
  const path = join(ROOT, "BENCHMARKS.md");
  if (!existsSync(path)) return [];
  const parts = readFileSync(path, "utf8").trimEnd().split(/^<!-- section (\S+) -->\n/m);
  const out: Array<[string, string[]]> = [];
  // Each kept section ends with one blank line, like a fresh one.
  for (let i = 1; i + 1 < parts.length; i += 2) out.push([parts[i]!, [...parts[i + 1]!.trimEnd().split("\n"), ""]]);
  return out;
}

type Pages = Record<string, number>;

/** The data each page ships (country pages: the largest), for the bundled demo and each size. */
function perPage(demo: { events: number; pages: Pages }, rows: Array<{ events: number; pages: Pages }>): string[] {
  const largestCountry = (pages: Pages) => Math.max(...Object.entries(pages).filter(([n]) => n.startsWith("country/")).map(([, kb]) => kb));
  const names = Object.keys(demo.pages).filter((n) => !n.startsWith("country/")).sort();
  const cell = (pages: Pages, name: string) => String(name === "country" ? largestCountry(pages) : (pages[name] ?? "–"));
  return [
    `Data shipped per page, KB (country pages: the largest of ten), for the bundled demo (${demo.events} usage events) and each size:`,
    "",
    `| data file | demo | ${rows.map((r) => r.events).join(" | ")} |`,
    `|---|---:|${rows.map(() => "---:").join("|")}|`,
    ...[...names, "country"].map((name) => `| ${name} | ${cell(demo.pages, name)} | ${rows.map((r) => cell(r.pages, name)).join(" | ")} |`),
  ];
}

/** The site rows: each page served plainly, then by `serveDist`; the goals read on the latter. */
function siteSection(rows: SiteRow[], runs: number, load: number): string[] {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const seconds = (s: number | null) => (s === null ? "timed out (> 60)" : fmt(s));
  const met = (ok: boolean) => (ok ? "met" : "**not met**");
  const served = rows.filter((r) => r.server === "serve");
  const overview = served.find((r) => r.page.endsWith("/"))!;
  return [
    "## The site in a browser: page weight, without JavaScript, on a slow link",
    `Measured on ${new Date().toISOString().slice(0, 10)} (\`${COMMAND}\`). The bundled demo's site in headless Chromium, each page served by \`imaginecole serve\` (\`serveDist\`: the build's brotli/gzip copies, cache headers) and, side by side, the same files served plainly (no compression, no cache headers: the site as served before), in the same run: that is this section's floor.`,
    `Transferred: every response of a first visit with the cache disabled (CDP \`encodedDataLength\`, headers included); again: the same page opened a second time with the browser's cache. Without JS: the page's HTML and the text of its \`main\` in a context with JavaScript disabled. Slow 3G (CDP: 300 ms latency, 1.6 Mbit/s down, 0.75 up, cache disabled), best of ${runs}: first contentful paint, and first readable content (\`main\`'s heading and first paragraph have text, at the next frame drawn). The slow-link times include the page's own work on the CPU: the machine's load average was ${load.toFixed(1)} when this section was measured.`,
    "",
    "| page | served | transferred KB | requests | again KB | HTML KB sent (with headers) / decoded | no-JS text of main (chars) | slow 3G first paint s | slow 3G first readable s |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| /${r.page} | ${r.server === "serve" ? "serve" : "plain (before)"} | ${kb(r.transferBytes)} | ${r.requests} | ${kb(r.repeatBytes)} | ${kb(r.htmlTransferBytes)} / ${kb(r.htmlBytes)} | ${r.noJsMainChars}${r.noJsHeading ? "" : " (no heading)"} | ${seconds(r.firstContentfulPaint)} | ${seconds(r.firstReadable)} |`,
    ),
    "",
    `Goals, served by \`serve\`: overview ≤ ${GOALS.transferKb} KB transferred: ${kb(overview.transferBytes)} KB, ${met(overview.transferBytes <= GOALS.transferKb * 1024)}. ` +
      `No-JS HTML ≤ ${GOALS.htmlKb} KB (decoded): ${served.map((r) => `/${r.page} ${kb(r.htmlBytes)} KB ${met(r.htmlBytes <= GOALS.htmlKb * 1024)}`).join(", ")}. ` +
      `First readable content on slow 3G ≤ ${GOALS.readableSeconds} s: ${served.map((r) => `/${r.page} ${r.firstReadable === null ? "timed out" : `${fmt(r.firstReadable)} s`} ${met(r.firstReadable !== null && r.firstReadable <= GOALS.readableSeconds)}`).join(", ")}. ` +
      `Readable without JavaScript (heading and text in \`main\`): ${served.map((r) => `/${r.page} ${r.noJsHeading && r.noJsMainChars > 0 ? "yes" : "**no**"}`).join(", ")}.`,
    "",
  ];
}

function fmt(x: unknown): string {
  return Number(x).toFixed(2);
}

function growth(rows: Array<Record<string, unknown>>): string {
  if (rows.length < 2) return "";
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const sizeFactor = Number(last.events) / Number(first.events);
  const timeFactor = Number(last.martSeconds) / Number(first.martSeconds);
  return `From ${first.events} to ${last.events} events (×${sizeFactor.toFixed(0)}), the mart build took ×${timeFactor.toFixed(1)} the time: ${timeFactor <= sizeFactor * 1.1 ? "linear or better" : "worse than linear"}.`;
}

function duckdbVersion(): string {
  return execFileSync(process.execPath, ["-e", "console.log(require('@duckdb/node-api/package.json').version)"], { cwd: ROOT, encoding: "utf8" }).trim();
}
