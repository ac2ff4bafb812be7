import type { CountryRule } from "./settings.ts";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import { sqlFile } from "../../warehouse/sql-file.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { BASE_PATHS, compileCountryRules } from "./country-rules.ts";
import { fieldsFromNdjson, fieldsFromText, type FieldPath } from "./fields.ts";
import { linesSql, type StatementsFormat } from "./file-format.ts";
import type { Query } from "../usage/sql.ts";
import type { Statements } from "../usage/statements.ts";

/**
 * The actor's identifier over fields f2–f6 (mbox, mbox_sha1sum, openid, account home page and
 * name), the first an actor has, prefixed by its kind. In clear: keyed before anything is written.
 */
const ACTOR_IDENT = `CASE
      WHEN NULLIF(f2, '') IS NOT NULL THEN 'mbox:' || f2
      WHEN NULLIF(f3, '') IS NOT NULL THEN 'mbox_sha1sum:' || f3
      WHEN NULLIF(f4, '') IS NOT NULL THEN 'openid:' || f4
      WHEN NULLIF(f5, '') IS NOT NULL AND NULLIF(f6, '') IS NOT NULL THEN 'account:' || f5 || '|' || f6
    END`;

type Fields = (paths: readonly FieldPath[]) => ReturnType<typeof fieldsFromNdjson>;

async function statementsQuery(warehouse: Warehouse, file: string, rules: CountryRule[], fields: Fields): Promise<Statements> {
  const country = compileCountryRules(rules);
  const read = fields([...BASE_PATHS, ...country.paths]);
  const hasReference = Number(await warehouse.scalar("SELECT count(*) FROM core.countries")) > 0;
  const sql = sqlFile(import.meta.url, "sql/statements.sql").fill({ fields: read.sql, ident: ACTOR_IDENT, country: country.sql });
  return { sql: sql.wrap((relation) => `(${relation})`), params: { file, has_reference: hasReference, ...read.params, ...country.params } };
}

/**
 * The statements of an NDJSON file as a query DuckDB reads in parallel each time it is used.
 * Statements carry no line number: use it only when none is rejected.
 */
export function ndjsonStatements(warehouse: Warehouse, file: string, rules: CountryRule[]): Promise<Statements> {
  return statementsQuery(warehouse, file, rules, fieldsFromNdjson);
}

/** An NDJSON file's statements counted per actor (`ident`, `n`), unchecked: sql/actors.sql. */
export function ndjsonActors(file: string): Query {
  const read = fieldsFromNdjson(BASE_PATHS.slice(0, 6));
  const sql = sqlFile(import.meta.url, "sql/actors.sql").fill({ fields: read.sql, ident: ACTOR_IDENT });
  return { sql, params: { file, ...read.params } };
}

/** Fills the TEMP table xapi_stage from a statements file of any layout, each with its line or position. */
export async function stageStatementsFile(
  warehouse: Warehouse,
  file: string,
  format: StatementsFormat,
  rules: CountryRule[],
  shown: string = file,
): Promise<void> {
  const statements = await statementsQuery(warehouse, file, rules, (paths) => fieldsFromText(linesSql(format), paths));
  await readingFile(shown, () =>
    warehouse.run(statements.sql.wrap((relation) => `CREATE OR REPLACE TEMP TABLE xapi_stage AS ${relation}`), statements.params),
  );
}

/** Runs work that reads the file, turning DuckDB's reader errors into one that names the file and says what to do. */
export async function readingFile<T>(shown: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const detail = readerProblem(String((error as Error).message ?? error));
    throw new ImaginEcoleError({
      fr: `Fichier illisible ${shown} : ${detail}. Les déclarations doivent être du JSON en UTF-8 (une par ligne, un tableau ou une page {statements}). Corrigez le fichier puis importez-le à nouveau.`,
      en: `Unreadable file ${shown}: ${detail}. Statements must be UTF-8 JSON (one per line, an array or a {statements} page). Fix the file, then import it again.`,
    }, EXIT.failed);
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
