import type { Block, NoteDocument } from "./document.ts";

const escapeText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const STYLE = `
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.4; color: #1a1a1a; }
h1.title { font-size: 18pt; color: #0b5394; margin: 0 0 4pt; }
p.subtitle { font-style: italic; color: #444; margin: 0 0 14pt; }
h1 { font-size: 14pt; color: #0b5394; margin: 12pt 0 6pt; break-after: avoid; }
h2 { font-size: 11.5pt; color: #0b5394; margin: 10pt 0 4pt; break-after: avoid; }
h3 { font-size: 10pt; margin: 8pt 0 3pt; break-after: avoid; }
p { margin: 0 0 6pt; }
p.emphasis { font-weight: bold; }
ul { margin: 0 0 6pt; padding-left: 16pt; }
li { margin-bottom: 3pt; }
table { border-collapse: collapse; width: 100%; margin: 2pt 0 8pt; font-size: 8.5pt; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #dce6f1; }
td.n, th.n { text-align: right; }
tr { break-inside: avoid; }
.page-break { break-before: page; }
`;

/** The note as one self-contained HTML page, printed to PDF: the same blocks as the Word document. */
export function renderHtml(doc: NoteDocument): string {
  return [
    "<!doctype html>",
    `<html lang="${doc.lang}"><head><meta charset="utf-8"><title>${escapeText(doc.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1 class="title">${escapeText(doc.title)}</h1>`,
    `<p class="subtitle">${escapeText(doc.subtitle)}</p>`,
    ...doc.blocks.map(block),
    "</body></html>",
    "",
  ].join("\n");
}

function block(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `<h${b.level}>${escapeText(b.text)}</h${b.level}>`;
    case "paragraph":
      return `<p${b.emphasis ? ' class="emphasis"' : ""}>${escapeText(b.text)}</p>`;
    case "bullets":
      return `<ul>${b.items.map((i) => `<li>${escapeText(i)}</li>`).join("")}</ul>`;
    case "pageBreak":
      return '<div class="page-break"></div>';
    case "table": {
      const cls = (i: number) => (b.numeric?.[i] ? ' class="n"' : "");
      const head = `<tr>${b.header.map((h, i) => `<th${cls(i)}>${escapeText(h)}</th>`).join("")}</tr>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeText(c)}</td>`).join("")}</tr>`).join("");
      return `<table><thead>${head}</thead><tbody>${rows}</tbody></table>`;
    }
  }
}
