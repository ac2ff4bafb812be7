import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Lang } from "../../core/lang.ts";
import { importFiles, type ImportKind } from "../../pipeline/sources.ts";
import { refreshMart } from "../../mart/refresh.ts";
import { openContext, ROOT, type GlobalOptions } from "../context.ts";
import { exitCodeOf, printResults } from "../report.ts";

export interface ImportCliOptions {
  source?: ImportKind;
  country?: string;
  tab?: string;
  timezone?: string;
  profile?: string;
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
      fr: "Indiquez le type de fichier avec --source (xapi, moodle-log, national-csv, sheet).",
      en: "Name the kind of file with --source (xapi, moodle-log, national-csv, sheet).",
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
    const results = await importFiles(
      ctx,
      o.source,
      files.flatMap((f) => expandFolder(resolve(ROOT, f))),
      {
        country: o.country?.toUpperCase(),
        tab: o.tab,
        timezone: o.timezone,
        profile: o.profile,
        profilesDir: resolve(ROOT, nationalProfiles(config)),
      },
    );
    await printResults(results, ctx.warehouse, lang, (line) => process.stdout.write(line + "\n"));
    const loaded = results.some((r) => r.status === "loaded" || r.status === "loaded_with_rejects");
    if (!dryRun && loaded) await refreshMart(ctx, config, true);
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

function nationalProfiles(config: { sources: Array<{ kind: string; profiles?: string }> }): string {
  return config.sources.find((s) => s.kind === "national-csv")?.profiles ?? "pipelines/profiles/national";
}
