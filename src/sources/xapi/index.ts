export { runXapiFiles, importXapiFiles } from "./files.ts";
export { runXapiLrs, type LrsRunOptions } from "./lrs.ts";
export { DEFAULT_COUNTRY_RULES } from "./country-rules.ts";
