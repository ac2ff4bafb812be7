import { EXIT, errorText, ImaginEcoleError } from "../core/errors.ts";
import { failureText } from "../core/faults.ts";
import { formatNumber } from "../core/format.ts";
import type { Lang } from "../core/lang.ts";
import { say } from "../core/message.ts";
import type { LoadResult } from "../warehouse/batch.ts";
import type { Reject } from "../warehouse/reject.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { faultKind, faultMessage, storageFault } from "../warehouse/faults.ts";

const SHOWN_REJECTS = 20;

/**
 * 5 when a batch failed for a fault of the warehouse or its disk, else 1 when a batch failed,
 * else 3 when rows were rejected, else 0 (README's exit codes).
 */
export function exitCodeOf(results: LoadResult[], warehousePath: string, sourceErrors = 0): number {
  const failedOnWarehouse = (r: LoadResult) => storageFault(r.error ?? r.message, warehousePath)?.exitCode === EXIT.environment;
  if (results.some((r) => r.status === "failed" && failedOnWarehouse(r))) return EXIT.environment;
  if (sourceErrors > 0 || results.some((r) => r.status === "failed")) return EXIT.failed;
  if (results.some((r) => r.rowsRejected > 0)) return EXIT.rejects;
  return EXIT.ok;
}

/** One line per batch, then its rejects (from the dry-run result or from ops.rejects). */
export async function printResults(
  results: LoadResult[],
  warehouse: Warehouse,
  lang: Lang,
  write: (line: string) => void,
): Promise<void> {
  const n = (value: number) => formatNumber(lang, value, 0);
  for (const r of results) {
    const where = r.location;
    if (r.status === "skipped") {
      write(say(lang, { fr: `= ${where} : déjà chargé, ignoré`, en: `= ${where}: already loaded, skipped` }));
      continue;
    }
    if (r.status === "failed") {
      const fault = storageFault(r.error ?? r.message, warehouse.path);
      const why = fault?.exitCode === EXIT.environment ? fault.text(lang) : r.error ? failureText(r.error, lang) : r.message;
      write(say(lang, { fr: `✗ ${where} : lot refusé, rien n'a été chargé. ${why}`, en: `✗ ${where}: batch refused, nothing was loaded. ${why}` }));
      continue;
    }
    const mark = r.rowsRejected > 0 ? "!" : "✓";
    // Only a dry run (check) carries its rejects in the result: nothing was written.
    const loaded = say(lang, r.rejects ? { fr: "seraient chargées", en: "would load" } : { fr: "chargées", en: "loaded" });
    const rejected = say(lang, r.rejects ? { fr: "seraient rejetées", en: "would be rejected" } : { fr: "rejetées", en: "rejected" });
    write(say(lang, {
      fr: `${mark} ${where} : ${n(r.rowsRead)} lues, ${n(r.rowsLoaded)} ${loaded}, ${n(r.rowsRejected)} ${rejected}`,
      en: `${mark} ${where}: ${n(r.rowsRead)} read, ${n(r.rowsLoaded)} ${loaded}, ${n(r.rowsRejected)} ${rejected}`,
    }));
    if (r.rowsRejected === 0) continue;
    // A warehouse that failed since (a full disk) cannot be read back: the counts above still say what was loaded.
    const rejects = r.rejects ?? (await storedRejects(warehouse, r.loadId).catch(() => []));
    for (const x of rejects.slice(0, SHOWN_REJECTS)) write(`    ${rejectLine(x, lang)}`);
    if (r.rowsRejected > SHOWN_REJECTS) {
      write(say(lang, {
        fr: `    … et ${n(r.rowsRejected - SHOWN_REJECTS)} autres (table ops.rejects, load_id ${r.loadId})`,
        en: `    … and ${n(r.rowsRejected - SHOWN_REJECTS)} more (table ops.rejects, load_id ${r.loadId})`,
      }));
    }
  }
}

/** `Sessions!H2, colonne « Niveau », valeur « X » : …` in the reader's language. */
export function rejectLine(x: Reject, lang: Lang): string {
  const column = x.column ? say(lang, { fr: `, colonne « ${x.column} »`, en: `, column "${x.column}"` }) : "";
  const value = x.value !== null ? say(lang, { fr: `, valeur « ${x.value} »`, en: `, value "${x.value}"` }) : "";
  return `${x.location}${column}${value}${say(lang, { fr: " : ", en: ": " })}${say(lang, x.reason)}`;
}

async function storedRejects(warehouse: Warehouse, loadId: string): Promise<Reject[]> {
  const rows = await warehouse.all<{ location: string; column: string | null; value: string | null; reason_fr: string; reason_en: string }>(
    `SELECT location, "column", value, reason_fr, reason_en FROM ops.rejects WHERE load_id = $1 LIMIT ${SHOWN_REJECTS}`,
    [loadId],
  );
  return rows.map((x) => ({ location: x.location, column: x.column, value: x.value, reason: { fr: x.reason_fr, en: x.reason_en } }));
}

/**
 * The error of a command whose loads were committed, but whose next step (the indicators, the
 * Parquet lake) failed: exit code 4, saying what is kept and that the next command finishes the
 * step (5 when this command loaded nothing and the warehouse or its disk is at fault).
 */
export function afterCommitError(results: LoadResult[], output: "mart" | "lake", error: unknown, warehousePath: string): ImaginEcoleError {
  const kept = results.filter((r) => r.status === "loaded" || r.status === "loaded_with_rejects").length;
  const fault = faultKind(error);
  const reason = fault ? faultMessage(fault, warehousePath) : { fr: errorText(error, "fr"), en: errorText(error, "en") };
  const step = output === "mart"
    ? { fr: "Les indicateurs n'ont pas pu être recalculés", en: "The indicators could not be rebuilt" }
    : { fr: "La copie Parquet des événements d'usage n'a pas pu être écrite", en: "The Parquet copy of the usage events could not be written" };
  const keptText = {
    fr: kept > 0 ? `Les ${kept} lot(s) chargés ci-dessus (✓ ou !) sont conservés dans l'entrepôt.` : "Les données déjà chargées sont conservées dans l'entrepôt.",
    en: kept > 0 ? `The ${kept} batch(es) loaded above (✓ or !) are kept in the warehouse.` : "The data already loaded is kept in the warehouse.",
  };
  return new ImaginEcoleError({
    fr: `${step.fr} : ${reason.fr.replace(/\.$/, "")}. ${keptText.fr} La prochaine commande (run, import, status, export…) les refait une fois le problème réglé.`,
    en: `${step.en}: ${reason.en.replace(/\.$/, "")}. ${keptText.en} The next command (run, import, status, export…) redoes it once the problem is solved.`,
  }, kept === 0 && fault ? EXIT.environment : EXIT.committed);
}
