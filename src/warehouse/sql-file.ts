import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { DuckDBValue } from "@duckdb/node-api";

/** Named parameters (`$name` in the SQL) and their values. */
export type SqlParams = Record<string, DuckDBValue>;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Quoted text ('…' strings, "…" identifiers), kept as it is, and comments, dropped. */
const QUOTED_OR_COMMENT = /'[^']*(?:''[^']*)*'?|"[^"]*(?:""[^"]*)*"?|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g;
const PARAM = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const SLOT = /\{\{(\w+)\}\}/g;
/** A statement ends with a semicolon at the end of a line. */
const END = /;[ \t\r]*(?:\n|$)/g;

/**
 * SQL text cut into code and quoted text, alternately: `parts[0]` is code, `parts[1]` quoted,
 * `parts[2]` code… Parameters, slots and statement ends are only looked for in code.
 */
type Parts = readonly string[];

/** One statement: its text without comments, the parameters it mentions (each with the file that does) and its unfilled slots. */
interface Statement {
  readonly parts: Parts;
  readonly mentions: ReadonlyMap<string, string>;
  readonly slots: readonly string[];
}

/**
 * One or more SQL statements read from a file (or given as text), parsed once. Run them with
 * Warehouse's methods, which hold to one rule: every parameter a statement mentions must be
 * given (else an error names the file and the parameter); given parameters it does not mention
 * are not bound. `{{slot}}`s take generated SQL structure with `fill`, never values.
 */
export class Sql {
  private constructor(
    /** Where the text comes from, as errors name it (`src/status/freshness.sql`). */
    readonly source: string,
    private readonly list: readonly Statement[],
  ) {}

  /** SQL given as text; `source` names it in errors. Split into statements like a file. */
  static text(text: string, source: string): Sql {
    return new Sql(source, splitStatements(lex(text)).map((parts) => statement(parts, source)));
  }

  /** The statements, each as its own Sql (a file's DELETE and INSERT run at different times). */
  split(): Sql[] {
    return this.list.map((s) => new Sql(this.source, [s]));
  }

  /** The text of the statements, without comments; each but the last ends with `;`. */
  get text(): string {
    return this.list.map((s) => s.parts.join("")).join(";\n");
  }

  /**
   * `{{slot}}`s filled with generated SQL (text, or Sql whose own parameters it brings along).
   * Slots with no fragment stay, to be filled later; fragments with no slot are ignored.
   */
  fill(fragments: Record<string, string | Sql>): Sql {
    const given = new Map<string, Statement>();
    for (const [slot, fragment] of Object.entries(fragments)) {
      given.set(slot, typeof fragment === "string" ? statement(lex(fragment), this.source) : fragment.only());
    }
    return new Sql(this.source, this.list.map((s) => (s.slots.some((slot) => given.has(slot)) ? filled(s, given) : s)));
  }

  /** The one statement inside other SQL: `q.wrap((sql) => \`INSERT INTO t BY NAME (${sql})\`)`. */
  wrap(around: (sql: string) => string): Sql {
    return Sql.text(around("{{wrapped}}"), this.source).fill({ wrapped: this });
  }

  /**
   * Each statement's text and the values it binds: the one rule. Throws, naming the file, when a
   * parameter the statement mentions is missing (undefined counts as missing: give null for NULL)
   * or a slot is still empty.
   */
  bind(given: SqlParams = {}): Array<{ text: string; values: SqlParams }> {
    return this.list.map((s) => {
      if (s.slots.length > 0) throw new Error(`${this.source}: no SQL was given for {{${s.slots[0]}}}`);
      return { text: s.parts.join(""), values: bound(s, given) };
    });
  }

  private only(): Statement {
    if (this.list.length !== 1) throw new Error(`${this.source}: ${this.list.length} statements, where one was expected`);
    return this.list[0]!;
  }
}

function bound(s: Statement, given: SqlParams): SqlParams {
  const values: SqlParams = {};
  for (const [name, source] of s.mentions) {
    const value = Object.hasOwn(given, name) ? given[name] : undefined;
    if (value === undefined) throw new Error(`${source}: parameter $${name} was not given`);
    values[name] = value;
  }
  return values;
}

const cache = new Map<string, Sql>();

/** The .sql file next to the module asking for it (`sqlFile(import.meta.url, "x.sql")`), parsed once. */
export function sqlFile(moduleUrl: string, name: string): Sql {
  const url = new URL(name, moduleUrl);
  let sql = cache.get(url.href);
  if (sql === undefined) {
    const path = fileURLToPath(url);
    sql = Sql.text(readFileSync(path, "utf8"), relative(ROOT, path));
    cache.set(url.href, sql);
  }
  return sql;
}

/** Code and quoted text, alternately, comments dropped. */
function lex(text: string): string[] {
  const parts: string[] = [];
  let code = "";
  let from = 0;
  for (const match of text.matchAll(QUOTED_OR_COMMENT)) {
    code += text.slice(from, match.index);
    from = match.index + match[0].length;
    const token = match[0];
    if (token.startsWith("--") || token.startsWith("/*")) continue;
    parts.push(code, token);
    code = "";
  }
  parts.push(code + text.slice(from));
  return parts;
}

/** Cuts at the semicolons that end a line in code; statements holding only blanks are dropped. */
function splitStatements(parts: string[]): string[][] {
  const statements: string[][] = [];
  let current: string[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      current.push(part);
      return;
    }
    const last = i === parts.length - 1;
    let from = 0;
    for (const match of part.matchAll(END)) {
      // At the end of a code part that quoted text follows, the semicolon does not end its line.
      if (!last && match.index + match[0].length === part.length && !match[0].endsWith("\n")) break;
      current.push(part.slice(from, match.index));
      statements.push(current);
      current = [];
      from = match.index + match[0].length;
    }
    current.push(part.slice(from));
  });
  statements.push(current);
  return statements.map(trimmed).filter((s) => s.length > 1 || s[0] !== "");
}

/** Leading and trailing blanks of the code off; empty code parts between quoted ones stay, to keep the alternation. */
function trimmed(parts: string[]): string[] {
  const out = [...parts];
  out[0] = out[0]!.trimStart();
  out[out.length - 1] = out[out.length - 1]!.trimEnd();
  return out;
}

function statement(parts: Parts, source: string): Statement {
  const mentions = new Map<string, string>();
  const slots = new Set<string>();
  for (let i = 0; i < parts.length; i += 2) {
    for (const [, name] of parts[i]!.matchAll(PARAM)) mentions.set(name!, source);
    for (const [, name] of parts[i]!.matchAll(SLOT)) slots.add(name!);
  }
  return { parts, mentions, slots: [...slots] };
}

/** The statement with its slots filled; each fragment's parameters are mentioned by its own file (text: by this one). */
function filled(s: Statement, fragments: ReadonlyMap<string, Statement>): Statement {
  const parts: string[] = [""];
  const mentions = new Map(s.mentions);
  const append = (more: Parts) => {
    parts[parts.length - 1] += more[0]!;
    parts.push(...more.slice(1));
  };
  s.parts.forEach((part, i) => {
    if (i % 2 === 1) return append(["", part, ""]);
    let from = 0;
    for (const match of part.matchAll(SLOT)) {
      const inner = fragments.get(match[1]!);
      if (inner === undefined) continue;
      append([part.slice(from, match.index)]);
      from = match.index + match[0].length;
      append(inner.parts);
      for (const [name, source] of inner.mentions) if (!mentions.has(name)) mentions.set(name, source);
    }
    append([part.slice(from)]);
  });
  const slots = new Set<string>();
  for (let i = 0; i < parts.length; i += 2) for (const [, name] of parts[i]!.matchAll(SLOT)) slots.add(name!);
  return { parts, mentions, slots: [...slots] };
}
