import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { isAscii, isUtf8 } from "node:buffer";
import { join } from "node:path";
import iconv from "iconv-lite";
import { firstInvalidUtf8, sniffEncoding, utf8CompleteLength, windows1252ToUtf8, type TextEncoding } from "./encoding.ts";
import type { Encoding } from "./profile.ts";
import { RecordLines, type LineBreak } from "./record-lines.ts";
import { refusals } from "./refusals.ts";
import { checkLongestLine, LongestLine } from "../line-limit.ts";

/** What one pass over a file learnt, and the UTF-8 file DuckDB should read. */
export interface Scan {
  sha256: string;
  encoding: TextEncoding;
  bom: boolean;
  /** The original file when it already is UTF-8, else a transcoded copy in the work folder. */
  csvPath: string;
  transcoded: boolean;
  /** The start of the decoded text (BOM removed), for the header and the dialect. */
  head: string;
  /** The head is the whole file. */
  headComplete: boolean;
  records: number;
  breaks: LineBreak[];
  quotedNewlines: boolean;
}

const CHUNK = 1 << 20;
const HEAD_BYTES = 64 * 1024;

class Restart extends Error {}

/**
 * Reads the file once, streaming: content hash, encoding (falling back from UTF-8 to Windows-1252
 * at the first invalid byte when nothing declared it), a UTF-8 copy only when the file is not
 * UTF-8 already, and where each record starts. Whole-file problems throw a refusal.
 */
export async function scanFile(path: string, file: string, declared: Encoding, workDir: string): Promise<Scan> {
  const first = await readHead(path);
  if (first.length === 0) throw refusals.empty(file);
  const sniff = sniffEncoding(first, declared);
  if (sniff.kind === "binary") throw refusals.binary(file, sniff.what);
  try {
    return await pass(path, file, sniff.sniffed.encoding, sniff.sniffed.bomLength, sniff.sniffed.certain, workDir);
  } catch (error) {
    if (!(error instanceof Restart)) throw error;
    return pass(path, file, "windows-1252", 0, true, workDir);
  }
}

async function pass(
  path: string,
  file: string,
  encoding: TextEncoding,
  bomLength: number,
  certain: boolean,
  workDir: string,
): Promise<Scan> {
  const hash = createHash("sha256");
  const lines = new RecordLines();
  const longest = new LongestLine();
  const head: Buffer[] = [];
  let headBytes = 0;
  let textBytes = 0;
  const transcode = encoding !== "utf-8";
  const csvPath = transcode ? join(workDir, "utf8.csv") : path;
  const out: FileHandle | null = transcode ? await open(csvPath, "w") : null;
  const utf16 = encoding.startsWith("utf-16") ? iconv.getDecoder(encoding) : null;
  let carry: Buffer = Buffer.alloc(0);
  let total = 0;
  let skip = bomLength;
  // One write in flight while the next chunk is decoded: the copy costs no waiting.
  let writing: Promise<unknown> = Promise.resolve();
  const write = async (text: Buffer) => {
    await writing;
    writing = out!.write(text);
  };

  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      total += chunk.length;
      let data = chunk;
      if (skip > 0) {
        data = chunk.subarray(Math.min(skip, chunk.length));
        skip -= chunk.length - data.length;
      }
      let text: Buffer;
      if (encoding === "utf-8") {
        const joined = carry.length > 0 ? Buffer.concat([carry, data]) : data;
        const complete = utf8CompleteLength(joined);
        text = joined.subarray(0, complete);
        carry = Buffer.from(joined.subarray(complete));
        if (!isUtf8(text)) {
          if (!certain) throw new Restart();
          const at = Math.max(0, firstInvalidUtf8(text));
          throw refusals.encoding(file, lines.line + countLf(text, at), {
            fr: `octet 0x${text[at]!.toString(16)} invalide en UTF-8`,
            en: `byte 0x${text[at]!.toString(16)} is not valid UTF-8`,
          });
        }
      } else if (encoding === "windows-1252") {
        const decoded = isAscii(data) ? data : windows1252ToUtf8(data);
        if (typeof decoded === "number") {
          throw refusals.encoding(file, lines.line + countLf(data, decoded), {
            fr: `octet 0x${data[decoded]!.toString(16)} ni UTF-8 ni Windows-1252`,
            en: `byte 0x${data[decoded]!.toString(16)} is neither UTF-8 nor Windows-1252`,
          });
        }
        text = decoded;
      } else {
        text = Buffer.from(utf16!.write(data), "utf8");
      }
      if (text.indexOf(0) !== -1) throw refusals.binary(file, null);
      lines.write(text);
      longest.write(text);
      textBytes += text.length;
      if (headBytes < HEAD_BYTES) {
        head.push(text);
        headBytes += text.length;
      }
      if (out) await write(text);
    }
    if (carry.length > 0) {
      if (!certain) throw new Restart();
      throw refusals.encoding(file, lines.line, { fr: "fin de fichier UTF-8 incomplète", en: "incomplete UTF-8 at the end of the file" });
    }
    if (utf16) {
      if ((total - bomLength) % 2 !== 0) throw refusals.oddUtf16(file);
      const rest = Buffer.from(utf16.end() ?? "", "utf8");
      lines.write(rest);
      longest.write(rest);
      textBytes += rest.length;
      if (out) await write(rest);
    }
    await writing;
  } finally {
    await writing.catch(() => {});
    await out?.close();
  }

  longest.finish();
  checkLongestLine(longest, file);
  const open_ = lines.unclosedQuoteLine();
  if (open_ !== null) throw refusals.unclosedQuote(file, open_);
  return {
    sha256: hash.digest("hex"),
    encoding,
    bom: bomLength > 0,
    csvPath,
    transcoded: transcode,
    head: Buffer.concat(head).toString("utf8"),
    headComplete: headBytes === textBytes,
    records: lines.records,
    breaks: lines.breaks,
    quotedNewlines: lines.quotedNewlines,
  };
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function countLf(buf: Buffer, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i !== -1 && i < end; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}
