/**
 * Sets every entry's modification time in a ZIP (an .xlsx) to one day. exceljs stamps entries
 * with the current time; fixed stamps make the same demo give the same bytes, so a reader that
 * skips content it has already loaded (by sha256) skips a regenerated workbook too.
 */
export function stampZipEntries(zip: Buffer, day: Date): Buffer {
  const out = Buffer.from(zip);
  const dosDate = ((day.getUTCFullYear() - 1980) << 9) | ((day.getUTCMonth() + 1) << 5) | day.getUTCDate();
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a ZIP file: no end of central directory");
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== 0x02014b50) throw new Error("malformed ZIP central directory");
    out.writeUInt16LE(0, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error("malformed ZIP local header");
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
