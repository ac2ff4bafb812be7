import type { sheets_v4 } from "@googleapis/sheets";
import type { SheetsApiSource } from "./settings.ts";
import type { RunContext } from "../../context/run-context.ts";
import { ImaginEcoleError, EXIT } from "../../core/errors.ts";
import { label, labelsOf } from "../../core/labels.ts";
import { say } from "../../core/message.ts";
import { createSheetsClient, explainApiError, readServiceAccountKey, type ClientOptions, type SheetsClient } from "./api-client.ts";
import { quoteTitle } from "./api.ts";
import { codeLabels } from "./codes.ts";
import { COUNTRY_TABS, REGIONAL_TABS, contractForTitle, type ColumnContract, type TabContract } from "./contracts.ts";
import { matchHeaders } from "./headers.ts";
import { readCountries, type CountryNames } from "../reference/lookup.ts";
import { readIndicatorAliases } from "./lookups.ts";
import { README_TITLE } from "./spreadsheet.ts";
import { readRegions } from "../reference/regions.ts";
import { resolveCountry } from "../reference/lookup.ts";
import { RULE_GUIDE, RULES } from "../../mart/catalogue.ts";
import type { Cell } from "./values.ts";

const TEMPLATE_ROWS = 1000;
const REGIONAL_KEY = "REGIONAL";

/** What the template's dropdowns offer: countries and indicators (Cibles), the country's regions. */
export interface TemplateLists {
  countries: string[];
  indicators: string[];
  /** First-level regions of the country (pipelines/reference/regions.csv); none for the regional sheet. */
  regions: string[];
  /** ISO2 of the country the template is for (its example ids), or null for the regional sheet. */
  country: string | null;
}

/** The dropdown (or check) a column gets in the template, and how the Lisez-moi tab names its values. */
export function columnRule(column: ColumnContract, lists: TemplateLists): { rule: sheets_v4.Schema$DataValidationRule | null; values: string; list?: string[] } {
  const oneOf = (values: string[]) => ({
    rule: { condition: { type: "ONE_OF_LIST", values: values.map((v) => ({ userEnteredValue: v })) }, strict: true, showCustomUi: true },
    values: values.join(", "),
    list: values,
  });
  // A newer subdivision may be typed by hand: the list helps without refusing.
  if (column.key === "region" && lists.regions.length > 0) return { ...oneOf(lists.regions), rule: { ...oneOf(lists.regions).rule, strict: false } };
  switch (column.type.kind) {
    case "code": return oneOf(codeLabels(column.type.list));
    case "sex": return oneOf(["F", "H"]);
    case "bool": return oneOf(labelsOf("fr", "yes_no"));
    case "country": return oneOf(lists.countries);
    case "indicator": return oneOf(lists.indicators);
    // A flag id may be typed too: the list helps without refusing.
    case "subject": {
      const subjects = oneOf(["Général", ...lists.indicators, ...RULES.map((r) => RULE_GUIDE[r].label_fr)]);
      return { rule: { ...subjects.rule, strict: false }, values: forCountry("indicateur, constat, identifiant de constat (SN/overdue_activities) ou Général", lists.country), list: subjects.list };
    }
    case "date": return { rule: { condition: { type: "DATE_IS_VALID" }, strict: true }, values: "date jj/mm/aaaa" };
    case "count":
      return { rule: { condition: { type: "NUMBER_GREATER_THAN_EQ", values: [{ userEnteredValue: "0" }] }, strict: true }, values: "nombre entier, 0 ou plus" };
    case "number": return { rule: null, values: "nombre (ex. 1 500 ou 12,5)" };
    case "month": return { rule: null, values: "mois : 03/2026, mars 2026 ou 2026-03" };
    case "link": return { rule: null, values: "lien web complet : https://…" };
    case "personal":
    case "pseudonym": return { rule: null, values: "texte (jamais copié tel quel dans l'entrepôt)" };
    default: return { rule: null, values: "texte" };
  }
}

/** The Lisez-moi tab: what each tab and column is for. */
export function readmeRows(place: string, tabs: TabContract[], lists: TemplateLists): string[][] {
  const rows: string[][] = [
    [`ImaginEcole — mode d'emploi de la feuille ${place}`],
    ["La ligne 1 de chaque onglet porte les en-têtes : ne la modifiez pas. Une ligne par formateur, session, ressource ou activité ; les dates en jj/mm/aaaa."],
    ["Après chaque synchronisation, le pipeline réécrit l'onglet Contrôles : ce qui a été lu et chargé, la situation du pays et ses constats, les valeurs inhabituelles à vérifier (écrivez Oui dans « Confirmé » si elles sont justes), puis les cellules à corriger."],
    [],
    ["Onglet", "Colonne", "Obligatoire", "Valeurs possibles", "Explication", "Explanation (English)"],
  ];
  for (const tab of tabs) {
    for (const column of tab.columns) {
      rows.push([tab.title, column.header, label("fr", "yes_no", column.required), columnRule(column, lists).values, forCountry(column.help.fr, lists.country), forCountry(column.help.en, lists.country)]);
    }
  }
  return rows;
}

