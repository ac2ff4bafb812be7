import { resolve } from "node:path";
import type { Lang } from "../../core/lang.ts";
import { writeNote } from "../../note/index.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { dbPath, freshenMart, ROOT, type GlobalOptions } from "../context.ts";

/** `imaginecole note [--month YYYY-MM] --out DIR`: the coordinator's monthly note, Word and PDF. */
export async function noteCommand(options: GlobalOptions, lang: Lang, o: { month?: string; out: string; pdf?: boolean }): Promise<void> {
  const warehouse = await Warehouse.open(dbPath(options));
  try {
    await freshenMart(warehouse, options, lang);
    const files = await writeNote(warehouse, { month: o.month, lang, outDir: resolve(ROOT, o.out), pdf: o.pdf });
    for (const file of [files.docx, files.pdf]) if (file) process.stdout.write(file + "\n");
  } finally {
    warehouse.close();
  }
}
