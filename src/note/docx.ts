import {
  AlignmentType, Document, Footer, HeadingLevel, Packer, PageBreak, PageNumber, Paragraph, ShadingType, Table, TableCell,
  TableRow, TextRun, WidthType,
} from "docx";
import type { Block, NoteDocument } from "./document.ts";

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const BLUE = "0B5394";

/** The note as a Word document (UNESCO staff edit it in Word): headings, bullets and tables Word styles itself. */
export async function renderDocx(doc: NoteDocument): Promise<Buffer> {
  const document = new Document({
    creator: "ImaginEcole",
    title: doc.title,
    description: doc.subtitle,
    styles: { default: { document: { run: { font: "Calibri", size: 21 } } } },
    sections: [{
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: `${doc.footer} · `, size: 16, color: "666666" }), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: "666666" })],
          })],
        }),
      },
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: doc.title, color: BLUE })] }),
        new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true, color: "444444" })], spacing: { after: 240 } }),
        ...doc.blocks.flatMap(block),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ heading: HEADINGS[b.level], text: b.text, keepNext: true })];
    case "paragraph":
      return [new Paragraph({ children: [new TextRun({ text: b.text, bold: b.emphasis ?? false })], spacing: { after: 120 } })];
    case "bullets":
      return b.items.map((text) => new Paragraph({ text, bullet: { level: 0 }, spacing: { after: 60 } }));
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
    case "table":
      return [table(b), new Paragraph({ text: "" })];
  }
}

function table(b: Extract<Block, { kind: "table" }>): Table {
  const cell = (text: string, column: number, header: boolean) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, fill: "DCE6F1", color: "auto" } : undefined,
      children: [new Paragraph({
        alignment: b.numeric?.[column] ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: header, size: 18 })],
      })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) })),
    ],
  });
}
