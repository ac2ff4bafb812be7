import { existsSync, readdirSync, statSync } from "node:fs";
import { extname, isAbsolute, join, relative, resolve } from "node:path";
import type { SheetFilesSource } from "./settings.ts";
import type { RunContext } from "../../context/run-context.ts";
import { ImaginEcoleError, EXIT } from "../../core/errors.ts";
import { systemFault } from "../../core/faults.ts";
import { loadBatch, type LoadResult } from "../../warehouse/batch.ts";
import { isMember, readCountries, unknownCountry } from "../reference/lookup.ts";
import { SOURCE } from "./load.ts";
import { TAB_CONTRACTS, contractForTitle } from "./contracts.ts";
import { buildEnv, type SheetOptions } from "./env.ts";
import { readCsvGrid, readXlsxTabs, tabTitleFromFileName } from "./read-files.ts";
import { loadSpreadsheet, type RawTab } from "./spreadsheet.ts";
import { say } from "../../core/message.ts";

const REGIONAL_FOLDER = "regional";

/**
 * Reads sheet downloads from `<path>/<ISO2>/` (one .xlsx with the tabs, or one .csv per tab)
 * and `<path>/regional/` (Cibles). One batch per tab.
 */
export async function runSheetFiles(ctx: RunContext, source: SheetFilesSource, options: SheetOptions = {}): Promise<LoadResult[]> {
  const folder = resolve(ctx.root, source.path);
  if (!existsSync(folder)) {
    throw new ImaginEcoleError({
      fr: `Dossier des feuilles introuvable : ${folder} (source « ${source.name} »). Vérifiez « path » dans la configuration.`,
      en: `Sheets folder not found: ${folder} (source "${source.name}"). Check "path" in the configuration.`,
    }, EXIT.usage);
  }
  const env = await buildEnv(ctx, options);
  const results: LoadResult[] = [];
  const entries = readdirSync(folder).filter((name) => statSync(join(folder, name)).isDirectory()).sort();
  const countries = await readCountries(ctx);
  ctx.progress?.start(source.name, entries.length);
  for (const name of entries) {
    ctx.progress?.tick();
    const isRegional = name.toLowerCase() === REGIONAL_FOLDER;
    if (!isRegional && !/^[A-Za-z]{2}$/.test(name)) {
      ctx.log(say(ctx, { fr: `Dossier « ${name} » ignoré : ni un code pays (SN), ni « regional ».`, en: `Folder "${name}" ignored: neither a country code (SN) nor "regional".` }));
      continue;
    }
    const country = isRegional ? null : name.toUpperCase();
    if (country !== null && !isMember(countries, country)) {
      const refused = unknownCountry(countries, name, { fr: `dossier ${shownPath(ctx, join(folder, name))}`, en: `folder ${shownPath(ctx, join(folder, name))}` });
      ctx.log(refused.text(ctx.lang));
      results.push(await loadBatch(ctx.warehouse, { source: SOURCE, location: shownPath(ctx, join(folder, name)), countryCode: country }, async () => {
        throw refused;
      }, { dryRun: ctx.dryRun }));
      continue;
    }
    const tabs = await readFolderTabs(ctx, join(folder, name));
    const loaded = await loadSpreadsheet(ctx, country, tabs, env, { expectAll: true });
    results.push(...loaded.loads.map((l) => l.result));
  }
  ctx.progress?.stop();
  return results;
}

/** `imaginecole import FILE… --source sheet --country XX [--tab NAME]`. */
export async function importSheetFiles(
  ctx: RunContext,
  files: string[],
  options: { country: string; tab?: string } & SheetOptions,
): Promise<LoadResult[]> {
  const country = options.country?.trim().toUpperCase() ?? "";
  if (!/^[A-Z]{2}$/.test(country)) {
    throw new ImaginEcoleError({
      fr: `Pays manquant ou invalide (« ${options.country ?? ""} ») : indiquez --country avec le code ISO à deux lettres (ex. SN).`,
      en: `Missing or invalid country ("${options.country ?? ""}"): pass --country with the two-letter ISO code (e.g. SN).`,
    }, EXIT.usage);
  }
  if (options.tab !== undefined && !contractForTitle(options.tab)) throw unknownTab(options.tab);
  const env = await buildEnv(ctx, options);
  const countryTabs: RawTab[] = [];
  const regionalTabs: RawTab[] = [];
  for (const file of files) {
    for (const tab of await readFileTabs(ctx, file, options.tab)) {
      (contractForTitle(tab.title)?.scope === "regional" ? regionalTabs : countryTabs).push(tab);
    }
  }
  const results: LoadResult[] = [];
  if (countryTabs.length > 0) results.push(...(await loadSpreadsheet(ctx, country, countryTabs, env, { expectAll: false })).loads.map((l) => l.result));
  if (regionalTabs.length > 0) results.push(...(await loadSpreadsheet(ctx, null, regionalTabs, env, { expectAll: false })).loads.map((l) => l.result));
  return results;
}

