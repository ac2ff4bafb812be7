import { listValue } from "@duckdb/node-api";
import type { CountryRule } from "../../config/pipelines.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { BASE_PATHS, compileCountryRules } from "./country-rules.ts";
import { linesSql, type StatementsFormat } from "./file-format.ts";
import { runSqlFile } from "./sql.ts";

/** Fills the TEMP table xapi_stage from a statements file, read and parsed by DuckDB. */
export async function stageStatementsFile(
  warehouse: Warehouse,
  file: string,
  format: StatementsFormat,
  rules: CountryRule[],
): Promise<void> {
  const country = compileCountryRules(rules);
  const hasReference = Number(await warehouse.scalar("SELECT count(*) FROM core.countries")) > 0;
  await runSqlFile(
    warehouse,
    "xapi_stage",
    { file, paths: listValue([...BASE_PATHS, ...country.paths]), has_reference: hasReference, ...country.params },
    { lines: linesSql(format), country: country.sql },
  );
}
