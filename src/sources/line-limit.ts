// The longest line a text source may have. Real exports have lines of a few hundred bytes; a
// line of megabytes is a damaged file (a lost line break, binary pasted in), and past DuckDB's
// own reader limits it would fail with a dump or run out of memory. One limit, named in the refusal.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { formatNumber } from "../core/format.ts";
import { inBoth } from "../core/message.ts";

/** 1 MB: below DuckDB's CSV line limit (2 MB) and JSON object limit (16 MB). */
export const MAX_LINE_BYTES = 1_000_000;

const LF = 0x0a;

/** Follows a file chunk by chunk and keeps its longest line: its number (1-based) and length in bytes. */
export class LongestLine {
  bytes = 0;
  line = 0;
  private current = 0;
  private number = 1;

  write(buf: Buffer): void {
    let from = 0;
    for (let nl = buf.indexOf(LF); nl !== -1; nl = buf.indexOf(LF, nl + 1)) {
      this.end(this.current + nl - from);
      from = nl + 1;
    }
    this.current += buf.length - from;
  }

  /** Call once at the end of the file: its last line may have no line break. */
  finish(): void {
    if (this.current > 0) this.end(this.current);
  }

  private end(length: number): void {
    if (length > this.bytes) {
      this.bytes = length;
      this.line = this.number;
    }
    this.number++;
    this.current = 0;
  }
}

/** Refuses a file with a line over MAX_LINE_BYTES, naming the line, its length and the limit. */
export function checkLongestLine(longest: LongestLine, shown: string): void {
  if (longest.bytes > MAX_LINE_BYTES) throw lineTooLong(shown, longest.line, longest.bytes);
}

/** Reads the file once to refuse it if a line is over MAX_LINE_BYTES. */
export async function checkLineLengths(path: string, shown: string): Promise<void> {
  checkLongestLine((await scanFile(path, false)).longest, shown);
}

/**
 * Reads a file once for its longest line and, when `hash`, its sha256: the two reads a new
 * NDJSON file needs, made as one while DuckDB reads the file on its own threads.
 */
export async function scanFile(path: string, hash: boolean): Promise<{ longest: LongestLine; sha256: string | null }> {
  const longest = new LongestLine();
  const digest = hash ? createHash("sha256") : null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    longest.write(chunk);
    digest?.update(chunk);
  }
  longest.finish();
  return { longest, sha256: digest?.digest("hex") ?? null };
}

export function lineTooLong(shown: string, line: number, bytes: number): ImaginEcoleError {
  const n = (lang: "fr" | "en", value: number) => formatNumber(lang, value, 0);
  return new ImaginEcoleError(inBoth((lang) =>
    lang === "fr"
      ? `${shown} : la ligne ${n(lang, line)} fait ${n(lang, bytes)} octets, au-delà de la limite de ${n(lang, MAX_LINE_BYTES)} octets par ligne ; rien n'a été chargé de ce fichier. Le fichier est sans doute endommagé (sauts de ligne perdus) : exportez-le de nouveau.`
      : `${shown}: line ${n(lang, line)} is ${n(lang, bytes)} bytes long, over the limit of ${n(lang, MAX_LINE_BYTES)} bytes per line; nothing was loaded from this file. The file is probably damaged (line breaks lost): export it again.`,
  ), EXIT.failed);
}
