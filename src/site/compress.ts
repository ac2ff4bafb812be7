// Precompressed copies of the site's text files: `x.js.gz` (gzip, level 9) and `x.js.br` (brotli,
// quality 11) beside `x.js`. nginx sends the .gz copy itself (gzip_static), `imaginecole serve`
// sends either, and a slow link gets a third of the bytes without the server compressing anything.
// Brotli at its best takes seconds of both cores for a site; the copies of files named by their
// content (`index.0a2abf0d.js`: libraries, components, data) are kept between builds, by content.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Extensions worth compressing; images other than SVG, PDF, xlsx and Parquet are compressed already. */
export const COMPRESSIBLE = /\.(?:html|js|mjs|css|json|csv|svg|txt|xml|map|md|geojson|topojson)$/i;
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 256;
const PARALLEL = 4;
/** A name Framework gives a file from its content. */
const CONTENT_NAMED = /\.[0-9a-f]{8}\.[a-z]+$/i;
/** The kept copies, one pair a content, git-ignored with the rest of .observablehq/. */
export const KEPT_COPIES = join(resolve(dirname(fileURLToPath(import.meta.url)), "../.."), "dashboards", ".observablehq", "compressed");
/** Kept copies no build has used for this long are removed. */
const KEPT_DAYS = 14;
const SUFFIXES = [".gz", ".br"] as const;

export function filesUnder(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * Writes the .gz and .br copy of every compressible file under `dir`; returns how many files.
 * Copies of content-named files come from `kept` when a build made them already.
 */
export async function precompress(dir: string, kept = KEPT_COPIES): Promise<number> {
  const files = filesUnder(dir).filter((f) => COMPRESSIBLE.test(f) && statSync(join(dir, f)).size >= MIN_BYTES);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) await compressOne(join(dir, files[i]!), CONTENT_NAMED.test(files[i]!) ? kept : null);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  forgetUnused(kept);
  return files.length;
}

async function compressOne(path: string, kept: string | null): Promise<void> {
  const content = readFileSync(path);
  const { mtime } = statSync(path);
  const key = kept ? join(kept, createHash("sha256").update(content).digest("hex")) : null;
  const found = key ? keptCopies(key) : null;
  const copies = found ?? (await compress(content));
  if (key && !found) keep(key, copies);
  for (const [i, suffix] of SUFFIXES.entries()) {
    const bytes = copies[i]!;
    if (bytes.length >= content.length) continue;
    writeFileSync(path + suffix, bytes);
    // Same date as the original: nginx's Last-Modified and ETag then say the same for both.
    utimesSync(path + suffix, mtime, mtime);
  }
}

function compress(content: Buffer): Promise<[Buffer, Buffer]> {
  return Promise.all([
    gzipAsync(content, { level: 9 }),
    brotliAsync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }),
  ]);
}

/** The kept copies under `key` (the folder and the content's hash), marked as used; null when there are none (or another build is removing them). */
function keptCopies(key: string): [Buffer, Buffer] | null {
  try {
    const now = new Date();
    return SUFFIXES.map((suffix) => {
      utimesSync(key + suffix, now, now);
      return readFileSync(key + suffix);
    }) as [Buffer, Buffer];
  } catch {
    return null;
  }
}

/**
 * Keeps the copies under `key`: each written aside, then renamed, so a build reading them sees
 * them whole. Only a saving for the next build: a folder that cannot be written leaves this build
 * as it is.
 */
function keep(key: string, copies: [Buffer, Buffer]): void {
  for (const [i, suffix] of SUFFIXES.entries()) {
    const aside = `${key}${suffix}.${randomBytes(4).toString("hex")}.part`;
    try {
      mkdirSync(dirname(key), { recursive: true });
      writeFileSync(aside, copies[i]!);
      renameSync(aside, key + suffix);
    } catch {
      if (existsSync(aside)) rmSync(aside);
    }
  }
}

function forgetUnused(kept: string): void {
  const before = Date.now() - KEPT_DAYS * 86_400_000;
  let names: string[];
  try {
    names = readdirSync(kept);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(kept, name);
    try {
      if (statSync(path).mtimeMs < before) rmSync(path, { force: true });
    } catch {
      // Removed by another build meanwhile.
    }
  }
}
