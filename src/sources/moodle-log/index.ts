import { resolve } from "node:path";
import type { MoodleLogSource } from "./settings.ts";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { RunContext } from "../../context/run-context.ts";
import { say } from "../../core/message.ts";
import { loadBatch, type BatchContext, type BatchCounts, type LoadResult } from "../../warehouse/batch.ts";
import { commitStatements, summarise } from "../usage/commit.ts";
import { STAGED } from "../usage/statements.ts";
import { checkCountryCode } from "../usage/country-check.ts";
import { displayPath, expandFiles, listFiles } from "../usage/folder.ts";
import { contentHash } from "../../warehouse/content-hash.ts";
import { describeLoad } from "../usage/report.ts";
import { sqlFile } from "../../warehouse/sql-file.ts";
import { streamCsvRecords } from "./csv-records.ts";
import { mapHeaders, type HeaderMap } from "./headers.ts";
import { moodleReasons } from "./reasons.ts";
import { toStageRow, type RowOptions } from "./rows.ts";
import { appendStageRow } from "./stage-appender.ts";
import { zoneFormatter } from "./time.ts";

export const MOODLE_SOURCE = "moodle-log";
const LOG_FILES = /\.csv$/i;

export interface MoodleImportOptions {
  country: string;
  /** IANA zone of the exporting site: Moodle writes local times without an offset. */
  timezone: string;
  /** Names the Moodle site in actor keys and object ids; the country code by default. */
  site?: string;
}

/** Every .csv download in the source's folder, in name order, one batch each. */
export async function runMoodleLogFiles(ctx: RunContext, source: MoodleLogSource): Promise<LoadResult[]> {
  const files = listFiles(resolve(ctx.root, source.path), LOG_FILES);
  return importMoodleLogs(ctx, files, { country: source.country, timezone: source.timezone });
}

/** `imaginecole import FILE… --source moodle-log --country XX`: Moodle "Logs" report downloads (a folder: its .csv files). */
export async function importMoodleLogs(ctx: RunContext, files: string[], options: MoodleImportOptions): Promise<LoadResult[]> {
  const country = await checkCountryCode(ctx.warehouse, options.country);
  checkTimezone(options.timezone);
  const rowOptions: RowOptions = { site: (options.site ?? country).toLowerCase(), timeZone: options.timezone, keyer: ctx.keyer };
  const results: LoadResult[] = [];
  for (const file of expandFiles(ctx.root, files, LOG_FILES)) {
    const shown = displayPath(ctx.root, file);
    const result = await loadBatch(
      ctx.warehouse,
      { source: MOODLE_SOURCE, location: shown, countryCode: country, contentSha256: await contentHash(ctx.warehouse, file, { remember: !ctx.dryRun }) },
      (batch) => loadFile(ctx, batch, file, shown, country, rowOptions),
      { dryRun: ctx.dryRun },
    );
    ctx.log(describeLoad(ctx, shown, result));
    results.push(result);
  }
  return results;
}

async function loadFile(
  ctx: RunContext,
  batch: BatchContext,
  file: string,
  shown: string,
  country: string,
  rowOptions: RowOptions,
): Promise<BatchCounts> {
  await ctx.warehouse.run(sqlFile(import.meta.url, "sql/xapi_stage.sql"));
  const appender = await ctx.warehouse.appender("xapi_stage", "main", "temp");
  let header: HeaderMap | undefined;
  let guests = 0;
  try {
    await streamCsvRecords(file, (record, line) => {
      if (!header) {
        header = mapHeaders(record);
        if (header.missing.length > 0) throw missingColumns(shown, header);
        return;
      }
      if (record.length === 1 && record[0]!.trim() === "") return;
      const row = toStageRow(record, header, line, rowOptions);
      if (row === "guest") guests++;
      else appendStageRow(appender, row, country);
    });
  } finally {
    appender.closeSync();
  }
  if (!header) throw missingColumns(shown, mapHeaders([]));
  const counts = await commitStatements(batch, STAGED, await summarise(ctx.warehouse, STAGED), {
    source: MOODLE_SOURCE,
    keyer: ctx.keyer,
    locationPrefix: `${shown}:`,
    reasons: moodleReasons(header),
  });
  if (guests > 0) {
    ctx.log(say(ctx, { fr: `${shown} : ${guests} lignes de visiteurs non connectés (id 0) non comptées.`, en: `${shown}: ${guests} rows of visitors not signed in (id 0) not counted.` }));
  }
  return { rowsRead: counts.rowsRead + guests, rowsLoaded: counts.rowsLoaded };
}

function missingColumns(shown: string, header: HeaderMap): ImaginEcoleError {
  const missing = header.missing.join(", ");
  return new ImaginEcoleError({
    fr: `${shown} : ce n'est pas un téléchargement des journaux Moodle (colonnes manquantes : ${missing}). Attendu l'en-tête « Heure, Nom complet de l'utilisateur, …, Description, … » ou « Time, User full name, …, Description, … ».`,
    en: `${shown}: not a Moodle logs download (missing columns: ${missing}). Expected the header "Time, User full name, …, Description, …" or its French version.`,
  }, EXIT.failed);
}

function checkTimezone(timezone: string): void {
  try {
    zoneFormatter(timezone);
  } catch {
    throw new ImaginEcoleError({
      fr: `Fuseau horaire inconnu « ${timezone} » : donnez un nom IANA, par exemple Africa/Abidjan, Africa/Dakar ou Africa/Douala.`,
      en: `Unknown time zone "${timezone}": give an IANA name, e.g. Africa/Abidjan, Africa/Dakar or Africa/Douala.`,
    }, EXIT.usage);
  }
}