/** Example ids and flag ids in the template's help, in the country's own code (GN-F-001, GN/overdue_activities). */
export function forCountry(text: string, country: string | null): string {
  return country ? text.replace(/\bSN(?=[-/])/g, country) : text;
}

/** The spreadsheet id inside a Google Sheets address (…/spreadsheets/d/<id>/edit), or the id itself. */
export function spreadsheetIdOf(value: string): string {
  const trimmed = value.trim();
  return /\/d\/([A-Za-z0-9_-]+)/.exec(trimmed)?.[1] ?? trimmed;
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** The template of a country (ISO2, code or name in either language) or of the regional sheet: its place name, tabs and lists. */
export async function templateFor(ctx: RunContext, country: string): Promise<{ code: string | null; place: string; tabs: TabContract[]; lists: TemplateLists }> {
  const regional = country.trim().toUpperCase() === REGIONAL_KEY;
  const code = regional ? null : await resolveCountry(ctx, country, { fr: "--country", en: "--country" });
  const countries: CountryNames[] = await readCountries(ctx);
  return {
    code,
    place: code === null ? "Cibles" : (countries.find((c) => c.country_code === code)?.name_fr ?? code),
    tabs: code === null ? REGIONAL_TABS : COUNTRY_TABS,
    lists: {
      countries: countries.map((c) => c.name_fr),
      indicators: Object.values(readIndicatorAliases()).map((labels) => labels[0]!).filter(Boolean),
      regions: code === null ? [] : readRegions(ctx.root, code),
      country: code,
    },
  };
}

export interface SheetsInitResult {
  spreadsheetId: string;
  url: string;
  /** ISO2, or null for the regional sheet. */
  country: string | null;
  /** What to add to the sheets-api source of the configuration. */
  configLine: string;
}

/**
 * `imaginecole sheets init --spreadsheet ID|URL --country GN`: lays the template out inside a
 * spreadsheet the team created and shared with the service account (service accounts own no
 * Drive storage, so they cannot create one), or repairs it: missing tabs and headers, frozen
 * header row, dropdowns, Lisez-moi. Running it twice leaves the same spreadsheet, laid out the
 * same. Without --spreadsheet, the one the configuration names. `--country regional`: Cibles.
 */
export async function sheetsInit(
  ctx: RunContext,
  options: { source: SheetsApiSource; country: string; spreadsheet?: string; client?: ClientOptions },
): Promise<SheetsInitResult> {
  const template = await templateFor(ctx, options.country);
  const client = createSheetsClient(options.source, readServiceAccountKey(options.source, ctx.root), options.client);
  const configured = template.code === null ? options.source.regional : options.source.spreadsheets[template.code] ?? options.source.spreadsheets[template.code.toLowerCase()];
  const spreadsheetId = options.spreadsheet ? spreadsheetIdOf(options.spreadsheet) : configured;
  if (!spreadsheetId) {
    throw new ImaginEcoleError({
      fr: `Aucune feuille pour ${template.place} : créez une feuille Google vide avec votre compte, partagez-la avec ${client.email} en tant qu'Éditeur, puis relancez avec --spreadsheet <adresse de la feuille>. (Un compte de service n'a pas d'espace Drive : il ne peut pas créer de feuille.)`,
      en: `No spreadsheet for ${template.place}: create an empty Google spreadsheet with your account, share it with ${client.email} as Editor, then run again with --spreadsheet <the spreadsheet's address>. (A service account has no Drive storage: it cannot create a spreadsheet.)`,
    }, EXIT.usage);
  }
  await repair(client, spreadsheetId, template.tabs, template.place, template.lists).catch((error: unknown) => {
    throw explainApiError(error, { spreadsheetId, email: client.email, what: say(ctx, { fr: "mise en place du modèle", en: "laying out the template" }) });
  });
  const configLine = template.code === null ? `"regional": "${spreadsheetId}"` : `"spreadsheets": { "${template.code}": "${spreadsheetId}" }`;
  return { spreadsheetId, url: spreadsheetUrl(spreadsheetId), country: template.code, configLine };
}

async function repair(client: SheetsClient, spreadsheetId: string, tabs: TabContract[], place: string, lists: TemplateLists): Promise<void> {
  await client.limiter.take();
  const book = await client.api.spreadsheets.get({ spreadsheetId, fields: "sheets.properties" });
  const sheets = (book.data.sheets ?? []).map((s) => s.properties ?? {});
  const byContract = new Map<TabContract, sheets_v4.Schema$SheetProperties>();
  for (const props of sheets) {
    const contract = contractForTitle(props.title ?? "");
    if (contract && tabs.includes(contract) && !byContract.has(contract)) byContract.set(contract, props);
  }
  const present = [...byContract.entries()];
  const headerRows = new Map<TabContract, Cell[]>();
  if (present.length > 0) {
    await client.limiter.take();
    const values = await client.api.spreadsheets.values.batchGet({
      spreadsheetId, ranges: present.map(([, p]) => `${quoteTitle(p.title ?? "")}!1:1`), valueRenderOption: "UNFORMATTED_VALUE",
    });
    present.forEach(([contract], i) => headerRows.set(contract, (values.data.valueRanges?.[i]?.values?.[0] ?? []) as Cell[]));
  }

  const used = new Set(sheets.map((s) => s.sheetId));
  let nextId = 880_000_001;
  const freeId = () => {
    while (used.has(nextId)) nextId++;
    used.add(nextId);
    return nextId;
  };
  const requests: sheets_v4.Schema$Request[] = [];
  let index = sheets.length;
  for (const contract of tabs) {
    let props = byContract.get(contract);
    if (!props) {
      props = { sheetId: freeId(), title: contract.title, index: index++, gridProperties: { rowCount: TEMPLATE_ROWS, columnCount: 26, frozenRowCount: 1 } };
      requests.push({ addSheet: { properties: props } });
    } else if (props.gridProperties?.frozenRowCount !== 1) {
      requests.push({ updateSheetProperties: { properties: { sheetId: props.sheetId, gridProperties: { frozenRowCount: 1 } }, fields: "gridProperties.frozenRowCount" } });
    }
    const sheetId = props.sheetId!;
    const header = headerRows.get(contract) ?? [];
    const match = matchHeaders(header, contract);
    let nextColumn = header.length;
    const positions = new Map<string, number>();
    const added: ColumnContract[] = [];
    for (const column of contract.columns) {
      let at = match.found.get(column.key);
      if (at === undefined) {
        at = nextColumn++;
        added.push(column);
      }
      positions.set(column.key, at);
    }
    // Google refuses writes beyond the grid: a narrow tab first gets the columns it needs.
    const columnCount = props.gridProperties?.columnCount ?? 26;
    if (nextColumn > columnCount) {
      requests.push({ updateSheetProperties: { properties: { sheetId, gridProperties: { columnCount: nextColumn } }, fields: "gridProperties.columnCount" } });
    }
    if (added.length > 0) {
      requests.push({
        updateCells: {
          start: { sheetId, rowIndex: 0, columnIndex: header.length },
          fields: "userEnteredValue",
          rows: [{ values: added.map((c) => ({ userEnteredValue: { stringValue: c.header } })) }],
        },
      });
    }
    requests.push({
      repeatCell: { range: { sheetId, startRowIndex: 0, endRowIndex: 1 }, cell: { userEnteredFormat: { textFormat: { bold: true } } }, fields: "userEnteredFormat.textFormat.bold" },
    });
    for (const column of contract.columns) {
      const { rule } = columnRule(column, lists);
      if (!rule) continue;
      const at = positions.get(column.key)!;
      requests.push({
        setDataValidation: {
          range: { sheetId, startRowIndex: 1, endRowIndex: props.gridProperties?.rowCount ?? TEMPLATE_ROWS, startColumnIndex: at, endColumnIndex: at + 1 },
          rule,
        },
      });
    }
  }

  const readme = sheets.find((s) => s.title === README_TITLE);
  const readmeId = readme?.sheetId ?? freeId();
  if (!readme) requests.push({ addSheet: { properties: { sheetId: readmeId, title: README_TITLE, index: index++ } } });
  requests.push({
    updateCells: {
      range: { sheetId: readmeId },
      fields: "userEnteredValue",
      rows: readmeRows(place, tabs, lists).map((row) => ({ values: row.map((text) => ({ userEnteredValue: { stringValue: text } })) })),
    },
  });
  await client.limiter.take();
  await client.api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
}
