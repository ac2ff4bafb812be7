// Precompressed copies of the site's text files: `x.js.gz` (gzip, level 9) and `x.js.br` (brotli,
// quality 11) beside `x.js`. nginx sends the .gz copy itself (gzip_static), `imaginecole serve`
// sends either, and a slow link gets a third of the bytes without the server compressing anything.
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Extensions worth compressing; images other than SVG, PDF, xlsx and Parquet are compressed already. */
export const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|csv|svg|txt|xml|map|md|geojson|topojson)$/i;
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 256;
const PARALLEL = 4;

export function filesUnder(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** Writes the .gz and .br copy of every compressible file under `dir`; returns how many files. */
export async function precompress(dir: string): Promise<number> {
  const files = filesUnder(dir).filter((f) => COMPRESSIBLE.test(f) && statSync(join(dir, f)).size >= MIN_BYTES);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) await compressOne(join(dir, files[i]!));
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return files.length;
}

async function compressOne(path: string): Promise<void> {
  const content = readFileSync(path);
  const { mtime } = statSync(path);
  const [gz, br] = await Promise.all([
    gzipAsync(content, { level: 9 }),
    brotliAsync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }),
  ]);
  for (const [suffix, bytes] of [[".gz", gz], [".br", br]] as const) {
    if (bytes.length >= content.length) continue;
    writeFileSync(path + suffix, bytes);
    // Same date as the original: nginx's Last-Modified and ETag then say the same for both.
    utimesSync(path + suffix, mtime, mtime);
  }
}
