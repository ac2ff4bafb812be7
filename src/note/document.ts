/** The note as a sequence of blocks, so the Word document and the PDF say exactly the same. */

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; emphasis?: boolean }
  | { kind: "bullets"; items: string[] }
  | { kind: "table"; header: string[]; rows: string[][]; numeric?: boolean[] }
  | { kind: "pageBreak" };

export interface NoteDocument {
  lang: "fr" | "en";
  title: string;
  subtitle: string;
  blocks: Block[];
  /** One line under each page. */
  footer: string;
}

/** The document's text, block by block, as a reader goes through it (tests and searches read this). */
export function plainText(doc: NoteDocument): string {
  const lines = [doc.title, doc.subtitle];
  for (const block of doc.blocks) {
    if (block.kind === "heading" || block.kind === "paragraph") lines.push(block.text);
    else if (block.kind === "bullets") lines.push(...block.items.map((i) => `- ${i}`));
    else if (block.kind === "table") lines.push(...[block.header, ...block.rows].map((r) => r.join(" | ")));
  }
  return lines.join("\n") + "\n";
}
