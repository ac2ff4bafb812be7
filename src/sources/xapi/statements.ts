import type { CountryRule } from "../../config/pipelines.ts";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import { sqlFile } from "../../warehouse/sql-file.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { BASE_FIELDS, BASE_PATHS, compileCountryRules } from "./country-rules.ts";
import { fieldsFromNdjson, fieldsFromText, type Field, type FieldsQuery } from "./fields.ts";
import { linesSql, type StatementsFormat } from "./file-format.ts";
import { runSqlFile, usedParams, type Query } from "./sql.ts";

/**
 * A relation in the shape of sql/statements.sql (line, event_id, ident, object_ident, verb,
 * object_id, voided_target, occurred_at, stored_at, country, reason, reject_value), and what it binds.
 */
export type Statements = Query;

/** The TEMP table xapi_stage, filled by stageStatementsFile or by the Moodle reader. */
export const STAGED: Statements = { sql: "xapi_stage", params: {} };

/** Defines the checks of sql/macros.sql on the connection (TEMP, so again for each load). */
export async function defineXapiMacros(warehouse: Warehouse): Promise<void> {
  await runSqlFile(warehouse, "macros");
}

const F = BASE_FIELDS;

/**
 * What the second pass over a file the first pass found clean does not read: it checks only the
 * id, the times and the country (sql/statements.sql with $full false).
 */
const CHECKED_BY_FIRST_PASS: ReadonlySet<Field> = new Set<Field>([
  F.actorObjectType, F.actorName, F.actorAccountNameJson, F.verbDisplay, F.objectName, F.objectAccountNameJson,
  F.subActor, F.subVerb, F.subTimestamp, F.subStored, F.subVersion, F.subAuthority, F.version, F.registration, F.contextStatement,
]);

/** What the first pass (sql/actors.sql) does not read: what differs on every statement. */
const CHECKED_BY_SECOND_PASS: ReadonlySet<Field> = new Set<Field>([F.id, F.timestamp, F.stored, F.actorAccountName, F.objectAccountName]);

type Fields = (fields: readonly Field[]) => FieldsQuery;

interface StatementsOptions {
  /** Check everything on every statement (staged files), or only what the first pass left. */
  full: boolean;
  /** Timestamps later than a day after this (or after `stored`) are refused. */
  now: Date;
}

async function statementsQuery(
  warehouse: Warehouse,
  file: string,
  rules: CountryRule[],
  fields: Fields,
  options: StatementsOptions,
): Promise<Statements> {
  const country = compileCountryRules(rules);
  const read = fields([...BASE_PATHS, ...country.paths.map((path) => ({ path }))]);
  const hasReference = Number(await warehouse.scalar("SELECT count(*) FROM core.countries")) > 0;
  const sql = sqlFile(import.meta.url, "sql/statements.sql").replace("{{fields}}", read.sql).replace("{{country}}", country.sql);
  return {
    sql: `(${sql})`,
    params: {
      file,
      has_reference: hasReference,
      full: options.full,
      now: options.now.toISOString(),
      ...read.params,
      ...country.params,
    },
  };
}

/**
 * The statements of an NDJSON file as a query DuckDB reads in parallel each time it is used,
 * checked only for what the first pass (ndjsonActors) does not check. Statements carry no line
 * number: use it only when none is rejected.
 */
export function ndjsonStatements(warehouse: Warehouse, file: string, rules: CountryRule[], now: Date): Promise<Statements> {
  return statementsQuery(warehouse, file, rules, (fields) => fieldsFromNdjson(fields, CHECKED_BY_FIRST_PASS), { full: false, now });
}

/**
 * An NDJSON file's statements counted per actor, object agent and defect (`ident`,
 * `object_ident`, `defect`, `n`): sql/actors.sql, the first pass.
 */
export function ndjsonActors(file: string): Query {
  const read = fieldsFromNdjson(BASE_PATHS, CHECKED_BY_SECOND_PASS);
  const sql = sqlFile(import.meta.url, "sql/actors.sql").replace("{{fields}}", read.sql);
  return { sql, params: { file, ...read.params } };
}

/** Fills the TEMP table xapi_stage from a statements file of any layout, each with its line or position, every check made. */
export async function stageStatementsFile(
  warehouse: Warehouse,
  file: string,
  format: StatementsFormat,
  rules: CountryRule[],
  now: Date,
  shown: string = file,
): Promise<void> {
  const statements = await statementsQuery(warehouse, file, rules, (fields) => fieldsFromText(linesSql(format), fields), { full: true, now });
  await readingFile(shown, () =>
    warehouse.conn.run(`CREATE OR REPLACE TEMP TABLE xapi_stage AS ${statements.sql}`, usedParams(statements.params, statements.sql)),
  );
}

/** Runs work that reads the file, turning DuckDB's reader errors into one that names the file and says what to do. */
export async function readingFile<T>(shown: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
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
