import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { SheetsApiSource } from "../../sources/sheets/settings.ts";
import type { Lang } from "../../core/lang.ts";
import { sheetsInit } from "../../sources/sheets/index.ts";
import { openContext, type GlobalOptions } from "../context.ts";
import { say } from "../../core/message.ts";

export async function sheetsInitCommand(options: GlobalOptions, lang: Lang, o: { country: string }): Promise<void> {
  const { ctx, config } = await openContext(options, lang);
  try {
    const source = config.sources.find((s): s is SheetsApiSource => s.kind === "sheets-api");
    if (!source) {
      throw new ImaginEcoleError({
        fr: "Aucune source « sheets-api » dans la configuration : ajoutez-en une (identifiants des feuilles, clé du compte de service).",
        en: 'No "sheets-api" source in the configuration: add one (spreadsheet ids, service-account key).',
      }, EXIT.usage);
    }
    const country = o.country.toUpperCase();
    const { spreadsheetId, created } = await sheetsInit(ctx, { source, country });
    process.stdout.write(say(lang, {
      fr: `${created ? "Feuille créée" : "Feuille réparée"} pour ${country} : ${spreadsheetId}\n`,
      en: `${created ? "Spreadsheet created" : "Spreadsheet repaired"} for ${country}: ${spreadsheetId}\n`,
    }));
  } finally {
    ctx.warehouse.close();
  }
}
