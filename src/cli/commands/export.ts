import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import { exportSnapshot } from "../../export/index.ts";
import type { Lang } from "../../core/lang.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { dbPath, ROOT, type GlobalOptions } from "../context.ts";
import { say } from "../../core/message.ts";

const FORMATS = ["xlsx", "csv", "parquet", "json", "pdf"] as const;
type Format = (typeof FORMATS)[number];

export async function exportCommand(
  options: GlobalOptions,
  lang: Lang,
  o: { asOf: string; out: string; format: string; site: string; suppressBelow: string },
): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.asOf) || Number.isNaN(Date.parse(o.asOf))) {
    throw new ImaginEcoleError({
      fr: `Date --as-of invalide « ${o.asOf} » : attendu AAAA-MM-JJ, par exemple 2026-10-31.`,
      en: `Invalid --as-of date "${o.asOf}": expected YYYY-MM-DD, for example 2026-10-31.`,
    }, EXIT.usage);
  }
  const formats = o.format.split(",").map((f) => f.trim().toLowerCase());
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw new ImaginEcoleError({
      fr: `Format inconnu : ${unknown.join(", ")}. Formats possibles : ${FORMATS.join(", ")}.`,
      en: `Unknown format: ${unknown.join(", ")}. Possible formats: ${FORMATS.join(", ")}.`,
    }, EXIT.usage);
  }
  const version = (JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { version: string }).version;
  const warehouse = await Warehouse.open(dbPath(options));
  try {
    const { files, manifestPath } = await exportSnapshot(warehouse, {
      asOf: o.asOf,
      outDir: resolve(ROOT, o.out),
      formats: formats as Format[],
      lang,
      suppressBelow: Number(o.suppressBelow),
      version,
      siteDir: resolve(ROOT, o.site),
    });
    for (const f of files) process.stdout.write(f + "\n");
    process.stdout.write(`${say(lang, { fr: "Manifeste : ", en: "Manifest: " })}${manifestPath}\n`);
  } finally {
    warehouse.close();
  }
}
