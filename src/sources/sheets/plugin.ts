import { countryOption, sourceKind, sourcePlugin } from "../plugin.ts";
import { sheetFilesSettings, sheetsApiSettings } from "./settings.ts";

/** The country Google Sheets: downloads in folders, the Sheets API, or a download imported once. */
export const sheetsPlugin = sourcePlugin({
  name: "sheets",
  kinds: [
    sourceKind(sheetFilesSettings, async (ctx, source) => (await import("./index.ts")).runSheetFiles(ctx, source)),
    sourceKind(
      sheetsApiSettings,
      async (ctx, source) => (await import("./index.ts")).runSheetsApi(ctx, source),
      async (ctx, source, standingOf) => (await import("./index.ts")).writeSheetsReports(ctx, source, { standingOf }),
    ),
  ],
  import: {
    kind: "sheet",
    options: {
      country: { ...countryOption, required: true },
      tab: { flags: "--tab <name>", help: { fr: "onglet d'un .csv de feuille", en: "sheet tab of a .csv" } },
    },
    import: async (ctx, files, options) =>
      (await import("./index.ts")).importSheetFiles(ctx, files, { country: options.country, tab: options.tab }),
  },
});
