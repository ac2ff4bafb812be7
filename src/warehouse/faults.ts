// What DuckDB and the file system say when the warehouse or its folder cannot be used, turned into
// a message a person can act on: what is wrong, where, and how to put it right.
import { dirname } from "node:path";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { systemFault } from "../core/faults.ts";
import type { Bilingual } from "../core/message.ts";

export type FaultKind = "foreign" | "damaged" | "read_only" | "disk_full";

const PATTERNS: Array<[FaultKind, RegExp]> = [
  ["disk_full", /No space left on device|ENOSPC|disk is full|Could not write all bytes/i],
  ["foreign", /not a valid DuckDB database|is not a DuckDB|not a database file/i],
  ["damaged", /Corrupt database file|checksum|Could not read enough bytes|database file .*(damaged|corrupt)/i],
  ["read_only", /EACCES|EROFS|EPERM|Permission denied|Read-only file system|attached in read-only mode|read-only mode/i],
];

/** Which fault the error reports, if it is one of the warehouse's or its folder's. */
export function faultKind(error: unknown): FaultKind | null {
  const text = error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? ""} ${error.message}` : String(error);
  return PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

/** How to restore a warehouse, said once for every fault that needs it. */
const RESTORE: Bilingual = {
  fr: "Restaurez la dernière sauvegarde (« imaginecole backup », docs/operations.md) ou déplacez ce fichier de côté et relancez « imaginecole run » pour tout recharger depuis les sources.",
  en: 'Restore the last backup ("imaginecole backup", docs/operations.md) or move this file aside and run "imaginecole run" to reload everything from the sources.',
};

/** The fault's message about the warehouse (or an output folder) at `path`. */
export function faultMessage(kind: FaultKind, path: string): Bilingual {
  const folder = dirname(path);
  switch (kind) {
    case "foreign":
      return {
        fr: `${path} n'est pas un entrepôt DuckDB (un autre fichier porte ce nom). Vérifiez --db ou IMAGINECOLE_DB. ${RESTORE.fr}`,
        en: `${path} is not a DuckDB warehouse (another file has that name). Check --db or IMAGINECOLE_DB. ${RESTORE.en}`,
      };
    case "damaged":
      return {
        fr: `L'entrepôt ${path} est endommagé (fichier tronqué ou bloc illisible) : il ne peut pas être lu de façon sûre. ${RESTORE.fr}`,
        en: `The warehouse ${path} is damaged (a truncated file or an unreadable block): it cannot be read safely. ${RESTORE.en}`,
      };
    case "read_only":
      return {
        fr: `Impossible d'écrire ${path} ou dans son dossier ${folder} : lecture seule ou droits insuffisants. Rendez-les accessibles en écriture (chmod u+w), ou choisissez un autre emplacement (--db, --out). « status », « export » et « check » fonctionnent sur un entrepôt en lecture seule.`,
        en: `Cannot write ${path} or in its folder ${folder}: read-only, or not enough rights. Make them writable (chmod u+w), or choose another place (--db, --out). "status", "export" and "check" work on a read-only warehouse.`,
      };
    case "disk_full":
      return {
        fr: `Le disque de ${folder} est plein : ${path} n'a pas pu être écrit, ce qui était en cours a été annulé. Libérez de la place (ou choisissez un autre emplacement, --db ou --out) puis relancez.`,
        en: `The disk holding ${folder} is full: ${path} could not be written, what was in progress was undone. Free some space (or choose another place, --db or --out), then run again.`,
      };
  }
}

/** The error as a fault of the warehouse at `path` (exit code 5), or null if it is not one. */
export function warehouseFault(error: unknown, path: string): ImaginEcoleError | null {
  if (error instanceof ImaginEcoleError) return null;
  const kind = faultKind(error);
  return kind ? new ImaginEcoleError(faultMessage(kind, path), EXIT.environment) : null;
}

/**
 * A fault of the files or the disk, said for a command working on the warehouse at `path`: on the
 * warehouse's own files (the file, its journal, its lock) or from DuckDB, the warehouse's (exit 5);
 * on any other file (an unreadable input), that file's; null for anything else.
 */
export function storageFault(error: unknown, path: string): ImaginEcoleError | null {
  if (error instanceof ImaginEcoleError) return null;
  const at = (error as { path?: unknown } | null)?.path;
  if (typeof at === "string" && at.startsWith(path)) return warehouseFault(error, path);
  return systemFault(error) ?? warehouseFault(error, path);
}
