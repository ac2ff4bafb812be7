import { closeSync, openSync, readSync } from "node:fs";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";

/** How a file that cannot be UTF-8 JSON is encoded, as far as its first bytes tell; null when they are UTF-8. */
export type EncodingProblem = "utf-16" | "utf-32" | "not-utf-8";

/**
 * JSON exchanged between systems is UTF-8 (RFC 8259), and DuckDB reads nothing else. A UTF-16 or
 * UTF-32 export shows by its byte-order mark or its NUL bytes, a Latin-1 or Windows-1252 one by a
 * byte sequence UTF-8 does not allow. Pure.
 */
export function encodingProblem(head: Uint8Array): EncodingProblem | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x00, 0x00, 0xfe, 0xff) || starts(0xff, 0xfe, 0x00, 0x00)) return "utf-32";
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return "utf-16";
  if (head.includes(0x00)) return head.length >= 4 && head[0] === 0 && head[1] === 0 ? "utf-32" : "utf-16";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return null;
  } catch {
    return "not-utf-8";
  }
}

/** The error for a statements file in an encoding the reader cannot take. */
export function encodingError(shown: string, problem: EncodingProblem): ImaginEcoleError {
  const found = {
    "utf-16": { fr: "est encodé en UTF-16", en: "is encoded in UTF-16" },
    "utf-32": { fr: "est encodé en UTF-32", en: "is encoded in UTF-32" },
    "not-utf-8": { fr: "n'est pas en UTF-8 (sans doute Latin-1 ou Windows-1252)", en: "is not UTF-8 (probably Latin-1 or Windows-1252)" },
  }[problem];
  return new ImaginEcoleError({
    fr: `Fichier de déclarations xAPI ${shown} : il ${found.fr}, or le JSON des déclarations doit être en UTF-8. Ré-enregistrez le fichier en UTF-8 (ou exportez-le à nouveau depuis le LRS), puis importez-le à nouveau.`,
    en: `xAPI statements file ${shown}: it ${found.en}, but statement JSON must be UTF-8. Save the file again as UTF-8 (or export it again from the LRS), then import it again.`,
  }, EXIT.failed);
}

/** Refuses a statements file whose first 64 KB are not UTF-8, before DuckDB reads it. */
export function checkEncoding(path: string, shown: string): void {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const problem = encodingProblem(buffer.subarray(0, n));
    if (problem) throw encodingError(shown, problem);
  } finally {
    closeSync(fd);
  }
}
