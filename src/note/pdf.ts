import { launchChromium } from "../export/chromium.ts";
import type { NoteDocument } from "./document.ts";
import { renderHtml } from "./html.ts";

/**
 * The note printed by headless Chromium from its own HTML (nothing is fetched: every request is
 * refused). Chromium stamps the print time in the file; it is replaced by `dated` (the day the data
 * describes), so the same note gives the same bytes.
 */
export async function renderPdf(doc: NoteDocument, dated: string): Promise<Buffer> {
  const browser = await launchChromium({ otherwise: { fr: "La note Word est écrite sans lui.", en: "The Word note is written without it." } });
  try {
    const page = await browser.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(renderHtml(doc), { waitUntil: "load" });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:7pt;color:#666;width:100%;text-align:center;font-family:sans-serif">${escapeHtml(doc.footer)} · <span class="pageNumber"></span>/<span class="totalPages"></span></div>`,
      margin: { top: "16mm", bottom: "18mm", left: "16mm", right: "16mm" },
    });
    return fixDates(Buffer.from(pdf), dated);
  } finally {
    await browser.close();
  }
}

/** Replaces the creation and modification dates in place (same length, so offsets hold). */
export function fixDates(pdf: Buffer, isoDay: string): Buffer {
  const stamp = `${isoDay.replace(/-/g, "")}000000`;
  const text = pdf.toString("latin1").replace(/(\/(?:CreationDate|ModDate) ?\(D:)\d{14}/g, `$1${stamp}`);
  return Buffer.from(text, "latin1");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
