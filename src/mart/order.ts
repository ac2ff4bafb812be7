import { ImaginEcoleError } from "../core/errors.ts";

/** A SQL file of the mart, named as a reader would look for it (src/mart/tables/months.sql). */
export interface SqlSource {
  file: string;
  sql: string;
}

/**
 * One step of the mart build: the table it writes, named as the SQL names it (`mart.months`, or a
 * bare name for a temporary table such as `indicator_values`), and the SQL it runs, whose
 * references to other steps' tables are its dependencies.
 */
export interface MartStep {
  writes: string;
  reads: SqlSource[];
  /** The table is kept across builds and the step updates it in place, so its SQL names it too. */
  kept?: boolean;
}

const MART_TABLE = /\bmart\.([a-z_][a-z0-9_]*)/gi;

/** The SQL without its comments, which may name a table the code does not read. */
export function withoutComments(sql: string): string {
  return sql.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/--[^\n]*/g, " ");
}

/** The tables a SQL text reads among `known`: every `mart.<table>`, and each bare known name. */
export function tablesRead(sql: string, known: Iterable<string>): { mart: string[]; bare: string[] } {
  const code = withoutComments(sql);
  const mart = new Set([...code.matchAll(MART_TABLE)].map((m) => `mart.${m[1]!.toLowerCase()}`));
  const bare = [...known].filter((name) => !name.includes(".") && new RegExp(`(?<![\\w.])${name}(?![\\w])`, "i").test(code));
  return { mart: [...mart].sort(), bare: bare.sort() };
}

/**
 * The steps in an order where each comes after every step whose table its SQL reads; among steps
 * free to go, by table name, so the order (and the mart) is the same on every build. Refuses a
 * step reading a mart table no step writes, two steps writing one table, and tables that read
 * each other in a loop.
 */
export function buildOrder<S extends MartStep>(steps: S[]): S[] {
  const byTable = new Map<string, S>();
  for (const step of steps) {
    if (byTable.has(step.writes)) throw writtenTwice(step.writes, byTable.get(step.writes)!, step);
    byTable.set(step.writes, step);
  }
  const needs = new Map<string, string[]>();
  for (const step of steps) {
    const deps = new Set<string>();
    for (const { file, sql } of step.reads) {
      const { mart, bare } = tablesRead(sql, byTable.keys());
      for (const table of mart) {
        if (table === step.writes && step.kept) continue;
        if (!byTable.has(table)) throw unknownTable(file, table);
        deps.add(table);
      }
      for (const table of bare) deps.add(table);
    }
    needs.set(step.writes, [...deps].sort());
  }

  const order: S[] = [];
  const done = new Set<string>();
  const open: string[] = [];
  const visit = (table: string) => {
    if (done.has(table)) return;
    if (open.includes(table)) throw loop([...open.slice(open.indexOf(table)), table]);
    open.push(table);
    for (const dep of needs.get(table)!) visit(dep);
    open.pop();
    done.add(table);
    order.push(byTable.get(table)!);
  };
  for (const table of [...byTable.keys()].sort()) visit(table);
  return order;
}

/**
 * The tables a schema file declares (`CREATE OR REPLACE [TEMP] TABLE <name>`, or `CREATE TABLE IF
 * NOT EXISTS <name>` for those kept across builds), as the SQL names them.
 */
export function declaredTables(schema: string): string[] {
  const code = withoutComments(schema);
  return [...code.matchAll(/\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP\s+|TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_.]*)/gi)].map((m) => m[1]!.toLowerCase());
}

/** Refuses a table declared and never written, or written and never declared. */
export function checkDeclared(schemaFile: string, declared: string[], steps: MartStep[]): void {
  const written = new Set(steps.map((s) => s.writes));
  for (const table of declared) {
    if (!written.has(table)) throw martError(`${schemaFile} déclare ${table}, qu'aucune étape ne remplit`, `${schemaFile} declares ${table}, which no step fills`);
  }
  const known = new Set(declared);
  for (const step of steps) {
    if (!known.has(step.writes)) {
      const by = step.reads[0]?.file ?? step.writes;
      throw martError(`${by} remplit ${step.writes}, que ${schemaFile} ne déclare pas`, `${by} fills ${step.writes}, which ${schemaFile} does not declare`);
    }
  }
}

function unknownTable(file: string, table: string): ImaginEcoleError {
  return martError(`${file} lit ${table}, qu'aucun fichier du mart ne construit`, `${file} reads ${table}, which no file of the mart builds`);
}

function writtenTwice(table: string, first: MartStep, second: MartStep): ImaginEcoleError {
  const name = (s: MartStep) => s.reads[0]?.file ?? s.writes;
  return martError(`${name(first)} et ${name(second)} construisent tous deux ${table}`, `${name(first)} and ${name(second)} both build ${table}`);
}

function loop(tables: string[]): ImaginEcoleError {
  const chain = tables.join(" → ");
  return martError(`ses tables se lisent en boucle (${chain})`, `its tables read each other in a loop (${chain})`);
}

function martError(fr: string, en: string): ImaginEcoleError {
  return new ImaginEcoleError({ fr: `Le mart ne peut pas être construit : ${fr}.`, en: `The mart cannot be built: ${en}.` });
}
