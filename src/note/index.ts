import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Lang } from "../core/lang.ts";
import { readMonthReport } from "../coordinator/report.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { composeNote } from "./compose.ts";
import { renderDocx } from "./docx.ts";
import { renderPdf } from "./pdf.ts";

export { composeNote } from "./compose.ts";
export { plainText, type NoteDocument } from "./document.ts";

export interface NoteFiles {
  month: string;
  docx: string;
  pdf: string | null;
}

/**
 * `imaginecole note`: the coordinator's note for a month, as a Word document and a PDF of the same
 * blocks, in `outDir` (imaginecole-note-2026-10-fr.docx and .pdf).
 */
export async function writeNote(
  warehouse: Warehouse,
  options: { month?: string; lang: Lang; outDir: string; pdf?: boolean },
): Promise<NoteFiles> {
  const report = await readMonthReport(warehouse, options.month);
  const doc = composeNote(report, options.lang);
  mkdirSync(options.outDir, { recursive: true });
  const base = join(options.outDir, `imaginecole-note-${report.month}-${options.lang}`);
  writeFileSync(`${base}.docx`, await renderDocx(doc));
  if (options.pdf === false) return { month: report.month, docx: `${base}.docx`, pdf: null };
  writeFileSync(`${base}.pdf`, await renderPdf(doc, report.builtOn));
  return { month: report.month, docx: `${base}.docx`, pdf: `${base}.pdf` };
}
