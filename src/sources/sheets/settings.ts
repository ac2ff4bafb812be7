import { z } from "zod";
import { countryCode, httpUrl, path, sourceSettings } from "../plugin.ts";

/** Downloads of the sheets: one folder per country (ISO2) and `regional/` with the Cibles tab. */
export const sheetFilesSettings = sourceSettings("sheet-files", { path });
export type SheetFilesSource = z.infer<typeof sheetFilesSettings>;

/** The country spreadsheets through the Google Sheets API, findings written back. */
export const sheetsApiSettings = sourceSettings("sheets-api", {
  /** Spreadsheet id per country code. */
  spreadsheets: z.record(countryCode, z.string().min(1)),
  /** The regional spreadsheet (Cibles). */
  regional: z.string().min(1).optional(),
  /** Service-account key file, or the name of an environment variable holding its path. */
  keyFileEnv: z.string().min(1),
  rootUrl: httpUrl.optional(),
  requestsPerMinute: z.number().positive().optional(),
  /** Countries (or `regional`) whose spreadsheet does not get the Contrôles tab written back. */
  noWriteBack: z.array(z.string().min(1)).optional(),
});
export type SheetsApiSource = z.infer<typeof sheetsApiSettings>;
