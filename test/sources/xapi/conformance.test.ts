import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importXapiFiles } from "../../../src/sources/xapi/index.ts";
import type { LoadResult } from "../../../src/warehouse/batch.ts";
import { openTestWarehouse, type TestWarehouse } from "./helpers.ts";

/** Statements built from the ADL LRS conformance suite and from Moodle's logstore_xapi tests (see its README). */
const CONFORMANCE = join(import.meta.dirname, "../../../../shared/fixtures/real/xapi/conformance");

interface Label {
  id: string;
  suite_file: string;
  test: string;
  valid: boolean;
  invalid_in_stored_property: boolean;
}

const labels = JSON.parse(readFileSync(join(CONFORMANCE, "labels.json"), "utf8")) as Label[];

/**
 * The property a suite test is about, from its name: the reject must name it (or a part of it).
 * Tried in order, the most specific first.
 */
function concerned(test: string): string {
  const rules: [RegExp, string][] = [
    [/substatement verb/i, "object.verb"],
    [/version/i, "version"],
    [/timestamp|invalid date|invalid string$/i, "timestamp"],
    [/registration/i, "context.registration"],
    [/context "statement"/i, "context.statement"],
    [/statementref|voided/i, "object"],
    [/verb/i, "verb"],
    [/"id"/i, "id"],
    [/actor/i, "actor"],
  ];
  return rules.find(([pattern]) => pattern.test(test))?.[1] ?? "?";
}

let t: TestWarehouse;
let suite: LoadResult;
let logstore: LoadResult;
let loaded: Set<string>;
let rejects: Map<number, { column: string | null; reason_fr: string; reason_en: string }>;

beforeAll(async () => {
  t = await openTestWarehouse();
  [suite] = (await importXapiFiles(t.ctx, [join(CONFORMANCE, "statements.ndjson")], { country: "SN" })) as [LoadResult];
  [logstore] = (await importXapiFiles(t.ctx, [join(CONFORMANCE, "logstore-xapi-statements.ndjson")], { country: "SN" })) as [LoadResult];
  loaded = new Set((await t.ctx.warehouse.all<{ event_id: string }>("SELECT event_id FROM raw.xapi_statements")).map((r) => r.event_id));
  const rows = await t.ctx.warehouse.all<{ location: string; column: string | null; reason_fr: string; reason_en: string }>(
    'SELECT location, "column", reason_fr, reason_en FROM ops.rejects WHERE load_id = $1',
    [suite.loadId],
  );
  rejects = new Map(rows.map((r) => [Number(r.location.split(":").at(-1)), r]));
});
afterAll(() => t.close());

describe("the xAPI conformance statements (ADL LRS test suite)", () => {
  it("reads all 478, one per labelled test", () => {
    expect(labels).toHaveLength(478);
    expect(suite).toMatchObject({ status: "loaded_with_rejects", rowsRead: 478 });
    expect(suite.rowsLoaded + suite.rowsRejected).toBe(478);
  });

  it("loads every valid statement, but the one timestamped five years after it was stored", () => {
    const valid = labels.filter((l) => l.valid);
    expect(valid).toHaveLength(173);
    const missing = valid.filter((l) => !loaded.has(l.id));
    // The suite accepts any future timestamp; the warehouse refuses one more than a day after
    // `stored`, which would count usage in a month that has not come (issue 15).
    expect(missing.map((l) => l.test)).toEqual(['statement "template" future date']);
    const line = labels.indexOf(missing[0]!) + 1;
    expect(rejects.get(line)).toMatchObject({ column: "timestamp" });
    expect(rejects.get(line)!.reason_en).toMatch(/more than a day after the statement was stored/);
  });

  it("refuses every statement invalid in a property the warehouse keeps or counts, naming that property and the defect", () => {
    const invalid = labels.map((l, i) => ({ ...l, line: i + 1 })).filter((l) => l.invalid_in_stored_property);
    expect(invalid).toHaveLength(50);
    for (const label of invalid) {
      const reject = rejects.get(label.line);
      expect(loaded.has(label.id), label.test).toBe(false);
      expect(reject, label.test).toBeDefined();
      const property = concerned(label.test);
      expect(reject!.column, label.test).toMatch(new RegExp(`^(${property.replace(/\./g, "\\.")}|object\\.${property})(\\.|$)`));
      expect(reject!.reason_en, label.test).toContain(reject!.column);
      expect(reject!.reason_fr, label.test).toContain(reject!.column);
    }
  });

  it("leaves no reject without its property and both languages", () => {
    for (const [line, reject] of rejects) {
      expect(reject.column, `line ${line}`).not.toBeNull();
      expect(reject.reason_fr, `line ${line}`).not.toMatch(/^Propriété invalide/);
      expect(reject.reason_en, `line ${line}`).not.toMatch(/^Invalid property/);
    }
  });
});

describe("the statements Moodle's logstore_xapi plugin emits", () => {
  it("loads all 190", () => {
    expect(logstore).toMatchObject({ status: "loaded", rowsRead: 190, rowsLoaded: 190, rowsRejected: 0 });
  });
});
