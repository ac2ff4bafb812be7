// What a failure means to the person at the keyboard when it is not one of our own errors: a
// fault of the machine (a file, a folder, the disk) or something unexpected. Each becomes a
// message saying what happened, where, and what to do, in French and English: never a stack trace.
import { EXIT, ImaginEcoleError } from "./errors.ts";
import { formatNumber } from "./format.ts";
import { inBoth, type Bilingual } from "./message.ts";

/** Longest text of a message or a value shown or stored as it was received; the rest is cut. */
export const SHOWN_CHARS = 300;

/** `text`, cut to `max` characters; `cut` says whether it was. */
export function clip(text: string, max = SHOWN_CHARS): { text: string; cut: boolean } {
  return text.length <= max ? { text, cut: false } : { text: `${text.slice(0, max)}…`, cut: true };
}

/** "(value of 1,048,576 characters, cut)", to add to what is said about a value `clip` cut. */
export function cutNote(length: number): Bilingual {
  return inBoth((lang) =>
    lang === "fr"
      ? ` (valeur de ${formatNumber(lang, length, 0)} caractères, coupée)`
      : ` (value of ${formatNumber(lang, length, 0)} characters, cut)`,
  );
}

/** A file or system call that failed, as Node reports it (`EACCES`, with the path). */
interface SystemError {
  code: string;
  path?: string;
  syscall?: string;
}

function isSystemError(error: unknown): error is SystemError {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string" &&
    /^E[A-Z]+$/.test((error as { code: string }).code);
}

/** Each fault of the machine a user can fix, by its code: what happened and what to do. */
const FAULTS: Record<string, (where: string) => Bilingual> = {
  EACCES: (where) => ({
    fr: `Accès refusé à ${where} : l'utilisateur qui lance imaginecole ne peut pas le lire ou l'écrire. Donnez-lui les droits (chmod, chown), puis relancez.`,
    en: `Permission denied on ${where}: the user running imaginecole cannot read or write it. Grant access (chmod, chown), then run again.`,
  }),
  ENOENT: (where) => ({
    fr: `${where} n'existe pas. Vérifiez le chemin (dans la commande ou la configuration).`,
    en: `${where} does not exist. Check the path (in the command or the configuration).`,
  }),
  EISDIR: (where) => ({
    fr: `${where} est un dossier là où un fichier était attendu. Indiquez un fichier.`,
    en: `${where} is a folder where a file was expected. Name a file.`,
  }),
  ENOTDIR: (where) => ({
    fr: `${where} : une partie de ce chemin est un fichier, pas un dossier. Vérifiez le chemin.`,
    en: `${where}: part of this path is a file, not a folder. Check the path.`,
  }),
  ENOSPC: (where) => ({
    fr: `Disque plein en écrivant ${where}. Libérez de la place, puis relancez.`,
    en: `Disk full while writing ${where}. Free some space, then run again.`,
  }),
  EROFS: (where) => ({
    fr: `${where} est sur un disque en lecture seule. Choisissez un emplacement où écrire, puis relancez.`,
    en: `${where} is on a read-only disk. Choose a place that can be written to, then run again.`,
  }),
  EMFILE: (where) => ({
    fr: `Trop de fichiers ouverts en lisant ${where}. Relancez ; si cela persiste, augmentez la limite (ulimit -n).`,
    en: `Too many open files while reading ${where}. Run again; if it persists, raise the limit (ulimit -n).`,
  }),
  ENAMETOOLONG: (where) => ({
    fr: `Chemin trop long : ${where}. Raccourcissez les noms de dossiers ou de fichiers.`,
    en: `Path too long: ${where}. Shorten the folder or file names.`,
  }),
};
FAULTS.EPERM = FAULTS.EACCES!;
FAULTS.ELOOP = FAULTS.ENOENT!;

/** A fault of the machine as a message naming where it happened, or null if `error` is not one. */
export function systemFault(error: unknown): ImaginEcoleError | null {
  if (!isSystemError(error)) return null;
  const describe = FAULTS[error.code];
  if (!describe) return null;
  const message = describe(error.path ?? error.syscall ?? "?");
  // A missing or unreadable input is the command's to fix (usage); a full or read-only disk stops the work.
  const exitCode = error.code === "ENOSPC" || error.code === "EROFS" || error.code === "EMFILE" ? EXIT.failed : EXIT.usage;
  return new ImaginEcoleError(message, exitCode);
}

/**
 * Any failure as a message a person can act on: our own errors as they are, faults of the machine
 * by what they mean, anything else by its first line (cut), with what to do.
 */
export function asUserError(error: unknown, doing: string): ImaginEcoleError {
  if (error instanceof ImaginEcoleError) return error;
  const fault = systemFault(error);
  if (fault) return fault;
  const raw = error instanceof Error ? error.message : String(error);
  const first = clip(raw.split("\n")[0]!.trim() || (error instanceof Error ? error.name : "?")).text;
  return new ImaginEcoleError({
    fr: `Erreur inattendue pendant « ${doing} » : ${first}. Relancez avec IMAGINECOLE_DEBUG=1 pour voir le détail, et signalez-le à l'équipe technique.`,
    en: `Unexpected error during "${doing}": ${first}. Run again with IMAGINECOLE_DEBUG=1 to see the details, and report it to the technical team.`,
  }, EXIT.failed);
}

/** The text of a failure kept with a refused batch (ops.loads.message): short, never a dump. */
export function failureText(error: unknown, lang: "fr" | "en"): string {
  if (error instanceof ImaginEcoleError) return clip(error.text(lang), 2 * SHOWN_CHARS).text;
  const fault = systemFault(error);
  if (fault) return fault.text(lang);
  const raw = error instanceof Error ? error.message : String(error);
  return clip(raw.split("\n")[0]!.trim(), SHOWN_CHARS).text;
}
