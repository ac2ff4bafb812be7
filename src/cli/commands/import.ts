import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Lang } from "../../core/lang.ts";
import { importFiles } from "../../pipeline/sources.ts";
import { IMPORT_KIND_NAMES } from "../../sources/registry.ts";
import { refreshMart } from "../../mart/refresh.ts";
import { isStale } from "../../warehouse/stale.ts";
import { openContext, ROOT, type GlobalOptions } from "../context.ts";
import { afterCommitError, exitCodeOf, printResults } from "../report.ts";

/** `--source`, and the options of the import kinds (the registry's), by their commander names. */
export interface ImportCliOptions {
  source?: string;
  [option: string]: string | undefined;
}

/** `import FILE… --source KIND` (and `check FILE…`, which rolls everything back). */
export async function importCommand(
  options: GlobalOptions,
  lang: Lang,
  files: string[],
  o: ImportCliOptions,
  dryRun: boolean,
): Promise<void> {
  if (!o.source) {
    throw new ImaginEcoleError({
      fr: `Indiquez le type de fichier avec --source (${IMPORT_KIND_NAMES.join(", ")}).`,
      en: `Name the kind of file with --source (${IMPORT_KIND_NAMES.join(", ")}).`,
    }, EXIT.usage);
  }
  if (files.length === 0) {
    throw new ImaginEcoleError({ fr: "Indiquez au moins un fichier à importer.", en: "Name at least one file to import." }, EXIT.usage);
  }
  const missing = files.filter((f) => !existsSync(resolve(ROOT, f)));
  if (missing.length > 0) {
    throw new ImaginEcoleError({
      fr: `Fichier introuvable : ${missing.join(", ")}. Vérifiez le chemin.`,
      en: `File not found: ${missing.join(", ")}. Check the path.`,
    }, EXIT.usage);
  }
  const { ctx, config } = await openContext(options, lang, { dryRun });
  try {
    const { source, ...options } = o;
    const results = await importFiles(ctx, source, files.flatMap((f) => expandFolder(resolve(ROOT, f))), options, config.sources);
    await printResults(results, ctx.warehouse, lang, (line) => process.stdout.write(line + "\n"));
    const loaded = results.some((r) => r.status === "loaded" || r.status === "loaded_with_rejects");
    // Also when this import loaded nothing new but one killed before its rebuild left the mart stale.
    if (!dryRun && (loaded || (await isStale(ctx.warehouse, "mart")))) {
      try {
        await refreshMart(ctx, config, true);
      } catch (error) {
        throw afterCommitError(results, "mart", error, ctx.warehouse.path);
      }
    }
    process.exitCode = exitCodeOf(results);
  } finally {
    ctx.warehouse.close();
  }
}

/** A folder stands for the files in it (not hidden, in name order). */
function expandFolder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !name.startsWith(".") && statSync(join(path, name)).isFile())
    .sort()
    .map((name) => join(path, name));
}
