import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunContext } from "../../../src/context/run-context.ts";
import { openTestContext, type TestContext } from "../../support/context.ts";

export const FIXTURES = join(import.meta.dirname, "../../fixtures/real");

export type TestWarehouse = TestContext;

/** A fresh warehouse file in a temp folder, with a context whose root is that folder. */
export function openTestWarehouse(options: { dryRun?: boolean } = {}): Promise<TestWarehouse> {
  return openTestContext(options);
}

/** The statements of shared/fixtures/real/xapi/statements_xapi_spec_examples.json. */
export function specStatements(): Record<string, unknown>[] {
  const entries = JSON.parse(readFileSync(join(FIXTURES, "xapi/statements_xapi_spec_examples.json"), "utf8")) as {
    statement: Record<string, unknown>;
  }[];
  return entries.map((e) => e.statement);
}

/** The statements of shared/fixtures/real/xapi/statements_moodle_logstore_xapi.json (no id: the LRS adds it). */
export function moodleLogstoreStatements(): Record<string, unknown>[] {
  const entries = JSON.parse(readFileSync(join(FIXTURES, "xapi/statements_moodle_logstore_xapi.json"), "utf8")) as {
    statements: Record<string, unknown>[];
  }[];
  return entries.flatMap((e) => e.statements);
}

export function writeNdjson(path: string, lines: (object | string)[]): string {
  writeFileSync(path, lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n");
  return path;
}

/** A statement of the regional platform, attributed by the country extension. */
export function statement(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    actor: { objectType: "Agent", name: "Awa Diop", mbox: `mailto:awa.diop.${id.slice(0, 4)}@example.sn` },
    verb: { id: "http://id.tincanapi.com/verb/viewed", display: { fr: "a consulté" } },
    object: { objectType: "Activity", id: "https://imaginecole.org/resources/42" },
    timestamp: "2026-03-01T10:00:00Z",
    context: { extensions: { "https://imaginecole.org/xapi/extensions/country": "SN" } },
    ...overrides,
  };
}

export function voiding(id: string, target: string): Record<string, unknown> {
  return statement(id, {
    verb: { id: "http://adlnet.gov/expapi/verbs/voided", display: { "en-US": "voided" } },
    object: { objectType: "StatementRef", id: target },
  });
}

/** Every VARCHAR value of every table of the warehouse, for privacy checks. */
export async function allText(ctx: RunContext): Promise<string> {
  const columns = await ctx.warehouse.all<{ schema_name: string; table_name: string; column_name: string }>(
    `SELECT schema_name, table_name, column_name FROM duckdb_columns()
     WHERE data_type = 'VARCHAR' AND NOT internal AND database_name = current_database()`,
  );
  const parts: string[] = [];
  for (const c of columns) {
    const rows = await ctx.warehouse.all<{ v: string | null }>(
      `SELECT "${c.column_name}" AS v FROM "${c.schema_name}"."${c.table_name}"`,
    );
    for (const r of rows) if (r.v !== null) parts.push(r.v);
  }
  return parts.join("\n");
}

export async function count(ctx: RunContext, table: string, where = "true"): Promise<number> {
  return Number(await ctx.warehouse.scalar(`SELECT count(*) FROM ${table} WHERE ${where}`));
}
