import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import { systemFault } from "../../core/faults.ts";
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
  // Every file is checked before anything is opened: an empty folder or an unreadable file is the
  // command's to fix, and stops it before a batch is attempted.
  const paths = files.flatMap((f) => readableFiles(resolve(ROOT, f), f));
  const { ctx, config } = await openContext(options, lang, { dryRun, inputs: paths });
  try {
    const { source, ...options } = o;
    const results = await importFiles(ctx, source, paths, options, config.sources);
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
    process.exitCode = exitCodeOf(results, ctx.warehouse.path);
  } finally {
    ctx.warehouse.close();
  }
}

/** A folder stands for the files in it (not hidden, in name order); each must be readable. */
function readableFiles(path: string, given: string): string[] {
  try {
    if (!statSync(path).isDirectory()) {
      accessSync(path, constants.R_OK);
      return [path];
    }
    const inside = readdirSync(path)
      .filter((name) => !name.startsWith(".") && statSync(join(path, name)).isFile())
      .sort()
      .map((name) => join(path, name));
    if (inside.length === 0) {
      throw new ImaginEcoleError({
        fr: `Le dossier ${given} ne contient aucun fichier à importer. Indiquez les fichiers, ou le dossier qui les contient.`,
        en: `The folder ${given} holds no file to import. Name the files, or the folder that holds them.`,
      }, EXIT.usage);
    }
    for (const file of inside) accessSync(file, constants.R_OK);
    return inside;
  } catch (error) {
    throw systemFault(error) ?? error;
  }
}