async function readFolderTabs(ctx: RunContext, folder: string): Promise<RawTab[]> {
  const tabs: RawTab[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (name.startsWith("~$") || name.startsWith(".")) continue;
    const ext = extname(name).toLowerCase();
    if (ext !== ".xlsx" && ext !== ".csv") continue;
    const file = join(folder, name);
    if (ext === ".csv" && tabTitleFromFileName(file) === null) {
      ctx.log(say(ctx, {
        fr: `Fichier ${shownPath(ctx, file)} ignoré : son nom ne désigne aucun onglet du modèle (« <Feuille> - Formateurs.csv »).`,
        en: `File ${shownPath(ctx, file)} ignored: its name names no template tab ("<Spreadsheet> - Formateurs.csv").`,
      }));
      continue;
    }
    tabs.push(...(await readFileTabs(ctx, file)));
  }
  return tabs;
}

async function readFileTabs(ctx: RunContext, file: string, tab?: string): Promise<RawTab[]> {
  const path = resolve(ctx.root, file);
  if (!existsSync(path)) {
    throw new ImaginEcoleError({ fr: `Fichier introuvable : ${file}.`, en: `File not found: ${file}.` }, EXIT.usage);
  }
  const shown = shownPath(ctx, path);
  // A download's last edit is its modification time: when it was saved or copied in.
  const editedAt = statSync(path).mtime;
  if (extname(path).toLowerCase() === ".xlsx") {
    const tabs = await readXlsxTabs(path).catch((error: unknown) => {
      throw systemFault(error) ?? unreadableWorkbook(shown);
    });
    const wanted = tab === undefined ? tabs : tabs.filter((t) => contractForTitle(t.title) === contractForTitle(tab));
    return wanted.map((t) => ({ title: t.title, grid: t.grid, location: `${shown}!${t.title}`, editedAt }));
  }
  const title = tab ?? tabTitleFromFileName(path);
  if (title === null) {
    throw new ImaginEcoleError({
      fr: `Impossible de savoir quel onglet contient ${shown} : nommez-le avec --tab (${TAB_CONTRACTS.map((c) => c.title).join(", ")}).`,
      en: `Cannot tell which tab ${shown} holds: name it with --tab (${TAB_CONTRACTS.map((c) => c.title).join(", ")}).`,
    }, EXIT.usage);
  }
  return [{ title, grid: readCsvFile(path), location: shown, editedAt }];
}

/** Paths inside the project are shown relative to it, others in full. */
function shownPath(ctx: RunContext, path: string): string {
  const rel = relative(ctx.root, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/** A CSV download's cells; a file that cannot be read is named with what to do. */
function readCsvFile(path: string): ReturnType<typeof readCsvGrid> {
  try {
    return readCsvGrid(path);
  } catch (error) {
    throw systemFault(error) ?? error;
  }
}

/** A .xlsx that is no workbook: truncated, damaged, or another kind of file renamed. */
function unreadableWorkbook(shown: string): ImaginEcoleError {
  return new ImaginEcoleError({
    fr: `${shown} : classeur Excel illisible (fichier tronqué, endommagé ou qui n'est pas un .xlsx) ; rien n'a été chargé de ce fichier. Téléchargez-le de nouveau depuis Google Sheets (Fichier > Télécharger > .xlsx).`,
    en: `${shown}: unreadable Excel workbook (truncated, damaged, or not an .xlsx); nothing was loaded from it. Download it again from Google Sheets (File > Download > .xlsx).`,
  }, EXIT.failed);
}

function unknownTab(tab: string): ImaginEcoleError {
  const known = TAB_CONTRACTS.map((c) => c.title).join(", ");
  return new ImaginEcoleError({
    fr: `Onglet « ${tab} » inconnu : choisissez parmi ${known}.`,
    en: `Unknown tab "${tab}": choose one of ${known}.`,
  }, EXIT.usage);
}

