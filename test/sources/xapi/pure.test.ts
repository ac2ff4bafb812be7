import { describe, expect, it } from "vitest";
import { compileCountryRules } from "../../../src/sources/xapi/country-rules.ts";
import { jsonPath, readJsonColumns } from "../../../src/sources/xapi/fields.ts";
import { latestStored, nextCursor } from "../../../src/sources/xapi/cursor.ts";
import { detectFormat } from "../../../src/sources/xapi/file-format.ts";
import { retryDelay } from "../../../src/sources/xapi/retry.ts";

describe("detectFormat(head)", () => {
  it("tells NDJSON, arrays and single documents apart", () => {
    expect(detectFormat('{"id":"a"}\n{"id":"b"}\n')).toBe("ndjson");
    expect(detectFormat('{"id":"a"}')).toBe("ndjson");
    expect(detectFormat('\uFEFF  [\n {"id":"a"}\n]')).toBe("array");
    expect(detectFormat('{\n  "statements": [],\n  "more": ""\n}')).toBe("document");
    expect(detectFormat('{"statements":[{"id":"a"}],"more":""}\n')).toBe("document");
  });

  it("keeps NDJSON whose first line is broken as NDJSON, so the line is rejected alone", () => {
    expect(detectFormat('{"id": "a", "actor": \n{"id":"b"}\n')).toBe("ndjson");
  });
});

describe("compileCountryRules(rules)", () => {
  it("binds every configured value and keeps rule order", () => {
    const compiled = compileCountryRules([
      { from: "platform", map: { "Moodle Sénégal": "SN" } },
      { from: "activity", pattern: "^https://([a-z]{2})\\.imaginecole\\.org/" },
      { from: "fixed", country: "ML" },
    ]);
    expect(compiled.paths).toEqual([["context", "platform"]]);
    expect(compiled.params).toEqual({ rule0_k0: "Moodle Sénégal", rule0_v0: "SN", rule1: "^https://([a-z]{2})\\.imaginecole\\.org/", rule2: "ML" });
    expect(compiled.sql).not.toContain("Sénégal");
    expect(compiled.sql.indexOf("$rule0_k0")).toBeLessThan(compiled.sql.indexOf("$rule1"));
  });

  it("refuses a pattern without a group around the country code", () => {
    expect(() => compileCountryRules([{ from: "homepage", pattern: "imaginecole" }])).toThrow(/group/);
  });
});

describe("statement fields", () => {
  const paths = [["id"], ["actor", "account", "name"], ["actor", "mbox"], ["context", "extensions", "https://x.org/country's"]];
  it("names a property by a JSON path, quoting keys that are not plain names", () => {
    expect(paths.map(jsonPath)).toEqual(["$.id", "$.actor.account.name", "$.actor.mbox", '$.context.extensions."https://x.org/country\'s"']);
  });
  it("asks the JSON reader for exactly those properties, objects as nested structs", () => {
    expect(readJsonColumns(paths)).toEqual({
      id: "VARCHAR",
      actor: 'STRUCT("account" STRUCT("name" VARCHAR), "mbox" VARCHAR)',
      context: 'STRUCT("extensions" STRUCT("https://x.org/country\'s" VARCHAR))',
    });
  });
  it("refuses a property that is both a value and an object", () => {
    expect(() => readJsonColumns([["actor"], ["actor", "mbox"]])).toThrow(/both a value and an object/);
  });
});

describe("retryDelay(attempt, retryAfter, options)", () => {
  const options = { baseDelayMs: 100, maxDelayMs: 1000 };
  it("doubles from the base delay up to the cap", () => {
    expect([1, 2, 3, 4, 5].map((a) => retryDelay(a, null, options))).toEqual([100, 200, 400, 800, 1000]);
  });
  it("waits as long as Retry-After asks, in seconds or as an HTTP date", () => {
    expect(retryDelay(1, "3", options)).toBe(3000);
    expect(retryDelay(1, "Sat, 28 Nov 2026 12:00:05 GMT", options, Date.parse("2026-11-28T12:00:00Z"))).toBe(5000);
  });
});

describe("nextCursor(input)", () => {
  it("mid-listing, moves to the last stored, capped by Consistent-Through", () => {
    expect(nextCursor({ previous: null, lastStored: "2026-01-01T00:00:04Z", consistentThrough: "2026-01-01T00:00:10Z", complete: false })).toBe("2026-01-01T00:00:04.000Z");
    expect(nextCursor({ previous: null, lastStored: "2026-01-01T00:00:12Z", consistentThrough: "2026-01-01T00:00:10Z", complete: false })).toBe("2026-01-01T00:00:10.000Z");
  });
  it("once the listing is complete, moves to Consistent-Through, else to the last stored", () => {
    expect(nextCursor({ previous: "2026-01-01T00:00:04Z", lastStored: "2026-01-01T00:00:06Z", consistentThrough: "2026-01-01T00:00:10Z", complete: true })).toBe("2026-01-01T00:00:10.000Z");
    expect(nextCursor({ previous: null, lastStored: "2026-01-01T00:00:06Z", consistentThrough: null, complete: true })).toBe("2026-01-01T00:00:06.000Z");
  });
  it("never moves back", () => {
    expect(nextCursor({ previous: "2026-02-01T00:00:00.000Z", lastStored: "2026-01-01T00:00:06Z", consistentThrough: null, complete: false })).toBe("2026-02-01T00:00:00.000Z");
  });
  it("latestStored(statements) compares instants, not strings", () => {
    expect(latestStored([{ stored: "2026-01-01T10:00:00+02:00" }, { stored: "2026-01-01T09:00:00Z" }, {}])).toBe("2026-01-01T09:00:00Z");
  });
});
