import { listValue } from "@duckdb/node-api";
import type { CountryRule } from "../../config/pipelines.ts";
import { EXIT, ImaginEcoleError } from "../../errors.ts";
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
  shown: string = file,
): Promise<void> {
  const country = compileCountryRules(rules);
  const hasReference = Number(await warehouse.scalar("SELECT count(*) FROM core.countries")) > 0;
  try {
    await runSqlFile(
      warehouse,
      "xapi_stage",
      { file, paths: listValue([...BASE_PATHS, ...country.paths]), has_reference: hasReference, ...country.params },
      { lines: linesSql(format), country: country.sql },
    );
  } catch (error) {
    const detail = readerProblem(String((error as Error).message ?? error));
    throw new ImaginEcoleError(
      `Fichier illisible ${shown} : ${detail}. Les déclarations doivent être du JSON en UTF-8 (une par ligne, un tableau ou une page {statements}). Corrigez le fichier puis importez-le à nouveau.`,
      `Unreadable file ${shown}: ${detail}. Statements must be UTF-8 JSON (one per line, an array or a {statements} page). Fix the file, then import it again.`,
      EXIT.failed,
    );
  }
}

/**
 * DuckDB's reason, without the offending line it quotes ("Original Line: …"), which may hold a
 * name or an e-mail and would otherwise reach ops.loads and the screen. Pure.
 */
export function readerProblem(message: string): string {
  const lines = message.split("\n").map((l) => l.trim());
  const quoted = lines.findIndex((l) => l.startsWith("Original Line"));
  const parts = [lines[0] ?? "", quoted >= 0 ? (lines[quoted + 1] ?? "") : ""];
  return parts.filter((p) => p !== "").join(" ").slice(0, 300);
}
