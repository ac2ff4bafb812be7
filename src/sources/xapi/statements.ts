import type { CountryRule } from "./settings.ts";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import { sqlFile } from "../../warehouse/sql-file.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { BASE_FIELDS, BASE_PATHS, compileCountryRules } from "./country-rules.ts";
import { fieldsFromNdjson, fieldsFromText, type Field, type FieldsQuery } from "./fields.ts";
import { linesSql, type StatementsFormat } from "./file-format.ts";
import type { Query } from "../usage/sql.ts";
import type { FileShape, Statements } from "../usage/statements.ts";

const F = BASE_FIELDS;

/** What the first pass over an NDJSON file reads (sql/actors.sql): what repeats from statement to statement. */
const FIRST_PASS: ReadonlySet<Field> = new Set<Field>([
  F.actorObjectType, F.actorName, F.actorMbox, F.actorSha1, F.actorOpenid, F.actorHomePage, F.actorAccountNameJson, F.actorMember,
  F.verbId, F.verbDisplay,
]);

/** What the second pass over a file the first pass found clean reads (sql/statements.clean.sql). */
const SECOND_PASS: ReadonlySet<Field> = new Set<Field>([
  F.id, F.actorMbox, F.actorSha1, F.actorOpenid, F.actorHomePage, F.actorAccountName, F.actorMember, F.verbId, F.objectType, F.objectId,
  F.timestamp, F.stored, F.registration, F.contextStatement, F.version,
]);

const unread = (read: ReadonlySet<Field>): ReadonlySet<Field> => new Set(BASE_PATHS.filter((f) => !read.has(f)));

type Fields = (fields: readonly Field[]) => FieldsQuery;

async function hasReference(warehouse: Warehouse): Promise<boolean> {
  return Number(await warehouse.scalar("SELECT count(*) FROM core.countries")) > 0;
}

const nowUs = (now: Date): bigint => BigInt(now.getTime()) * 1000n;

/** Every statement of a file checked in full (sql/statements.sql), for the stage. */
async function checkedStatements(warehouse: Warehouse, file: string, rules: CountryRule[], fields: Fields, now: Date): Promise<Statements> {
  const country = compileCountryRules(rules);
  const read = fields([...BASE_PATHS, ...country.paths.map((path) => ({ path }))]);
  const sql = sqlFile(import.meta.url, "sql/statements.sql").fill({ fields: read.sql, country: country.sql });
  return {
    sql: sql.wrap((relation) => `(${relation})`),
    params: { file, has_reference: await hasReference(warehouse), now_us: nowUs(now), ...read.params, ...country.params },
  };
}

/**
 * The statements of an NDJSON file as a query DuckDB reads in parallel each time it is used, for
 * a file the first pass (ndjsonActors) found clean: only what differs from statement to statement
 * is checked (sql/statements.clean.sql), the rest after the insert (commit.ts). Statements carry
 * no line number: use it only when none is rejected.
 */
export async function ndjsonStatements(
  warehouse: Warehouse,
  file: string,
  rules: CountryRule[],
  now: Date,
  shape: FileShape,
): Promise<Statements> {
  const country = compileCountryRules(rules);
  const read = fieldsFromNdjson([...BASE_PATHS, ...country.paths.map((path) => ({ path }))], unread(SECOND_PASS));
  const voided = `CASE WHEN xapi_is_void("verb.id") AND "object.objectType" = 'StatementRef' THEN xapi_uuid("object.id") END`;
  const sql = sqlFile(import.meta.url, "sql/statements.clean.sql").fill({
    fields: read.sql,
    country: country.sql,
    voided_target: shape.voids ? voided : "NULL::VARCHAR",
  });
  return {
    sql: sql.wrap((relation) => `(${relation})`),
    params: { file, has_reference: await hasReference(warehouse), now_us: nowUs(now), ...read.params, ...country.params },
  };
}

/**
 * An NDJSON file's statements counted per actor, verb and defect (`ident`, `actor_hash`,
 * `is_void`, `defect`, `n`): sql/actors.sql, the first pass.
 */
export function ndjsonActors(file: string): Query {
  const read = fieldsFromNdjson(BASE_PATHS, unread(FIRST_PASS));
  const sql = sqlFile(import.meta.url, "sql/actors.sql").fill({ fields: read.sql });
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
  const statements = await checkedStatements(warehouse, file, rules, (fields) => fieldsFromText(linesSql(format), fields), now);
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
