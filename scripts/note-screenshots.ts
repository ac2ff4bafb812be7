// Pictures of the coordinator's note for the README: the first page of the Word document (read by
// mammoth into HTML, shown in headless Chromium at an A4 page's width) and a country page of the
// PDF (pdftoppm at 60 dpi). Usage: npx tsx scripts/note-screenshots.ts <note.docx> <note.pdf> [pdf page]
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import mammoth from "mammoth";
import { launchChromium } from "../src/export/chromium.ts";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const OUT = join(ROOT, "docs", "screenshots");

const PAGE_CSS = `body{margin:0;background:#e8e8e8}
main{width:794px;min-height:1123px;margin:0 auto;background:#fff;box-sizing:border-box;padding:76px 72px;
font-family:Calibri,Carlito,"Liberation Sans",Arial,sans-serif;font-size:14px;line-height:1.35;color:#111}
h1{font-size:28px;color:#0b5394;font-weight:normal;margin:0 0 6px}h2{font-size:20px;color:#2e74b5;margin:18px 0 6px;font-weight:normal}
h3{font-size:16px;color:#1f4d78;margin:14px 0 4px;font-weight:normal}p{margin:0 0 8px}
h1.title{font-size:30px;margin-bottom:8px}
table{border-collapse:collapse;width:100%;font-size:12px;margin-bottom:10px}td,th{border:1px solid #999;padding:2px 5px;vertical-align:top;text-align:left}
th{background:#dce6f1}ul{margin:0 0 8px;padding-left:22px}`;

async function main(): Promise<void> {
  const [docx, pdf, page = "4"] = process.argv.slice(2);
  if (!docx || !pdf) throw new Error("usage: npx tsx scripts/note-screenshots.ts <note.docx> <note.pdf> [pdf page]");
  mkdirSync(OUT, { recursive: true });
  const { value: body } = await mammoth.convertToHtml({ path: docx }, { styleMap: ["p[style-name='Title'] => h1.title:fresh"] });
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage({ viewport: { width: 850, height: 1180 }, deviceScaleFactor: 0.625 });
    await tab.setContent(`<!doctype html><meta charset="utf-8"><style>${PAGE_CSS}</style><main>${body}</main>`);
    await tab.screenshot({ path: join(OUT, "note-docx.png"), clip: { x: 28, y: 0, width: 794, height: 1123 } });
  } finally {
    await browser.close();
  }
  const base = join(OUT, "note-pdf");
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", page, "-l", page, "-singlefile", pdf, base]);
  renameSync(`${base}.png`, join(OUT, "note-pdf.png"));
  process.stdout.write(`${join(OUT, "note-docx.png")}\n${join(OUT, "note-pdf.png")}\n`);
}

await main();
