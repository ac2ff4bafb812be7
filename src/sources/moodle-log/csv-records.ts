import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import iconv from "iconv-lite";
import Papa from "papaparse";

/**
 * Streams the CSV records with their record number (header = 1), as a spreadsheet numbers rows.
 * Moodle writes UTF-8 with a BOM; a file re-saved by Excel may be Windows-1252 and
 * `;`-separated, so both are accepted (papaparse detects the delimiter).
 */
export function streamCsvRecords(file: string, onRecord: (record: string[], line: number) => void): Promise<void> {
  const input = isUtf8(file) ? createReadStream(file, "utf8") : createReadStream(file).pipe(iconv.decodeStream("win1252"));
  return new Promise((resolvePromise, reject) => {
    let line = 0;
    let failure: unknown;
    // papaparse's types only name browser Files; on Node it reads a readable stream.
    Papa.parse<string[]>(input as unknown as File, {
      skipEmptyLines: false,
      step: (results, parser) => {
        try {
          onRecord(results.data, ++line);
        } catch (error) {
          failure = error;
          parser.abort();
        }
      },
      complete: () => (failure ? reject(failure) : resolvePromise()),
      error: (error: Error) => reject(error),
    });
  });
}

function isUtf8(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(256 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(0, n), { stream: true });
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
