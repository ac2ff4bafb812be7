import type { RunContext } from "../../context/run-context.ts";
import { COUNTRY_TABS, REGIONAL_TABS, contractForTitle, type TabContract } from "./contracts.ts";
import { loadTab, type TabLoad } from "./load.ts";
import type { ParseEnv } from "./parse-tab.ts";
import { normaliseLabel } from "./normalise.ts";
import type { Cell } from "./values.ts";
import { say } from "../../core/message.ts";

export interface RawTab {
  title: string;
  grid: Cell[][];
  location: string;
  /** When the spreadsheet or file was last edited, if known. */
  editedAt?: Date | null;
  /** The tab's address in Google Sheets (API only). */
  url?: string | null;
}

export interface SpreadsheetLoad {
  country: string | null;
  loads: TabLoad[];
  /** Template tabs the spreadsheet lacks (optional ones excluded). */
  missing: TabContract[];
}

/** Tabs the pipeline writes or explains itself: never read as data. */
export const CONTROLS_TITLE = "Contrôles";
export const README_TITLE = "Lisez-moi";
/** The offline template's lists its dropdowns point at. */
export const LISTS_TITLE = "Listes";
const OWN_TABS = new Set([CONTROLS_TITLE, README_TITLE, LISTS_TITLE].map(normaliseLabel));

export type BaseEnv = Omit<ParseEnv, "trainerIds">;

/**
 * Loads the tabs of one spreadsheet (a country's, or the regional one when country is null) in
 * template order, Formateurs before Sessions so sessions are checked against the trainers read.
 */
export async function loadSpreadsheet(
  ctx: RunContext,
  country: string | null,
  tabs: RawTab[],
  env: BaseEnv,
  options: { expectAll: boolean },
): Promise<SpreadsheetLoad> {
  const wanted = country === null ? REGIONAL_TABS : COUNTRY_TABS;
  const byKey = new Map<string, RawTab>();
  for (const tab of tabs) {
    if (OWN_TABS.has(normaliseLabel(tab.title))) continue;
    const contract = contractForTitle(tab.title);
    if (!contract || !wanted.includes(contract)) {
      ctx.log(say(ctx, { fr: `Onglet « ${tab.title} » ignoré : il ne fait pas partie du modèle.`, en: `Tab "${tab.title}" ignored: not part of the template.` }));
      continue;
    }
    if (!byKey.has(contract.key)) byKey.set(contract.key, tab);
  }

  const loads: TabLoad[] = [];
  let trainerIds: Set<string> | undefined;
  for (const contract of wanted) {
    const tab = byKey.get(contract.key);
    if (!tab) continue;
    if (contract.key === "sessions" && country !== null) trainerIds ??= await storedTrainerIds(ctx, country);
    const load = await loadTab(ctx, { country, contract, ...tab }, { ...env, trainerIds });
    // A trainer exists once typed in Formateurs, even if another cell of the row needs fixing;
    // a refused Formateurs tab leaves core.trainers as it was, so sessions are checked against that.
    if (contract.key === "trainers" && !load.parsed.refused) trainerIds = new Set(load.parsed.presentIds);
    loads.push(load);
  }
  const missing = options.expectAll ? wanted.filter((c) => !c.optional && !byKey.has(c.key)) : [];
  for (const contract of missing) {
    ctx.log(say(ctx, {
      fr: `${country ?? "Régional"} : onglet « ${contract.title} » absent de la feuille ; rien n'est chargé pour lui.`,
      en: `${country ?? "Regional"}: tab "${contract.title}" is missing from the spreadsheet; nothing is loaded for it.`,
    }));
  }
  return { country, loads, missing };
}

async function storedTrainerIds(ctx: RunContext, country: string): Promise<Set<string>> {
  const rows = await ctx.warehouse.all<{ trainer_id: string }>(
    "SELECT trainer_id FROM core.trainers WHERE country_code = $1", [country]);
  return new Set(rows.map((r) => r.trainer_id));
}
