import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig } from "../../config/pipelines.ts";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Lang } from "../../core/lang.ts";
import { say } from "../../core/message.ts";
import { exportSnapshot, SNAPSHOT_FORMATS, type SnapshotFormat } from "../../export/index.ts";
import { warehouseFault } from "../../warehouse/faults.ts";
import { openForReading, ROOT, type GlobalOptions } from "../context.ts";

/**
 * `export --period P | --as-of D --out DIR [--format …]`. Every format asked for that can be
 * produced is written, with the manifest; one that cannot is named with the reason and the command
 * exits with code 1 (files written, not all of them).
 */
export async function exportCommand(
  options: GlobalOptions,
  lang: Lang,
  o: { asOf?: string; period?: string; out: string; format: string; suppressBelow: string },
): Promise<void> {
  if (o.asOf === undefined && o.period === undefined) {
    throw new ImaginEcoleError({
      fr: "Donnez la période de l'instantané (--period 2026-Q3, 2026 ou 2026-10) ou sa date d'arrêt (--as-of 2026-10-31).",
      en: "Give the snapshot's period (--period 2026-Q3, 2026 or 2026-10) or its as-of date (--as-of 2026-10-31).",
    }, EXIT.usage);
  }
  const formats = o.format.split(",").map((f) => f.trim().toLowerCase());
  const unknown = formats.filter((f) => !(SNAPSHOT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw new ImaginEcoleError({
      fr: `Format inconnu : ${unknown.join(", ")}. Formats possibles : ${SNAPSHOT_FORMATS.join(", ")}.`,
      en: `Unknown format: ${unknown.join(", ")}. Possible formats: ${SNAPSHOT_FORMATS.join(", ")}.`,
    }, EXIT.usage);
  }
  const iati = formats.includes("iati") ? loadConfig(ROOT, options.config).config.iati : undefined;
  const version = (JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { version: string }).version;
  const warehouse = await openForReading(options, lang);
  const outDir = resolve(ROOT, o.out);
  try {
    const { files, manifestPath, citation, failures } = await exportSnapshot(warehouse, {
      asOf: o.asOf,
      period: o.period,
      outDir,
      formats: formats as SnapshotFormat[],
      lang,
      suppressBelow: Number(o.suppressBelow),
      version,
      iati,
    }).catch((error: unknown) => {
      // The file system's own errors (ENOSPC, EACCES…) are about the output folder; DuckDB's about the warehouse.
      throw (error as NodeJS.ErrnoException)?.code ? (warehouseFault(error, outDir) ?? error) : error;
    });
    for (const f of files) process.stdout.write(f + "\n");
    process.stdout.write(`${say(lang, { fr: "Manifeste : ", en: "Manifest: " })}${manifestPath}\n`);
    process.stdout.write(`${say(lang, { fr: "Citation : ", en: "Citation: " })}${citation.text[lang]}\n`);
    for (const failure of failures) process.stderr.write(`${failure.format}${say(lang, { fr: " : ", en: ": " })}${say(lang, failure.reason)}\n`);
    if (failures.length > 0) process.exitCode = EXIT.failed;
  } finally {
    warehouse.close();
  }
}
