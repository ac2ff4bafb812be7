import { transcode } from "node:buffer";
import iconv from "iconv-lite";
import type { Encoding } from "./profile.ts";

export type TextEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export interface Sniffed {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to drop before decoding. */
  bomLength: number;
  /** The encoding was read from a BOM or declared, so it is not second-guessed later. */
  certain: boolean;
}

/** Signatures of files people drop by mistake: "<French>|<English>" description. */
const MAGIC: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], "un classeur Excel (.xlsx) ou une archive ZIP|an Excel workbook (.xlsx) or a ZIP archive"],
  [[0xd0, 0xcf, 0x11, 0xe0], "un ancien classeur Excel (.xls)|an old Excel workbook (.xls)"],
  [[0x25, 0x50, 0x44, 0x46], "un document PDF|a PDF document"],
  [[0x89, 0x50, 0x4e, 0x47], "une image PNG|a PNG image"],
  [[0xff, 0xd8, 0xff], "une image JPEG|a JPEG image"],
  [[0x1f, 0x8b], "une archive gzip|a gzip archive"],
];

export type SniffResult = { kind: "text"; sniffed: Sniffed } | { kind: "binary"; what: string | null };

/**
 * Decides how to decode a file from its first bytes: BOM, then NUL patterns (UTF-16 without BOM,
 * binary), then the declared encoding; "auto" starts as UTF-8 and the scan falls back to
 * Windows-1252 at the first invalid sequence.
 */
export function sniffEncoding(head: Uint8Array, declared: Encoding): SniffResult {
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => head[i] === b)) return { kind: "binary", what };
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return text("utf-8", 3, true);
  if (head[0] === 0xff && head[1] === 0xfe) return text("utf-16le", 2, true);
  if (head[0] === 0xfe && head[1] === 0xff) return text("utf-16be", 2, true);

  const sample = head.subarray(0, 4096);
  let evenNul = 0;
  let oddNul = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) i % 2 === 0 ? evenNul++ : oddNul++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a)) control++;
  }
  const half = sample.length / 2;
  if (declared === "utf-16le" || declared === "utf-16be") return text(declared, 0, true);
  if (oddNul > half * 0.3 && evenNul === 0) return text("utf-16le", 0, true);
  if (evenNul > half * 0.3 && oddNul === 0) return text("utf-16be", 0, true);
  if (evenNul + oddNul > 0 || control > sample.length * 0.01) return { kind: "binary", what: null };
  if (declared === "windows-1252") return text("windows-1252", 0, true);
  return text("utf-8", 0, declared === "utf-8");
}

function text(encoding: TextEncoding, bomLength: number, certain: boolean): SniffResult {
  return { kind: "text", sniffed: { encoding, bomLength, certain } };
}

/** Where an incomplete UTF-8 sequence at the end of `buf` starts (buf.length when there is none). */
export function utf8CompleteLength(buf: Uint8Array): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/**
 * Windows-1252 is Latin-1 except for 0x80-0x9F (€ ’ Œ …), where Node's own decoders are wrong.
 * Those 32 characters are taken from iconv-lite; the rest goes through Node's native Latin-1
 * path, many times faster than decoding byte by byte. Five bytes are undefined in Windows-1252.
 */
const C1_AS_WINDOWS_1252 = new Map(
  [...iconv.decode(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)), "win1252")].map((c, i) => [
    String.fromCharCode(0x80 + i),
    c === "\ufffd" ? null : c,
  ]),
);

const C1_BYTES = Array.from({ length: 32 }, (_, i) => 0x80 + i);

/** The chunk as UTF-8, or the index of a byte Windows-1252 does not define. */
export function windows1252ToUtf8(chunk: Buffer): Buffer | number {
  // Most chunks hold none of the 32 bytes where the two differ: ICU converts them from Latin-1
  // without a JavaScript string in between (a third faster on a cold start).
  if (!C1_BYTES.some((b) => chunk.includes(b))) return transcode(chunk, "latin1", "utf8");
  let text = chunk.toString("latin1");
  if (/[\x80-\x9f]/.test(text)) {
    const undefinedAt = text.search(/[\x81\x8d\x8f\x90\x9d]/);
    if (undefinedAt !== -1) return undefinedAt;
    text = text.replace(/[\x80-\x9f]/g, (c: string) => C1_AS_WINDOWS_1252.get(c) ?? c);
  }
  return Buffer.from(text, "utf8");
}

/** Index of the first byte that breaks UTF-8 in `buf`, or -1. Only run on a chunk already known bad. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= buf.length) return -1;
      if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}
