import { writeFileSync } from "node:fs";
import { launchChromium } from "./chromium.ts";

/**
 * Prints a self-contained HTML page to a PDF file with headless Chromium, the citation at the foot
 * of every page. Nothing is fetched: every request the page would make is refused.
 */
export async function printHtml(html: string, out: string, footer: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate:
        `<div style="font-size:6.5pt;color:#5a6775;width:100%;padding:0 14mm;font-family:sans-serif;display:flex;justify-content:space-between">` +
        `<span>${escapeHtml(footer)}</span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`,
    });
    writeFileSync(out, pdf);
  } finally {
    await browser.close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
