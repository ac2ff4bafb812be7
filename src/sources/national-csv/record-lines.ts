const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** From record index `record` on (until the next break), a record starts on line `record + delta`. */
export interface LineBreak {
  record: number;
  delta: number;
}

/**
 * Follows UTF-8 CSV bytes chunk by chunk to know on which line each record starts, the way
 * DuckDB's reader counts records: empty lines are skipped, a quoted field may span lines. Only
 * the points where the record-to-line offset changes are kept, so memory stays small whatever
 * the file size. Works with indexOf, not byte by byte, to keep up with the CSV reader.
 */
export class RecordLines {
  readonly breaks: LineBreak[] = [];
  /** Records started so far (DuckDB's row count, header included). */
  records = 0;
  /** A quoted field spans lines: DuckDB's parallel reader cannot read such files. */
  quotedNewlines = false;
  /** The line the next byte is on. */
  line = 1;
  private lineHasContent = false;
  private inQuote = false;
  private quoteLine = 0;

  write(buf: Buffer): void {
    const n = buf.length;
    let pos = 0;
    let nextQuote = -2;
    while (pos < n) {
      if (this.inQuote) {
        const close = buf.indexOf(QUOTE, pos);
        const end = close === -1 ? n : close;
        for (let nl = buf.indexOf(LF, pos); nl !== -1 && nl < end; nl = buf.indexOf(LF, nl + 1)) {
          this.line++;
          this.quotedNewlines = true;
        }
        if (close === -1) return;
        this.inQuote = false;
        pos = close + 1;
        continue;
      }
      const nl = buf.indexOf(LF, pos);
      const lineEnd = nl === -1 ? n : nl;
      if (!this.lineHasContent && hasContent(buf, pos, lineEnd)) this.startRecord();
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf(QUOTE, pos);
      if (nextQuote !== -1 && nextQuote < lineEnd) {
        this.inQuote = true;
        this.quoteLine = this.line;
        pos = nextQuote + 1;
        continue;
      }
      if (nl === -1) return;
      this.line++;
      this.lineHasContent = false;
      pos = nl + 1;
    }
  }

  /** The line of the quote still open at the end of the file, if any. */
  unclosedQuoteLine(): number | null {
    return this.inQuote ? this.quoteLine : null;
  }

  private startRecord(): void {
    this.lineHasContent = true;
    const delta = this.line - this.records;
    const last = this.breaks[this.breaks.length - 1];
    if (!last || last.delta !== delta) this.breaks.push({ record: this.records, delta });
    this.records++;
  }
}

/** The 1-based line on which record `record` starts. */
export function lineOfRecord(breaks: readonly LineBreak[], record: number): number {
  let lo = 0;
  let hi = breaks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (breaks[mid]!.record <= record) lo = mid;
    else hi = mid - 1;
  }
  return record + (breaks[lo]?.delta ?? 1);
}

function hasContent(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i] !== CR) return true;
  return false;
}
