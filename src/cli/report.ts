import { EXIT } from "../core/errors.ts";
import { failureText } from "../core/faults.ts";
import { formatNumber } from "../core/format.ts";
import type { Lang } from "../core/lang.ts";
import { say } from "../core/message.ts";
import type { LoadResult } from "../warehouse/batch.ts";
import type { Reject } from "../warehouse/reject.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";

const SHOWN_REJECTS = 20;

/** 1 when a batch failed, else 3 when rows were rejected, else 0 (DESIGN.md exit codes). */
export function exitCodeOf(results: LoadResult[], sourceErrors = 0): number {
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
      const why = r.error ? failureText(r.error, lang) : r.message;
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
    const rejects = r.rejects ?? (await storedRejects(warehouse, r.loadId));
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
