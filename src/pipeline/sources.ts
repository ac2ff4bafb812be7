import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import type { SourceConfig } from "../config/pipelines.ts";
import type { LoadResult } from "../warehouse/batch.ts";
import type { RunContext } from "../context/run-context.ts";

/** Each kind of source and the connector that runs it; loaded lazily so a run pays only for what it uses. */
export async function runSource(ctx: RunContext, source: SourceConfig): Promise<LoadResult[]> {
  switch (source.kind) {
    case "xapi-files":
      return (await import("../sources/xapi/index.ts")).runXapiFiles(ctx, source);
    case "xapi-lrs":
      return (await import("../sources/xapi/index.ts")).runXapiLrs(ctx, source);
    case "moodle-log-files":
      return (await import("../sources/moodle-log/index.ts")).runMoodleLogFiles(ctx, source);
    case "sheet-files":
      return (await import("../sources/sheets/index.ts")).runSheetFiles(ctx, source);
    case "sheets-api":
      return (await import("../sources/sheets/index.ts")).runSheetsApi(ctx, source);
    case "national-csv":
      return (await import("../sources/national-csv/index.ts")).runNationalCsv(ctx, source);
  }
}

export const IMPORT_KINDS = ["xapi", "moodle-log", "national-csv", "sheet"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  country?: string;
  tab?: string;
  timezone?: string;
  profile?: string;
  profilesDir: string;
}

/** One-off import of files, as `imaginecole import FILE… --source KIND`. */
export async function importFiles(
  ctx: RunContext,
  kind: ImportKind,
  files: string[],
  options: ImportOptions,
): Promise<LoadResult[]> {
  switch (kind) {
    case "xapi":
      return (await import("../sources/xapi/index.ts")).importXapiFiles(ctx, files, { country: options.country });
    case "moodle-log":
      return (await import("../sources/moodle-log/index.ts")).importMoodleLogs(ctx, files, {
        country: required(options.country, "--country"),
        timezone: options.timezone ?? "Africa/Abidjan",
      });
    case "national-csv":
      return (await import("../sources/national-csv/index.ts")).importNationalCsv(ctx, files, {
        country: required(options.country, "--country"),
        profile: options.profile,
        profilesDir: options.profilesDir,
      });
    case "sheet":
      return (await import("../sources/sheets/index.ts")).importSheetFiles(ctx, files, {
        country: required(options.country, "--country"),
        tab: options.tab,
      });
  }
}

function required(value: string | undefined, option: string): string {
  if (value) return value;
  throw new ImaginEcoleError({
    fr: `L'option ${option} est obligatoire pour ce type de source : ajoutez-la à la commande.`,
    en: `The option ${option} is required for this kind of source: add it to the command.`,
  }, EXIT.usage);
}
