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
import { readCountries, readIndicatorAliases } from "./lookups.ts";
import { README_TITLE } from "./spreadsheet.ts";
import { RULE_GUIDE, RULES } from "../../mart/catalogue.ts";
import type { Cell } from "./values.ts";

const TEMPLATE_ROWS = 1000;
const REGIONAL_KEY = "REGIONAL";

/** The dropdown (or check) a column gets in the template, and how the Lisez-moi tab names its values. */
export function columnRule(column: ColumnContract, lists: { countries: string[]; indicators: string[] }): { rule: sheets_v4.Schema$DataValidationRule | null; values: string } {
  const oneOf = (values: string[]) => ({
    rule: { condition: { type: "ONE_OF_LIST", values: values.map((v) => ({ userEnteredValue: v })) }, strict: true, showCustomUi: true },
    values: values.join(", "),
  });
  switch (column.type.kind) {
    case "code": return oneOf(codeLabels(column.type.list));
    case "sex": return oneOf(["F", "H"]);
    case "bool": return oneOf(labelsOf("fr", "yes_no"));
    case "country": return oneOf(lists.countries);
    case "indicator": return oneOf(lists.indicators);
    // A flag id may be typed too: the list helps without refusing.
    case "subject": return { rule: { ...oneOf(["Général", ...lists.indicators, ...RULES.map((r) => RULE_GUIDE[r].label_fr)]).rule, strict: false }, values: "indicateur, constat, identifiant de constat (SN/overdue_activities) ou Général" };
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
export function readmeRows(place: string, tabs: TabContract[], lists: { countries: string[]; indicators: string[] }): string[][] {
  const rows: string[][] = [
    [`ImaginEcole — mode d'emploi de la feuille ${place}`],
    ["La ligne 1 de chaque onglet porte les en-têtes : ne la modifiez pas. Une ligne par formateur, session, ressource ou activité ; les dates en jj/mm/aaaa."],
    ["Après chaque synchronisation, le pipeline réécrit l'onglet Contrôles : il liste les cellules à corriger et la date de la dernière synchronisation réussie."],
    [],
    ["Onglet", "Colonne", "Obligatoire", "Valeurs possibles", "Explication", "Explanation (English)"],
  ];
  for (const tab of tabs) {
    for (const column of tab.columns) {
      rows.push([tab.title, column.header, label("fr", "yes_no", column.required), columnRule(column, lists).values, column.help.fr, column.help.en]);
    }
  }
  return rows;
}

/**
 * `imaginecole sheets init --country SN`: creates the country's spreadsheet from the template
 * when the configuration names none, else repairs the named one (missing tabs and headers,
 * frozen header row, dropdowns, Lisez-moi). `--country regional` does the same for Cibles.
 */
export async function sheetsInit(
  ctx: RunContext,
  options: { source: SheetsApiSource; country: string; client?: ClientOptions },
): Promise<{ spreadsheetId: string; created: boolean }> {
  const country = options.country.trim().toUpperCase();
  const regional = country === REGIONAL_KEY;
  if (!regional && !/^[A-Z]{2}$/.test(country)) {
    throw new ImaginEcoleError({
      fr: `Pays invalide « ${options.country} » : indiquez le code ISO à deux lettres (ex. SN), ou « regional » pour la feuille des cibles.`,
      en: `Invalid country "${options.country}": give the two-letter ISO code (e.g. SN), or "regional" for the targets sheet.`,
    }, EXIT.usage);
  }
  const client = createSheetsClient(options.source, readServiceAccountKey(options.source, ctx.root), options.client);
  const countries = await readCountries(ctx);
  const place = regional ? "Cibles" : (countries.find((c) => c.country_code === country)?.name_fr ?? country);
  const tabs = regional ? REGIONAL_TABS : COUNTRY_TABS;
  const lists = {
    countries: countries.map((c) => c.name_fr),
    indicators: Object.values(readIndicatorAliases()).map((labels) => labels[0]!).filter(Boolean),
  };
  const configured = regional ? options.source.regional : options.source.spreadsheets[country];
  let spreadsheetId = configured ?? "";
  const step = (what: string) => (error: unknown) => {
    throw explainApiError(error, { spreadsheetId: spreadsheetId || "(nouvelle)", email: client.email, what });
  };

  if (!configured) {
    await client.limiter.take();
    const created = await client.api.spreadsheets.create({
      requestBody: {
        properties: { title: `ImaginEcole ${place}`, locale: "fr_FR" },
        sheets: [...tabs.map((t) => t.title), README_TITLE].map((title, index) => ({
          properties: { title, index, gridProperties: { rowCount: TEMPLATE_ROWS, frozenRowCount: 1 } },
        })),
      },
    }).catch(step("création"));
    spreadsheetId = created.data.spreadsheetId ?? "";
    ctx.log(say(ctx, { fr: `Feuille créée : ${spreadsheetId} (ajoutez-la à la configuration).`, en: `Spreadsheet created: ${spreadsheetId} (add it to the configuration).` }));
  }
  await repair(client, spreadsheetId, tabs, place, lists).catch(step("réparation"));
  return { spreadsheetId, created: !configured };
}

async function repair(
  client: SheetsClient, spreadsheetId: string, tabs: TabContract[], place: string, lists: { countries: string[]; indicators: string[] },
): Promise<void> {
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
