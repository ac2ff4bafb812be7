/** Country Google Sheets: read (API or downloads), validate, load, write findings back, create the template. */
export { runSheetFiles, importSheetFiles } from "./files.ts";
export { runSheetsApi, writeSheetsReports, type SheetsApiOptions } from "./api.ts";
export { sheetsInit } from "./template.ts";
export { writeTemplateXlsx } from "./template-xlsx.ts";
export type { SheetOptions } from "./env.ts";
export { TAB_CONTRACTS, type TabContract, type ColumnContract } from "./contracts.ts";
export { ALIASES, lookupCode } from "./codes.ts";
export { INDICATOR_ALIASES_FILE } from "./lookups.ts";
