import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import type { Lang } from "../core/lang.ts";
import type { LoadResult } from "../warehouse/batch.ts";
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
  const t = (fr: string, en: string) => (lang === "fr" ? fr : en);
  for (const r of results) {
    const where = r.location;
    if (r.status === "skipped") {
      write(t(`= ${where} : déjà chargé, ignoré`, `= ${where}: already loaded, skipped`));
      continue;
    }
    if (r.status === "failed") {
      const why = r.error instanceof ImaginEcoleError ? r.error.text(lang) : r.message;
      write(t(`✗ ${where} : lot refusé, rien n'a été chargé. ${why}`, `✗ ${where}: batch refused, nothing was loaded. ${why}`));
      continue;
    }
    const mark = r.rowsRejected > 0 ? "!" : "✓";
    // Only a dry run (check) carries its rejects in the result: nothing was written.
    const loaded = r.rejects ? t("seraient chargées", "would load") : t("chargées", "loaded");
    const rejected = r.rejects ? t("seraient rejetées", "would be rejected") : t("rejetées", "rejected");
    write(
      t(
        `${mark} ${where} : ${r.rowsRead} lues, ${r.rowsLoaded} ${loaded}, ${r.rowsRejected} ${rejected}`,
        `${mark} ${where}: ${r.rowsRead} read, ${r.rowsLoaded} ${loaded}, ${r.rowsRejected} ${rejected}`,
      ),
    );
    if (r.rowsRejected === 0) continue;
    const rejects =
      r.rejects ??
      (
        await warehouse.all<{ location: string; column: string | null; value: string | null; reason_fr: string; reason_en: string }>(
          `SELECT location, "column", value, reason_fr, reason_en FROM ops.rejects WHERE load_id = $1 LIMIT ${SHOWN_REJECTS}`,
          [r.loadId],
        )
      ).map((x) => ({ location: x.location, column: x.column, value: x.value, reasonFr: x.reason_fr, reasonEn: x.reason_en }));
    for (const x of rejects.slice(0, SHOWN_REJECTS)) {
      const column = x.column ? t(`, colonne « ${x.column} »`, `, column "${x.column}"`) : "";
      const value = x.value !== null ? t(`, valeur « ${x.value} »`, `, value "${x.value}"`) : "";
      write(`    ${x.location}${column}${value}${t(" : ", ": ")}${t(x.reasonFr, x.reasonEn)}`);
    }
    if (r.rowsRejected > SHOWN_REJECTS) {
      write(
        t(
          `    … et ${r.rowsRejected - SHOWN_REJECTS} autres (table ops.rejects, load_id ${r.loadId})`,
          `    … and ${r.rowsRejected - SHOWN_REJECTS} more (table ops.rejects, load_id ${r.loadId})`,
        ),
      );
    }
  }
}
