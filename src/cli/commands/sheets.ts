import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { SheetsApiSource } from "../../sources/sheets/settings.ts";
import type { Lang } from "../../core/lang.ts";
import { sheetsInit, writeTemplateXlsx } from "../../sources/sheets/index.ts";
import { openContext, type GlobalOptions } from "../context.ts";
import { say } from "../../core/message.ts";

export async function sheetsInitCommand(options: GlobalOptions, lang: Lang, o: { country: string; spreadsheet?: string }): Promise<void> {
  const { ctx, config } = await openContext(options, lang);
  try {
    const source = config.sources.find((s): s is SheetsApiSource => s.kind === "sheets-api");
    if (!source) {
      throw new ImaginEcoleError({
        fr: "Aucune source « sheets-api » dans la configuration : ajoutez-en une (identifiants des feuilles, clé du compte de service).",
        en: 'No "sheets-api" source in the configuration: add one (spreadsheet ids, service-account key).',
      }, EXIT.usage);
    }
    const done = await sheetsInit(ctx, { source, country: o.country, spreadsheet: o.spreadsheet });
    const who = done.country ?? "regional";
    process.stdout.write(say(lang, {
      fr: `Modèle en place pour ${who} : ${done.url}\nÀ ajouter à la source « ${source.name} » de la configuration : ${done.configLine}\n`,
      en: `Template laid out for ${who}: ${done.url}\nAdd to the source "${source.name}" of the configuration: ${done.configLine}\n`,
    }));
  } finally {
    ctx.warehouse.close();
  }
}

export async function sheetsTemplateCommand(options: GlobalOptions, lang: Lang, o: { country: string; out: string }): Promise<void> {
  const { ctx } = await openContext(options, lang);
  try {
    const { path, country } = await writeTemplateXlsx(ctx, o);
    const who = country ?? "regional";
    const next = country
      ? say(lang, { fr: `Une fois rempli : imaginecole import ${path} --source sheet --country ${country}\n`, en: `Once filled in: imaginecole import ${path} --source sheet --country ${country}\n` })
      : "";
    process.stdout.write(say(lang, { fr: `Modèle hors ligne pour ${who} : ${path}\n`, en: `Offline template for ${who}: ${path}\n` }) + next);
  } finally {
    ctx.warehouse.close();
  }
}
